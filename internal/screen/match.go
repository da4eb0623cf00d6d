package screen

import "bytes"

// candidate is a key found in a field's Joined text, before context
// decides whether it is worth a look.
type candidate struct {
	key  int32
	i, j int32 // range in the Joined text searched
	dist int8  // edits; 0 for an exact find
	alt  bool  // found in the second reading of leetspeak
}

// matcher finds keys in one field. Its buffers are reused between calls.
type matcher struct {
	ph     []uint64
	bound  []uint8 // per Joined position: starts and ends of tokens
	cands  []candidate
	alt    []byte // the Joined text with leet 1s read as L
	seen   []int32
	judged []judged
	memo   memo
}

const (
	tokenStart uint8 = 1 << iota
	tokenEnd
)

// find appends to m.cands every key found in joined: exact finds anywhere
// through the anchor table, short keys as whole tokens, and approximate
// finds over windows of whole tokens.
func (m *matcher) find(ix *Index, t *Text, joined []byte, alt bool) {
	from := len(m.cands)
	m.ph = prefixHashes(m.ph, joined)
	m.findExact(ix, joined)
	m.findShort(ix, t, joined)
	if ix.fuzzyMax > 0 {
		m.findFuzzy(ix, t, joined)
	}
	for i := from; i < len(m.cands); i++ {
		m.cands[i].alt = alt
	}
}

// findExact probes every position of joined with the hash of the next
// keyMinAnchor bytes. The Bloom filter rejects almost every probe.
func (m *matcher) findExact(ix *Index, joined []byte) {
	ph, n := m.ph, len(joined)
	p4 := pow[keyMinAnchor]
	for i := 0; i+keyMinAnchor <= n; i++ {
		if !ix.starts.has(joined[i], joined[i+1]) {
			continue
		}
		ids := ix.anchors.get(ph[i+keyMinAnchor] - ph[i]*p4)
		for _, id := range ids {
			k := &ix.keys[id]
			j := i + len(k.text)
			if j <= n && subHash(ph, i, j) == k.hash && bytes.Equal(joined[i:j], k.text) {
				m.cands = append(m.cands, candidate{key: id, i: int32(i), j: int32(j)})
			}
		}
	}
}

// findShort looks up tokens shorter than an anchor as whole keys.
func (m *matcher) findShort(ix *Index, t *Text, joined []byte) {
	for k, tok := range t.Tokens {
		i, j := int(tok.Start)-k, int(tok.End)-k
		if j-i >= keyMinAnchor {
			continue
		}
		for _, id := range ix.short.get(subHash(m.ph, i, j)) {
			if bytes.Equal(joined[i:j], ix.keys[id].text) {
				m.cands = append(m.cands, candidate{key: id, i: int32(i), j: int32(j)})
			}
		}
	}
}

// findFuzzy tries windows of whole tokens whose length suits some key with
// an edit budget, through the deletion index.
func (m *matcher) findFuzzy(ix *Index, t *Text, joined []byte) {
	for k := range t.Tokens {
		if !fuzzyToken(&t.Tokens[k]) {
			continue
		}
		i := int(t.Tokens[k].Start) - k
		for w := k; w < len(t.Tokens) && w-k < ix.fuzzyTokens; w++ {
			if w > k && !fuzzyToken(&t.Tokens[w]) {
				break
			}
			j := int(t.Tokens[w].End) - w
			if j-i > ix.fuzzyMax+1 || j-i > maxKey {
				break
			}
			if j-i >= ix.fuzzyMin-1 {
				m.fuzzyWindow(ix, joined, i, j)
			}
		}
	}
}

// fuzzyToken reports whether a token can take part in a misspelt mark:
// words, not numbers or Chinese.
func fuzzyToken(tok *Token) bool { return tok.Kind == Word }

// fuzzyWindow looks up joined[i:j] and its one-byte deletions. Words
// repeat from one declaration to the next ("lubricating oil", "original
// quality"), so what a window finds is remembered per screener, until the
// index changes.
func (m *matcher) fuzzyWindow(ix *Index, joined []byte, i, j int) {
	h := subHash(m.ph, i, j)
	slot := m.memo.slot(ix, h)
	if slot.text == string(joined[i:j]) {
		for _, f := range slot.finds {
			m.cands = append(m.cands, candidate{key: f.key, i: int32(i), j: int32(j), dist: f.dist})
		}
		return
	}
	from := len(m.cands)
	m.seen = m.seen[:0]
	m.fuzzyProbe(ix, joined, i, j, h)
	for p := i; p < j; p++ {
		m.fuzzyProbe(ix, joined, i, j, delHash(m.ph, i, p, j))
	}
	slot.text, slot.finds = string(joined[i:j]), nil
	for _, c := range m.cands[from:] {
		slot.finds = append(slot.finds, memoFind{key: c.key, dist: c.dist})
	}
}

// memo remembers the approximate finds of recent windows: a direct-mapped
// cache, so a new word simply replaces an old one.
type memo struct {
	ix    *Index
	slots []memoSlot
}

type memoSlot struct {
	text  string
	finds []memoFind
}

type memoFind struct {
	key  int32
	dist int8
}

const memoSlots = 1 << 14

// slot returns the slot for a window hash, emptying the cache first when
// the index has changed.
func (c *memo) slot(ix *Index, h uint64) *memoSlot {
	if c.ix != ix {
		c.ix = ix
		if c.slots == nil {
			c.slots = make([]memoSlot, memoSlots)
		}
		clear(c.slots)
	}
	return &c.slots[mix(h)&(memoSlots-1)]
}

func (m *matcher) fuzzyProbe(ix *Index, joined []byte, i, j int, h uint64) {
	for _, id := range ix.fuzzy.get(h) {
		if containsID(m.seen, id) {
			continue
		}
		m.seen = append(m.seen, id)
		k := &ix.keys[id]
		d := osa(joined[i:j], k.text, int(k.budget))
		if d > 0 && d <= int(k.budget) {
			m.cands = append(m.cands, candidate{key: id, i: int32(i), j: int32(j), dist: int8(d)})
		}
	}
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// osa is the optimal string alignment distance between a and b (edits are
// insertions, deletions, substitutions and transpositions of adjacent
// bytes), or limit+1 when it exceeds limit.
func osa(a, b []byte, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	const size = maxFuzzyKey + 2
	if len(b) >= size || len(a) >= size {
		return limit + 1
	}
	var rows [3][size]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// markBounds fills m.bound with the token starts and ends of t in Joined.
func (m *matcher) markBounds(t *Text) {
	n := len(t.Joined) + 1
	if cap(m.bound) < n {
		m.bound = make([]uint8, n)
	}
	m.bound = m.bound[:n]
	clear(m.bound)
	for k, tok := range t.Tokens {
		m.bound[int(tok.Start)-k] |= tokenStart
		m.bound[int(tok.End)-k] |= tokenEnd
	}
}

// altJoined returns a second reading of t's Joined text for leetspeak the
// normaliser leaves alone, or nil when there is none: every leet 1 read as
// L rather than I (1umar3x = LUMAREX), and short digit runs at a word's
// edge read as letters (91obex = GLOBEX, map13 = MAPLE), which the first
// reading keeps as numbers (size42, nike90).
func (m *matcher) altJoined(t *Text) []byte {
	var alt []byte
	set := func(i int, c byte) {
		if alt == nil {
			alt = append(m.alt[:0], t.Joined...)
		}
		alt[i] = c
	}
	for k, tok := range t.Tokens {
		if tok.Kind != Word {
			continue
		}
		off := int(tok.Start) - k // Joined index of the token's first byte
		w := t.Norm[tok.Start:tok.End]
		for a := 0; a < len(w); {
			if w[a] == 'I' && tok.Leet && t.FromOne(int(tok.Start)+a) {
				set(off+a, 'L')
			}
			if !isDigit(w[a]) {
				a++
				continue
			}
			b := a
			for b < len(w) && isDigit(w[b]) {
				b++
			}
			if b-a <= 2 && b-a < len(w) {
				for p := a; p < b; p++ {
					set(off+p, leetLetter[w[p]])
					if w[p] == '1' {
						set(off+p, 'L')
					}
				}
			}
			a = b
		}
	}
	if alt != nil {
		m.alt = alt
	}
	return alt
}
