package screen

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Scores: how sure each way of finding a mark is, before context.
const (
	flagAt        = 0.5 // a hit scoring this or more goes before an officer
	scoreDisguise = 0.95
	scoreExact    = 0.9
	scoreJoined   = 0.85
	scoreChinese  = 0.85
	scoreFuzzy    = 0.75
	scoreGlued    = 0.7

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

// judged is a candidate that context kept, with its score.
type judged struct {
	c      candidate
	method string
	score  float64
	a, b   int // source range
}

// screenField finds marks in one normalised field and appends the hits
// worth an officer's look (authorisation is decided later, per declaration).
func (m *matcher) screenField(ix *Index, t *Text, field string, g *goods, hits []Hit) []Hit {
	if len(t.Joined) == 0 {
		return hits
	}
	m.cands = m.cands[:0]
	m.markBounds(t)
	m.find(ix, t, t.Joined)
	if alt := m.altJoined(t); alt != nil {
		m.find(ix, t, alt)
	}
	if len(m.cands) == 0 {
		return hits
	}
	var kept []judged
	for _, c := range m.cands {
		if j, ok := m.judge(ix, t, c, field, g); ok {
			kept = append(kept, j)
		}
	}
	for _, j := range kept {
		if !overshadowed(j, kept) {
			hits = append(hits, m.hit(ix, t, j, field, g))
		}
	}
	return hits
}

// overshadowed reports whether a longer find covers j's text: in
// "origredfalcon", RED FALCON wins over FALCON.
func overshadowed(j judged, all []judged) bool {
	for _, o := range all {
		if o.c.i <= j.c.i && j.c.j <= o.c.j && o.c.j-o.c.i > j.c.j-j.c.i {
			return true
		}
	}
	return false
}

// judge decides how a candidate was written and scores it in context.
func (m *matcher) judge(ix *Index, t *Text, c candidate, field string, g *goods) (judged, bool) {
	k := &ix.keys[c.key]
	mk := &ix.marks[k.mark]
	if g.hasDay && (g.day < mk.from || g.day > mk.to) {
		return judged{}, false // not in force that day
	}
	i, j := int(c.i), int(c.j)
	a, b := t.JoinedSource(i, j)
	aligned := m.bound[i]&tokenStart != 0 && m.bound[j]&tokenEnd != 0
	if k.measure && hasLower(t.Src[a:b]) {
		return judged{}, false // 3m cable is three metres, not 3M
	}
	method, score := MethodExact, scoreExact
	switch {
	case k.han:
		method, score = MethodChinese, scoreChinese
	case c.dist > 0:
		method, score = MethodFuzzy, scoreFuzzy
	case !aligned:
		if !m.gluedOK(t, i, j) {
			return judged{}, false
		}
		method, score = MethodGlued, scoreGlued
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
	score = min(score, 1)
	return judged{c: c, method: method, score: score, a: a, b: b}, score >= flagAt
}

// contextFactor scales a find by what the goods are.
func (m *matcher) contextFactor(mk *mark, k *key, method string, g *goods) float64 {
	switch {
	case g.heading == nil:
		return unknownGoods
	case mk.classes&g.heading.classes == 0:
		return outOfClass
	case plain(method) && genericTerms[string(k.text)]&g.heading.classes&mk.classes != 0:
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
		return MethodSpaced, scoreExact
	case leet || disguised(t.Src[a:b], mk.Text, mk.Variants):
		return MethodDisguised, scoreDisguise
	case tokens != int(k.tokens):
		return MethodJoined, scoreJoined
	}
	return MethodExact, scoreExact
}

// disguised reports characters in src that the mark as recorded does not
// have: look-alike letters, full-width forms, hidden characters.
func disguised(src, text string, variants []string) bool {
	for _, r := range src {
		if r < utf8.RuneSelf {
			continue
		}
		if !containsRuneFold(text, r) && !slices.ContainsFunc(variants, func(v string) bool { return containsRuneFold(v, r) }) {
			return true
		}
	}
	return false
}

func containsRuneFold(s string, r rune) bool {
	for _, c := range s {
		if c == r || strings.EqualFold(string(c), string(r)) {
			return true
		}
	}
	return false
}

// gluedOK decides whether a key found inside a longer word stands apart
// enough to count: at a token edge, a change of case (origRedFalcon) or
// between letters and digits (miravel2026), and long enough not to be part
// of an ordinary word by chance.
func (m *matcher) gluedOK(t *Text, i, j int) bool {
	n := j - i
	left := m.bound[i]&tokenStart != 0 || boundaryAt(t, i)
	right := m.bound[j]&tokenEnd != 0 || boundaryAt(t, j)
	switch {
	case left && right:
		return true
	case left || right:
		return n >= 5
	}
	return n >= 7
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

// hit builds the reported hit for a kept find.
func (m *matcher) hit(ix *Index, t *Text, j judged, field string, g *goods) Hit {
	k := &ix.keys[j.c.key]
	mk := &ix.marks[k.mark]
	h := Hit{RightID: mk.RightID, Mark: mk.Text, Matched: t.Src[j.a:j.b], Field: field, Start: j.a, End: j.b,
		Method: j.method, Score: float64(int(j.score*100+0.5)) / 100, mark: k.mark}
	h.Reasons = append(h.Reasons, methodReason(j, k, mk, field))
	h.Reasons = append(h.Reasons, goodsReason(mk, k, j.method, g))
	if g.heading != nil && mk.classes&g.heading.classes != 0 {
		if mk.PriceMin > 0 && g.unit > 0 && g.unit < cheapRatio*mk.PriceMin && sameCurrency(mk.Currency, g.curr) {
			h.Reasons = append(h.Reasons, fmt.Sprintf("declared unit value %.2f is under %d%% of the lowest genuine price %.2f",
				g.unit, int(cheapRatio*100), mk.PriceMin))
		}
		if g.small {
			h.Reasons = append(h.Reasons, "small consignment in the "+g.channel+" channel")
		}
	}
	return h
}

func methodReason(j judged, k *key, mk *mark, field string) string {
	what := fmt.Sprintf("%s %q", field, mk.Text)
	if k.variant {
		what = fmt.Sprintf("%s %q (recorded name of %s)", field, string(k.text), mk.Text)
	}
	switch j.method {
	case MethodDisguised:
		return "disguised spelling of " + markName(mk, k) + " in the " + field
	case MethodSpaced:
		return markName(mk, k) + " spelt out letter by letter in the " + field
	case MethodJoined:
		return markName(mk, k) + " written with its words joined or split in the " + field
	case MethodGlued:
		return markName(mk, k) + " glued to other words in the " + field
	case MethodFuzzy:
		return fmt.Sprintf("misspelling of %s in the %s (%d edit)", markName(mk, k), field, j.c.dist)
	case MethodChinese:
		return "Chinese name " + string(k.text) + " of " + mk.Text + " in the " + field
	case MethodBrand:
		return "declared brand is " + markName(mk, k)
	}
	return "recorded mark " + what
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
		return fmt.Sprintf("HS code %q does not say what the goods are", g.hs)
	case mk.classes&g.heading.classes == 0:
		return fmt.Sprintf("HS %s (%s) is outside the mark's classes %s", g.hs, g.heading.goods, classNames(mk.classes))
	case plain(method) && genericTerms[string(k.text)]&g.heading.classes&mk.classes != 0:
		return fmt.Sprintf("%s is also a common word for goods of this kind", string(k.text))
	}
	return fmt.Sprintf("HS %s (%s) is in the mark's classes %s", g.hs, g.heading.goods, classNames(mk.classes&g.heading.classes))
}

func classNames(s classSet) string {
	var b strings.Builder
	for n, c := range s.list() {
		if n > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, c)
	}
	return b.String()
}

// finish merges the fields' hits into one per right, best first, and marks
// those shipped by the right holder's authorised parties.
func (s *Screener) finish(ix *Index, d *Declaration, g *goods) []Hit {
	out := make([]Hit, 0, len(s.hits))
	for _, h := range s.hits {
		at := slices.IndexFunc(out, func(o Hit) bool { return o.RightID == h.RightID })
		switch {
		case at < 0:
			out = append(out, h)
		case h.Field != out[at].Field:
			// Named in both the description and the brand field.
			best, other := out[at], h
			if h.Score > best.Score {
				best, other = h, best
			}
			best.Score = min(1, best.Score+0.1)
			best.Reasons = append(best.Reasons, "also in the "+other.Field+": "+strings.TrimSpace(other.Matched))
			out[at] = best
		case h.Score > out[at].Score:
			out[at] = h
		}
	}
	var consignor, consignee string
	for n := range out {
		mk := &ix.marks[out[n].mark]
		if len(mk.authorised) == 0 {
			continue
		}
		if consignor == "" && consignee == "" {
			consignor = normalName(&s.n, &s.party, d.Consignor)
			consignee = normalName(&s.n, &s.party, d.Consignee)
		}
		for _, p := range [2]string{consignor, consignee} {
			if p != "" && slices.Contains(mk.authorised, p) {
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
