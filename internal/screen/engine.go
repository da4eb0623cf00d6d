package screen

import (
	"math"
	"sync/atomic"
)

// Engine screens declarations against the current index and rules. Both
// are immutable snapshots replaced atomically, so screening goes on while
// a new index is built; a declaration is screened against one snapshot.
type Engine struct {
	snap atomic.Pointer[snapshot]
}

type snapshot struct {
	index *Index
	rules *RuleSet
}

// NewEngine starts an engine on an index and rules (either may be nil).
func NewEngine(ix *Index, rules *RuleSet) *Engine {
	if ix == nil {
		ix = Build(nil)
	}
	e := &Engine{}
	e.snap.Store(&snapshot{index: ix, rules: rules})
	return e
}

// SetIndex swaps in a new index; screenings under way finish on the old one.
func (e *Engine) SetIndex(ix *Index) {
	for {
		old := e.snap.Load()
		if e.snap.CompareAndSwap(old, &snapshot{index: ix, rules: old.rules}) {
			return
		}
	}
}

// SetRules swaps in a new rule set.
func (e *Engine) SetRules(rs *RuleSet) {
	for {
		old := e.snap.Load()
		if e.snap.CompareAndSwap(old, &snapshot{index: old.index, rules: rs}) {
			return
		}
	}
}

// Index returns the index in use.
func (e *Engine) Index() *Index { return e.snap.Load().index }

// Rules returns the rule set in use (possibly nil).
func (e *Engine) Rules() *RuleSet { return e.snap.Load().rules }

// Screener screens declarations one at a time, reusing its buffers. Each
// goroutine needs its own; get them from Engine.Screener.
type Screener struct {
	e      *Engine
	n      Normaliser
	fields [2]Text
	m      matcher
	hits   []Hit
	slab   []Hit // see newHits
}

// Screener returns a new screener for one goroutine.
func (e *Engine) Screener() *Screener { return &Screener{e: e} }

// Screen screens one declaration.
func (s *Screener) Screen(d *Declaration) Result {
	snap := s.e.snap.Load()
	g := lazyGoods{d: d}
	s.hits = s.hits[:0]
	for f, src := range [2]string{d.Description, d.Brand} {
		t := &s.fields[f]
		s.n.Normalise(t, src)
		s.hits = s.m.screenField(snap.index, t, fieldNames[f], &g, s.hits)
	}
	res := Result{ID: d.ID}
	if len(s.hits) > 0 {
		res.Hits = s.finish(snap.index, d)
	}
	res.Rules = snap.rules.match(d, nil)
	res.Risk = risk(res.Hits, res.Rules)
	return res
}

var fieldNames = [2]string{"description", "brand"}

// risk combines the flagged hits' scores and the rules' weights as
// independent pieces of evidence: 1 - Π(1 - p).
func risk(hits []Hit, rules []RuleHit) int {
	miss := 1.0
	for _, h := range hits {
		if !h.Authorised {
			miss *= 1 - h.Score
		}
	}
	for _, r := range rules {
		miss *= 1 - float64(r.Weight)/100
	}
	return int(math.Round(100 * (1 - miss)))
}
