package enforce

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
)

// screening holds the one engine every request screens with.
type screening struct {
	mu     sync.Mutex // one build at a time, so the last swap holds the newest register
	engine atomic.Pointer[screen.Engine]
}

// screeningGrace is how long after its recordation ends a right stays in the
// index: the engine judges validity on each declaration's date, and
// declarations may be sent in late.
const screeningGrace = 1 // year

// Engine returns the screening engine, built from the register and the active
// rules on first use and kept up to date by RefreshIndex and RefreshRules.
func (s *Service) Engine(ctx context.Context) (*screen.Engine, error) {
	if e := s.screening.engine.Load(); e != nil {
		return e, nil
	}
	s.screening.mu.Lock()
	defer s.screening.mu.Unlock()
	if e := s.screening.engine.Load(); e != nil {
		return e, nil
	}
	ix, err := s.buildIndex(ctx)
	if err != nil {
		return nil, err
	}
	rs, err := s.buildRules(ctx)
	if err != nil {
		return nil, err
	}
	e := screen.NewEngine(ix, rs)
	s.screening.engine.Store(e)
	return e, nil
}

// RefreshIndex rebuilds the index from the register and swaps it in;
// screenings under way finish on the old one. Before the engine's first use
// there is nothing to refresh.
func (s *Service) RefreshIndex(ctx context.Context) error {
	s.screening.mu.Lock()
	defer s.screening.mu.Unlock()
	e := s.screening.engine.Load()
	if e == nil {
		return nil
	}
	ix, err := s.buildIndex(ctx)
	if err != nil {
		return err
	}
	e.SetIndex(ix)
	return nil
}

// RefreshRules reloads the active rules and swaps them in.
func (s *Service) RefreshRules(ctx context.Context) error {
	s.screening.mu.Lock()
	defer s.screening.mu.Unlock()
	e := s.screening.engine.Load()
	if e == nil {
		return nil
	}
	rs, err := s.buildRules(ctx)
	if err != nil {
		return err
	}
	e.SetRules(rs)
	return nil
}

// registerChanged refreshes the index after a committed change to what
// screening sees. The change stands whatever happens here, so a failure is
// logged rather than returned, and a cancelled request does not stop it.
func (s *Service) registerChanged(ctx context.Context) {
	if err := s.RefreshIndex(context.WithoutCancel(ctx)); err != nil {
		s.Log.Error("screening index not refreshed", "err", err)
	}
}

// rulesChanged is registerChanged for risk rules.
func (s *Service) rulesChanged(ctx context.Context) {
	if err := s.RefreshRules(context.WithoutCancel(ctx)); err != nil {
		s.Log.Error("screening rules not refreshed", "err", err)
	}
}

// buildIndex indexes every approved right whose recordation has not been over
// for more than screeningGrace, with its authorised supply chain and the lowest
// genuine price in its catalogue.
func (s *Service) buildIndex(ctx context.Context) (*screen.Index, error) {
	marks, err := s.screeningMarks(ctx)
	if err != nil {
		return nil, err
	}
	return screen.Build(marks), nil
}

func (s *Service) screeningMarks(ctx context.Context) ([]screen.Mark, error) {
	day := ipr.DateOf(s.Clock.Now(), time.UTC).AddDate(-screeningGrace, 0, 0)
	var rights []*ipr.Right
	var parties []*ipr.Party
	var prices []store.PriceFloor
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if rights, err = tx.ScreeningRights(ctx, day); err != nil {
			return err
		}
		if parties, err = tx.ScreeningParties(ctx, day); err != nil {
			return err
		}
		prices, err = tx.ScreeningPrices(ctx, day)
		return err
	})
	if err != nil {
		return nil, err
	}
	names := map[int64][]string{}
	for _, p := range parties {
		names[p.RightID] = append(names[p.RightID], p.Name)
	}
	floor := map[int64]store.PriceFloor{}
	for _, p := range prices { // several currencies: the lowest figure stands, with its currency
		if f, ok := floor[p.RightID]; !ok || p.PriceMin < f.PriceMin {
			floor[p.RightID] = p
		}
	}
	marks := make([]screen.Mark, 0, len(rights))
	for _, r := range rights {
		if !screenable(r.Kind) {
			continue
		}
		f := floor[r.ID]
		marks = append(marks, screen.MarkFromRight(r, names[r.ID], f.PriceMin, f.Currency))
	}
	return marks, nil
}

// screenable reports whether a kind of right is named in words a declaration
// may carry: marks and copyrighted works are; patents and designs protect
// technology and shapes, which no declaration's text names.
func screenable(k ipr.RightKind) bool { return k == ipr.Trademark || k == ipr.Copyright }

// buildRules compiles the active rules. A stored rule the engine no longer
// accepts is left out and logged, rather than stopping all screening.
func (s *Service) buildRules(ctx context.Context) (*screen.RuleSet, error) {
	var stored []*ipr.RiskRule
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		stored, err = tx.Rules(ctx, true)
		return err
	})
	if err != nil {
		return nil, err
	}
	rules := make([]screen.Rule, 0, len(stored))
	for _, r := range stored {
		sr, err := screenRule(r)
		if err == nil {
			err = sr.Validate()
		}
		if err != nil {
			s.Log.Error("risk rule left out of screening", "rule", r.ID, "err", err)
			continue
		}
		rules = append(rules, sr)
	}
	return screen.CompileRules(rules)
}

// screenRule is the engine's form of a stored rule.
func screenRule(r *ipr.RiskRule) (screen.Rule, error) {
	out := screen.Rule{ID: r.ID, Name: r.Name, Weight: r.Weight, Expires: r.Expires, Source: r.Source, Created: r.CreatedAt}
	if err := json.Unmarshal([]byte(r.Condition), &out.When); err != nil {
		return out, ipr.Internal(err)
	}
	return out, nil
}
