package web_test

import (
	"strings"
	"testing"

	"bordermark/internal/enforce"

	"github.com/chromedp/chromedp"
)

// firstMarkRow is the reference of the first declaration in the queue that a
// recorded mark flagged (rather than a rule alone).
const firstMarkRow = `(() => {
  const row = [...document.querySelectorAll("table.queue tbody tr")].find(tr => tr.querySelector("td:nth-child(3) strong"));
  return row ? row.querySelector("td:nth-child(2) a").textContent : "";
})()`

// TestBrowserScreeningOnPhone is the officer's round on a phone, on the demo
// world: open the queue, open a flagged declaration, see the match marked,
// dismiss it with a reason, and see it leave the queue; then the rule form.
func TestBrowserScreeningOnPhone(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
		chromedp.Navigate(w.srv.URL+"/login?next=/screening"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), officer),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
		chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.queue`)),
	)
	if err != nil {
		t.Fatalf("sign in to the queue: %v", err)
	}
	if h1 := text(t, ctx, "main h1"); h1 != "Screening queue" {
		t.Errorf("queue heading: got %q, want Screening queue", h1)
	}
	if badge := text(t, ctx, "table.queue tbody tr:first-child .risk"); !strings.HasSuffix(badge, "high") {
		t.Errorf("the riskiest declaration's badge: got %q, want high risk first", badge)
	}
	noOverflow(t, ctx, "/screening")
	screenshot(t, ctx, "screening-phone.png")

	ref, err := chromedp.Run(ctx, chromedp.Evaluate[string](firstMarkRow))
	if err != nil || ref == "" {
		t.Fatalf("a declaration flagged by a mark in the queue: got %q, %v", ref, err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`table.queue a[href="/declarations/`+ref+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.declared-text mark`)),
	)
	if err != nil {
		t.Fatalf("open %s: %v", ref, err)
	}
	if m := text(t, ctx, ".declared-text mark"); m == "" {
		t.Errorf("%s: got an empty <mark>, want the matched text", ref)
	}
	if n := evalInt(t, ctx, `document.querySelectorAll("ol.hits li.hit a[href^='/rights/']").length`); n == 0 {
		t.Errorf("%s: got no link to the right of a hit", ref)
	}
	noOverflow(t, ctx, "/declarations/{id}")
	screenshot(t, ctx, "declaration-phone.png")

	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`form.dismiss-form textarea[name=reason]`), "Unbranded goods; the mark is only in the seller's title."),
		chromedp.Click(chromedp.CSS(`form.dismiss-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)),
	)
	if err != nil {
		t.Fatalf("dismiss %s: %v", ref, err)
	}
	if notice := text(t, ctx, "p.notice"); notice != "The flag was dismissed." {
		t.Errorf("after dismissing: got notice %q", notice)
	}
	if who := text(t, ctx, ".decision"); !strings.Contains(who, "Dismissed by Chen Jie") {
		t.Errorf("after dismissing: got %q, want who dismissed it", who)
	}
	if n := evalInt(t, ctx, `document.querySelectorAll("form.dismiss-form, form.inspect-form").length`); n != 0 {
		t.Errorf("after dismissing: got %d decision forms, want none", n)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`p.crumbs a[href="/screening"]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.queue`)),
	)
	if err != nil {
		t.Fatalf("back to the queue: %v", err)
	}
	if refs := text(t, ctx, "table.queue tbody"); strings.Contains(refs, ref+"\n") || strings.HasSuffix(refs, ref) ||
		evalInt(t, ctx, `document.querySelectorAll('table.queue a[href="/declarations/`+ref+`"]').length`) != 0 {
		t.Errorf("the queue after dismissing: got %s still in it", ref)
	}

	// The rule form on a phone: a row added without script, nothing sticking out.
	err = chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/rules/new"),
		chromedp.WaitVisible(chromedp.CSS(`form.rule-form`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=name]`), "Night flights"),
		chromedp.SetValue(chromedp.CSS(`li.cond-row select[name=field]`), "transport"),
		chromedp.Click(chromedp.CSS(`button[name=add_row]`)),
		chromedp.WaitVisible(chromedp.CSS(`li.cond-row:nth-child(4)`)),
	)
	if err != nil {
		t.Fatalf("rule form: add a row to the 3: %v", err)
	}
	if v := evalBool(t, ctx, `document.querySelector("input[name=name]").value === "Night flights" &&
		document.querySelector("li.cond-row select[name=field]").value === "transport"`); !v {
		t.Errorf("rule form after adding a row: got what was typed lost")
	}
	noOverflow(t, ctx, "/rules/new")
	screenshot(t, ctx, "rule-form-phone.png")

	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}
