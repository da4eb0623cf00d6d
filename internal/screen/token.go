package screen

import (
	"unicode"
	"unicode/utf8"
)

// span is a raw token over the folded bytes: a maximal run of word
// characters (letters, digits, $ and @, apostrophes inside words) or of Han.
type span struct {
	a, b  int32 // range in Normaliser.fb
	runes int32 // characters, apostrophes not counted
	han   bool
}

// class of a folded rune, as the tokeniser sees it.
type class uint8

const (
	sep class = iota
	letter
	digit
	symbol // $ and @, read as S and A in leet words
	apos
	hanClass
	markClass // a combining mark kept after a non-Latin letter: part of its token
)

// asciiClass is the class of each ASCII byte of the folded text.
var asciiClass = func() (t [utf8.RuneSelf]class) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = letter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = digit
	}
	t['$'], t['@'], t['\''] = symbol, symbol, apos
	return t
}()

// classify returns the class of the rune starting at fb[i] and its size.
func classify(fb []byte, i int) (class, int) {
	if c := fb[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, size := utf8.DecodeRune(fb[i:])
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul), r == 'ー', r == '々':
		return hanClass, size
	case unicode.IsMark(r):
		return markClass, size
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return letter, size
	}
	return sep, size
}

// tokenise is phase 2: split the folded bytes into raw tokens, rejoin
// letters spread out with separators, read leet, and write t.
func (n *Normaliser) tokenise(t *Text, s string) {
	n.split()
	t.Src, t.ascii = s, false
	t.Norm, t.Tokens, t.Joined = t.Norm[:0], t.Tokens[:0], t.Joined[:0]
	t.start, t.end = t.start[:0], t.end[:0]
	for k := 0; k < len(n.raw); {
		// A run of two or more one-character word tokens is one spread-out
		// word: G U C C I, N.I.K.E, P-r-a-d-a, T*A*K*U*M*1*P*R*O.
		m := k
		for m < len(n.raw) && !n.raw[m].han && n.raw[m].runes == 1 {
			m++
		}
		if m-k < 2 {
			m = k + 1
		}
		n.emit(t, n.raw[k:m], m-k > 1)
		k = m
	}
}

// split fills n.raw with the raw tokens of n.fb.
func (n *Normaliser) split() {
	raw, fb := n.raw[:0], n.fb
	open := false
	var cur span
	for i := 0; i < len(fb); {
		var cl class
		size := 1
		if c := fb[i]; c < utf8.RuneSelf {
			cl = asciiClass[c]
		} else {
			cl, size = classify(fb, i)
		}
		if cl == sep && open && (fb[i] == '!' || fb[i] == '|') && i+1 < len(fb) {
			// Inside a word, ! and | stand for I (K!tsune, N|KE).
			if next, _ := classify(fb, i+1); next == letter || next == digit || next == symbol {
				cl = symbol
			}
		}
		switch {
		case cl == sep:
			if open {
				raw, open = append(raw, cur), false
			}
		case cl == markClass && open:
			cur.b = int32(i + size)
		case cl == apos:
			// Inside a word (L'Oréal, Levi's) the apostrophe is dropped;
			// anywhere else it is punctuation.
			if open && !cur.han && i+size < len(fb) {
				if next, _ := classify(fb, i+size); next == letter {
					cur.b = int32(i + size)
					break
				}
			}
			if open {
				raw, open = append(raw, cur), false
			}
		default:
			isHan := cl == hanClass
			if open && cur.han != isHan {
				raw, open = append(raw, cur), false
			}
			if !open {
				cur = span{a: int32(i), han: isHan}
				open = true
			}
			cur.b = int32(i + size)
			cur.runes++
		}
		i += size
	}
	if open {
		raw = append(raw, cur)
	}
	n.raw = raw
}

// emit writes the raw tokens toks as one token of t (several when spread).
func (n *Normaliser) emit(t *Text, toks []span, spread bool) {
	fb, fs, fe := n.fb, n.fs, n.fe
	norm, start, end := t.Norm, t.start, t.end
	if len(norm) > 0 {
		// The space between tokens maps to an empty range where the next
		// token starts, which keeps source offsets monotonic.
		at := fs[toks[0].a]
		norm = append(norm, ' ')
		start = append(start, at)
		end = append(end, at)
	}
	tok := Token{Start: int32(len(norm)), Kind: Han, Spread: spread}
	for _, sp := range toks {
		a, b := sp.a, sp.b
		for a < b {
			// Copy runs between dropped apostrophes in bulk.
			c := a
			for c < b && fb[c] != '\'' {
				c++
			}
			norm = append(norm, fb[a:c]...)
			start = append(start, fs[a:c]...)
			end = append(end, fe[a:c]...)
			a = c + 1
		}
	}
	tok.End = int32(len(norm))
	if !toks[0].han {
		tok.Kind, tok.Leet, tok.Mixed = shape(norm[tok.Start:])
	}
	t.Norm, t.start, t.end = norm, start, end
	t.Joined = append(t.Joined, norm[tok.Start:]...)
	t.Tokens = append(t.Tokens, tok)
}
