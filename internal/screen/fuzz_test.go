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
