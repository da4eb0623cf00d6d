package web_test

import (
	"strings"
	"testing"

	"bordermark/internal/enforce"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserRegisterOnPhone opens the register's pages on a phone, in Chinese:
// the officer's search and a right's page, and a holder's form with its errors shown
// again; nothing may stick out sideways, and the console stays clean.
func TestBrowserRegisterOnPhone(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	northwind := w.srv.URL + "/rights/" + registerRightID(t, w, "DEMO-NORTHWIND")
	signIn := func(email, next, wait string) {
		t.Helper()
		if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
			t.Fatalf("sign out: %v", err)
		}
		err := chromedp.Do(ctx,
			chromedp.Navigate(w.srv.URL+"/login?lang=zh&next="+next),
			chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=email]`), email),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
			chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(wait)),
		)
		if err != nil {
			t.Fatalf("sign in as %s: %v", email, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))); err != nil {
		t.Fatal(err)
	}

	signIn(officer, "/rights", `table.rights`)
	if h1 := text(t, ctx, "main h1"); h1 != "知识产权备案库" {
		t.Errorf("register heading: got %q, want 知识产权备案库", h1)
	}
	noOverflow(t, ctx, "/rights")
	screenshot(t, ctx, "rights-phone.png")

	if err := chromedp.Do(ctx, chromedp.Navigate(northwind), chromedp.WaitVisible(chromedp.CSS(`dl.facts`))); err != nil {
		t.Fatalf("open DEMO-NORTHWIND: %v", err)
	}
	if status := text(t, ctx, "main h1 .badge"); status != "已核准" {
		t.Errorf("status of DEMO-NORTHWIND: got %q, want 已核准", status)
	}
	if facts := text(t, ctx, "dl.facts"); !strings.Contains(facts, "北风") || !strings.Contains(facts, "18 25") {
		t.Errorf("facts of DEMO-NORTHWIND: got %q, want the variant 北风 and classes 18 25", facts)
	}
	noOverflow(t, ctx, "/rights/{id}")
	screenshot(t, ctx, "right-phone.png")

	signIn(brand, "/rights/new", `form.record-form`)
	err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name=mark]`), "NORTHWIND KIDS"),
		chromedp.SendKeys(chromedp.CSS(`input[name=nice_classes]`), "25 99"),
		chromedp.SendKeys(chromedp.CSS(`input[name=jurisdiction]`), "CN"),
		chromedp.SetValue(chromedp.CSS(`input[name=valid_to]`), "2030-12-31"),
		chromedp.Click(chromedp.CSS(`form.record-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#nice_classes-error`)),
	)
	if err != nil {
		t.Fatalf("file a recordation with a bad class: %v", err)
	}
	if msg := text(t, ctx, "#nice_classes-error"); !strings.Contains(msg, "尼斯分类") || !strings.Contains(msg, "99 is not a Nice class") {
		t.Errorf("class error: got %q, want it in Chinese and English", msg)
	}
	noOverflow(t, ctx, "/rights/new with errors")
	screenshot(t, ctx, "right-form-phone.png")

	for _, p := range problems.take() {
		if strings.Contains(p, "status of 400") && strings.HasSuffix(p, "/rights/new)") {
			continue // the refused form comes back with 400, as it should; Chromium logs that
		}
		t.Errorf("browser console: %s", p)
	}
}
