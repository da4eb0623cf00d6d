package report

import (
	"cmp"
	"slices"
	"strings"

	"bordermark/internal/ipr"
)

// StackedChart is a horizontal stacked bar chart: one bar per category, one
// coloured segment per series, such as channels split by transport mode.
type StackedChart struct {
	ID, Title, Desc string
	Axis            string
	Empty           string
	Categories      []string
	Series          []string
	Values          [][]float64          // Values[category][series]
	Format          func(float64) string // writes values; formatNumber when nil
}

// Slice is the view of one series value: the rows of the category dimension
// counted with the series dimension fixed to Key (e.g. channels for transport "air").
type Slice struct {
	Key  string
	Rows []ipr.StatsRow
}

// Stacked builds a stacked chart of m from slices: categories are the
// union of the slices' rows, largest total first; series keep the slices' order.
func Stacked(lang Lang, catDim, serDim ipr.StatsDimension, parts []Slice, m Measure) StackedChart {
	c := StackedChart{Format: m.Format}
	index := map[string]int{}
	var totals []float64
	for k, sl := range parts {
		c.Series = append(c.Series, ValueLabel(lang, serDim, sl.Key, ""))
		for _, r := range sl.Rows {
			i, ok := index[r.Key]
			if !ok {
				i = len(c.Categories)
				index[r.Key] = i
				c.Categories = append(c.Categories, RowLabel(lang, catDim, r))
				c.Values = append(c.Values, make([]float64, len(parts)))
				totals = append(totals, 0)
			}
			c.Values[i][k] += m.Of(r)
			totals[i] += m.Of(r)
		}
	}
	order := make([]int, len(c.Categories))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(totals[b], totals[a]), cmp.Compare(c.Categories[a], c.Categories[b]))
	})
	cats, vals := make([]string, len(order)), make([][]float64, len(order))
	for n, i := range order {
		cats[n], vals[n] = c.Categories[i], c.Values[i]
	}
	c.Categories, c.Values = cats, vals
	return c
}

// SVG draws the chart, with a legend above the bars.
func (c StackedChart) SVG() []byte {
	labelW := 60.0
	for _, l := range c.Categories {
		labelW = max(labelW, textWidth(l))
	}
	labelW = min(labelW, 200) + 12
	plotW := chartWidth - labelW - barRight
	legendH := 28.0
	h := int(legendH) + barTop + len(c.Categories)*(barHeight+barGap) + barBottom
	var s svg
	s.open(c.ID, c.Title, c.describe(), chartWidth, max(h, 80))
	if len(c.Categories) == 0 {
		s.text(chartWidth/2, 40, "middle", mutedColor, c.Empty)
		return s.close()
	}
	lx := labelW
	for k, name := range c.Series {
		s.rect(lx, 8, 14, 10, palette[k%len(palette)], "")
		s.text(lx+20, 17, "start", inkColor, name)
		lx += 34 + textWidth(name)
	}
	top := 0.0
	for _, row := range c.Values {
		top = max(top, sum(row))
	}
	top, step := niceMax(top)
	y0 := legendH + barTop
	bottom := y0 + float64(len(c.Categories)*(barHeight+barGap))
	for v := 0.0; v <= top+step/2; v += step {
		x := labelW + v/top*plotW
		s.line(x, y0-4, x, bottom, gridColor)
		s.text(x, bottom+14, "middle", mutedColor, shortNumber(v))
	}
	s.text(labelW+plotW/2, bottom+32, "middle", inkColor, c.Axis, `font-weight="bold"`)
	for i, cat := range c.Categories {
		y := y0 + float64(i*(barHeight+barGap))
		s.text(labelW-8, y+barHeight-4, "end", inkColor, fit(cat, labelW-12))
		x := labelW
		for k, v := range c.Values[i] {
			if v <= 0 {
				continue
			}
			w := v / top * plotW
			s.rect(x, y, w, barHeight, palette[k%len(palette)], cat+" · "+c.Series[k]+": "+c.format(v))
			x += w
		}
		s.text(x+6, y+barHeight-4, "start", inkColor, c.format(sum(c.Values[i])))
	}
	s.line(labelW, y0-4, labelW, bottom, mutedColor)
	return s.close()
}

func sum(vs []float64) float64 {
	t := 0.0
	for _, v := range vs {
		t += v
	}
	return t
}

func (c StackedChart) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return formatNumber(v)
}

// describe lists each category's segments, for screen readers.
func (c StackedChart) describe() string {
	var parts []string
	for i, cat := range c.Categories {
		p := cat + ": " + c.format(sum(c.Values[i]))
		var segs []string
		for k, v := range c.Values[i] {
			if v > 0 {
				segs = append(segs, c.Series[k]+" "+c.format(v))
			}
		}
		if len(segs) > 0 {
			p += " (" + strings.Join(segs, ", ") + ")"
		}
		parts = append(parts, p)
	}
	return joinDesc(c.Desc, parts)
}
