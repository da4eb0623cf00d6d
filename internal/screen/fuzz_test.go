package screen

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzNormalise checks what must hold for any input: no panic, valid UTF-8
// out, source offsets in bounds and monotonic, tokens that renormalise to
// themselves, and a Joined form that normalising Norm again keeps.
func FuzzNormalise(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Add("L’Oréal Paris G U C C I N1KE 3m cable 耐克")
	f.Fuzz(func(t *testing.T, in string) {
		got := Normalise(in)
		if !utf8.Valid(got.Norm) || !utf8.Valid(got.Joined) {
			t.Fatalf("Normalise(%q) = %q: invalid UTF-8", in, got.Norm)
		}
		if len(got.start) != len(got.Norm) || (!got.ascii && len(got.end) != len(got.Norm)) {
			t.Fatalf("Normalise(%q): offset maps have wrong lengths", in)
		}
		prev := 0
		for i := range got.Norm {
			a, b := int(got.start[i]), got.srcEnd(i)
			if a < prev || a > b || b > len(in) {
				t.Fatalf("Normalise(%q) byte %d: got range [%d,%d) after start %d, want monotonic within [0,%d]", in, i, a, b, prev, len(in))
			}
			prev = a
		}
		for i := range got.Joined {
			if got.Joined[i] != got.Norm[got.JoinedNorm(i)] {
				t.Fatalf("Normalise(%q): Joined[%d] does not match its Norm byte", in, i)
			}
		}
		checkOffsets(t, in)
		checkSamePaths(t, in)
		again := Normalise(string(got.Norm))
		if !bytes.Equal(again.Joined, got.Joined) {
			t.Errorf("Normalise(%q): Joined %q, but normalising Norm %q gives Joined %q", in, got.Joined, got.Norm, again.Joined)
		}
	})
}

// FuzzScreen screens arbitrary fields against a small register: no panic,
// and every hit's offsets point at its matched text in its field.
func FuzzScreen(f *testing.F) {
	f.Add("N1KE shoes G U C C I 耐克", "Nike", "640411")
	f.Add("map13 91obex 1umar3x", "", "6")
	f.Add("\xff\u200bＮ\u0301IKE", "ΝΙΚΕ", "x")
	s := NewEngine(Build(testMarks()), nil).Screener()
	f.Fuzz(func(t *testing.T, desc, brand, hs string) {
		res := s.Screen(&Declaration{ID: "x", Description: desc, Brand: brand, HSCode: hs})
		for _, h := range res.Hits {
			field := desc
			if h.Field == "brand" {
				field = brand
			}
			if h.Start < 0 || h.End > len(field) || h.Start > h.End || field[h.Start:h.End] != h.Matched {
				t.Fatalf("%q / %q: hit %+v does not point at its text", desc, brand, h)
			}
		}
		if res.Risk < 0 || res.Risk > 100 {
			t.Fatalf("risk %d", res.Risk)
		}
	})
}
