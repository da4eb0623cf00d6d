package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"
)

// A signal to stop must let requests in flight finish before serve returns.
func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte("finished"))
	})
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, slow, slog.New(slog.DiscardHandler)) }()

	got := make(chan int, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String())
		if err != nil {
			got <- 0
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-started
	stop()
	if status := <-got; status != http.StatusOK {
		t.Errorf("request in flight during shutdown: got status %d, want 200", status)
	}
	if err := <-done; err != nil {
		t.Errorf("serve: got %v, want nil after a graceful shutdown", err)
	}
}
