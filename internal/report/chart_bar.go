package report

import (
	"cmp"
	"slices"
	"strings"

	"bordermark/internal/ipr"
)

// Measure is which figure a chart draws: batches, pieces or value.
type Measure string

const (
	Batches Measure = "batches"
	Pieces  Measure = "pieces"
	Value   Measure = "value"
)

// Measures lists every measure in the order forms offer them.
var Measures = []Measure{Batches, Pieces, Value}

// Of is the measure of one row; value in major units.
func (m Measure) Of(r ipr.StatsRow) float64 {
	switch m {
	case Pieces:
		return pieces(r)
	case Value:
		return value(r)
	}
	return batches(r)
}

// Format writes a measured figure as a reader sees it.
func (m Measure) Format(v float64) string {
	if m == Value {
		return group(Decimal(v, 2).String())
	}
	return formatNumber(v)
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64
	Text  string // the value as written next to the bar
}

// BarChart is a horizontal bar chart, bars drawn in the order given.
type BarChart struct {
	ID    string // unique on the page: it names the title and description for aria-labelledby
	Title string
	Desc  string // what the chart shows; a summary of the bars is added
	Axis  string // the value axis label, such as "Batches"
	Empty string // the text shown when there are no bars
	Bars  []Bar
}

// RankedBars makes bars of m from rows, largest first (ties by label), labelled in lang.
func RankedBars(lang Lang, dim ipr.StatsDimension, rows []ipr.StatsRow, m Measure) []Bar {
	bars := make([]Bar, 0, len(rows))
	for _, r := range rows {
		v := m.Of(r)
		bars = append(bars, Bar{Label: RowLabel(lang, dim, r), Value: v, Text: m.Format(v)})
	}
	slices.SortStableFunc(bars, func(a, b Bar) int {
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.Label, b.Label))
	})
	return bars
}

// Bar geometry in pixels.
const (
	barHeight = 18
	barGap    = 8
	barTop    = 10
	barBottom = 42 // ticks and the axis label
	barRight  = 90 // room for the value written after the longest bar
)

// SVG draws the chart.
func (c BarChart) SVG() []byte {
	labelW := 60.0
	for _, b := range c.Bars {
		labelW = max(labelW, textWidth(b.Label))
	}
	labelW = min(labelW, 200) + 12
	plotW := chartWidth - labelW - barRight
	h := barTop + len(c.Bars)*(barHeight+barGap) + barBottom
	var s svg
	s.open(c.ID, c.Title, c.describe(), chartWidth, max(h, 80))
	if len(c.Bars) == 0 {
		s.text(chartWidth/2, 40, "middle", mutedColor, c.Empty)
		return s.close()
	}
	top := 0.0
	for _, b := range c.Bars {
		top = max(top, b.Value)
	}
	top, step := niceMax(top)
	bottom := float64(barTop + len(c.Bars)*(barHeight+barGap))
	for v := 0.0; v <= top+step/2; v += step {
		x := labelW + v/top*plotW
		s.line(x, barTop-4, x, bottom, gridColor)
		s.text(x, bottom+14, "middle", mutedColor, shortNumber(v))
	}
	s.text(labelW+plotW/2, bottom+32, "middle", inkColor, c.Axis, `font-weight="bold"`)
	for i, b := range c.Bars {
		y := float64(barTop + i*(barHeight+barGap))
		w := b.Value / top * plotW
		s.text(labelW-8, y+barHeight-4, "end", inkColor, fit(b.Label, labelW-12))
		s.rect(labelW, y, max(w, 1), barHeight, palette[0], b.Label+": "+b.Text)
		s.text(labelW+w+6, y+barHeight-4, "start", inkColor, b.Text)
	}
	s.line(labelW, barTop-4, labelW, bottom, mutedColor)
	return s.close()
}

// describe adds the bars' figures to the description, so a screen reader hears them.
func (c BarChart) describe() string {
	parts := make([]string, 0, len(c.Bars))
	for _, b := range c.Bars {
		parts = append(parts, b.Label+": "+b.Text)
	}
	return joinDesc(c.Desc, parts)
}

// joinDesc joins a description and the items it summarises; long lists are cut after twelve.
func joinDesc(desc string, parts []string) string {
	if len(parts) > 12 {
		parts = append(parts[:12:12], "…")
	}
	if len(parts) == 0 {
		return desc
	}
	if desc == "" {
		return strings.Join(parts, "; ")
	}
	return desc + " " + strings.Join(parts, "; ")
}

// sortRanked ranks rows by batches, then pieces, largest first; ties by key so the order is stable.
func sortRanked(rows []ipr.StatsRow) {
	slices.SortStableFunc(rows, func(a, b ipr.StatsRow) int {
		return cmp.Or(cmp.Compare(b.Batches, a.Batches), cmp.Compare(b.Pieces, a.Pieces), cmp.Compare(a.Key, b.Key))
	})
}
