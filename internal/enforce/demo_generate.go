package enforce

import (
	"context"
	"math"
	"math/rand/v2"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// GenerateOptions sizes a generated demo database.
type GenerateOptions struct {
	Declarations int
	Cases        int // at most Declarations: each case detains one declaration's goods
	Months       int // the history's length, ending this month; 36 when 0
	Seed         uint64
	Progress     func(done, total int) // after each chunk of declarations; may be nil
}

// GenerateDemo bulk-loads a history of declarations and detention cases into
// the real tables of a database that holds the demo world (LoadDemo), and
// rebuilds the statistics.
func (s *Service) GenerateDemo(ctx context.Context, opt GenerateOptions) error {
	p := ipr.Problems{}
	if opt.Declarations < 0 || opt.Declarations > 50_000_000 {
		p.Add("declarations", "must be between 0 and 50000000")
	}
	if opt.Cases < 0 || opt.Cases > opt.Declarations {
		p.Add("cases", "must be between 0 and the number of declarations")
	}
	if err := p.Err("cannot generate that"); err != nil {
		return err
	}
	if opt.Months <= 0 {
		opt.Months = 36
	}
	return s.generateHistory(ctx, opt)
}

// The history EnsureDemoHistory adds to the demo world that serve loads.
const (
	demoHistoryDeclarations = 3000
	demoHistoryCases        = 400
	demoHistoryMonths       = 24
)

// EnsureDemoHistory gives the loaded demo world's dashboards a small history
// (3,000 declarations and 400 cases of the demo brands over the last 24
// months) unless a generated history is there already. It returns the cases
// it generated: 0 when there was one.
func (s *Service) EnsureDemoHistory(ctx context.Context) (int, error) {
	var there bool
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) { there, err = tx.HasGeneratedDeclarations(ctx); return err })
	if err != nil || there {
		return 0, err
	}
	opt := GenerateOptions{Declarations: demoHistoryDeclarations, Cases: demoHistoryCases, Months: demoHistoryMonths, Seed: 1}
	return demoHistoryCases, s.generateHistory(ctx, opt)
}

// generateHistory bulk-loads the history opt asks for into the demo world,
// then rebuilds the statistics and the planner's statistics of every table.
func (s *Service) generateHistory(ctx context.Context, opt GenerateOptions) error {
	g, err := s.newGenerator(ctx, opt)
	if err != nil {
		return err
	}
	const chunk = 100_000
	for start := 0; start < opt.Declarations; start += chunk {
		end := min(start+chunk, opt.Declarations)
		if err := s.DB.Update(ctx, func(tx *store.Tx) error { return g.load(ctx, tx, start, end) }); err != nil {
			return err
		}
		if opt.Progress != nil {
			opt.Progress(end, opt.Declarations)
		}
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		for key, seq := range g.seqs {
			if err := tx.RaiseCaseCounter(ctx, key.prefix, key.year, seq); err != nil {
				return err
			}
		}
		if err := tx.Analyze(ctx); err != nil {
			return err
		}
		return tx.RebuildStats(ctx) // after Analyze: it analyzes its own tables fully
	})
}

type seqKey struct {
	prefix string
	year   int
}

// generator holds the world the history is made in and the ids it gives out.
type generator struct {
	opt      GenerateOptions
	rng      *rand.Rand
	start    time.Time // the first month
	now      time.Time
	months   weighted[int]
	rights   weighted[store.GenerateRight]
	rules    []*ipr.RiskRule
	police   int64
	officers []int64
	holders  []int64
	seqs     map[seqKey]int64
	next     map[string]int64 // the next id per table
}

func (s *Service) newGenerator(ctx context.Context, opt GenerateOptions) (*generator, error) {
	now := s.Clock.Now().UTC()
	g := &generator{opt: opt, now: now, rng: rand.New(rand.NewPCG(opt.Seed, 7341)), seqs: map[seqKey]int64{},
		next:  map[string]int64{},
		start: time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1-opt.Months, 0)}
	var months []struct {
		v int
		w float64
	}
	for i := range opt.Months {
		m := g.start.AddDate(0, i, 0)
		months = append(months, wv(i, genSeason[m.Month()-1]*(1+0.4*float64(i)/float64(opt.Months))))
	}
	g.months = newWeighted(months...)
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		rights, err := tx.GenerateRights(ctx, "DEMO-")
		if err != nil {
			return err
		}
		var ws []struct {
			v store.GenerateRight
			w float64
		}
		for _, r := range rights {
			ws = append(ws, wv(r, genBrands[r.Ref].weight))
		}
		g.rights = newWeighted(ws...)
		if g.rules, err = tx.Rules(ctx, false); err != nil {
			return err
		}
		if police, err := tx.OrgByName(ctx, "Zhejiang Police IP Crime Unit"); err == nil {
			g.police = police.ID
		}
		if g.officers, err = tx.UserIDsByRole(ctx, ipr.RoleCustomsOfficer); err != nil {
			return err
		}
		for _, table := range []string{"declarations", "cases", "case_items", "identification_requests", "transfers"} {
			if g.next[table], err = tx.MaxID(ctx, table); err != nil {
				return err
			}
		}
		return g.loadSeqs(ctx, tx)
	})
	if err == nil && (len(g.rights.items) == 0 || len(g.rules) == 0 || g.police == 0 || len(g.officers) == 0) {
		err = ipr.Errorf(ipr.EINTERNAL, "the demo world lacks rights, rules, a police unit or officers")
	}
	return g, err
}

// loadSeqs starts each office's case numbers after those already given.
func (g *generator) loadSeqs(ctx context.Context, tx *store.Tx) error {
	for _, prefix := range genOfficePrefix {
		for i := 0; i <= g.opt.Months/12+1; i++ {
			year := g.start.Year() + i
			seq, err := tx.CaseCounter(ctx, prefix, year)
			if err != nil {
				return err
			}
			g.seqs[seqKey{prefix, year}] = seq
		}
	}
	return nil
}

// id gives out the next id of table.
func (g *generator) id(table string) int64 {
	g.next[table]++
	return g.next[table]
}

// when picks an instant in the history, by season and growth.
func (g *generator) when() time.Time {
	m := g.start.AddDate(0, g.months.pick(g.rng), 0)
	span := min(m.AddDate(0, 1, 0).Sub(m), g.now.Add(-24*time.Hour).Sub(m)) // nothing in the future
	return m.Add(time.Duration(g.rng.Float64() * float64(max(span, time.Hour)))).Truncate(time.Second)
}

// lognormal draws a positive duration around median hours with a long tail.
func (g *generator) lognormal(medianHours, sigma float64) time.Duration {
	h := medianHours * math.Exp(sigma*g.rng.NormFloat64())
	return time.Duration(h * float64(time.Hour)).Truncate(time.Minute)
}

// isCase reports whether declaration i becomes a case: evenly spread, exactly opt.Cases in all.
func (g *generator) isCase(i int) bool {
	n, m := int64(g.opt.Declarations), int64(g.opt.Cases)
	return (int64(i)+1)*m/n > int64(i)*m/n
}
