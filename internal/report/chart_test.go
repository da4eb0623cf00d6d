package report

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bordermark/internal/ipr"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files in testdata")

// sampleRows are provinces with a Chinese label and a hostile one, to check escaping.
var sampleRows = []ipr.StatsRow{
	{Key: "CN-FJ", Label: "Fujian", LabelZH: "福建", Batches: 12, Pieces: 3400, Value: 1250000},
	{Key: "CN-ZJ", Label: "Zhejiang", LabelZH: "浙江", Batches: 31, Pieces: 9100, Value: 8820050},
	{Key: "XX", Label: `<script>alert("x")</script> & Co`, Batches: 2, Pieces: 40, Value: 9900},
	{Key: "CN-GD", Label: "Guangdong", LabelZH: "广东", Batches: 12, Pieces: 5000, Value: 600000},
}

// charts are the golden cases: every chart type, in both languages, with and without data.
func charts() map[string][]byte {
	months := []ipr.StatsRow{{Key: "2026-01", Batches: 4}, {Key: "2026-02", Batches: 6}, {Key: "2026-03", Batches: 3}, {Key: "2026-04", Batches: 3}}
	var labels []string
	var vals []float64
	for _, m := range months {
		labels = append(labels, m.Key)
		vals = append(vals, Batches.Of(m))
	}
	stack := Stacked(ZH, ipr.DimChannel, ipr.DimTransport, []Slice{
		{Key: "air", Rows: []ipr.StatsRow{{Key: "ecommerce", Batches: 7}, {Key: "express", Batches: 2}}},
		{Key: "post", Rows: []ipr.StatsRow{{Key: "postal", Batches: 9}}},
		{Key: "express", Rows: []ipr.StatsRow{{Key: "ecommerce", Batches: 3}, {Key: "express", Batches: 5}}},
	}, Batches)
	stack.ID, stack.Title, stack.Axis = "stack", "渠道与运输方式", Word(ZH, "batches")
	return map[string][]byte{
		"bar_en": BarChart{ID: "origin", Title: "Detentions by origin province", Desc: "Batches per province.", Axis: "Batches",
			Bars: RankedBars(EN, ipr.DimProvince, sampleRows, Batches)}.SVG(),
		"bar_value_zh": BarChart{ID: "origin-zh", Title: "按来源地统计", Axis: Word(ZH, "value"),
			Bars: RankedBars(ZH, ipr.DimProvince, sampleRows, Value)}.SVG(),
		"bar_empty": BarChart{ID: "none", Title: "Nothing", Empty: "No detentions match."}.SVG(),
		"line_en": LineChart{ID: "trend", Title: "Monthly trend", XAxis: "Month", YAxis: "Batches", Labels: labels,
			Series: []Series{{Name: "2026", Values: vals}, {Name: "2025", Values: []float64{2, 6, 1, 0}}}}.SVG(),
		"line_empty": LineChart{ID: "trend-none", Title: "Monthly trend", Empty: "No detentions match."}.SVG(),
		"stacked_zh": stack.SVG(),
	}
}

func TestChartsMatchGolden(t *testing.T) {
	for name, got := range charts() {
		path := filepath.Join("testdata", name+".svg")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update to write it)", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the SVG differs from %s; got:\n%s", name, path, got)
		}
	}
}

func TestChartsAreDeterministic(t *testing.T) {
	first := charts()
	for name, again := range charts() {
		if !bytes.Equal(first[name], again) {
			t.Errorf("%s: two renderings differ", name)
		}
	}
}

// TestChartsAreAccessibleXML parses every chart: well-formed XML, an <svg
// role="img"> named by its <title> and <desc>, no style anywhere (the CSP
// forbids inline style) and no element that could run script.
func TestChartsAreAccessibleXML(t *testing.T) {
	for name, b := range charts() {
		ids, labelledBy, rects, elems := map[string]string{}, "", 0, 0
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed XML: %v", name, err)
			}
			se, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			elems++
			switch se.Name.Local {
			case "style", "script", "foreignObject", "a":
				t.Errorf("%s: has a <%s> element", name, se.Name.Local)
			case "rect":
				rects++
			}
			for _, a := range se.Attr {
				switch {
				case a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on"):
					t.Errorf("%s: <%s> has a %s attribute", name, se.Name.Local, a.Name.Local)
				case a.Name.Local == "id":
					ids[a.Value] = se.Name.Local
				case a.Name.Local == "aria-labelledby":
					labelledBy = a.Value
				case a.Name.Local == "role" && elems == 1 && a.Value != "img":
					t.Errorf("%s: role is %q, want img", name, a.Value)
				}
			}
			if elems == 1 && se.Name.Local != "svg" {
				t.Errorf("%s: root is <%s>, want <svg>", name, se.Name.Local)
			}
		}
		refs := strings.Fields(labelledBy)
		if len(refs) != 2 || ids[refs[0]] != "title" || ids[refs[1]] != "desc" {
			t.Errorf("%s: aria-labelledby %q, want the ids of its <title> and <desc> (ids %v)", name, labelledBy, ids)
		}
		if empty := strings.Contains(name, "empty"); !empty && rects == 0 {
			t.Errorf("%s: got no <rect>, want bars", name)
		}
	}
}

func TestChartsEscapeText(t *testing.T) {
	b := string(charts()["bar_en"])
	if strings.Contains(b, "<script") || !strings.Contains(b, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co") {
		t.Errorf("the hostile label is not escaped:\n%s", b)
	}
}

func TestRankedBars(t *testing.T) {
	bars := RankedBars(ZH, ipr.DimProvince, sampleRows, Batches)
	var got []string
	for _, b := range bars {
		got = append(got, b.Label+"="+b.Text)
	}
	want := "浙江=31 广东=12 福建=12 " + `<script>alert("x")</script> & Co=2`
	if strings.Join(got, " ") != want {
		t.Errorf("RankedBars: got %q, want %q", strings.Join(got, " "), want)
	}
	if v := RankedBars(EN, ipr.DimProvince, sampleRows, Value)[0].Text; v != "88,200.50" {
		t.Errorf("value of the first bar: got %q, want 88,200.50", v)
	}
}

func TestNiceMax(t *testing.T) {
	for _, tc := range []struct{ max, top, step float64 }{
		{0, 1, 1}, {31, 40, 10}, {9, 10, 2}, {88200.5, 100000, 20000}, {1, 1, 0.2}, {120, 150, 50}, {10, 10, 2},
	} {
		top, step := niceMax(tc.max)
		if top != tc.top || step != tc.step {
			t.Errorf("niceMax(%v): got %v, %v, want %v, %v", tc.max, top, step, tc.top, tc.step)
		}
	}
}
