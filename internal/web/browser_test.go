package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/enforce"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium for the test. Without Chromium the test skips,
// except on CI, where a missing browser must not pass unnoticed.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			path = p
		} else if os.Getenv("CI") != "" {
			t.Fatalf("Chromium not found at %s or on PATH, and CI is set: install it (apt-get install chromium)", chromiumPath)
		} else {
			t.Skipf("Chromium not found at %s: skipping the browser test", chromiumPath)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	return ctx
}

// pageProblems collects what a user would see in the developer console: errors
// logged by scripts, uncaught exceptions, and errors the browser logs itself, such as
// CSP violations and failed loads.
type pageProblems struct {
	mu   sync.Mutex
	list []string
}

func (p *pageProblems) listen(ctx context.Context) error {
	if err := chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				p.list = append(p.list, "console.error: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			p.list = append(p.list, "exception: "+text)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				p.list = append(p.list, fmt.Sprintf("log %s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	}); err != nil {
		return err
	}
	// The Log domain carries CSP violations and network errors; it is off by default.
	_, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{})
	return err
}

func (p *pageProblems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list = nil
	return l
}

// TestBrowser drives real Chromium: sign in as the officer, switch to Chinese,
// and check the page on a phone, with no errors in the console.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}

	err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), officer),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
		chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`ul.tiles`)),
	)
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	if h1 := text(t, ctx, "main h1"); h1 != "Welcome, Chen Jie" {
		t.Errorf("dashboard heading: got %q, want %q", h1, "Welcome, Chen Jie")
	}
	if tiles := text(t, ctx, "ul.tiles"); !strings.Contains(tiles, "Customs offices") {
		t.Errorf("dashboard tiles: got %q, want the counts", tiles)
	}

	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a[hreflang=zh]`)),
		chromedp.WaitReady(chromedp.CSS(`html[lang="zh-CN"]`)),
		chromedp.WaitVisible(chromedp.CSS(`ul.tiles`)),
	)
	if err != nil {
		t.Fatalf("switch to Chinese: %v", err)
	}
	if nav := text(t, ctx, "nav.menu"); !strings.Contains(nav, "工作台") || !strings.Contains(nav, "机构") {
		t.Errorf("navigation in Chinese: got %q, want 工作台 and 机构", nav)
	}
	if h1 := text(t, ctx, "main h1"); h1 != "欢迎，Chen Jie" {
		t.Errorf("dashboard heading in Chinese: got %q, want %q", h1, "欢迎，Chen Jie")
	}

	// A phone: nothing may stick out sideways.
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
		chromedp.Navigate(w.srv.URL+"/orgs"),
		chromedp.WaitVisible(chromedp.CSS(`table`)),
	)
	if err != nil {
		t.Fatalf("phone viewport: %v", err)
	}
	noOverflow(t, ctx, "/orgs")
	screenshot(t, ctx, "orgs-phone.png")
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`ul.tiles`))); err != nil {
		t.Fatal(err)
	}
	noOverflow(t, ctx, "/")
	screenshot(t, ctx, "dashboard-phone.png")

	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}

// TestBrowserCatchesCSPViolation makes sure the console check above can fail: an
// inline script, which the CSP forbids, must be reported.
func TestBrowserCatchesCSPViolation(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(w.srv.URL+"/"),
		chromedp.Evaluate[chromedp.Void](`{const s = document.createElement("script"); s.textContent = "1"; document.body.append(s)}`),
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		t.Fatal(err)
	}
	got := problems.take()
	if len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "Content Security Policy") {
		t.Errorf("inline script: got %q, want a CSP violation reported", got)
	}
}

// TestBrowserAuditOnPhone checks the widest page, the audit log with its filters, on a phone.
func TestBrowserAuditOnPhone(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
		chromedp.Navigate(w.srv.URL+"/audit?lang=zh"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), supervisor),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), enforce.DemoPassword),
		chromedp.Click(chromedp.CSS(`form.stack button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.audit`)),
	)
	if err != nil {
		t.Fatalf("sign in to the audit log: %v", err)
	}
	if nav := text(t, ctx, "nav.menu"); !strings.Contains(nav, "工作台") || !strings.Contains(nav, "审计日志") {
		t.Errorf("supervisor's navigation: got %q, want 工作台 and 审计日志", nav)
	}
	noOverflow(t, ctx, "/audit")
	screenshot(t, ctx, "audit-phone.png")
	for _, p := range problems.take() {
		t.Errorf("browser console: %s", p)
	}
}

func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return strings.TrimSpace(s)
}

// noOverflow fails when the page is wider than the screen, so a phone would scroll
// sideways, or when something sticks out of the header or the main column (tables
// scroll inside .scroll, so they may).
func noOverflow(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	widths, err := chromedp.Run(ctx, chromedp.Evaluate[[2]int](
		`[document.documentElement.scrollWidth, window.innerWidth]`))
	if err != nil {
		t.Fatalf("%s: measure: %v", what, err)
	}
	if widths[0] > widths[1] {
		t.Errorf("%s on a phone: got scrollWidth %d > innerWidth %d, want no horizontal overflow", what, widths[0], widths[1])
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](sticksOut))
	if err != nil {
		t.Fatalf("%s: measure: %v", what, err)
	}
	for _, o := range out {
		t.Errorf("%s on a phone: got %s sticking out of its column", what, o)
	}
}

// sticksOut lists the elements whose right edge passes the content box of the header or main.
const sticksOut = `(() => {
  const out = [];
  for (const box of document.querySelectorAll("header.top, main")) {
    const right = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight) + 1;
    for (const el of box.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (el.closest(".scroll") || r.width === 0 || r.right <= right) continue;
      out.push(el.tagName.toLowerCase() + (el.name ? "[name=" + el.name + "]" : "") +
        " (right edge " + Math.round(r.right) + " > " + Math.round(right) + ")");
    }
  }
  return out;
})()`

// screenshot keeps a picture of the page: under -outputdir with go test -artifacts,
// or in BORDERMARK_SCREENSHOTS, to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("BORDERMARK_SCREENSHOTS")
	if dir == "" {
		dir = t.ArtifactDir()
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
