package screen

import (
	"math"
	"time"
)

// Index is an immutable snapshot of the register, ready to search. Build a
// new one when the register changes; Engine swaps it in atomically.
type Index struct {
	marks   []mark
	keys    []key
	anchors *table  // hash of a key's first keyMinAnchor bytes → keys
	starts  *bigram // the first two bytes of every key in anchors
	short   *table  // hash of a short key → keys (whole tokens only)
	fuzzy   *table  // hash of a key and of each of its one-byte deletions → keys
	// Window sizes worth trying: joined lengths and token counts of keys
	// with an edit budget, and the lengths of those of several words, the
	// only ones looked for over several tokens.
	fuzzyMin, fuzzyMax, fuzzyTokens int
	multiMin, multiMax              int
	// The first and last two bytes of those of several words: a window
	// within one edit of such a key shares one or the other.
	multiHead, multiTail *bigram
}

// Build indexes marks. It never fails: a mark with no searchable text is
// skipped.
func Build(marks []Mark) *Index {
	ix := &Index{marks: make([]mark, len(marks)), fuzzyMin: math.MaxInt, multiMin: math.MaxInt, starts: &bigram{}, multiHead: &bigram{}, multiTail: &bigram{}}
	anchors, short, fuzzy := map[uint64][]int32{}, map[uint64][]int32{}, map[uint64][]int32{}
	var n Normaliser
	var t Text
	for i := range marks {
		m := &ix.marks[i]
		m.Mark = marks[i]
		m.classes = classesOf(m.Classes)
		m.from, m.to = dayNumber(m.ValidFrom.Time(), math.MinInt32), dayNumber(m.ValidTo.Time(), math.MaxInt32)
		m.classText = classNames(m.classes)
		m.letters = nonASCIILetters(append([]string{m.Text}, m.Variants...)...)
		for _, a := range m.Authorised {
			if key := appendNameKey(nil, a); len(key) > 0 {
				m.authorised = append(m.authorised, string(key))
			}
		}
		for _, k := range keysOf(&m.Mark, int32(i), &n, &t) {
			k.generic = genericTerms[string(k.text)]
			id := int32(len(ix.keys))
			ix.keys = append(ix.keys, k)
			if len(k.text) < keyMinAnchor {
				short[k.hash] = append(short[k.hash], id)
				continue
			}
			ix.starts.add(k.text[0], k.text[1])
			h := hashBytes(k.text[:keyMinAnchor])
			anchors[h] = append(anchors[h], id)
			if k.budget > 0 {
				ix.addFuzzy(fuzzy, k, id)
			}
		}
	}
	ix.anchors, ix.short, ix.fuzzy = newTable(anchors), newTable(short), newTable(fuzzy)
	if ix.fuzzyMin == math.MaxInt {
		ix.fuzzyMin = 0
	}
	return ix
}

// addFuzzy files k under its own hash and the hashes of its one-byte
// deletions: two strings within one edit (transpositions included) share
// one of these forms.
func (ix *Index) addFuzzy(fuzzy map[uint64][]int32, k key, id int32) {
	ix.fuzzyMin = min(ix.fuzzyMin, len(k.text))
	ix.fuzzyMax = max(ix.fuzzyMax, len(k.text))
	ix.fuzzyTokens = max(ix.fuzzyTokens, int(k.tokens))
	if k.tokens > 1 {
		ix.multiMin = min(ix.multiMin, len(k.text))
		ix.multiMax = max(ix.multiMax, len(k.text))
		n := len(k.text)
		ix.multiHead.add(k.text[0], k.text[1])
		ix.multiTail.add(k.text[n-2], k.text[n-1])
	}
	var ph [maxKey + 1]uint64
	p := prefixHashes(ph[:0], k.text)
	add := func(h uint64) {
		ids := fuzzy[h]
		if len(ids) == 0 || ids[len(ids)-1] != id { // "ABBC" deletes to "ABC" twice
			fuzzy[h] = append(ids, id)
		}
	}
	add(k.hash)
	for d := range k.text {
		add(delHash(p, 0, d, len(k.text)))
	}
}

// dayNumber is t's date as days since 1970-01-01, or def for the zero time.
func dayNumber(t time.Time, def int32) int32 {
	if t.IsZero() {
		return def
	}
	return int32(t.Unix() / 86400)
}

// Len is the number of marks indexed.
func (ix *Index) Len() int { return len(ix.marks) }

// Bytes estimates the index's memory: the tables and the keys, not the
// marks' own strings, which belong to the caller too.
func (ix *Index) Bytes() int {
	n := ix.anchors.bytes() + ix.short.bytes() + ix.fuzzy.bytes()
	for _, k := range ix.keys {
		n += len(k.text) + 48
	}
	return n + len(ix.marks)*160
}

// bigram is a set of two-byte pairs, 8 KB: it sits in the first-level
// cache and lets the exact scan skip most positions without hashing.
type bigram [1 << 16 / 64]uint64

func (b *bigram) add(x, y byte) {
	i := uint(x)<<8 | uint(y)
	b[i/64] |= 1 << (i % 64)
}

func (b *bigram) has(x, y byte) bool {
	i := uint(x)<<8 | uint(y)
	return b[i/64]&(1<<(i%64)) != 0
}
