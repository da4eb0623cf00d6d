package report

import (
	"strconv"
	"strings"
)

// Series is one line: its name for the legend and a value per label.
type Series struct {
	Name   string
	Values []float64
}

// LineChart is a line chart over months. The first series is the main one:
// its points carry their values and, under the axis, the change on the
// previous point; further series (such as the year before) are drawn dashed.
type LineChart struct {
	ID, Title, Desc string
	XAxis, YAxis    string
	Empty           string
	Labels          []string // one per point, such as "2026-03"
	Series          []Series
	Format          func(float64) string // writes values; formatNumber when nil
}

// Line geometry in pixels.
const (
	lineHeight = 320
	lineLeft   = 64
	lineRight  = 24
	lineTop    = 34
	lineBottom = 78
	linePad    = 24 // keeps the first and last points and their labels off the axes
)

// SVG draws the chart.
func (c LineChart) SVG() []byte {
	var s svg
	s.open(c.ID, c.Title, c.describe(), chartWidth, lineHeight)
	if len(c.Labels) == 0 || len(c.Series) == 0 {
		s.text(chartWidth/2, 60, "middle", mutedColor, c.Empty)
		return s.close()
	}
	plotW, plotH := float64(chartWidth-lineLeft-lineRight), float64(lineHeight-lineTop-lineBottom)
	top := 0.0
	for _, se := range c.Series {
		for _, v := range se.Values {
			top = max(top, v)
		}
	}
	top, step := niceMax(top)
	y := func(v float64) float64 { return lineTop + plotH - v/top*plotH }
	x := func(i int) float64 {
		if len(c.Labels) == 1 {
			return lineLeft + plotW/2
		}
		return lineLeft + linePad + float64(i)*(plotW-2*linePad)/float64(len(c.Labels)-1)
	}
	for v := 0.0; v <= top+step/2; v += step {
		s.line(lineLeft, y(v), lineLeft+plotW, y(v), gridColor)
		s.text(lineLeft-6, y(v)+4, "end", mutedColor, shortNumber(v))
	}
	s.line(lineLeft, lineTop, lineLeft, lineTop+plotH, mutedColor)
	c.axisLabels(&s, x, lineTop+plotH)
	s.text(lineLeft+plotW/2, lineHeight-6, "middle", inkColor, c.XAxis, `font-weight="bold"`)
	s.text(14, lineTop+plotH/2, "middle", inkColor, c.YAxis, `font-weight="bold"`,
		`transform="rotate(-90 14 `+num(lineTop+plotH/2)+`)"`)
	for k := len(c.Series) - 1; k >= 0; k-- { // the main series last, on top
		c.drawSeries(&s, k, x, y)
	}
	c.legend(&s)
	return s.close()
}

// axisLabels writes the month under the axis (every few when there are many) and the main series' change.
func (c LineChart) axisLabels(s *svg, x func(int) float64, base float64) {
	every := (len(c.Labels) + 11) / 12
	main := c.Series[0].Values
	for i, l := range c.Labels {
		if i%every != 0 && i != len(c.Labels)-1 {
			continue
		}
		s.text(x(i), base+16, "middle", mutedColor, l)
		if i == 0 || i >= len(main) {
			continue
		}
		if pct, ok := Change(main[i-1], main[i]); ok {
			colour := "#2f7d32"
			if pct > 0 {
				colour = "#b3261e" // more detentions read as a warning
			}
			s.text(x(i), base+32, "middle", colour, signed(pct))
		}
	}
}

func (c LineChart) drawSeries(s *svg, k int, x func(int) float64, y func(float64) float64) {
	se := c.Series[k]
	colour := palette[k%len(palette)]
	var pts []string
	for i, v := range se.Values {
		if i < len(c.Labels) {
			pts = append(pts, num(x(i))+","+num(y(v)))
		}
	}
	dash := ""
	if k > 0 {
		dash = ` stroke-dasharray="6 4"`
	}
	s.b.WriteString(`<polyline fill="none" stroke="` + colour + `" stroke-width="2"` + dash + ` points="` + strings.Join(pts, " ") + `"/>` + "\n")
	for i, v := range se.Values {
		if i >= len(c.Labels) {
			break
		}
		s.b.WriteString(`<circle cx="` + num(x(i)) + `" cy="` + num(y(v)) + `" r="3.5" fill="` + colour + `"><title>` +
			esc(se.Name+" "+c.Labels[i]+": "+c.format(v)) + "</title></circle>\n")
		if k == 0 && len(c.Labels) <= 24 {
			s.text(x(i), y(v)-8, "middle", inkColor, c.format(v), `font-size="10"`)
		}
	}
}

// legend names the series when there is more than one.
func (c LineChart) legend(s *svg) {
	if len(c.Series) < 2 {
		return
	}
	lx := float64(lineLeft)
	for k, se := range c.Series {
		s.rect(lx, 8, 14, 10, palette[k%len(palette)], "")
		s.text(lx+20, 17, "start", inkColor, se.Name)
		lx += 40 + textWidth(se.Name)
	}
}

func (c LineChart) format(v float64) string {
	if c.Format != nil {
		return c.Format(v)
	}
	return formatNumber(v)
}

// describe lists the main series' values with their change, for screen readers.
func (c LineChart) describe() string {
	if len(c.Series) == 0 {
		return c.Desc
	}
	var parts []string
	main := c.Series[0].Values
	for i, l := range c.Labels {
		if i >= len(main) {
			break
		}
		p := l + ": " + c.format(main[i])
		if i > 0 {
			if pct, ok := Change(main[i-1], main[i]); ok {
				p += " (" + signed(pct) + ")"
			}
		}
		parts = append(parts, p)
	}
	return joinDesc(c.Desc, parts)
}

// signed writes a change in per cent with its sign: +12.5%, −3%, 0%.
func signed(pct float64) string {
	s := strconv.FormatFloat(pct, 'f', -1, 64) + "%"
	if pct > 0 {
		return "+" + s
	}
	return s
}
