package web_test

import (
	"context"
	"strconv"
	"testing"

	"bordermark/internal/enforce"

	"github.com/chromedp/chromedp"
)

// TestBrowserGuideOnPhone opens a product's authentication guide as an officer would
// at the inspection table: on a phone, in Chinese, the genuine photo above the fake,
// every picture loaded, nothing sticking out, no console errors. On a wide screen
// genuine and fake stand side by side.
func TestBrowserGuideOnPhone(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	path := catPath(catProduct(t, w, "DEMO-NORTHWIND"))
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
		chromedp.Navigate(w.srv.URL+path+"?lang=zh"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), officer),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
		chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.guide`)),
		// The photos load lazily, as they come into view; load them all now to check them.
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("img[loading=lazy]").forEach(i => i.loading = "eager")`),
		chromedp.Poll[chromedp.Void](`[...document.images].every(i => i.complete)`),
	)
	if err != nil {
		t.Fatalf("open the guide: %v", err)
	}
	if h := text(t, ctx, "#guide-h"); h != "鉴别指南" {
		t.Errorf("guide heading: got %q, want 鉴别指南", h)
	}
	if n := evalInt(t, ctx, `[...document.querySelectorAll("ol.guide img")].filter(i => i.naturalWidth > 0).length`); n != 8 {
		t.Errorf("guide photos shown: got %d, want 8 (4 points × genuine and fake)", n)
	}
	if stacked := evalBool(t, ctx, sideBySide); stacked {
		t.Errorf("on a phone: got genuine and fake side by side, want them stacked")
	}
	noOverflow(t, ctx, path)
	screenshot(t, ctx, "guide-phone.png")

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`ol.guide`))); err != nil {
		t.Fatal(err)
	}
	if !evalBool(t, ctx, sideBySide) {
		t.Errorf("on a wide screen: got genuine and fake stacked, want them side by side")
	}
	screenshot(t, ctx, "guide-desktop.png")
	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}

// sideBySide reports whether the first point's fake stands to the right of its genuine.
const sideBySide = `(() => {
  const g = document.querySelector("ol.guide .side.genuine").getBoundingClientRect();
  const f = document.querySelector("ol.guide .side.fake").getBoundingClientRect();
  return f.left >= g.right && Math.abs(f.top - g.top) < 2;
})()`

func evalInt(t *testing.T, ctx context.Context, js string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return n
}

func evalBool(t *testing.T, ctx context.Context, js string) bool {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return b
}

// TestBrowserGuideEditorOnPhone checks the holder's forms on a phone: the product page
// with its upload and new-point forms, and a point's edit form.
func TestBrowserGuideEditorOnPhone(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	p := catProduct(t, w, "DEMO-NORTHWIND")
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
		chromedp.Navigate(w.srv.URL+catPath(p)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), brand),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
		chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#guide-add`)),
	)
	if err != nil {
		t.Fatalf("open the product as its holder: %v", err)
	}
	noOverflow(t, ctx, catPath(p))
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(`#guide-add`))); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "guide-add-phone.png")
	edit := "/guide/" + strconv.FormatInt(p.Guide[1].ID, 10) + "/edit"
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+edit), chromedp.WaitVisible(chromedp.CSS(`form.point-form`))); err != nil {
		t.Fatal(err)
	}
	noOverflow(t, ctx, edit)
	screenshot(t, ctx, "guide-edit-phone.png")
	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}
