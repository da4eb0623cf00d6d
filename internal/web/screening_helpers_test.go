package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"bordermark/internal/screen"
)

// scrOffice is the customs office of the tests' own declarations, so that the
// demo world's declarations do not change what the tests count.
const scrOffice = "Test Harbour"

// scrDecl is a declaration of footwear sent by e-commerce to scrOffice on day
// (of November 2026), with a description and a declared brand.
func scrDecl(id string, day int, description, brand string) screen.Declaration {
	return screen.Declaration{ID: id, Channel: "ecommerce", Direction: "export", CustomsOffice: scrOffice,
		DeclaredAt: time.Date(2026, 11, day, 10, 0, 0, 0, time.UTC), Origin: "CN-ZJ-Yiwu", Destination: "US",
		Transport: "air", Consignor: "Yiwu Test Trading", Consignee: "J. Doe", HSCode: "640411",
		Description: description, Brand: brand, Quantity: 10, WeightKg: 5, Value: 80, Currency: "USD"}
}

// scrSubmit screens and stores declarations as the customs declaration system would.
func scrSubmit(t *testing.T, w *world, decls ...screen.Declaration) []screen.Result {
	t.Helper()
	results, err := w.svc.SubmitDeclarations(t.Context(), hdUser(t, w, officer), decls)
	if err != nil {
		t.Fatalf("submit %d declarations: %v", len(decls), err)
	}
	return results
}

// scrFlagged submits n declarations of NORTHWIND trainers, which screening
// flags, with ids prefix-001…, and fails unless every one is flagged.
func scrFlagged(t *testing.T, w *world, prefix string, n int) {
	t.Helper()
	decls := make([]screen.Declaration, n)
	for i := range decls {
		decls[i] = scrDecl(fmt.Sprintf("%s-%03d", prefix, i+1), 1+i%28, "NORTHWIND running trainers, pair "+fmt.Sprint(i), "")
	}
	for _, r := range scrSubmit(t, w, decls...) {
		if !r.Flagged() {
			t.Fatalf("%s: got not flagged (%+v), want flagged", r.ID, r)
		}
	}
}

// scrWant checks a reply's status and that the body contains each of want.
func scrWant(t *testing.T, what string, r reply, status int, want ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: got status %d, want %d\n%s", what, r.status, status, scrExcerpt(r.body))
	}
	for _, s := range want {
		if !strings.Contains(r.body, s) {
			t.Errorf("%s: got a page without %q", what, s)
		}
	}
}

// scrNot checks that the body contains none of not.
func scrNot(t *testing.T, what string, r reply, not ...string) {
	t.Helper()
	for _, s := range not {
		if strings.Contains(r.body, s) {
			t.Errorf("%s: got %q, want it absent", what, s)
		}
	}
}

// scrRedirect checks a 303 to exactly want.
func scrRedirect(t *testing.T, what string, r reply, want string) {
	t.Helper()
	if loc := r.header.Get("Location"); r.status != http.StatusSeeOther || loc != want {
		t.Fatalf("%s: got %d to %q, want 303 to %s\n%s", what, r.status, loc, want, scrExcerpt(r.body))
	}
}

// scrExcerpt is the main part of a page, for failure messages.
func scrExcerpt(body string) string {
	if _, main, ok := strings.Cut(body, "<main"); ok {
		body = main
	}
	if len(body) > 2000 {
		body = body[:2000] + "…"
	}
	return body
}

// scrRows are the declaration references in the queue's table, in order.
func scrRows(body string) []string {
	_, tbody, _ := strings.Cut(body, "<tbody>")
	tbody, _, _ = strings.Cut(tbody, "</tbody>")
	var refs []string
	for _, part := range strings.Split(tbody, `<a href="/declarations/`)[1:] {
		ref, _, _ := strings.Cut(part, `"`)
		refs = append(refs, ref)
	}
	return refs
}
