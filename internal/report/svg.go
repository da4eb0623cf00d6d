package report

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chart drawing constants shared by every chart: pixels at the default 13px font.
const (
	chartWidth = 640
	fontSize   = 12
	charWidth  = 7  // a Latin character's width at fontSize, roughly
	wideWidth  = 12 // a CJK character's width
	font       = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', sans-serif"
	inkColor   = "#1f2933"
	gridColor  = "#d9dee3"
	mutedColor = "#52606d"
)

// palette colours series; chosen to stay apart for common colour blindness.
var palette = []string{"#1f6fb2", "#e08a1e", "#2a9d8f", "#c8553d", "#6a4c93", "#8a9a5b", "#b5838d", "#4d908e"}

// svg writes one chart. Every text goes through esc; attribute values are
// numbers, colours or fixed words, so nothing a user typed reaches markup unescaped.
type svg struct {
	b  bytes.Buffer
	id string
}

// open starts the document with its accessible name and description.
func (s *svg) open(id, title, desc string, w, h int) {
	s.id = id
	fmt.Fprintf(&s.b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="%s-title %s-desc" viewBox="0 0 %d %d" width="%d" height="%d" font-family="%s" font-size="%d" fill="%s">`,
		esc(id), esc(id), w, h, w, h, esc(font), fontSize, inkColor)
	fmt.Fprintf(&s.b, "\n<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", esc(id), esc(title), esc(id), esc(desc))
}

func (s *svg) close() []byte {
	s.b.WriteString("</svg>\n")
	return s.b.Bytes()
}

func (s *svg) rect(x, y, w, h float64, fill, tip string) {
	fmt.Fprintf(&s.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s">`, num(x), num(y), num(w), num(h), fill)
	if tip != "" {
		fmt.Fprintf(&s.b, "<title>%s</title>", esc(tip))
	}
	s.b.WriteString("</rect>\n")
}

func (s *svg) line(x1, y1, x2, y2 float64, stroke string) {
	fmt.Fprintf(&s.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`+"\n", num(x1), num(y1), num(x2), num(y2), stroke)
}

// text writes a label; anchor is start, middle or end.
func (s *svg) text(x, y float64, anchor, fill, t string, extra ...string) {
	attrs := ""
	if len(extra) > 0 {
		attrs = " " + strings.Join(extra, " ")
	}
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" text-anchor="%s" fill="%s"%s>%s</text>`+"\n", num(x), num(y), anchor, fill, attrs, esc(t))
}

// esc escapes text and attribute values for XML.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n') || r == 0xFFFE || r == 0xFFFF {
				continue // not allowed in XML at all
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// num writes a coordinate with at most one decimal, so output is stable and small.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

// textWidth estimates how wide t is drawn: CJK characters are about twice as wide.
func textWidth(t string) float64 {
	w := 0.0
	for _, r := range t {
		if r > 0x2E80 || unicode.Is(unicode.Han, r) {
			w += wideWidth
		} else {
			w += charWidth
		}
	}
	return w
}

// fit shortens t with an ellipsis to about max pixels; the full text stays in the bar's tooltip and the table.
func fit(t string, max float64) string {
	if textWidth(t) <= max {
		return t
	}
	rs := []rune(t)
	for len(rs) > 0 && textWidth(string(rs))+charWidth > max {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// niceMax rounds the largest value up to a tick-friendly number and says the
// step between ticks: 1, 2 or 5 times a power of ten, at most five steps, so counts get whole ticks.
func niceMax(max float64) (top, step float64) {
	if max <= 0 {
		return 1, 1
	}
	raw := max / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	return math.Ceil(max/step) * step, step
}

// formatNumber writes a value with thousands separators and decimals only when it has them.
func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return group(strconv.FormatInt(int64(v), 10))
	}
	return group(strconv.FormatFloat(v, 'f', 2, 64))
}

// shortNumber writes an axis tick compactly: 1.5k, 2M.
func shortNumber(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', -1, 64) + "G"
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', -1, 64) + "M"
	case a >= 1e4:
		return strconv.FormatFloat(v/1e3, 'f', -1, 64) + "k"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
