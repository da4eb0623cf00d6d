package enforce_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

const hookSecret = "case webhook secret"

// startJobs starts a real job queue on s's database that polls often and retries
// soon (an expiry reminder retries until the test moves the clock past the
// deadline), working reminders with s.HandleReminder; it stops when the test ends.
func startJobs(t *testing.T, s *enforce.Service, mailer *mailbox, nc enforce.NotifyConfig) {
	t.Helper()
	cfg := notify.Config{WebhookSecret: hookSecret, Handlers: notify.Handlers{Reminder: s.HandleReminder},
		PollInterval: 20 * time.Millisecond, MaxAttempts: 400,
		Backoff: func(int) time.Duration { return 25 * time.Millisecond }}
	if mailer != nil {
		cfg.SMTP = notify.SMTPConfig{Host: "127.0.0.1", Port: mailer.port(), From: "Bordermark <noreply@bordermark.test>"}
	}
	if !testing.Verbose() {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	q, err := notify.Start(t.Context(), s.DB, cfg)
	if err != nil {
		t.Fatalf("start the job queue: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := q.Stop(ctx); err != nil {
			t.Errorf("stop the job queue: %v", err)
		}
	})
	s.Jobs, s.Notify = q, nc
}

func TestCaseNotifyHolderByEmailAndWebhook(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		mailer, hooks := startMailbox(t), startHooks(t)
		startJobs(t, s, mailer, enforce.NotifyConfig{Email: true, WebhookURL: hooks.URL + "/bordermark"})
		c := caseAt(t, s, clock, qingming)
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})

		msg := mailer.waitFor(t, holderEmail)
		if !strings.Contains(msg.subject, "Case CN-2025-000001: notice of suspected goods - by 2025-04-08") ||
			!strings.Contains(msg.subject, "案件 CN-2025-000001：侵权嫌疑货物通知 - 2025-04-08 前") {
			t.Errorf("got subject %q, want the ref, the notice and the deadline in English and Chinese", msg.subject)
		}
		for _, want := range []string{"Say whether you apply for their detention", "Deadline (holder's reply): 2025-04-08.",
			"请答复是否申请扣留", "期限（权利人答复）：2025-04-08。"} {
			if !strings.Contains(msg.body, want) {
				t.Errorf("got body %q, want it to contain %q", msg.body, want)
			}
		}

		got := hooks.waitFor(t, 2)
		events := []string{got[0].event, got[1].event}
		slices.Sort(events)
		if !slices.Equal(events, []string{"case.notify_holder", "case.open"}) {
			t.Fatalf("got webhook events %v, want case.open and case.notify_holder", events)
		}
		for _, h := range got {
			if !h.verified {
				t.Errorf("%s: got a signature that does not verify", h.event)
			}
			if h.event != "case.notify_holder" {
				continue
			}
			want := enforce.CaseWebhook{CaseID: c.ID, Ref: "CN-2025-000001", Event: "notify_holder", From: "suspected",
				State: "holder_notified", Version: 2}
			if d := h.data.NextDeadline; d == nil || d.Name != "holder_reply" || d.DueDate != "2025-04-08" {
				t.Errorf("got next deadline %+v, want holder_reply on 2025-04-08", d)
			}
			h.data.NextDeadline = nil
			if h.data != want {
				t.Errorf("got payload %+v, want %+v", h.data, want)
			}
		}

		items := detail(t, s, officerEmail, c.ID).Items
		if _, err := s.RequestIdentification(t.Context(), user(t, s, officerEmail), c.ID, []int64{items[0].ID}, ""); err != nil {
			t.Fatal(err)
		}
		msg = mailer.waitForSubject(t, holderEmail, "identification requested")
		for _, want := range []string{"Case CN-2025-000001: identification requested - answer by 2025-04-08",
			"案件 CN-2025-000001：请求鉴定 - 请于 2025-04-08 前答复"} {
			if !strings.Contains(msg.subject, want) {
				t.Errorf("got subject %q, want it to contain %q", msg.subject, want)
			}
		}
		if !strings.Contains(msg.body, "customs asks whether 1 item(s) are genuine") {
			t.Errorf("got body %q, want the number of items to identify", msg.body)
		}
	})
}

func TestCaseRemindersRunThroughTheQueue(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		mailer := startMailbox(t)
		startJobs(t, s, mailer, enforce.NotifyConfig{Email: true})
		c := caseAt(t, s, clock, qingming) // 2025: the reminders' times have long passed
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})

		holder := user(t, s, holderEmail)
		waitUntil(t, "the half-way and due-soon notices", func() bool {
			notes, err := s.Notifications(t.Context(), holder)
			if err != nil {
				t.Fatal(err)
			}
			var kinds []string
			for _, n := range notes {
				if n.ObjectID == c.ID {
					kinds = append(kinds, n.Kind)
				}
			}
			return slices.Contains(kinds, enforce.ReminderDeadlineHalf+".holder_reply") &&
				slices.Contains(kinds, enforce.ReminderDeadlineSoon+".holder_reply")
		})
		if got := detail(t, s, officerEmail, c.ID).Case.State; got != "holder_notified" {
			t.Fatalf("before the deadline: got %s, want holder_notified (the expiry reminder waits)", got)
		}

		reply := deadline(t, detail(t, s, officerEmail, c.ID), "holder_reply")
		clock.Advance(reply.DueAt.Sub(clock.Now()) + time.Minute)
		waitUntil(t, "the case awaiting a supervisor", func() bool {
			return detail(t, s, supervisorEmail, c.ID).Case.State == "default_pending"
		})
		msg := mailer.waitFor(t, supervisorEmail)
		for _, want := range []string{"CN-2025-000001", "holder's reply deadline ran out - confirm the default",
			"权利人答复期限已届满 - 请确认法定后果"} {
			if !strings.Contains(msg.subject, want) {
				t.Errorf("got subject %q, want it to contain %q", msg.subject, want)
			}
		}
		for _, want := range []string{"ran out on 2025-04-08", "The legal default is: release", "已于 2025-04-08 届满"} {
			if !strings.Contains(msg.body, want) {
				t.Errorf("got body %q, want it to contain %q", msg.body, want)
			}
		}
		if slices.Contains(msg.to, holderEmail) {
			t.Errorf("got the escalation sent to %v, want the supervisors only", msg.to)
		}
	})
}

func TestCaseRolledBackSendsNothing(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		c := caseAt(t, s, clock, qingming) // opened before the queue: it sends nothing
		mailer, hooks := startMailbox(t), startHooks(t)
		// A webhook address the queue refuses fails the action after its
		// reminders and e-mail were inserted: the transaction takes them back.
		startJobs(t, s, mailer, enforce.NotifyConfig{Email: true, WebhookURL: "ftp://hooks.example/"})
		_, err := s.ActOnCase(t.Context(), user(t, s, officerEmail), c.ID, c.Version, workflow.Event{Kind: "notify_holder"})
		wantError(t, err, ipr.EINVALID, "url")
		if got := detail(t, s, officerEmail, c.ID); got.Case.Version != c.Version || len(got.Deadlines) != 0 {
			t.Fatalf("after the refused action: got v%d with %d deadlines, want v%d with none",
				got.Case.Version, len(got.Deadlines), c.Version)
		}

		s.Notify.WebhookURL = hooks.URL
		act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})
		mailer.waitFor(t, holderEmail)
		hooks.waitFor(t, 1)
		time.Sleep(200 * time.Millisecond) // ten polls: time for a stray job to show
		if got := len(mailer.all()); got != 1 {
			t.Errorf("got %d e-mails, want 1: the rolled-back action's must not be sent", got)
		}
		if got := hooks.all(); len(got) != 1 || got[0].event != "case.notify_holder" {
			t.Errorf("got %d webhooks, want only the committed case.notify_holder", len(got))
		}
	})
}

// waitUntil polls ok for up to 10 seconds.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for %s", what)
		}
	}
}

// mailbox is a real, minimal SMTP server on 127.0.0.1 that keeps what it receives.
type mailbox struct {
	ln   net.Listener
	mu   sync.Mutex
	mail []received
}

type received struct {
	to            []string
	subject, body string
}

func startMailbox(t *testing.T) *mailbox {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	m := &mailbox{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go m.serve(conn)
		}
	}()
	return m
}

func (m *mailbox) port() int { return m.ln.Addr().(*net.TCPAddr).Port }

// serve speaks just enough SMTP for net/smtp: no STARTTLS, no AUTH.
func (m *mailbox) serve(conn net.Conn) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	reply := func(line string) { conn.Write([]byte(line + "\r\n")) }
	reply("220 127.0.0.1 test SMTP")
	var to []string
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "RCPT TO:"):
			_, addr, _ := strings.Cut(line, "<")
			addr, _, _ = strings.Cut(addr, ">")
			to = append(to, addr)
			reply("250 OK")
		case cmd == "DATA":
			reply("354 end with <CRLF>.<CRLF>")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(strings.TrimPrefix(l, "."))
			}
			m.keep(to, data.String())
			to = nil
			reply("250 queued")
		case cmd == "QUIT":
			reply("221 bye")
			return
		default:
			reply("250 OK") // EHLO, MAIL FROM, RSET, NOOP
		}
	}
}

// keep decodes the message's subject and body, as a mail reader would.
func (m *mailbox) keep(to []string, data string) {
	rcv := received{to: to}
	if msg, err := mail.ReadMessage(strings.NewReader(data)); err == nil {
		rcv.subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
		rcv.body = strings.ReplaceAll(string(body), "\r\n", "\n")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mail = append(m.mail, rcv)
}

func (m *mailbox) all() []received {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.mail)
}

// waitFor returns the first message to addr, waiting up to 10 seconds.
func (m *mailbox) waitFor(t *testing.T, addr string) received {
	t.Helper()
	return m.waitForSubject(t, addr, "")
}

// waitForSubject waits for an e-mail to addr whose subject contains subject.
func (m *mailbox) waitForSubject(t *testing.T, addr, subject string) received {
	t.Helper()
	var got received
	waitUntil(t, "e-mail to "+addr+" about "+subject, func() bool {
		for _, msg := range m.all() {
			if slices.Contains(msg.to, addr) && strings.Contains(msg.subject, subject) {
				got = msg
				return true
			}
		}
		return false
	})
	return got
}

// hookLog is a real local webhook receiver that checks each request's signature.
type hookLog struct {
	*httptest.Server
	mu   sync.Mutex
	hits []hook
}

type hook struct {
	event    string
	verified bool
	data     enforce.CaseWebhook
}

func startHooks(t *testing.T) *hookLog {
	t.Helper()
	h := &hookLog{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		got := hook{event: r.Header.Get(notify.HeaderEvent),
			verified: notify.Verify(hookSecret, r.Header.Get(notify.HeaderTimestamp), body, r.Header.Get(notify.HeaderSignature))}
		var envelope struct{ Data enforce.CaseWebhook }
		if err := json.Unmarshal(body, &envelope); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		got.data = envelope.Data
		h.mu.Lock()
		h.hits = append(h.hits, got)
		h.mu.Unlock()
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookLog) all() []hook {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.hits)
}

// waitFor returns the first n webhooks received, waiting up to 10 seconds.
func (h *hookLog) waitFor(t *testing.T, n int) []hook {
	t.Helper()
	waitUntil(t, "webhooks", func() bool { return len(h.all()) >= n })
	return h.all()[:n]
}

// A deadline counted into a year without its official calendar says so in
// the holder's e-mail and in the webhook.
func TestCaseNotifyProvisionalDeadline(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		mailer, hooks := startMailbox(t), startHooks(t)
		startJobs(t, s, mailer, enforce.NotifyConfig{Email: true, WebhookURL: hooks.URL + "/bordermark"})
		c := caseAt(t, s, clock, time.Date(2026, 12, 30, 1, 0, 0, 0, time.UTC))
		act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})

		msg := mailer.waitFor(t, holderEmail)
		for _, want := range []string{"2027-01-04", "The date is provisional", "该日期为暂定"} {
			if !strings.Contains(msg.body, want) {
				t.Errorf("got body %q, want it to contain %q", msg.body, want)
			}
		}
		for _, h := range hooks.waitFor(t, 2) {
			if d := h.data.NextDeadline; h.event == "case.notify_holder" && (d == nil || !d.Provisional || d.DueDate != "2027-01-04") {
				t.Errorf("got next deadline %+v, want 2027-01-04, provisional", d)
			}
		}
	})
}
