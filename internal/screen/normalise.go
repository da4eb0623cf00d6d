// Package screen is the screening engine: it normalises declaration text,
// finds recorded marks in it and explains every hit. It is pure and in
// memory; callers own persistence.
package screen

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is one normalised declaration field. Norm holds the tokens separated
// by single spaces; Joined holds the same tokens with no separator, so a
// multi-word mark written apart ("Canada Goose") or together
// ("CanadaGoose") is the same substring there. Every byte of both maps back
// to the byte range of Src it came from, so a hit can be highlighted exactly.
type Text struct {
	Src    string  // the original field, not copied
	Norm   []byte  // upper-case tokens separated by one space
	Tokens []Token // the tokens of Norm, in order
	Joined []byte  // the tokens of Norm concatenated

	start, end []int32 // per Norm byte: source byte range (end unused when ascii)
	ascii      bool    // Src is ASCII: Norm byte i came from Src[start[i]], or is a space
}

// Token is one word, number or Han run of a Text.
type Token struct {
	Start, End int32 // byte range in Text.Norm
	Kind       Kind
	Leet       bool // digits or symbols in it were read as letters (N1KE → NIKE)
	Spread     bool // rejoined from single characters (G U C C I → GUCCI)
	Mixed      bool // a word of letters with digits or $ @ (before leet was read)
}

// Kind says what a token is made of; the matcher treats them differently.
type Kind uint8

const (
	Word    Kind = iota // letters, possibly with leet or non-Latin letters
	Number              // digits only (size 42, 2026)
	Measure             // digits with a unit suffix (3M, 100ML, 5HP)
	Han                 // a run of Han, kana or Hangul: no spaces, match substrings
)

// Source returns the byte range of Src that produced Norm[i:j] (i < j).
func (t *Text) Source(i, j int) (int, int) {
	return int(t.start[i]), t.srcEnd(j - 1)
}

// srcEnd returns the end of the source range of Norm[i].
func (t *Text) srcEnd(i int) int {
	if !t.ascii {
		return int(t.end[i])
	}
	if t.Norm[i] == ' ' {
		return int(t.start[i])
	}
	return int(t.start[i]) + 1
}

// JoinedSource returns the byte range of Src that produced Joined[i:j] (i < j).
func (t *Text) JoinedSource(i, j int) (int, int) {
	return int(t.start[t.JoinedNorm(i)]), t.srcEnd(t.JoinedNorm(j - 1))
}

// JoinedNorm returns the Norm byte index that Joined[i] was copied from.
// Token k starts at Tokens[k].Start-k in Joined (one space fewer per token
// before it), so this is a binary search over the tokens.
func (t *Text) JoinedNorm(i int) int {
	k := sort.Search(len(t.Tokens), func(k int) bool { return int(t.Tokens[k].End)-k > i })
	return i + k
}

// Word returns the bytes of token k, a view into Norm.
func (t *Text) Word(k int) []byte { return t.Norm[t.Tokens[k].Start:t.Tokens[k].End] }

// FromOne reports whether Norm[i] is a leet 'I' read from the digit 1, which
// may equally stand for L (1umar3x = LUMAREX): the matcher should accept
// either letter at such a position.
func (t *Text) FromOne(i int) bool {
	return t.Norm[i] == 'I' && t.Src[t.start[i]] == '1'
}

// Normaliser turns fields into Texts, reusing its scratch space so that
// steady-state normalisation does not allocate. It is not safe for
// concurrent use: give each goroutine its own.
type Normaliser struct {
	fb     []byte  // folded bytes (phase 1)
	fs, fe []int32 // per folded byte: source byte range
	seg    []byte  // NFKC output of one non-ASCII segment
	it     norm.Iter
	raw    []span // raw tokens over fb (phase 2)
}

// Normalise returns the normalised form of s in a new Text.
func Normalise(s string) Text {
	var n Normaliser
	var t Text
	n.Normalise(&t, s)
	return t
}

// Normalise fills t with the normalised form of s, reusing t's slices.
func (n *Normaliser) Normalise(t *Text, s string) {
	if n.normaliseASCII(t, s) {
		return
	}
	n.normaliseGeneral(t, s)
}

// normaliseGeneral handles any input, in two phases: fold, then tokenise.
func (n *Normaliser) normaliseGeneral(t *Text, s string) {
	n.foldString(s)
	n.tokenise(t, s)
}

// foldString is phase 1: NFKC, case, zero-width, diacritics and confusables,
// one source rune or NFKC segment at a time, recording source offsets.
func (n *Normaliser) foldString(s string) {
	// Locals, not fields, in the hot loop: the compiler keeps them in
	// registers. The slow path syncs them through n.
	fb, fs, fe := n.fb[:0], n.fs[:0], n.fe[:0]
	latin := true // a mark here is dropped: it follows no non-Latin letter
	// s[:stable] is already NFKC (Cyrillic, Han, precomposed é): fold it
	// rune by rune without asking the NFKC tables about every segment.
	stable := norm.NFKC.QuickSpanString(s)
	for i := 0; i < len(s); {
		c := s[i]
		if i < stable && c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				// QuickSpan skips invalid bytes and may vouch for what
				// follows them: separate at the byte and look again.
				fb, fs, fe = append(fb, ' '), append(fs, int32(i)), append(fe, int32(i+1))
				latin = true
				i++
				stable = i + norm.NFKC.QuickSpanString(s[i:])
				continue
			}
			n.fb, n.fs, n.fe = fb, fs, fe
			latin = n.foldRune(r, int32(i), int32(i+size), latin)
			fb, fs, fe = n.fb, n.fs, n.fe
			i += size
			continue
		}
		// ASCII fast path: an ASCII byte not followed by a combining mark is
		// its own NFKC segment.
		if c < utf8.RuneSelf && (i+1 < stable || i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			fb = append(fb, asciiFold[c])
			fs = append(fs, int32(i))
			fe = append(fe, int32(i+1))
			latin = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// Invalid UTF-8 (which encoding/json never yields: it decodes
			// it as U+FFFD) separates words, like U+FFFD. Handle it here,
			// before NFKC, which would pass it through with its neighbours.
			fb, fs, fe = append(fb, ' '), append(fs, int32(i)), append(fe, int32(i+1))
			latin = true
			i++
			stable = i + norm.NFKC.QuickSpanString(s[i:])
			continue
		}
		if 0xFF01 <= r && r <= 0xFF5E {
			// Full-width ASCII (ＮＩＫＥ), the common disguise: NFKC is a
			// fixed shift, so skip the tables. A mark after it is dropped
			// like any mark after a Latin letter.
			fb = append(fb, asciiFold[r-0xFEE0])
			fs = append(fs, int32(i))
			fe = append(fe, int32(i+size))
			latin = true
			i += size
			continue
		}
		j := i + norm.NFKC.NextBoundaryInString(s[i:], true)
		if j <= i { // cannot happen for valid input; guarantee progress anyway
			j = i + 1
		}
		n.fb, n.fs, n.fe = fb, fs, fe
		latin = n.foldSegment(s[i:j], int32(i), int32(j), latin)
		fb, fs, fe = n.fb, n.fs, n.fe
		i = j
		stable = j + norm.NFKC.QuickSpanString(s[j:])
	}
	n.fb, n.fs, n.fe = fb, fs, fe
}

// asciiFold upper-cases ASCII letters and reads a backquote as an apostrophe.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c - 'a' + 'A')
	}
	t['`'] = '\''
	return t
}()

// foldSegment folds one NFKC segment, source bytes [i, j), of s.
func (n *Normaliser) foldSegment(seg string, i, j int32, latin bool) bool {
	if norm.NFKC.QuickSpanString(seg) == len(seg) {
		// Already NFKC (é, Cyrillic, Han): skip the normaliser's buffer.
		for _, r := range seg {
			latin = n.foldRune(r, i, j, latin)
		}
		return latin
	}
	// One source character never splits into two tokens: when NFKC expands
	// it into word characters and punctuation (¼ → 1⁄4, ㏂ → a.m.), the
	// punctuation goes, so every token maps back to whole source characters.
	n.seg = n.seg[:0]
	n.it.InitString(norm.NFKC, seg)
	for !n.it.Done() {
		n.seg = append(n.seg, n.it.Next()...)
	}
	word := hasWordRune(n.seg)
	for k := 0; k < len(n.seg); {
		r, size := utf8.DecodeRune(n.seg[k:])
		k += size
		if word && !isWordRune(r) && !unicode.IsMark(r) {
			continue
		}
		latin = n.foldRune(r, i, j, latin)
	}
	return latin
}

// foldRune appends the folded form of r, produced by source bytes [i, j).
// It returns whether the rune appended (if any) was Latin-like.
func (n *Normaliser) foldRune(r rune, i, j int32, latin bool) bool {
	if r < utf8.RuneSelf {
		n.put(asciiFold[r], i, j)
		return true
	}
	if r == utf8.RuneError {
		n.put(' ', i, j) // an unknown character separates words
		return true
	}
	if invisible(r) {
		return latin // zero-width and format characters vanish
	}
	if unicode.Is(unicode.Mn, r) {
		if latin {
			return true // a diacritic NFKC could not compose: fold it away
		}
		n.putRune(r, i, j) // Thai, Devanagari... keep their marks
		return false
	}
	if s, ok := fold[r]; ok {
		n.putString(s, i, j)
		return true
	}
	if decomposable(r) {
		var b [utf8.UTFMax]byte
		d := norm.NFD.Properties(b[:utf8.EncodeRune(b[:], r)]).Decomposition()
		if len(d) > 0 {
			base, _ := utf8.DecodeRune(d) // é → e, ї → і: drop the marks
			if base < utf8.RuneSelf {
				n.put(asciiFold[base], i, j)
				return true
			}
			if s, ok := fold[base]; ok {
				n.putString(s, i, j)
				return true
			}
			r = base
		}
	}
	// Upper case can land on a table entry (з → З → 3): fold it again, so
	// that normalising twice changes nothing.
	r = unicode.ToUpper(r)
	if s, ok := fold[r]; ok {
		n.putString(s, i, j)
		return true
	}
	n.putRune(r, i, j)
	// Marks are kept only after letters of scripts that need them (Thai,
	// Devanagari, Han with a stray mark) so they stay in that token.
	return !unicode.IsLetter(r) || r < 0x530 || (0x1D00 <= r && r < 0x1F00)
}

// decomposable reports whether r is in the Latin, Greek, Cyrillic or
// Armenian blocks, whose canonical decompositions are base letter plus
// diacritics. Hangul and others are left composed.
func decomposable(r rune) bool {
	return (0xC0 <= r && r < 0x530) || (0x1E00 <= r && r < 0x2000)
}

// invisible reports zero-width, soft-hyphen, bidi and other format
// characters, which disguise a mark without changing how it reads.
func invisible(r rune) bool {
	switch {
	case r == 0xAD, r == 0xFEFF, 0x200B <= r && r <= 0x200F, 0x2060 <= r && r <= 0x2064:
		return true
	case r == 0x034F, 0x180B <= r && r <= 0x180E, 0xFE00 <= r && r <= 0xFE0F:
		return true // grapheme joiner, variation selectors
	}
	return unicode.Is(unicode.Cf, r)
}

func (n *Normaliser) put(c byte, i, j int32) {
	n.fb = append(n.fb, c)
	n.fs = append(n.fs, i)
	n.fe = append(n.fe, j)
}

func (n *Normaliser) putString(s string, i, j int32) {
	for k := 0; k < len(s); k++ {
		n.put(s[k], i, j)
	}
}

func (n *Normaliser) putRune(r rune, i, j int32) {
	n.fb = utf8.AppendRune(n.fb, r)
	for len(n.fs) < len(n.fb) {
		n.fs = append(n.fs, i)
		n.fe = append(n.fe, j)
	}
}

// isWordRune reports letters and digits, before folding.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func hasWordRune(b []byte) bool {
	for k := 0; k < len(b); {
		r, size := utf8.DecodeRune(b[k:])
		k += size
		if isWordRune(r) && r != utf8.RuneError {
			return true
		}
	}
	return false
}
