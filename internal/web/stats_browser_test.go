package web_test

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStatsBrowser opens the statistics dashboard in Chromium as customs: the
// server-drawn SVG charts render (their bars have a size on screen), nothing
// breaks the CSP, and a full-page screenshot decodes as a real PNG.
func TestStatsBrowser(t *testing.T) {
	ctx := browser(t)
	w := newSQLiteWorld(t)
	var problems pageProblems
	if err := problems.listen(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	signInAs(t, ctx, w, supervisor, "/stats")
	if err := chromedp.Do(ctx, chromedp.Navigate(w.srv.URL+"/stats?lang=zh"), chromedp.WaitVisible(chromedp.CSS(`svg.chart`))); err != nil {
		t.Fatalf("open /stats: %v", err)
	}
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[
		document.querySelectorAll("svg.chart").length,
		[...document.querySelectorAll("svg.chart rect")].filter(r => r.getBoundingClientRect().width > 0).length,
		[...document.querySelectorAll("svg.chart polyline, svg.chart circle")].length]`))
	if err != nil {
		t.Fatalf("count the charts: %v", err)
	}
	if drawn[0] < 5 || drawn[1] == 0 || drawn[2] == 0 {
		t.Errorf("charts on the dashboard: got %d charts, %d drawn bars, %d line marks; want 5 charts, bars and a line", drawn[0], drawn[1], drawn[2])
	}
	if h1 := text(t, ctx, "main h1"); h1 != "统计" {
		t.Errorf("dashboard heading: got %q, want 统计", h1)
	}

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 is PNG; less is JPEG
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 800 || b.Dy() < 900 || len(shot) < 20_000 {
		t.Errorf("screenshot: got %dx%d, %d bytes; want a full page of at least 800x900", b.Dx(), b.Dy(), len(shot))
	}
	path := filepath.Join(t.TempDir(), "stats-dashboard.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("BORDERMARK_SCREENSHOTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "stats-dashboard.png"), shot, 0o644)
	}
	for _, p := range problems.take() {
		if !strings.Contains(p, "favicon") {
			t.Errorf("browser console: %s", p)
		}
	}
}
