package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"

	"github.com/riverqueue/river"
)

// Headers of every webhook request.
const (
	HeaderEvent     = "X-Bordermark-Event"
	HeaderDelivery  = "X-Bordermark-Delivery" // the job id: the same for every attempt
	HeaderTimestamp = "X-Bordermark-Timestamp"
	HeaderSignature = "X-Bordermark-Signature" // "sha256=" + hex HMAC of timestamp + "." + body
)

// Webhook posts Payload, wrapped as {"id", "event", "data"}, to URL.
type Webhook struct {
	URL     string          `json:"url"`
	Event   string          `json:"event"`
	Payload json.RawMessage `json:"payload"`
}

// Kind names the job kind in River's table.
func (Webhook) Kind() string { return "webhook" }

func (h Webhook) validate() error {
	p := ipr.Problems{}
	if u, err := url.Parse(h.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.Add("url", "must be an http:// or https:// address")
	}
	if strings.TrimSpace(h.Event) == "" {
		p.Add("event", "is required")
	}
	if len(h.Payload) > 0 && !json.Valid(h.Payload) {
		p.Add("payload", "is not valid JSON")
	}
	return p.Err("the webhook is not valid")
}

// Sign returns the signature header value for body sent at timestamp (Unix seconds, as text).
func Sign(secret, timestamp string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(timestamp))
	mac.Write([]byte("."))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Verify reports whether signature is the one secret gives body sent at
// timestamp. Receivers should also refuse timestamps minutes old, against replays.
func Verify(secret, timestamp string, body []byte, signature string) bool {
	got, ok := strings.CutPrefix(signature, "sha256=")
	if !ok {
		return false
	}
	gotMAC, err := hex.DecodeString(got)
	if err != nil {
		return false
	}
	want, _ := hex.DecodeString(strings.TrimPrefix(Sign(secret, timestamp, body), "sha256="))
	return hmac.Equal(gotMAC, want)
}

type webhookWorker struct {
	river.WorkerDefaults[Webhook]
	db      *store.DB
	secret  string
	timeout time.Duration
	client  *http.Client
	logger  *slog.Logger
}

func newWebhookWorker(db *store.DB, cfg Config, logger *slog.Logger) *webhookWorker {
	timeout := orDefault(cfg.WebhookTimeout, 10*time.Second)
	return &webhookWorker{db: db, secret: cfg.WebhookSecret, timeout: timeout, logger: logger,
		client: &http.Client{
			Timeout: timeout,
			// A redirect would re-send the signed body elsewhere; a 3xx counts as a failure instead.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}}
}

func (w *webhookWorker) Timeout(*river.Job[Webhook]) time.Duration { return w.timeout + 5*time.Second }

// Work makes one delivery attempt and logs it; an error makes River retry with back-off.
func (w *webhookWorker) Work(ctx context.Context, job *river.Job[Webhook]) error {
	start := time.Now()
	status, err := w.post(ctx, job)
	d := &store.WebhookDelivery{JobID: job.ID, Event: job.Args.Event, URL: job.Args.URL, Attempt: job.Attempt,
		StatusCode: status, Duration: time.Since(start), AttemptedAt: start}
	if err != nil {
		d.Error = err.Error()
	}
	w.logAttempt(ctx, d)
	return err
}

// post sends the webhook once and returns the receiver's status code (0 when it did not answer).
func (w *webhookWorker) post(ctx context.Context, job *river.Job[Webhook]) (int, error) {
	data := job.Args.Payload
	if len(data) == 0 {
		data = json.RawMessage("{}")
	}
	body, err := json.Marshal(struct {
		ID    int64           `json:"id"`
		Event string          `json:"event"`
		Data  json.RawMessage `json:"data"`
	}{job.ID, job.Args.Event, data})
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, job.Args.URL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	timestamp := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Bordermark-Webhook")
	req.Header.Set(HeaderEvent, job.Args.Event)
	req.Header.Set(HeaderDelivery, strconv.FormatInt(job.ID, 10))
	req.Header.Set(HeaderTimestamp, timestamp)
	req.Header.Set(HeaderSignature, Sign(w.secret, timestamp, body))
	resp, err := w.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("receiver answered %s", resp.Status)
	}
	return resp.StatusCode, nil
}

// logAttempt records d even when the job's context is done (a timed-out attempt is the one to log).
// A failure to log is only reported: failing the job would deliver the webhook again.
func (w *webhookWorker) logAttempt(ctx context.Context, d *store.WebhookDelivery) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err := w.db.Update(ctx, func(tx *store.Tx) error { return tx.AddWebhookDelivery(ctx, d) })
	if err != nil {
		w.logger.ErrorContext(ctx, "notify: cannot log webhook delivery", "job", d.JobID, "attempt", d.Attempt, "err", err)
	}
}
