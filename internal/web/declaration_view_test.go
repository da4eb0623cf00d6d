package web

import (
	"slices"
	"testing"
)

// highlight never garbles the text: whatever the offsets, the pieces join up to
// the original, and only sound ranges are marked.
func TestHighlight(t *testing.T) {
	const s = "NIKE 北风 shoes" // 北 and 风 are 3 bytes each: 5–8 and 8–11
	for _, tc := range []struct {
		name  string
		spans []span
		want  []textPart
	}{
		{"none", nil, []textPart{{Text: s}}},
		{"start", []span{{0, 4, "NIKE", false}}, []textPart{{Text: "NIKE", Match: true, Marks: "NIKE"}, {Text: s[4:]}}},
		{"end", []span{{12, len(s), "SHOES", false}}, []textPart{{Text: s[:12]}, {Text: "shoes", Match: true, Marks: "SHOES"}}},
		{"whole", []span{{0, len(s), "X", true}}, []textPart{{Text: s, Match: true, Marks: "X", Authorised: true}}},
		{"Chinese", []span{{5, 11, "NORTHWIND", false}},
			[]textPart{{Text: "NIKE "}, {Text: "北风", Match: true, Marks: "NORTHWIND"}, {Text: " shoes"}}},
		{"out of order", []span{{5, 11, "NORTHWIND", false}, {0, 4, "NIKE", false}},
			[]textPart{{Text: "NIKE", Match: true, Marks: "NIKE"}, {Text: " "}, {Text: "北风", Match: true, Marks: "NORTHWIND"}, {Text: " shoes"}}},
		{"overlapping merge", []span{{0, 4, "NIKE", false}, {2, 8, "KE北", true}},
			[]textPart{{Text: "NIKE 北", Match: true, Marks: "NIKE, KE北"}, {Text: "风 shoes"}}},
		{"the same mark twice", []span{{0, 4, "NIKE", true}, {0, 4, "NIKE", true}},
			[]textPart{{Text: "NIKE", Match: true, Marks: "NIKE", Authorised: true}, {Text: s[4:]}}},
		{"touching stay apart", []span{{0, 4, "A", false}, {4, 5, "B", false}},
			[]textPart{{Text: "NIKE", Match: true, Marks: "A"}, {Text: " ", Match: true, Marks: "B"}, {Text: s[5:]}}},
		{"inside a character", []span{{6, 11, "X", false}}, []textPart{{Text: s}}},
		{"past the end", []span{{12, len(s) + 1, "X", false}}, []textPart{{Text: s}}},
		{"negative", []span{{-1, 3, "X", false}}, []textPart{{Text: s}}},
		{"empty", []span{{3, 3, "X", false}}, []textPart{{Text: s}}},
		{"backwards", []span{{4, 2, "X", false}}, []textPart{{Text: s}}},
	} {
		got := highlight(s, tc.spans)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
		joined := ""
		for _, p := range got {
			joined += p.Text
		}
		if joined != s {
			t.Errorf("%s: got pieces joining to %q, want the original", tc.name, joined)
		}
	}
	if got := highlight("", []span{{0, 1, "X", false}}); len(got) != 0 {
		t.Errorf("empty text: got %+v, want no pieces", got)
	}
}

func TestRiskLevel(t *testing.T) {
	for _, tc := range []struct {
		risk int
		want string
	}{{0, "low"}, {49, "low"}, {50, "medium"}, {79, "medium"}, {80, "high"}, {100, "high"}} {
		if got := riskLevel(tc.risk); got != tc.want {
			t.Errorf("riskLevel(%d): got %s, want %s", tc.risk, got, tc.want)
		}
	}
}
