package screen

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"bordermark/internal/ipr"
)

// Mark is one recorded right as screening needs it.
type Mark struct {
	Right      int64    // the right's database id; 0 outside a database
	RightID    string   // the right's reference, reported in hits
	Text       string   // the mark as recorded
	Variants   []string // other names: Chinese, transliterations, abbreviations
	Classes    []int    // Nice classes
	ValidFrom  ipr.Date // the recordation's validity; zero for open-ended
	ValidTo    ipr.Date
	Authorised []string // names of the authorised exporters, consignees and licensees
	PriceMin   float64  // the lowest genuine unit price in the catalogue; 0 when unknown
	Currency   string   // of PriceMin
}

// MarkFromRight makes the screening view of a recorded right.
func MarkFromRight(r *ipr.Right, parties []string, priceMin float64, currency string) Mark {
	return Mark{
		Right: r.ID, RightID: r.Ref, Text: r.Mark, Variants: r.Variants, Classes: r.NiceClasses,
		ValidFrom: r.RecordFrom, ValidTo: r.RecordTo, Authorised: parties, PriceMin: priceMin, Currency: currency,
	}
}

// classSet is a set of Nice classes 1–45 as bits.
type classSet uint64

func classesOf(cs []int) classSet {
	var s classSet
	for _, c := range cs {
		if 1 <= c && c <= 45 {
			s |= 1 << c
		}
	}
	return s
}

// list returns the classes in order.
func (s classSet) list() []int {
	var out []int
	for c := 1; c <= 45; c++ {
		if s&(1<<c) != 0 {
			out = append(out, c)
		}
	}
	return out
}

// mark is a Mark in the index, with what matching needs precomputed.
type mark struct {
	Mark
	classes    classSet
	authorised []string // name keys, see appendNameKey
	classText  string   // the classes as a list, for reasons
	letters    string   // the non-ASCII letters of the text and variants, lower-cased
	from, to   int32    // validity as days since 1970; to = max when open
}

// key is one searchable form of a mark: its text or a variant, normalised.
type key struct {
	mark    int32
	text    []byte // Joined form
	hash    uint64
	tokens  int8 // tokens in the normalised form
	budget  int8 // edits allowed by approximate matching
	han     bool // Chinese (or other unspaced script): matched inside Han runs
	measure bool // shaped like a measurement (3M): matched only as written in capitals
	variant bool
	generic classSet // classes in which the key is a common word for goods
}

// keyMinAnchor is the shortest key found anywhere in a text; shorter keys
// (LG, HP, 3M, JBL) match only whole tokens.
const keyMinAnchor = 4

// maxFuzzyKey is the longest key approximate matching tries.
const maxFuzzyKey = 64

// editBudget is how many edits approximate matching allows for a key of n
// bytes: none for short marks, where one edit makes another word.
func editBudget(n int) int8 {
	if n < 5 || n > maxFuzzyKey {
		return 0
	}
	return 1
}

// keysOf normalises a mark's text and variants into keys, dropping
// duplicates and empty ones.
func keysOf(m *Mark, id int32, n *Normaliser, t *Text) []key {
	var out []key
	for i, s := range append([]string{m.Text}, m.Variants...) {
		n.Normalise(t, s)
		if len(t.Joined) == 0 || len(t.Joined) > maxKey {
			continue
		}
		if slices.ContainsFunc(out, func(k key) bool { return string(k.text) == string(t.Joined) }) {
			continue
		}
		k := key{mark: id, text: []byte(string(t.Joined)), tokens: int8(min(len(t.Tokens), 127)), variant: i > 0}
		k.hash = hashBytes(k.text)
		k.han = slices.ContainsFunc(t.Tokens, func(tok Token) bool { return tok.Kind == Han })
		k.measure = len(t.Tokens) == 1 && t.Tokens[0].Kind == Measure
		if !k.han && isASCII(k.text) {
			k.budget = editBudget(len(k.text))
		}
		out = append(out, k)
	}
	return out
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// appendNameKey appends the form party names are compared in: letters and
// digits only, ASCII upper-cased ("Yiwu Caizhao E-commerce Co., Ltd." =
// "YIWU CAIZHAO ECOMMERCE CO LTD" = YIWUCAIZHAOECOMMERCECOLTD).
func appendNameKey(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c = asciiFold[c]; 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case 'a' <= r && r <= 'z':
			dst = append(dst, byte(r-'a'+'A'))
		case 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			dst = append(dst, byte(r))
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			dst = utf8.AppendRune(dst, unicode.ToUpper(r))
		}
	}
	return dst
}

// sameName reports whether s has name key key (see appendNameKey), without
// building s's key: most names differ in their first letters.
func sameName(s, key string) bool {
	n := 0
	for i := 0; i < len(s); {
		var c byte
		if c = s[i]; c < utf8.RuneSelf {
			i++
			if c = asciiFold[c]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				continue
			}
			if n == len(key) || key[n] != c {
				return false
			}
			n++
			continue
		}
		var buf [utf8.UTFMax]byte
		k := appendNameKey(buf[:0], s[i:i+utf8RuneLen(s[i:])])
		i += utf8RuneLen(s[i:])
		if len(k) == 0 {
			continue
		}
		if n+len(k) > len(key) || key[n:n+len(k)] != string(k) {
			return false
		}
		n += len(k)
	}
	return n == len(key) && n > 0
}

func utf8RuneLen(s string) int {
	_, size := utf8.DecodeRuneInString(s)
	return size
}

// nonASCIILetters lists, lower-cased, the non-ASCII characters of texts.
func nonASCIILetters(texts ...string) string {
	var b []rune
	for _, t := range texts {
		for _, r := range t {
			if r >= utf8.RuneSelf {
				b = append(b, unicode.ToLower(r))
			}
		}
	}
	return string(b)
}
