package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
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

func TestServeJobSettings(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		smtp    notify.SMTPConfig
		secret  string
		want    enforce.NotifyConfig
		wantErr string
	}{
		{name: "nothing configured"},
		{name: "mail server from the environment",
			env: map[string]string{"BORDERMARK_SMTP_ADDR": "mail.example:587", "BORDERMARK_SMTP_USER": "bm",
				"BORDERMARK_SMTP_PASSWORD": "pw", "BORDERMARK_SMTP_FROM": "noreply@customs.example"},
			smtp: notify.SMTPConfig{Host: "mail.example", Port: 587, From: "noreply@customs.example", Username: "bm", Password: "pw"},
			want: enforce.NotifyConfig{Email: true}},
		{name: "flags override the environment", args: []string{"--smtp-addr", "127.0.0.1:2525"},
			env:  map[string]string{"BORDERMARK_SMTP_ADDR": "mail.example:587"},
			smtp: notify.SMTPConfig{Host: "127.0.0.1", Port: 2525, From: "Bordermark <bordermark@localhost>"},
			want: enforce.NotifyConfig{Email: true}},
		{name: "webhooks", args: []string{"--webhook-url", "https://hooks.example/bm"},
			env:    map[string]string{"BORDERMARK_WEBHOOK_SECRET": "s3cret"},
			secret: "s3cret", want: enforce.NotifyConfig{WebhookURL: "https://hooks.example/bm"}},
		{name: "mail server without a port", args: []string{"--smtp-addr", "mail.example"}, wantErr: "smtp-addr"},
		{name: "webhook without a secret", env: map[string]string{"BORDERMARK_WEBHOOK_URL": "https://hooks.example"},
			wantErr: "webhook-secret"},
		{name: "webhook not over http", args: []string{"--webhook-url", "ftp://hooks.example", "--webhook-secret", "s"},
			wantErr: "webhook-url"},
	}
	for _, tc := range tests {
		fs := newFlags("serve", "", io.Discard)
		jobs := jobFlags(fs, func(k string) string { return tc.env[k] })
		if err := parse(fs, tc.args); err != nil {
			t.Fatalf("%s: parse: %v", tc.name, err)
		}
		q, n, err := jobs.config()
		if tc.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr+":") {
				t.Errorf("%s: got %v, want an error naming %s", tc.name, err, tc.wantErr)
			}
			continue
		}
		if err != nil || q.SMTP != tc.smtp || q.WebhookSecret != tc.secret || n != tc.want {
			t.Errorf("%s: got %+v, secret %q, %+v, %v; want %+v, %q, %+v", tc.name, q.SMTP, q.WebhookSecret, n, err,
				tc.smtp, tc.secret, tc.want)
		}
	}
}

// The server's queue works jobs once started and stops gracefully: a job in
// progress when it stops finishes first.
func TestServeJobQueueStopsGracefully(t *testing.T) {
	svc, closeDB, err := openService(t.Context(), storetest.DSNs(t)["sqlite"], slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	started, finished := make(chan struct{}), make(chan struct{})
	hooks := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		close(finished)
	}))
	defer hooks.Close()
	ctx, cancel := context.WithCancel(t.Context())
	stop, err := startJobs(ctx, svc, notify.Config{WebhookSecret: "s", PollInterval: 20 * time.Millisecond},
		enforce.NotifyConfig{WebhookURL: hooks.URL}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if svc.Jobs == nil || svc.Notify.WebhookURL != hooks.URL {
		t.Fatalf("got Jobs %v and %+v, want the queue and the webhook address given to the services", svc.Jobs, svc.Notify)
	}
	err = svc.DB.Update(t.Context(), func(tx *store.Tx) error {
		_, err := svc.Jobs.Enqueue(t.Context(), tx, notify.Webhook{URL: hooks.URL, Event: "case.open"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("the webhook was not sent within 10s")
	}
	cancel() // the signal to shut down
	stop()
	select {
	case <-finished:
	default:
		t.Error("stop returned before the webhook in progress finished")
	}
}
