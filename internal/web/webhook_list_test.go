package web_test

import (
	"net/http"
	"testing"
	"time"

	"bordermark/internal/store"
)

// The system administrator reads the webhook delivery log, failures marked;
// nobody else may.
func TestWebhookList(t *testing.T) {
	w := newSQLiteWorld(t)
	ctx := t.Context()
	scrWant(t, "no deliveries yet", w.get(t, w.signIn(t, admin), "/admin/webhooks"), http.StatusOK, "No webhook has been sent yet.")
	err := w.svc.DB.Update(ctx, func(tx *store.Tx) error {
		for _, d := range []*store.WebhookDelivery{
			{JobID: 7, Event: "case.notify_holder", URL: "https://hooks.example/in", Attempt: 1, Error: "503 Service Unavailable",
				StatusCode: 503, Duration: 40 * time.Millisecond, AttemptedAt: demoStart},
			{JobID: 7, Event: "case.notify_holder", URL: "https://hooks.example/in", Attempt: 2, StatusCode: 200,
				Duration: 12 * time.Millisecond, AttemptedAt: demoStart.Add(time.Second)},
		} {
			if err := tx.AddWebhookDelivery(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := w.get(t, w.signIn(t, admin), "/admin/webhooks")
	scrWant(t, "the log", r, http.StatusOK, "case.notify_holder", "Failed:</strong> 503 Service Unavailable",
		"<td>7</td><td>2</td>", `href="/admin/webhooks"`)
	scrWant(t, "a bad page", w.get(t, w.signIn(t, admin), "/admin/webhooks?before=x"), http.StatusBadRequest)
	for _, who := range []string{officer, supervisor, brand} {
		scrWant(t, who, w.get(t, w.signIn(t, who), "/admin/webhooks"), http.StatusForbidden)
	}
}
