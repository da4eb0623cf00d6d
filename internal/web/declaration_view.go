package web

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"bordermark/internal/enforce"
)

// Risk levels: a hit screening flags scores at least 0.5, so a flag alone is
// medium; several pieces of evidence together make it high, shown in red.
const (
	riskHigh   = 80
	riskMedium = 50
)

// riskLevel names the badge of a risk figure: high, medium or low.
func riskLevel(risk int) string {
	switch {
	case risk >= riskHigh:
		return "high"
	case risk >= riskMedium:
		return "medium"
	}
	return "low"
}

// declarationPath is the page of the declaration the declaring system calls ref.
func declarationPath(ref string) string { return "/declarations/" + url.PathEscape(ref) }

// textPart is a piece of a declaration's text, matched by a hit or not. The
// template writes each piece escaped, the matched ones inside <mark>.
type textPart struct {
	Text       string
	Match      bool
	Marks      string // the recorded marks matched here, for the tooltip
	Authorised bool   // every hit here is an authorised shipment of the brand
}

// span is a byte range of a field that a hit matched.
type span struct {
	start, end int
	mark       string
	authorised bool
}

// highlight splits s into pieces at the spans. Spans that overlap are merged;
// spans outside s, empty, or cutting a UTF-8 character are left out, so a
// stale or wrong offset never garbles the text or the page.
func highlight(s string, spans []span) []textPart {
	ok := spans[:0:0]
	for _, sp := range spans {
		if sp.start >= 0 && sp.end <= len(s) && sp.start < sp.end &&
			boundary(s, sp.start) && boundary(s, sp.end) {
			ok = append(ok, sp)
		}
	}
	slices.SortFunc(ok, func(a, b span) int { return a.start - b.start })
	var parts []textPart
	at := 0
	for i := 0; i < len(ok); {
		start, end := ok[i].start, ok[i].end
		marks, authorised := []string{ok[i].mark}, ok[i].authorised
		for i++; i < len(ok) && ok[i].start < end; i++ {
			end = max(end, ok[i].end)
			authorised = authorised && ok[i].authorised
			if !slices.Contains(marks, ok[i].mark) {
				marks = append(marks, ok[i].mark)
			}
		}
		if start > at {
			parts = append(parts, textPart{Text: s[at:start]})
		}
		parts = append(parts, textPart{Text: s[start:end], Match: true, Marks: strings.Join(marks, ", "), Authorised: authorised})
		at = end
	}
	if at < len(s) {
		parts = append(parts, textPart{Text: s[at:]})
	}
	return parts
}

func boundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// fieldParts is the text of field (description or brand) with the hits in it marked.
func fieldParts(v *enforce.DeclarationView, field, text string) []textPart {
	var spans []span
	for _, h := range v.Result.Hits {
		if h.Field == field {
			spans = append(spans, span{start: h.Start, end: h.End, mark: h.Mark, authorised: h.Authorised})
		}
	}
	return highlight(text, spans)
}
