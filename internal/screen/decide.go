package screen

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scores: how sure each way of finding a mark is, before context.
const (
	flagAt        = 0.5  // a hit scoring this or more goes before an officer
	maxScore      = 0.99 // certainty is for the right holder's identification
	scoreDisguise = 0.85 // disguising a mark shows intent
	scoreExact    = 0.8
	scoreJoined   = 0.75
	scoreChinese  = 0.75
	scoreFuzzy    = 0.7
	scoreGlued    = 0.65
	bothFields    = 0.1 // named in the description and the brand field

	outOfClass   = 0.4 // the goods are not in any of the mark's classes
	unknownGoods = 0.8 // the HS code says nothing about the goods
	genericUse   = 0.3 // the mark is a word that describes such goods
	cheapBonus   = 0.1 // far below the genuine price
	smallBonus   = 0.05
	cheapRatio   = 0.3 // "far below": under 30% of the lowest genuine price
	smallPieces  = 20  // a small consignment in a parcel channel
)

// goods is what the declaration says about the goods, for context.
type goods struct {
	hs      string
	heading *heading
	day     int32 // declared_at as a day number; hasDay false when missing
	hasDay  bool
	unit    float64
	curr    string
	small   bool
	channel string
}

func goodsOf(d *Declaration) goods {
	g := goods{hs: d.HSCode, heading: headingOf(d.HSCode), unit: d.UnitValue(), curr: d.Currency, channel: d.Channel}
	if !d.DeclaredAt.IsZero() {
		g.day, g.hasDay = dayNumber(d.DeclaredAt, 0), true
	}
	switch d.Channel {
	case "ecommerce", "postal", "express":
		g.small = d.Quantity > 0 && d.Quantity <= smallPieces
	}
	return g
}

// lazyGoods works out what a declaration says about its goods the first
// time a field has a candidate.
type lazyGoods struct {
	d     *Declaration
	g     goods
	ready bool
}

func (l *lazyGoods) get() *goods {
	if !l.ready {
		l.g, l.ready = goodsOf(l.d), true
	}
	return &l.g
}

// judged is a candidate with context's verdict and score.
type judged struct {
	c       candidate
	verdict verdict
	method  string
	score   float64
	a, b    int // source range
}

// verdict is what context decided about a candidate.
type verdict uint8

const (
	misread verdict = iota // not the mark at all: part of another word, a measurement
	ignored                // the mark, but not worth a look: out of force, other goods
	flagged
)

// screenField finds marks in one normalised field and appends the hits
// worth an officer's look (authorisation is decided later, per declaration).
func (m *matcher) screenField(ix *Index, t *Text, field string, lg *lazyGoods, hits []Hit) []Hit {
	if len(t.Joined) == 0 {
		return hits
	}
	m.cands = m.cands[:0]
	m.findAll(ix, t)
	if len(m.cands) == 0 {
		return hits // most fields: nothing more to work out
	}
	m.markBounds(t)
	g := lg.get()
	m.judged = m.judged[:0]
	for _, c := range m.cands {
		m.judged = append(m.judged, m.judge(ix, t, c, field, g))
	}
	for _, j := range m.judged {
		if j.verdict == flagged && !overshadowed(j, m.judged) {
			hits = append(hits, Hit{})
			m.hit(&hits[len(hits)-1], ix, t, j, field, g)
		}
	}
	return hits
}

// overshadowed reports whether a longer exact find covers j's text, even
// one that does not flag: in "origredfalcon" RED FALCON wins over FALCON,
// and in "Galtorro wallet" the expired mark GALTORRO is what is written,
// not TORRO.
func overshadowed(j judged, all []judged) bool {
	for _, o := range all {
		if o.verdict != misread && o.c.dist == 0 && o.c.i <= j.c.i && j.c.j <= o.c.j && o.c.j-o.c.i > j.c.j-j.c.i {
			return true
		}
	}
	return false
}

// judge decides how a candidate was written and scores it in context.
func (m *matcher) judge(ix *Index, t *Text, c candidate, field string, g *goods) judged {
	k := &ix.keys[c.key]
	mk := &ix.marks[k.mark]
	i, j := int(c.i), int(c.j)
	a, b := t.JoinedSource(i, j)
	out := judged{c: c, a: a, b: b}
	aligned := m.bound[i]&tokenStart != 0 && m.bound[j]&tokenEnd != 0
	if k.measure && hasLower(t.Src[a:b]) {
		return out // 3m cable is three metres, not 3M
	}
	if !k.han && c.dist == 0 && !aligned && !m.gluedOK(t, i, j) {
		return out
	}
	out.verdict = ignored
	if g.hasDay && (g.day < mk.from || g.day > mk.to) {
		return out // not in force that day
	}
	method, score := MethodExact, scoreExact
	switch {
	case k.han:
		method, score = MethodChinese, scoreChinese
	case c.dist > 0:
		method, score = MethodFuzzy, scoreFuzzy
	case !aligned:
		method, score = MethodGlued, scoreGlued
	case c.alt:
		method, score = MethodDisguised, scoreDisguise
	default:
		method, score = writing(t, i, j, mk, k)
		if field == "brand" && method == MethodExact {
			method = MethodBrand
		}
	}
	score *= m.contextFactor(mk, k, method, g)
	if g.heading != nil && mk.classes&g.heading.classes != 0 {
		if mk.PriceMin > 0 && g.unit > 0 && g.unit < cheapRatio*mk.PriceMin && sameCurrency(mk.Currency, g.curr) {
			score += cheapBonus
		}
		if g.small {
			score += smallBonus
		}
	}
	out.method, out.score = method, min(score, maxScore)
	if out.score >= flagAt {
		out.verdict = flagged
	}
	return out
}

// contextFactor scales a find by what the goods are.
func (m *matcher) contextFactor(mk *mark, k *key, method string, g *goods) float64 {
	switch {
	case g.heading == nil:
		return unknownGoods
	case mk.classes&g.heading.classes == 0:
		return outOfClass
	case plain(method) && k.generic&g.heading.classes&mk.classes != 0:
		return genericUse
	}
	return 1
}

// plain reports methods where the mark is written as an ordinary word.
func plain(method string) bool {
	return method != MethodDisguised && method != MethodSpaced
}

func sameCurrency(a, b string) bool { return a == "" || b == "" || strings.EqualFold(a, b) }

func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// writing tells how a whole-token find was written.
func writing(t *Text, i, j int, mk *mark, k *key) (string, float64) {
	spread, leet, tokens := false, false, 0
	for n, tok := range t.Tokens {
		if s, e := int(tok.Start)-n, int(tok.End)-n; s >= i && e <= j {
			spread, leet, tokens = spread || tok.Spread, leet || tok.Leet, tokens+1
		}
	}
	a, b := t.JoinedSource(i, j)
	switch {
	case spread:
		return MethodSpaced, scoreDisguise
	case leet || disguised(t.Src[a:b], mk.letters):
		return MethodDisguised, scoreDisguise
	case tokens != int(k.tokens):
		return MethodJoined, scoreJoined
	}
	return MethodExact, scoreExact
}

// disguised reports characters in src that the mark as recorded does not
// have (letters holds the mark's and its variants' non-ASCII letters, in
// lower case): look-alike letters, full-width forms, hidden characters.
func disguised(src, letters string) bool {
	for _, r := range src {
		if r >= utf8.RuneSelf && !strings.ContainsRune(letters, unicode.ToLower(r)) {
			return true
		}
	}
	return false
}

// gluedOK decides whether a key found inside a longer word counts: one of
// five letters or more does (newhanzoshoes); a shorter one must start or
// end at a word's edge, a change of case (origRedFalcon) or between letters
// and digits (nikeshoes2026).
func (m *matcher) gluedOK(t *Text, i, j int) bool {
	if j-i >= 5 {
		return true
	}
	return m.bound[i]&tokenStart != 0 || boundaryAt(t, i) || m.bound[j]&tokenEnd != 0 || boundaryAt(t, j)
}

// boundaryAt reports a word boundary inside a token, before Joined[i].
func boundaryAt(t *Text, i int) bool {
	if i <= 0 || i >= len(t.Joined) {
		return true
	}
	x, y := t.Joined[i-1], t.Joined[i]
	if isDigit(x) != isDigit(y) {
		return true
	}
	sx, sy := t.Src[t.start[t.JoinedNorm(i-1)]], t.Src[t.start[t.JoinedNorm(i)]]
	// camelCase: lower then upper starts a word; upper then lower ends a
	// run of capitals (GLOBEXshoes).
	return isLower(sx) && isUpper(sy) || isUpper(sx) && isLower(sy) && (i < 2 || isUpper(t.Src[t.start[t.JoinedNorm(i-2)]]))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// hit builds the reported hit for a kept find. Its reasons come from the
// screener's cache: the same marks meet the same goods again and again.
func (m *matcher) hit(h *Hit, ix *Index, t *Text, j judged, field string, g *goods) {
	k := &ix.keys[j.c.key]
	mk := &ix.marks[k.mark]
	*h = Hit{RightID: mk.RightID, Mark: mk.Text, Matched: t.Src[j.a:j.b], Field: field, Start: j.a, End: j.b,
		Method: j.method, Score: math.Round(j.score*100) / 100, mark: k.mark}
	inClass := g.heading != nil && mk.classes&g.heading.classes != 0
	h.Reasons = m.reasons.get(ix, j, field, g, inClass && g.small)
	if inClass && mk.PriceMin > 0 && g.unit > 0 && g.unit < cheapRatio*mk.PriceMin && sameCurrency(mk.Currency, g.curr) {
		h.Reasons = append(h.Reasons, "declared unit value "+money(g.unit)+" is under 30% of the lowest genuine price "+money(mk.PriceMin))
	}
}

func money(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

func methodReason(j judged, k *key, mk *mark, field string) string {
	name := markName(mk, k)
	switch j.method {
	case MethodDisguised:
		return "disguised spelling of " + name + " in the " + field
	case MethodSpaced:
		return name + " spelt out letter by letter in the " + field
	case MethodJoined:
		return name + " written with its words joined or split in the " + field
	case MethodGlued:
		return name + " glued to other words in the " + field
	case MethodFuzzy:
		return "misspelling of " + name + " in the " + field + " (" + strconv.Itoa(int(j.c.dist)) + " edit)"
	case MethodChinese:
		return "Chinese name " + string(k.text) + " of " + mk.Text + " in the " + field
	case MethodBrand:
		return "declared brand is " + name
	}
	return "recorded mark " + name + " in the " + field
}

func markName(mk *mark, k *key) string {
	if k.variant {
		return string(k.text) + " (" + mk.Text + ")"
	}
	return mk.Text
}

func goodsReason(mk *mark, k *key, method string, g *goods) string {
	switch {
	case g.heading == nil:
		return "the HS code does not say what the goods are"
	case mk.classes&g.heading.classes == 0:
		return "HS " + g.heading.prefix + " (" + g.heading.goods + ") is outside the mark's classes " + mk.classText
	case plain(method) && k.generic&g.heading.classes&mk.classes != 0:
		return string(k.text) + " is also a common word for goods of this kind"
	}
	return "HS " + g.heading.prefix + " (" + g.heading.goods + ") falls in the mark's classes " + mk.classText
}

func classNames(s classSet) string {
	var b strings.Builder
	for n, c := range s.list() {
		if n > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(c))
	}
	return b.String()
}

// finish merges the fields' hits into one per right, best first, and marks
// those shipped by the right holder's authorised parties.
func (s *Screener) finish(ix *Index, d *Declaration) []Hit {
	out := s.newHits(len(s.hits))
	for _, h := range s.hits {
		at := slices.IndexFunc(out, func(o Hit) bool { return o.mark == h.mark && o.Field == h.Field })
		switch {
		case at < 0:
			out = append(out, h)
		case h.Score > out[at].Score:
			out[at] = h
		}
	}
	// A mark named in both fields keeps a hit in each, so both can be
	// highlighted, and each counts for more.
	for a := range out {
		for b := a + 1; b < len(out); b++ {
			if out[a].mark == out[b].mark {
				for _, n := range [2]int{a, b} {
					other := out[a+b-n].Field
					out[n].Score = min(maxScore, math.Round((out[n].Score+bothFields)*100)/100)
					out[n].Reasons = append(out[n].Reasons, "also named in the "+other)
				}
			}
		}
	}
	for n := range out {
		mk := &ix.marks[out[n].mark]
		if len(mk.authorised) == 0 {
			continue
		}
		for _, p := range [2]string{d.Consignor, d.Consignee} {
			if slices.ContainsFunc(mk.authorised, func(a string) bool { return sameName(p, a) }) {
				out[n].Authorised = true
				out[n].Reasons = append(out[n].Reasons, "shipped by an authorised party of the right holder")
				break
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Hit) int {
		if a.Authorised != b.Authorised {
			if a.Authorised {
				return 1
			}
			return -1
		}
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return out
}

// hitSlab is how many hits a screener allocates at once: results take
// their hits from it, so most screenings allocate nothing.
const hitSlab = 64

// newHits returns an empty slice with room for n hits, carved from the
// screener's slab; the results own their parts and never overlap.
func (s *Screener) newHits(n int) []Hit {
	if n > hitSlab/4 {
		return make([]Hit, 0, n)
	}
	if cap(s.slab)-len(s.slab) < n {
		s.slab = make([]Hit, 0, hitSlab)
	}
	at := len(s.slab)
	s.slab = s.slab[:at+n]
	return s.slab[at : at : at+n]
}

// reasonCache keeps the reason lists a screener has built: the same marks
// meet the same goods again and again, and building the words each time
// would cost more than finding the mark. It is direct-mapped: a new list
// replaces whatever shared its slot. The lists are shared between results
// with their capacity at their length, so appending to one copies it.
type reasonCache struct {
	ix    *Index
	slots []reasonSlot
}

// reasonKey is what a hit's reasons depend on; the method's and field's
// first bytes tell them apart.
type reasonKey struct {
	key           int32
	heading       *heading
	channel       string // for small consignments
	method, field byte
	dist          int8
}

type reasonSlot struct {
	k       reasonKey
	reasons []string
}

const reasonSlots = 1 << 14

func (c *reasonCache) get(ix *Index, j judged, field string, g *goods, small bool) []string {
	if c.ix != ix {
		c.ix, c.slots = ix, make([]reasonSlot, reasonSlots)
	}
	k := reasonKey{key: j.c.key, heading: g.heading, method: j.method[0], field: field[0], dist: j.c.dist}
	if small {
		k.channel = g.channel
	}
	h := uint64(k.key)<<32 | uint64(k.method)<<24 | uint64(k.field)<<16 | uint64(len(k.channel))<<8 | uint64(uint8(k.dist))
	if g.heading != nil {
		h ^= uint64(g.heading.id) << 44
	}
	slot := &c.slots[mix(h)&(reasonSlots-1)]
	if slot.k != k || slot.reasons == nil {
		key := &ix.keys[j.c.key]
		mk := &ix.marks[key.mark]
		r := []string{methodReason(j, key, mk, field), goodsReason(mk, key, j.method, g)}
		if small {
			r = append(r, "small consignment in the "+g.channel+" channel")
		}
		slot.k, slot.reasons = k, r[:len(r):len(r)]
	}
	return slot.reasons
}
