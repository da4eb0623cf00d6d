package notify_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

const secret = "a shared webhook secret"

// receiver is a real local HTTP receiver; answer decides each attempt's reply (attempts count from 1).
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	requests []receivedWebhook
	answered chan int
}

type receivedWebhook struct {
	header   http.Header
	body     []byte
	verified bool
}

func startReceiver(t *testing.T, answer func(attempt int, w http.ResponseWriter)) *receiver {
	t.Helper()
	r := &receiver{answered: make(chan int, 16)}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		ok := notify.Verify(secret, req.Header.Get(notify.HeaderTimestamp), body, req.Header.Get(notify.HeaderSignature))
		r.mu.Lock()
		r.requests = append(r.requests, receivedWebhook{req.Header.Clone(), body, ok})
		attempt := len(r.requests)
		r.mu.Unlock()
		answer(attempt, w)
		r.answered <- attempt
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) all() []receivedWebhook {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]receivedWebhook(nil), r.requests...)
}

// deliveries waits until the delivery log holds n attempts of job id and returns them, oldest first.
func deliveries(t *testing.T, db *store.DB, id int64, n int) []*store.WebhookDelivery {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var list []*store.WebhookDelivery
		err := db.View(t.Context(), func(tx *store.Tx) (err error) {
			list, err = tx.WebhookDeliveries(t.Context(), store.DeliveryFilter{JobID: id})
			return err
		})
		if err != nil {
			t.Fatalf("deliveries: %v", err)
		}
		if len(list) >= n || time.Now().After(deadline) {
			for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
				list[i], list[j] = list[j], list[i]
			}
			return list
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestWebhookDeliveredSigned(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := startReceiver(t, func(int, http.ResponseWriter) {})
		q := startQueue(t, db, notify.Config{WebhookSecret: secret})
		id := enqueue(t, db, q, notify.Webhook{URL: r.URL + "/hook", Event: "case.opened",
			Payload: json.RawMessage(`{"case":42}`)}, time.Time{})

		log := deliveries(t, db, id, 1)
		if len(log) != 1 || log[0].StatusCode != 200 || log[0].Error != "" || log[0].Attempt != 1 {
			t.Fatalf("got delivery log %+v, want one successful attempt", log)
		}
		got := r.all()[0]
		if !got.verified {
			t.Errorf("got a signature that does not verify: %q", got.header.Get(notify.HeaderSignature))
		}
		var envelope struct {
			ID    int64
			Event string
			Data  struct{ Case int }
		}
		if err := json.Unmarshal(got.body, &envelope); err != nil || envelope.ID != id ||
			envelope.Event != "case.opened" || envelope.Data.Case != 42 {
			t.Errorf("got body %s (%v), want id %d, event case.opened, data {case: 42}", got.body, err, id)
		}
		if h := got.header.Get(notify.HeaderDelivery); h != strconv.FormatInt(id, 10) {
			t.Errorf("got %s %q, want %d", notify.HeaderDelivery, h, id)
		}
	})
}

func TestWebhookRetriedUntilAccepted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		r := startReceiver(t, func(attempt int, w http.ResponseWriter) {
			switch attempt {
			case 1:
				time.Sleep(300 * time.Millisecond) // past the timeout
			case 2:
				w.WriteHeader(http.StatusServiceUnavailable)
			}
		})
		q := startQueue(t, db, notify.Config{WebhookSecret: secret, WebhookTimeout: 100 * time.Millisecond})
		id := enqueue(t, db, q, notify.Webhook{URL: r.URL, Event: "case.decided"}, time.Time{})

		log := deliveries(t, db, id, 3)
		if len(log) != 3 {
			t.Fatalf("got %d logged attempts, want 3: %+v", len(log), log)
		}
		tests := []struct {
			status  int
			failed  bool
			minTime time.Duration
		}{
			{0, true, 100 * time.Millisecond}, // timed out: no answer
			{503, true, 0},
			{200, false, 0},
		}
		for i, want := range tests {
			got := log[i]
			if got.Attempt != i+1 || got.StatusCode != want.status || (got.Error != "") != want.failed ||
				got.Duration < want.minTime {
				t.Errorf("attempt %d: got %+v, want attempt %d, status %d, failed %v, at least %s",
					i+1, got, i+1, want.status, want.failed, want.minTime)
			}
		}
		for i, req := range r.all() {
			if !req.verified {
				t.Errorf("request %d: got a signature that does not verify", i+1)
			}
		}
	})
}

func TestVerify(t *testing.T) {
	body := []byte(`{"id":1,"event":"case.opened","data":{}}`)
	good := notify.Sign(secret, "1700000000", body)
	tests := []struct {
		name      string
		secret    string
		timestamp string
		body      []byte
		signature string
		want      bool
	}{
		{"as signed", secret, "1700000000", body, good, true},
		{"other secret", "another secret", "1700000000", body, good, false},
		{"other timestamp", secret, "1700000001", body, good, false},
		{"changed body", secret, "1700000000", []byte(`{"id":2}`), good, false},
		{"without prefix", secret, "1700000000", body, good[len("sha256="):], false},
		{"not hex", secret, "1700000000", body, "sha256=zz", false},
		{"empty", secret, "1700000000", body, "", false},
	}
	for _, tc := range tests {
		if got := notify.Verify(tc.secret, tc.timestamp, tc.body, tc.signature); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func FuzzVerify(f *testing.F) {
	f.Add("1700000000", []byte(`{"id":1}`), "sha256=00")
	f.Add("", []byte{}, "")
	f.Fuzz(func(t *testing.T, timestamp string, body []byte, signature string) {
		want := notify.Sign(secret, timestamp, body)
		if !notify.Verify(secret, timestamp, body, want) {
			t.Errorf("got the fresh signature %q refused, want it verified", want)
		}
		// Hex is read in either case; nothing else but the right MAC passes.
		if notify.Verify(secret, timestamp, body, signature) && !strings.EqualFold(signature, want) {
			t.Errorf("got %q accepted, want only %q", signature, want)
		}
	})
}
