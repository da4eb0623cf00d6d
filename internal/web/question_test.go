package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// A holder asks, an officer answers and shares; the holder is notified, other
// members see only what is shared, customs filter by answered.
func TestQuestionPages(t *testing.T) {
	w := newSQLiteWorld(t)
	holder, off, other := w.signIn(t, brand), w.signIn(t, officer), w.signIn(t, "brand@aurelia.example")
	scrWant(t, "questions for the public", w.get(t, w.client(t), "/questions"), http.StatusSeeOther)

	form := w.get(t, holder, "/questions/new")
	m := regexp.MustCompile(`<option value="(\d+)">`).FindStringSubmatch(form.body)
	if m == nil {
		t.Fatalf("the form offers none of the holder's cases\n%s", form.body)
	}
	r := w.do(t, holder, http.MethodPost, "/questions/new", url.Values{"title": {"Who pays storage?"},
		"body": {"For the goods held at the airport."}, "case": {m[1]}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("ask: got %d, want 303\n%s", r.status, r.body)
	}
	path := strings.TrimSuffix(r.header.Get("Location"), "?done=asked")
	scrWant(t, "another holder's question", w.get(t, other, path), http.StatusNotFound)
	scrWant(t, "another holder asks about it", w.do(t, other, http.MethodPost, "/questions/new",
		url.Values{"title": {"t"}, "body": {"b"}, "case": {m[1]}}), http.StatusBadRequest, `aria-describedby="case-error"`)
	scrWant(t, "unanswered for customs", w.get(t, off, "/questions?answered=unanswered"), http.StatusOK, "Who pays storage?")

	scrWant(t, "holder answers", w.do(t, holder, http.MethodPost, path+"/answer", url.Values{"answer": {"me"}}), http.StatusForbidden)
	scrWant(t, "empty answer", w.do(t, off, http.MethodPost, path+"/answer", url.Values{"answer": {" "}}),
		http.StatusBadRequest, `aria-describedby="answer-error"`)
	scrWant(t, "answer", w.do(t, off, http.MethodPost, path+"/answer",
		url.Values{"answer": {"The holder, until the decision."}}), http.StatusSeeOther)
	scrNot(t, "answered, unanswered filter", w.get(t, off, "/questions?answered=unanswered"), "Who pays storage?")
	scrWant(t, "the holder's notice", w.get(t, holder, "/notifications"), http.StatusOK, "Who pays storage?")
	scrWant(t, "the answer for the holder", w.get(t, holder, path), http.StatusOK, "The holder, until the decision.")

	scrWant(t, "share", w.do(t, off, http.MethodPost, path+"/share", url.Values{"shared": {"1"}}), http.StatusSeeOther)
	scrWant(t, "shared, for another holder", w.get(t, other, path), http.StatusOK, "The holder, until the decision.")
	scrWant(t, "search", w.get(t, other, "/questions?q=storage"), http.StatusOK, "Who pays storage?")
}
