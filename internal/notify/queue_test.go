package notify_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// startQueue starts a queue on db that polls often and retries at once, and stops it when the test ends.
func startQueue(t *testing.T, db *store.DB, cfg notify.Config) *notify.Queue {
	t.Helper()
	cfg.PollInterval = 20 * time.Millisecond
	if cfg.Backoff == nil {
		cfg.Backoff = func(int) time.Duration { return 10 * time.Millisecond }
	}
	if !testing.Verbose() {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	q, err := notify.Start(t.Context(), db, cfg)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() { stop(t, q) })
	return q
}

func stop(t *testing.T, q *notify.Queue) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := q.Stop(ctx); err != nil {
		t.Errorf("stop: %v", err)
	}
}

// enqueue commits job at (zero: now) in a transaction of its own and returns its id.
func enqueue(t *testing.T, db *store.DB, q *notify.Queue, job notify.Job, at time.Time) int64 {
	t.Helper()
	var id int64
	err := db.Update(t.Context(), func(tx *store.Tx) (err error) {
		id, err = q.Schedule(t.Context(), tx, job, at)
		return err
	})
	if err != nil {
		t.Fatalf("enqueue %s: %v", job.Kind(), err)
	}
	return id
}

// reminderLog records the reminders a handler was given, and when.
type reminderLog struct {
	mu   sync.Mutex
	runs map[string]time.Time
	ran  chan string
}

func newReminderLog() *reminderLog {
	return &reminderLog{runs: map[string]time.Time{}, ran: make(chan string, 16)}
}

func (l *reminderLog) handle(_ context.Context, r notify.Reminder) error {
	l.mu.Lock()
	l.runs[r.Name] = time.Now()
	l.mu.Unlock()
	l.ran <- r.Name
	return nil
}

func (l *reminderLog) ranAt(name string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	at, ok := l.runs[name]
	return at, ok
}

// await waits for the handler to run the reminder named want.
func (l *reminderLog) await(t *testing.T, want string, within time.Duration) {
	t.Helper()
	timeout := time.After(within)
	for {
		select {
		case name := <-l.ran:
			if name == want {
				return
			}
		case <-timeout:
			t.Fatalf("reminder %q did not run within %s", want, within)
		}
	}
}

func TestJobSurvivesRestart(t *testing.T) {
	storetest.EachDSN(t, func(t *testing.T, db *store.DB, dsn string) {
		first := startQueue(t, db, notify.Config{})
		stop(t, first)
		// Inserted while no worker runs: only the database holds it now.
		enqueue(t, db, first, notify.Reminder{Name: "waiting"}, time.Time{})

		reopened, err := store.Open(t.Context(), dsn)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		t.Cleanup(func() { reopened.Close() })
		log := newReminderLog()
		startQueue(t, reopened, notify.Config{Handlers: notify.Handlers{Reminder: log.handle}})
		log.await(t, "waiting", 5*time.Second)
	})
}

func TestEnqueueRolledBackWithTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		log := newReminderLog()
		q := startQueue(t, db, notify.Config{Handlers: notify.Handlers{Reminder: log.handle}})
		boom := errors.New("the change failed")
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			if _, err := q.Enqueue(t.Context(), tx, notify.Reminder{Name: "rolled back"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("got %v, want the change's error", err)
		}
		enqueue(t, db, q, notify.Reminder{Name: "committed"}, time.Time{})
		log.await(t, "committed", 5*time.Second)
		time.Sleep(100 * time.Millisecond) // several polls: time enough for a stray job to run
		if _, ran := log.ranAt("rolled back"); ran {
			t.Errorf("got the rolled-back reminder run, want it never inserted")
		}
	})
}

func TestScheduledJobWaitsForItsTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		log := newReminderLog()
		q := startQueue(t, db, notify.Config{Handlers: notify.Handlers{Reminder: log.handle}})
		at := time.Now().Add(time.Second)
		enqueue(t, db, q, notify.Reminder{Name: "deadline", DueAt: at}, at)
		// River's scheduler makes due jobs available every 5s.
		log.await(t, "deadline", 10*time.Second)
		if ranAt, _ := log.ranAt("deadline"); ranAt.Before(at) {
			t.Errorf("got the reminder run at %s, want not before %s", ranAt.Format(time.StampMilli), at.Format(time.StampMilli))
		}
	})
}

func TestEnqueueRejectsInvalidJobs(t *testing.T) {
	db := storetest.SQLite(t)
	q := startQueue(t, db, notify.Config{})
	tests := []struct {
		name  string
		job   notify.Job
		field string
	}{
		{"reminder without name", notify.Reminder{}, "name"},
		{"e-mail without recipient", notify.Email{Subject: "Hi", Body: "x"}, "to"},
		{"e-mail to a non-address", notify.Email{To: []string{"nobody"}, Subject: "Hi"}, "to"},
		{"e-mail subject with a line break", notify.Email{To: []string{"a@example.org"}, Subject: "Hi\r\nBcc: x@y"}, "subject"},
		{"webhook to ftp", notify.Webhook{URL: "ftp://example.org/", Event: "case.opened"}, "url"},
		{"webhook without event", notify.Webhook{URL: "https://example.org/hook"}, "event"},
		{"webhook with broken payload", notify.Webhook{URL: "https://example.org/", Event: "e", Payload: []byte("{")}, "payload"},
	}
	for _, tc := range tests {
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			_, err := q.Enqueue(t.Context(), tx, tc.job)
			return err
		})
		if got := ipr.ErrorCode(err); got != ipr.EINVALID || ipr.ErrorFields(err)[tc.field] == "" {
			t.Errorf("%s: got %v, want %s naming %q", tc.name, err, ipr.EINVALID, tc.field)
		}
	}
}
