package web_test

import (
	"strings"
	"testing"

	"bordermark/internal/enforce"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserHolderPagesOnPhone opens the holder-side pages on a phone, as an officer at the
// inspection table would (contacts, infringers, supply chain, a working group) and as a holder
// filling in a form: nothing may stick out sideways, and the console stays clean.
func TestBrowserHolderPagesOnPhone(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	signIn := func(email, path, wait string) {
		t.Helper()
		err := chromedp.Do(ctx,
			chromedp.Navigate(w.srv.URL+path),
			chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
			chromedp.SendKeys(chromedp.CSS(`input[name=email]`), email),
			chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
			chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(wait)),
		)
		if err != nil {
			t.Fatalf("sign in as %s to %s: %v", email, path, err)
		}
	}
	visit := func(path, wait, shot string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+path), chromedp.WaitVisible(chromedp.CSS(wait))); err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		noOverflow(t, ctx, path)
		screenshot(t, ctx, shot)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))); err != nil {
		t.Fatal(err)
	}

	signIn(officer, "/contacts?lang=zh", ".records")
	if got := text(t, ctx, ".tag-escalation"); got != "升级联系人" {
		t.Errorf("contacts in Chinese: got escalation label %q, want 升级联系人", got)
	}
	noOverflow(t, ctx, "/contacts")
	screenshot(t, ctx, "contacts-phone.png")
	visit("/infringers", ".records", "infringers-phone.png")
	visit("/groups", "table.groups", "groups-phone.png")
	visit("/groups/"+hdGroupID(t, w, "Apparel & Footwear"), "table.members", "group-phone.png")
	visit("/rights/"+hdRightID(t, w, "DEMO-AURELIA")+"/parties", "table.parties", "parties-phone.png")

	if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil { // sign out
		t.Fatal(err)
	}
	signIn(counsel, "/infringers/new?lang=en", `select[name=holder]`)
	noOverflow(t, ctx, "/infringers/new")
	screenshot(t, ctx, "infringer-form-phone.png")
	visit("/rights/"+hdRightID(t, w, "DEMO-AURELIA")+"/parties", "form.stack", "parties-form-phone.png")
	if nav := text(t, ctx, "nav.menu"); !strings.Contains(nav, "Infringers") || !strings.Contains(nav, "Contacts") {
		t.Errorf("agent's navigation: got %q, want Infringers and Contacts", nav)
	}
	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}
