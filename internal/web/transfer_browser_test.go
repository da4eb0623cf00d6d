package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserTransfer walks a CN case over the threshold to the police in
// Chromium: the officer proposes, the head of office approves, the officer
// sends, the police return it with reasons, the officer resubmits, the police
// accept and record an outcome. The clocks are on the page throughout.
func TestBrowserTransfer(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	c := transferInfringing(t, w)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	signInAs(t, ctx, w, officer, trCasePath(c))
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`p.transfer-link a`)),
		chromedp.WaitVisible(chromedp.CSS(`form.propose-form`)),
	)
	if err != nil {
		t.Fatalf("the threshold check: %v", err)
	}
	if met := text(t, ctx, "ul.thresholds-met"); !strings.Contains(met, "Counterfeiting a registered trademark") {
		t.Errorf("thresholds met: got %q", met)
	}
	submitAndWait(t, ctx, "propose", `form.propose-form button[type=submit]`)
	path, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil || !strings.HasPrefix(path, "/transfers/") {
		t.Fatalf("the transfer's page: got %q, %v", path, err)
	}
	if due := text(t, ctx, "tr.clock-approval td.due"); due != "2026-11-30 17:00" {
		t.Errorf("the head of office's clock: got due %q, want 2026-11-30 17:00 (3 days)", due)
	}

	signInAs(t, ctx, w, supervisor, path)
	submitAndWait(t, ctx, "approve", `form.transfer-approve button`)
	if due := text(t, ctx, "tr.clock-sending td.due"); due != "2026-11-28 17:00" {
		t.Errorf("the sending clock: got due %q, want 2026-11-28 17:00 (24 hours)", due)
	}
	signInAs(t, ctx, w, officer, path)
	submitAndWait(t, ctx, "send", `form.transfer-send button`)

	signInAs(t, ctx, w, police, path)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`form.transfer-return textarea[name=reason]`), "the valuation report is missing")); err != nil {
		t.Fatal(err)
	}
	submitAndWait(t, ctx, "return", `form.transfer-return button`)
	if reason := text(t, ctx, "dd.police-reason"); reason != "the valuation report is missing" {
		t.Errorf("the police's reasons: got %q", reason)
	}

	signInAs(t, ctx, w, officer, path)
	submitAndWait(t, ctx, "resubmit", `form.transfer-resubmit button`)
	signInAs(t, ctx, w, police, path)
	if n := evalInt(t, ctx, `document.querySelectorAll("table.transfer-clocks tbody tr").length`); n != 3 {
		t.Errorf("clocks: got %d rows, want approval, sending and the police's decision", n)
	}
	submitAndWait(t, ctx, "accept", `form.transfer-accept button`)
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`form.outcome-form select[name=kind]`), "case_opened"),
		chromedp.SendKeys(chromedp.CSS(`form.outcome-form textarea[name=note]`), "ZJ-2026-117"),
	)
	if err != nil {
		t.Fatal(err)
	}
	submitAndWait(t, ctx, "record the outcome", `form.outcome-form button`)
	if state := text(t, ctx, ".heading-row .transfer-state"); state != "Accepted by the police" {
		t.Errorf("the final state: got %q, want Accepted by the police", state)
	}
	if out := text(t, ctx, "ol.outcomes"); !strings.Contains(out, "Criminal case opened") || !strings.Contains(out, "ZJ-2026-117") {
		t.Errorf("the outcome: got %q", out)
	}
	tl := text(t, ctx, "ol.transfer-timeline")
	for _, want := range []string{"Return with reasons", "Resubmit to the police", "Accept: open a criminal case"} {
		if !strings.Contains(tl, want) {
			t.Errorf("the timeline: got %q, want %q in it", tl, want)
		}
	}
	noOverflow(t, ctx, "/transfers/{id}")
	screenshot(t, ctx, "transfer-accepted.png")
	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}
