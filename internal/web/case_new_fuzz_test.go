package web

import (
	"strings"
	"testing"
)

// FuzzParseItems: any text gives items of at least one piece, one for each
// line with text, or an error; never a panic.
func FuzzParseItems(f *testing.F) {
	for _, s := range []string{"200, hoodies with the logo", "caps\n\n12,bags", "0, nothing", "-3, minus", "9999999999999999999, big",
		" 7 ,  spaced \r\n8,x", "a, b, c", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		items, err := parseItems(text)
		if err != nil {
			return
		}
		lines := 0
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		if len(items) != lines {
			t.Fatalf("%q: got %d items, want one per line with text (%d)", text, len(items), lines)
		}
		for _, it := range items {
			if it.Quantity < 1 {
				t.Fatalf("%q: got quantity %d", text, it.Quantity)
			}
		}
	})
}
