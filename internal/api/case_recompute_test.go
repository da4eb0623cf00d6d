package api_test

import (
	"net/http"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// A reply deadline counted into a year without its calendar is provisional;
// once the year is imported, the officer recomputes and gets the final date.
func TestCaseRecomputeAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		w.clock.Advance(time.Date(2026, 12, 30, 1, 0, 0, 0, time.UTC).Sub(w.clock.Now())) // Wednesday, 09:00 in Yiwu
		c := w.open(t, map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": "100000"})
		c = w.act(t, w.officer, c, "notify_holder", "holder_notified", nil)
		if d := c.deadline(t, "holder_reply"); d.DueDate != "2027-01-04" || !d.Provisional {
			t.Fatalf("got %+v, want 2027-01-04, provisional", d)
		}
		cal := "jurisdiction CN\nyear 2027\noff 2027-01-01 New Year's Day\n"
		if _, err := w.svc.ImportCalendar(t.Context(), ipr.SystemUser(), []byte(cal)); err != nil {
			t.Fatal(err)
		}
		body := js(t, map[string]any{"version": c.Version})
		wantError(t, "the case's holder recomputes", w.send(t, "POST", casePath(c.ID, "/recompute"), w.holder, body),
			http.StatusForbidden, ipr.EFORBIDDEN)
		wantError(t, "another holder recomputes", w.send(t, "POST", casePath(c.ID, "/recompute"), w.other, body),
			http.StatusNotFound, ipr.ENOTFOUND)
		wantInvalid(t, "no version", w.send(t, "POST", casePath(c.ID, "/recompute"), w.officer, `{"version":0}`), "version")
		next := decode[apiCase](t, "recompute", w.send(t, "POST", casePath(c.ID, "/recompute"), w.officer, body), http.StatusOK)
		if d := next.deadline(t, "holder_reply"); d.DueDate != "2027-01-05" || d.Provisional || next.Version != c.Version+1 {
			t.Errorf("recomputed: got %+v at v%d, want 2027-01-05, final, at v%d", d, next.Version, c.Version+1)
		}
		wantError(t, "a stale version", w.send(t, "POST", casePath(c.ID, "/recompute"), w.officer, body),
			http.StatusConflict, ipr.ECONFLICT)
	})
}
