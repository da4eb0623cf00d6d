package screen

// Byte kinds for the ASCII fast path, indexed by the source byte.
const (
	kSep    = iota
	kLetter // a-z A-Z
	kOther  // digits, $ and @: word characters that are not letters
	kApos   // ' and `
	kHigh   // not ASCII: leave the fast path
)

var asciiKind = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= 0x80:
			t[c] = kHigh
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = kLetter
		case '0' <= c && c <= '9', c == '$', c == '@':
			t[c] = kOther
		case c == '\'', c == '`':
			t[c] = kApos
		}
	}
	return t
}()

// normaliseASCII is the fast path for pure-ASCII fields, most of a
// declaration: one pass that folds, tokenises, rejoins spread letters and
// reads leet straight into t, with the same result as the general path
// (a test and the fuzz test compare the two). It reports false, leaving t
// to be overwritten, at the first non-ASCII byte.
func (n *Normaliser) normaliseASCII(t *Text, s string) bool {
	norm, start, toks := t.Norm[:0], t.start[:0], t.Tokens[:0]
	var pend Token    // last token, not final until the next one closes
	havePend := false // pend holds a token
	singles := false  // pend is made of one-character raw tokens only
	for i := 0; i < len(s); {
		// Separators, and apostrophes outside words.
		k := asciiKind[s[i]]
		if k == kHigh {
			return false
		}
		if k == kSep || k == kApos {
			i++
			continue
		}
		// A raw token: word characters, and apostrophes followed by a letter.
		if havePend {
			norm = append(norm, ' ')
			start = append(start, int32(i))
		}
		rawStart := len(norm)
		for i < len(s) {
			c := s[i]
			k := asciiKind[c]
			if k == kLetter || k == kOther {
				norm = append(norm, asciiFold[c])
				start = append(start, int32(i))
				i++
				continue
			}
			if k == kApos && i+1 < len(s) && asciiKind[s[i+1]] == kLetter {
				i++ // L'Oreal, Levi's
				continue
			}
			if (c == '!' || c == '|') && i+1 < len(s) && (asciiKind[s[i+1]] == kLetter || asciiKind[s[i+1]] == kOther) {
				norm = append(norm, c) // K!tsune: read as I by shape
				start = append(start, int32(i))
				i++
				continue
			}
			break
		}
		if havePend && singles && len(norm)-rawStart == 1 {
			// Spread letters: G U C C I. Drop the space before this one.
			norm[rawStart-1], start[rawStart-1] = norm[rawStart], start[rawStart]
			norm, start = norm[:rawStart], start[:rawStart]
			pend.End, pend.Spread = int32(len(norm)), true
			continue
		}
		if havePend {
			toks = appendShaped(toks, norm, pend)
		}
		pend = Token{Start: int32(rawStart), End: int32(len(norm))}
		havePend, singles = true, len(norm)-rawStart == 1
	}
	if havePend {
		toks = appendShaped(toks, norm, pend)
	}
	t.Src, t.Norm, t.start, t.end, t.Tokens, t.ascii = s, norm, start, t.end[:0], toks, true
	t.Joined = t.Joined[:0]
	for _, tok := range toks {
		t.Joined = append(t.Joined, norm[tok.Start:tok.End]...)
	}
	return true
}

// appendShaped reads tok's kind and leet, in place in norm, and appends it.
func appendShaped(toks []Token, norm []byte, tok Token) []Token {
	tok.Kind, tok.Leet, tok.Mixed = shape(norm[tok.Start:tok.End])
	return append(toks, tok)
}
