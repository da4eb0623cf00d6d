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
	ph      []uint64
	bound   []uint8 // per Joined position: starts and ends of tokens
	cands   []candidate
	alt     []byte // the Joined text with leet 1s read as L
	seen    []int32
	judged  []judged
	memo    memo[memoSlot]  // windows of several tokens
	tokens  memo[tokenSlot] // single tokens
	wph     []uint64        // prefix hashes of one token
	reasons reasonCache
}

const (
	tokenStart uint8 = 1 << iota
	tokenEnd
)

// findAll appends to m.cands every key found in t: what each token holds
// (remembered per token, since words repeat from one declaration to the
// next), keys that start at a token and run on into the next ones, and
// misspelt marks over windows of whole tokens.
func (m *matcher) findAll(ix *Index, t *Text) {
	m.ph = prefixHashes(m.ph, t.Joined)
	for k := range t.Tokens {
		tok := &t.Tokens[k]
		i, j := int(tok.Start)-k, int(tok.End)-k
		spans := m.tokenFinds(ix, t, k, i, j)
		if j < len(t.Joined) && (spans || j-i < keyMinAnchor) {
			m.findSpanning(ix, t.Joined, i, j)
		}
		if ix.fuzzyMax > 0 && fuzzyToken(tok) {
			m.fuzzyWindows(ix, t, k, i)
		}
	}
}

// tokenFinds appends the keys inside token k, Joined[i:j], in both its
// readings, from the token memo when the same token was seen before.
// It reports whether some key starts with the whole token and goes on, so
// that it may run into the next tokens.
func (m *matcher) tokenFinds(ix *Index, t *Text, k, i, j int) (spans bool) {
	w := t.Joined[i:j]
	alt := m.altToken(t, k)
	h := subHash(m.ph, i, j)
	if alt != nil {
		h = h*hashBase + hashBytes(alt)
	}
	slot := m.tokens.slot(ix, h)
	if slot.text == string(w) && slot.alt == string(alt) {
		for _, f := range slot.finds {
			m.cands = append(m.cands, candidate{key: f.key, i: int32(i) + int32(f.i), j: int32(i) + int32(f.j), dist: f.dist, alt: f.alt})
		}
		return slot.spans
	}
	from := len(m.cands)
	fuzzy := ix.fuzzyMax > 0 && fuzzyToken(&t.Tokens[k])
	m.within(ix, w, i, false, fuzzy)
	if alt != nil {
		m.within(ix, alt, i, true, fuzzy)
	}
	slot.text, slot.alt, slot.finds, slot.spans = string(w), string(alt), nil, startsLonger(ix, w)
	for _, c := range m.cands[from:] {
		slot.finds = append(slot.finds, tokenFind{key: c.key, i: int16(int(c.i) - i), j: int16(int(c.j) - i), dist: c.dist, alt: c.alt})
	}
	return slot.spans
}

// startsLonger reports whether a key begins with all of w and is longer.
// Tokens shorter than an anchor cannot tell; their callers probe anyway.
func startsLonger(ix *Index, w []byte) bool {
	if len(w) < keyMinAnchor {
		return true
	}
	for _, id := range ix.anchors.get(hashBytes(w[:keyMinAnchor])) {
		if k := ix.keys[id].text; len(k) > len(w) && bytes.Equal(k[:len(w)], w) {
			return true
		}
	}
	return false
}

// within appends the keys found inside one token's bytes w, which start at
// Joined[off]: exact finds through the anchor table, a short key as the
// whole token, and a misspelt key as the whole token.
func (m *matcher) within(ix *Index, w []byte, off int, alt, fuzzy bool) {
	ph := prefixHashes(m.wph, w)
	m.wph = ph
	n, p4 := len(w), pow[keyMinAnchor]
	for p := 0; p+keyMinAnchor <= n; p++ {
		if !ix.starts.has(w[p], w[p+1]) {
			continue
		}
		for _, id := range ix.anchors.get(ph[p+keyMinAnchor] - ph[p]*p4) {
			k := &ix.keys[id]
			if q := p + len(k.text); q <= n && subHash(ph, p, q) == k.hash && bytes.Equal(w[p:q], k.text) {
				m.cands = append(m.cands, candidate{key: id, i: int32(off + p), j: int32(off + q), alt: alt})
			}
		}
	}
	if n < keyMinAnchor {
		for _, id := range ix.short.get(ph[n]) {
			if bytes.Equal(w, ix.keys[id].text) {
				m.cands = append(m.cands, candidate{key: id, i: int32(off), j: int32(off + n), alt: alt})
			}
		}
	}
	if fuzzy && n >= ix.fuzzyMin-1 && n <= ix.fuzzyMax+1 && n <= maxKey {
		from := len(m.cands)
		m.seen = m.seen[:0]
		m.fuzzyProbe(ix, w, off, ph[n])
		for p := range n {
			m.fuzzyProbe(ix, w, off, delHash(ph, 0, p, n))
		}
		for c := from; c < len(m.cands); c++ {
			m.cands[c].alt = alt
		}
	}
}

// findSpanning appends keys that start where a token starts and end in a
// later token (Red Falcon, G UCCI): one anchor probe per token.
func (m *matcher) findSpanning(ix *Index, joined []byte, i, j int) {
	n := len(joined)
	if i+keyMinAnchor > n || !ix.starts.has(joined[i], joined[i+1]) {
		return
	}
	for _, id := range ix.anchors.get(subHash(m.ph, i, i+keyMinAnchor)) {
		k := &ix.keys[id]
		if q := i + len(k.text); q > j && q <= n && subHash(m.ph, i, q) == k.hash && bytes.Equal(joined[i:q], k.text) {
			m.cands = append(m.cands, candidate{key: id, i: int32(i), j: int32(q)})
		}
	}
}

// fuzzyWindows tries windows of two or more whole tokens from token k, at
// the lengths of marks of several words (Louis Vuuitton, bule harbor). One
// edit leaves either the first two bytes or the last two of a key of five
// or more, so only windows that share one of them with such a mark are
// looked up.
func (m *matcher) fuzzyWindows(ix *Index, t *Text, k, i int) {
	head := i+1 < len(t.Joined) && ix.multiHead.has(t.Joined[i], t.Joined[i+1])
	for w := k + 1; w < len(t.Tokens) && w-k < ix.fuzzyTokens; w++ {
		if !fuzzyToken(&t.Tokens[w]) {
			break
		}
		j := int(t.Tokens[w].End) - w
		if j-i > ix.multiMax+1 || j-i > maxKey {
			break
		}
		if j-i >= ix.multiMin-1 && (head || ix.multiTail.has(t.Joined[j-2], t.Joined[j-1])) {
			m.fuzzyWindow(ix, t.Joined, i, j)
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
	m.fuzzyProbe(ix, joined[i:j], i, h)
	for p := i; p < j; p++ {
		m.fuzzyProbe(ix, joined[i:j], i, delHash(m.ph, i, p, j))
	}
	slot.text, slot.finds = string(joined[i:j]), nil
	for _, c := range m.cands[from:] {
		slot.finds = append(slot.finds, memoFind{key: c.key, dist: c.dist})
	}
}

// memo remembers what recent windows of text hold: a direct-mapped cache,
// so a new word simply replaces an old one. It empties itself when the
// index changes.
type memo[S any] struct {
	ix    *Index
	slots []S
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

// slot returns the slot for a text's hash.
func (c *memo[S]) slot(ix *Index, h uint64) *S {
	if c.ix != ix {
		c.ix = ix
		if c.slots == nil {
			c.slots = make([]S, memoSlots)
		}
		clear(c.slots)
	}
	return &c.slots[mix(h)&(memoSlots-1)]
}

// fuzzyProbe checks the keys filed under h against w, which starts at
// Joined[off].
func (m *matcher) fuzzyProbe(ix *Index, w []byte, off int, h uint64) {
	for _, id := range ix.fuzzy.get(h) {
		if containsID(m.seen, id) {
			continue
		}
		m.seen = append(m.seen, id)
		k := &ix.keys[id]
		d := osa(w, k.text, int(k.budget))
		if d > 0 && d <= int(k.budget) {
			m.cands = append(m.cands, candidate{key: id, i: int32(off), j: int32(off + len(w)), dist: int8(d)})
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

// altToken returns a second reading of token k for leetspeak the
// normaliser leaves alone, or nil when there is none: every leet 1 read as
// L rather than I (1umar3x = LUMAREX), and short digit runs at a word's
// edge read as letters (91obex = GLOBEX, map13 = MAPLE), which the first
// reading keeps as numbers (size42, nike90).
func (m *matcher) altToken(t *Text, k int) []byte {
	tok := t.Tokens[k]
	if tok.Kind != Word || !tok.Mixed {
		return nil
	}
	w := t.Norm[tok.Start:tok.End]
	var alt []byte
	set := func(i int, c byte) {
		if alt == nil {
			alt = append(m.alt[:0], w...)
		}
		alt[i] = c
	}
	for a := 0; a < len(w); {
		if w[a] == 'I' && tok.Leet && t.FromOne(int(tok.Start)+a) {
			set(a, 'L')
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
				set(p, leetLetter[w[p]])
				if w[p] == '1' {
					set(p, 'L')
				}
			}
		}
		a = b
	}
	if alt != nil {
		m.alt = alt
	}
	return alt
}

type tokenSlot struct {
	text, alt string
	finds     []tokenFind
	spans     bool // see startsLonger
}

// tokenFind is a candidate relative to its token's start.
type tokenFind struct {
	key  int32
	i, j int16
	dist int8
	alt  bool
}
