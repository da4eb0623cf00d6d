package web_test

import (
	"context"
	"strings"
	"testing"

	"bordermark/internal/enforce"

	"github.com/chromedp/chromedp"
)

// signInAs signs out whoever is signed in and signs in as email, landing on next.
func signInAs(t *testing.T, ctx context.Context, w *world, email, next string) {
	t.Helper()
	if evalBool(t, ctx, `!!document.querySelector(".who form button")`) {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.who form button`)), chromedp.WaitVisible(chromedp.CSS(`.who a[href="/login"]`))); err != nil {
			t.Fatalf("sign out: %v", err)
		}
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/login?next="+next),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), email),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
		chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.who form button`)),
	)
	if err != nil {
		t.Fatalf("sign in as %s: %v", email, err)
	}
}

// submitAndWait clicks a form's button and waits for the next page's
// confirmation: the page it leaves is marked, so its own notice does not count.
func submitAndWait(t *testing.T, ctx context.Context, what, button string) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.body.dataset.left = "1"`),
		chromedp.Click(chromedp.CSS(button)),
		chromedp.WaitVisible(chromedp.CSS(`body:not([data-left]) p.notice`)),
	)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// TestBrowserCaseCNPath walks a CN ex officio case in Chromium, without script:
// a flagged declaration, a case opened from it, the holder notified and asked to
// identify the goods; the holder answers counterfeit on the batch screen, files
// a general guarantee and posts the bond from it; customs investigate,
// determine, penalise and close.
func TestBrowserCaseCNPath(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	scrFlagged(t, w, "CNPATH", 1)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	signInAs(t, ctx, w, officer, "/declarations/CNPATH-001")
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`p.open-case a`)),
		chromedp.WaitVisible(chromedp.CSS(`form.case-form`)),
		chromedp.Click(chromedp.CSS(`form.case-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`section.next-deadline`)),
	)
	if err != nil {
		t.Fatalf("open a case from the declaration: %v", err)
	}
	casePath, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil || !strings.HasPrefix(casePath, "/cases/") {
		t.Fatalf("the case's page: got %q, %v", casePath, err)
	}
	submitAndWait(t, ctx, "notify the holder", `form.event-notify_holder button`)
	if due := text(t, ctx, ".big-deadline .due"); due != "2026-12-02" {
		t.Errorf("the holder's deadline: got %q, want 2026-12-02 (3 CN working days from Friday 27 November)", due)
	}
	if left := text(t, ctx, ".big-deadline .left"); left != "3 working days left" {
		t.Errorf("working days left: got %q, want 3 working days left", left)
	}
	if who := text(t, ctx, ".who-acts"); who != "To act: the right holder" {
		t.Errorf("who must act: got %q", who)
	}
	submitAndWait(t, ctx, "ask for identification", `form.request-form button[type=submit]`)

	signInAs(t, ctx, w, brand, casePath)
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a.answer-link`)),
		chromedp.WaitVisible(chromedp.CSS(`form.identification-form`)),
		chromedp.SetValue(chromedp.CSS(`select[name=mark_all]`), "counterfeit"),
		chromedp.SendKeys(chromedp.CSS(`input[name=mark_all_points]`), "stitching of the logo"),
	)
	if err != nil {
		t.Fatalf("the batch screen: %v", err)
	}
	noOverflow(t, ctx, "/identifications/{id}")
	submitAndWait(t, ctx, "answer counterfeit", `form.identification-form button[type=submit]`)

	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`nav.menu a[href="/guarantee"]`)), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	if err != nil {
		t.Fatalf("the guarantee page: %v", err)
	}
	if evalBool(t, ctx, `!!document.querySelector("form.guarantee-form")`) {
		err = chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.CSS(`input[name=amount]`), "200000"),
			chromedp.SendKeys(chromedp.CSS(`input[name=issuer]`), "Bank of Hangzhou"),
			chromedp.SendKeys(chromedp.CSS(`input[name=reference]`), "BH-2026-17"),
		)
		if err != nil {
			t.Fatal(err)
		}
		submitAndWait(t, ctx, "file the guarantee", `form.guarantee-form button[type=submit]`)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+casePath), chromedp.WaitVisible(chromedp.CSS(`form.bond-form`))); err != nil {
		t.Fatalf("back to the case: %v", err)
	}
	submitAndWait(t, ctx, "post the bond from the guarantee", `form.bond-form button[value=guarantee]`)
	if bond := text(t, ctx, "dd.bond"); !strings.Contains(bond, "drawn on the general guarantee") {
		t.Errorf("the bond: got %q, want it drawn on the guarantee", bond)
	}

	signInAs(t, ctx, w, officer, casePath)
	submitAndWait(t, ctx, "investigate", `form.event-investigate button`)
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`form.event-determine select[name=determination]`), "infringing")); err != nil {
		t.Fatal(err)
	}
	submitAndWait(t, ctx, "determine infringing", `form.event-determine button`)
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`form.event-penalise input[name=amount]`), "5"),
		chromedp.SendKeys(chromedp.CSS(`form.event-penalise textarea[name=reason]`), "first offence"),
	)
	if err != nil {
		t.Fatal(err)
	}
	submitAndWait(t, ctx, "penalise", `form.event-penalise button`)
	submitAndWait(t, ctx, "close", `form.event-close button`)
	if state := text(t, ctx, ".heading-row .case-state"); state != "Closed" {
		t.Errorf("the final state: got %q, want Closed", state)
	}
	if n := evalInt(t, ctx, `document.querySelectorAll("form.event-form, form.bond-form").length`); n != 0 {
		t.Errorf("a closed case: got %d forms, want none", n)
	}
	if tl := text(t, ctx, "ol.case-timeline"); !strings.Contains(tl, "Identification answered") || !strings.Contains(tl, "Penalise") {
		t.Errorf("the timeline: got %q", tl)
	}
	noOverflow(t, ctx, "/cases/{id}")
	screenshot(t, ctx, "case-closed.png")
	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}
