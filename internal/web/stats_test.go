package web_test

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// statsViews are the paths of every statistics view.
var statsViews = []string{"origin", "transport", "channel", "category", "group", "brand", "office", "mode", "trend",
	"rules", "response", "transfer"}

// TestStatsDashboards opens the dashboard and every view as customs, the
// association and a right holder, in English and Chinese: each answers with
// its chart (an accessible SVG) and the numbers under it. The right holder's
// figures cover its own brands only.
func TestStatsDashboards(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		who, email, lang, heading string
	}{
		{"customs", supervisor, "en", "By origin region"},
		{"customs", officer, "zh", "按来源地"},
		{"association", secretariat, "en", "By origin region"},
		{"right holder", brand, "zh", "按来源地"},
	} {
		c := w.signIn(t, tc.email)
		dash := w.get(t, c, "/stats?lang="+tc.lang)
		if dash.status != http.StatusOK || strings.Count(dash.body, `class="chart" role="img"`) < 5 {
			t.Fatalf("%s, %s: /stats got status %d, want 200 with 5 charts\n%s", tc.who, tc.lang, dash.status, dash.body)
		}
		if !strings.Contains(dash.body, `<a href="/stats"`) {
			t.Errorf("%s: the navigation has no link to /stats", tc.who)
		}
		for _, v := range statsViews {
			r := w.get(t, c, "/stats/"+v+"?lang="+tc.lang+"&from=2026-01&to=2026-12")
			hasNumbers := strings.Contains(r.body, `<table class="stats-table"`) || strings.Contains(r.body, `<p class="empty">`)
			if r.status != http.StatusOK || !strings.Contains(r.body, `aria-labelledby="chart-`+v+`-title chart-`+v+`-desc"`) || !hasNumbers {
				t.Errorf("%s, %s: /stats/%s got status %d, want 200 with its chart and table", tc.who, tc.lang, v, r.status)
			}
			if !strings.Contains(r.body, `href="/stats/`+v+`.csv?from=2026-01&amp;to=2026-12"`) {
				t.Errorf("%s: /stats/%s has no CSV link with the same filter", tc.who, v)
			}
		}
		if origin := w.get(t, c, "/stats/origin?lang="+tc.lang); !strings.Contains(origin.body, "<h1>"+tc.heading+"</h1>") {
			t.Errorf("%s, %s: the origin view has no heading %q", tc.who, tc.lang, tc.heading)
		}
	}

	brands := func(email string) string {
		return w.get(t, w.signIn(t, email), "/stats/brand").body
	}
	all, own := brands(supervisor), brands(brand)
	for _, other := range []string{"VOLTIS", "AURELIA"} {
		if !strings.Contains(all, ">"+other+"<") {
			t.Errorf("customs' brand view has no %s; the restriction check below would prove nothing", other)
		}
		if strings.Contains(own, other) {
			t.Errorf("Northwind's brand view shows %s, another holder's brand", other)
		}
	}
	if !strings.Contains(own, ">NORTHWIND<") || !strings.Contains(own, `class="notice"`) {
		t.Errorf("Northwind's brand view: want its own brand and the notice that figures are restricted")
	}
	if r := w.get(t, w.client(t), "/stats"); r.status != http.StatusSeeOther {
		t.Errorf("/stats signed out: got status %d, want 303 to sign in", r.status)
	}
}

// TestStatsFilterAndExports checks that bad filter values are named, that CSV
// and XLSX downloads read back with the page's numbers, and the annual report.
func TestStatsFilterAndExports(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.signIn(t, supervisor)

	bad := w.get(t, c, "/stats/brand?from=2026-13&channel=ship&measure=weight")
	for _, want := range []string{"From (month) is not a month like 2026-03", "Channel is not one of", "Chart shows is not batches"} {
		if bad.status != http.StatusBadRequest || !strings.Contains(bad.body, want) {
			t.Errorf("bad filter: got status %d, want 400 naming the field: %q", bad.status, want)
		}
	}
	if zh := w.get(t, c, "/stats?to=2026-01&from=2026-05&lang=zh"); zh.status != http.StatusBadRequest || !strings.Contains(zh.body, "截止月份应为") {
		t.Errorf("bad period in Chinese: got status %d, want 400 naming 截止月份", zh.status)
	}

	page := w.get(t, c, "/stats/brand?lang=en")
	csvFile := w.get(t, c, "/stats/brand.csv?lang=en")
	if csvFile.status != http.StatusOK || !strings.HasPrefix(csvFile.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("brand.csv: got status %d, %s", csvFile.status, csvFile.header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvFile.body, "\uFEFF"))).ReadAll()
	if err != nil || !strings.HasPrefix(csvFile.body, "\uFEFF") {
		t.Fatalf("brand.csv: want a BOM and CSV, got %v", err)
	}
	if len(rows) < 3 || strings.Join(rows[0], ",") != "Brand,Batches,Pieces,Value" {
		t.Fatalf("brand.csv: got %q", rows)
	}
	for _, r := range rows[1:] {
		if !strings.Contains(page.body, `<th scope="row">`+r[0]+`</th><td class="num">`+r[1]+`</td>`) {
			t.Errorf("brand.csv row %q is not in the page's table", r)
		}
	}

	xlsx := w.get(t, c, "/stats/brand.xlsx?lang=zh")
	f, err := excelize.OpenReader(bytes.NewReader([]byte(xlsx.body)))
	if err != nil {
		t.Fatalf("brand.xlsx: %v", err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	got, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if sheet != "按品牌" || len(got) != len(rows) || got[0][1] != "批次" || got[1][0] != rows[1][0] || got[1][1] != rows[1][1] {
		t.Errorf("brand.xlsx sheet %q: got %q, want the CSV's rows %q with Chinese headings", sheet, got, rows)
	}
	if typ, _ := f.GetCellType(sheet, "B2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("brand.xlsx B2: stored as text, want a number")
	}
	future := w.get(t, c, "/stats/brand.csv?from=2031-01")
	if lines := strings.Count(future.body, "\n"); lines != 1 {
		t.Errorf("brand.csv for 2031: got %d lines, want the heading only (the filter must apply)", lines)
	}

	annual := w.get(t, c, "/stats/annual?year=2026&lang=zh")
	for _, want := range []string{"知识产权海关保护年度统计 2026", "Headline figures", "主要数据", `id="annual-trend-title"`, "href=\"/stats/annual.xlsx?year=2026\""} {
		if annual.status != http.StatusOK || !strings.Contains(annual.body, want) {
			t.Errorf("annual report: got status %d, want %q in it", annual.status, want)
		}
	}
	book, err := excelize.OpenReader(strings.NewReader(w.get(t, c, "/stats/annual.xlsx?year=2026").body))
	if err != nil || len(book.GetSheetList()) != 6 {
		t.Errorf("annual.xlsx: got %v, %v, want 6 sheets", err, book)
	}
	if r := w.get(t, c, "/stats/annual?year=20x6"); r.status != http.StatusBadRequest || !strings.Contains(r.body, "year") {
		t.Errorf("annual report year=20x6: got status %d, want 400 naming the year", r.status)
	}
}
