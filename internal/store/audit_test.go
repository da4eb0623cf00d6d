package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// event is a small audit event; AppendAudit fills in the chain fields.
func event(at time.Time, actor string, org int64, action, objectType string, objectOrg int64) *ipr.AuditEvent {
	return &ipr.AuditEvent{Time: at, ActorID: 1, ActorEmail: actor, OrgID: org, Action: action,
		ObjectType: objectType, ObjectID: "1", ObjectOrg: objectOrg, After: action, RequestID: "req"}
}

// appendEvents appends events in one transaction.
func appendEvents(t *testing.T, db *store.DB, events ...*ipr.AuditEvent) {
	t.Helper()
	update(t, db, func(ctx context.Context, tx *store.Tx) error {
		for _, e := range events {
			if err := tx.AppendAudit(ctx, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// verifyChain walks the whole chain and returns how many events it checked.
func verifyChain(t *testing.T, db *store.DB) (int64, error) {
	t.Helper()
	var v ipr.ChainVerifier
	err := db.View(t.Context(), func(tx *store.Tx) error { return tx.WalkAudit(t.Context(), v.Next) })
	return v.Checked, err
}

func countAudit(t *testing.T, db *store.DB) int64 {
	t.Helper()
	var n int64
	view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
		n, err = tx.CountAudit(ctx, store.AuditFilter{})
		return err
	})
	return n
}

// An event commits with the caller's change or not at all.
func TestAppendAuditRollsBackWithTheTransaction(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		errBoom := errors.New("boom")
		rollback := func() {
			t.Helper()
			err := db.Update(ctx, func(tx *store.Tx) error {
				if err := tx.AppendAudit(ctx, event(t0, "a@example.org", 1, "org.create", "org", 1)); err != nil {
					return err
				}
				return errBoom
			})
			if !errors.Is(err, errBoom) {
				t.Fatalf("got error %v, want %v", err, errBoom)
			}
		}

		rollback()
		if n := countAudit(t, db); n != 0 {
			t.Fatalf("after rollback: got %d events, want 0", n)
		}
		first := event(t0, "a@example.org", 1, "org.create", "org", 1)
		appendEvents(t, db, first)
		if first.Seq != 1 || first.PrevHash != "" {
			t.Errorf("first event: got seq %d prev %q, want 1 and no previous hash", first.Seq, first.PrevHash)
		}

		rollback()
		second := event(t0, "a@example.org", 1, "org.create", "org", 1)
		appendEvents(t, db, second)
		if second.Seq != 2 || second.PrevHash != first.Hash {
			t.Errorf("second event: got seq %d prev %q, want 2 and %q", second.Seq, second.PrevHash, first.Hash)
		}
		if n, err := verifyChain(t, db); n != 2 || err != nil {
			t.Errorf("verify: got %d, %v; want 2, nil", n, err)
		}
	})
}

// What is read back is exactly what was sealed, so the hash still matches.
func TestAuditRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		in := &ipr.AuditEvent{Time: t0.Add(123456789 * time.Nanosecond).In(cst), ActorID: 7, ActorEmail: "officer@yiwu.example",
			OrgID: 3, Action: "user.create", ObjectType: "user", ObjectID: "42", ObjectOrg: 5,
			Before: "", After: "王力 <wang@example.org>; it's \"quoted\"", RequestID: "req-9"}
		appendEvents(t, db, in)
		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			list, total, err := tx.ListAudit(ctx, store.AuditFilter{})
			if err != nil || total != 1 || len(list) != 1 {
				t.Fatalf("ListAudit: got %d of %d, %v; want 1 of 1", len(list), total, err)
			}
			if got := *list[0]; got != *in {
				t.Errorf("got %+v, want %+v", got, *in)
			}
			return nil
		})
	})
}

func TestListAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		h := time.Hour
		appendEvents(t, db,
			event(t0, "admin@bordermark.example", 1, "org.create", "org", 2),              // 1
			event(t0.Add(1*h), "admin@bordermark.example", 1, "user.create", "user", 2),   // 2
			event(t0.Add(2*h), "brand@northwind.example", 2, "user.login", "user", 2),     // 3
			event(t0.Add(3*h), "officer@yiwu.example", 3, "user.login", "user", 3),        // 4
			event(t0.Add(4*h), "officer@yiwu.example", 3, "token.create", "api_token", 0), // 5
			event(t0.Add(5*h), "system", 0, "user.locked", "login", 0),                    // 6
		)
		tests := []struct {
			name      string
			filter    store.AuditFilter
			wantSeqs  []int64 // newest first
			wantTotal int64
		}{
			{"everything", store.AuditFilter{}, []int64{6, 5, 4, 3, 2, 1}, 6},
			{"by or about an organisation", store.AuditFilter{OrgID: 2}, []int64{3, 2, 1}, 3},
			{"action prefix", store.AuditFilter{Action: "user."}, []int64{6, 4, 3, 2}, 4},
			{"exact action", store.AuditFilter{Action: "user.login"}, []int64{4, 3}, 2},
			{"no prefix without the dot", store.AuditFilter{Action: "user"}, nil, 0},
			{"actor substring, any case", store.AuditFilter{Actor: "YIWU"}, []int64{5, 4}, 2},
			{"actor substring", store.AuditFilter{Actor: "admin@"}, []int64{2, 1}, 2},
			{"object type", store.AuditFilter{ObjectType: "user"}, []int64{4, 3, 2}, 3},
			{"time range, end exclusive", store.AuditFilter{From: t0.Add(1 * h), To: t0.Add(3 * h)}, []int64{3, 2}, 2},
			{"time range from UTC+8", store.AuditFilter{From: t0.Add(1 * h).In(cst), To: t0.Add(3 * h).In(cst)}, []int64{3, 2}, 2},
			{"from only", store.AuditFilter{From: t0.Add(4*h + time.Microsecond)}, []int64{6}, 1},
			{"combined", store.AuditFilter{OrgID: 3, Action: "user."}, []int64{4}, 1},
			{"first page", store.AuditFilter{Limit: 2}, []int64{6, 5}, 6},
			{"second page", store.AuditFilter{Limit: 2, Offset: 2}, []int64{4, 3}, 6},
			{"past the end", store.AuditFilter{Limit: 2, Offset: 6}, nil, 6},
			{"filtered page", store.AuditFilter{Action: "user.", Limit: 3, Offset: 1}, []int64{4, 3, 2}, 4},
			{"negative offset", store.AuditFilter{Limit: 1, Offset: -5}, []int64{6}, 6},
		}
		for _, tt := range tests {
			view(t, db, func(ctx context.Context, tx *store.Tx) error {
				list, total, err := tx.ListAudit(ctx, tt.filter)
				if err != nil {
					return fmt.Errorf("%s: %w", tt.name, err)
				}
				var seqs []int64
				for _, e := range list {
					seqs = append(seqs, e.Seq)
				}
				if !slices.Equal(seqs, tt.wantSeqs) || total != tt.wantTotal {
					t.Errorf("%s: got %v of %d, want %v of %d", tt.name, seqs, total, tt.wantSeqs, tt.wantTotal)
				}
				n, err := tx.CountAudit(ctx, tt.filter)
				if n != tt.wantTotal {
					t.Errorf("%s: CountAudit: got %d, want %d", tt.name, n, tt.wantTotal)
				}
				return err
			})
		}
	})
}

// WalkAudit reads in batches of 1000: a chain of exactly one batch, and one of
// a batch and one more event, are both walked whole and in order.
func TestWalkAuditBatches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		var events []*ipr.AuditEvent
		for i := range 1000 {
			events = append(events, event(t0.Add(time.Duration(i)*time.Second), "a@example.org", 1, "org.create", "org", 1))
		}
		appendEvents(t, db, events...)
		for _, want := range []int64{1000, 1001} {
			if want == 1001 {
				appendEvents(t, db, event(t0.Add(time.Hour), "a@example.org", 1, "org.create", "org", 1))
			}
			var seqs []int64
			view(t, db, func(ctx context.Context, tx *store.Tx) error {
				return tx.WalkAudit(ctx, func(e *ipr.AuditEvent) error {
					seqs = append(seqs, e.Seq)
					return nil
				})
			})
			if int64(len(seqs)) != want || !slices.IsSorted(seqs) || seqs[0] != 1 || seqs[len(seqs)-1] != want {
				t.Errorf("walk: got %d events (%d…%d), want 1…%d in order", len(seqs), seqs[0], seqs[len(seqs)-1], want)
			}
			if n, err := verifyChain(t, db); n != want || err != nil {
				t.Errorf("verify: got %d, %v; want %d, nil", n, err, want)
			}
		}
		// An error from fn stops the walk and is returned as it is.
		errStop := errors.New("stop")
		visited := 0
		err := db.View(t.Context(), func(tx *store.Tx) error {
			return tx.WalkAudit(t.Context(), func(e *ipr.AuditEvent) error {
				visited++
				if e.Seq == 1000 {
					return errStop
				}
				return nil
			})
		})
		if !errors.Is(err, errStop) || visited != 1000 {
			t.Errorf("stopped walk: got %v after %d events, want %v after 1000", err, visited, errStop)
		}
	})
}

// Rows changed behind the store's back break the chain at the changed event.
func TestAuditTamperIsDetected(t *testing.T) {
	tests := []struct {
		name    string
		sql     string
		args    []any
		wantErr string
	}{
		{"text edited", `UPDATE audit_events SET after_text = 'forged' WHERE seq = 3`, nil, "audit event 3:"},
		{"actor edited", `UPDATE audit_events SET actor_email = 'someone@else.example' WHERE seq = 5`, nil, "audit event 5:"},
		{"time edited", `UPDATE audit_events SET time = $1 WHERE seq = 4`, []any{t0.Add(-time.Hour)}, "audit event 4:"},
		{"event deleted", `DELETE FROM audit_events WHERE seq = 2`, nil, "audit event 3:"},
		{"event renumbered", `UPDATE audit_events SET seq = 9 WHERE seq = 5`, nil, "audit event 9:"},
		{"prev hash edited", `UPDATE audit_events SET prev_hash = hash WHERE seq = 2`, nil, "audit event 2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.EachDSN(t, func(t *testing.T, db *store.DB, dsn string) {
				for i := range 5 {
					appendEvents(t, db, event(t0.Add(time.Duration(i)*time.Minute), "a@example.org", 1, "org.create", "org", 1))
				}
				if n, err := verifyChain(t, db); n != 5 || err != nil {
					t.Fatalf("before tampering: got %d, %v; want 5, nil", n, err)
				}
				raw := openRaw(t, db, dsn)
				if _, err := raw.ExecContext(t.Context(), tt.sql, tt.args...); err != nil {
					t.Fatal(err)
				}
				_, err := verifyChain(t, db)
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Errorf("after tampering: got %v, want an error starting %q", err, tt.wantErr)
				}
			})
		})
	}
}

// Writers appending at once each get the next number: the chain has no gaps or forks.
func TestConcurrentAppends(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		const writers, each = 8, 10
		ctx := t.Context()
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for w := range writers {
			wg.Go(func() {
				for i := range each {
					errs <- db.Update(ctx, func(tx *store.Tx) error {
						return tx.AppendAudit(ctx, event(time.Now(), fmt.Sprintf("writer%d@example.org", w), int64(w), "org.create", "org", int64(i)))
					})
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("append: %v", err)
			}
		}
		if n, err := verifyChain(t, db); n != writers*each || err != nil {
			t.Errorf("verify: got %d, %v; want %d, nil", n, err, writers*each)
		}
	})
}
