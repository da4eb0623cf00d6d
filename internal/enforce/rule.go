package enforce

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
)

// RuleView is a risk rule with how it has fared: the declarations it was met
// by, and how many of those officers dismissed or sent to inspection.
type RuleView struct {
	screen.Rule
	Active    bool
	CreatedBy int64
	UpdatedAt time.Time
	ipr.RuleCounts
}

func ruleView(r *ipr.RiskRule, counts ipr.RuleCounts) (*RuleView, error) {
	sr, err := screenRule(r)
	if err != nil {
		return nil, err
	}
	return &RuleView{Rule: sr, Active: r.Active, CreatedBy: r.CreatedBy, UpdatedAt: r.UpdatedAt, RuleCounts: counts}, nil
}

// Rules returns every risk rule, active or not, with its counts.
func (s *Service) Rules(ctx context.Context, actor *ipr.User) ([]*RuleView, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewRule, ipr.Anything); err != nil {
		return nil, err
	}
	var out []*RuleView
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		rules, err := tx.Rules(ctx, false)
		if err != nil {
			return err
		}
		counts, err := tx.RuleCounts(ctx)
		if err != nil {
			return err
		}
		for _, r := range rules {
			v, err := ruleView(r, counts[r.ID])
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return nil
	})
	return out, err
}

// Rule returns one risk rule with its counts.
func (s *Service) Rule(ctx context.Context, actor *ipr.User, id int64) (*RuleView, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewRule, ipr.Anything); err != nil {
		return nil, err
	}
	var out *RuleView
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = s.loadRuleView(ctx, tx, id)
		return err
	})
	return out, err
}

func (s *Service) loadRuleView(ctx context.Context, tx *store.Tx, id int64) (*RuleView, error) {
	r, err := tx.RuleByID(ctx, id)
	if err != nil {
		return nil, err
	}
	counts, err := tx.RuleCounts(ctx)
	if err != nil {
		return nil, err
	}
	return ruleView(r, counts[id])
}

// CreateRule stores a new risk rule; screening applies it from then on when active.
func (s *Service) CreateRule(ctx context.Context, actor *ipr.User, in screen.Rule, active bool) (*RuleView, error) {
	if err := ipr.Authorize(actor, ipr.ActionManageRule, ipr.Anything); err != nil {
		return nil, err
	}
	r, err := storedRule(in, active)
	if err != nil {
		return nil, err
	}
	r.CreatedBy = actor.ID
	var out *RuleView
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateRule(ctx, r, s.Clock.Now()); err != nil {
			return err
		}
		if out, err = ruleView(r, ipr.RuleCounts{}); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "rule.create", ObjectType: "rule", ObjectID: r.ID,
			ObjectOrg: actor.OrgID, After: ruleSummary(r)})
	})
	if err != nil {
		return nil, err
	}
	s.rulesChanged(ctx)
	return out, nil
}

// UpdateRule changes a risk rule; declarations already screened keep the rule as it was.
func (s *Service) UpdateRule(ctx context.Context, actor *ipr.User, id int64, in screen.Rule, active bool) (*RuleView, error) {
	if err := ipr.Authorize(actor, ipr.ActionManageRule, ipr.Anything); err != nil {
		return nil, err
	}
	r, err := storedRule(in, active)
	if err != nil {
		return nil, err
	}
	var out *RuleView
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		old, err := tx.RuleByID(ctx, id)
		if err != nil {
			return err
		}
		r.ID, r.CreatedBy, r.CreatedAt = id, old.CreatedBy, old.CreatedAt
		if err := tx.UpdateRule(ctx, r, s.Clock.Now()); err != nil {
			return err
		}
		if out, err = s.loadRuleView(ctx, tx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "rule.update", ObjectType: "rule", ObjectID: id,
			ObjectOrg: actor.OrgID, Before: ruleSummary(old), After: ruleSummary(r)})
	})
	if err != nil {
		return nil, err
	}
	s.rulesChanged(ctx)
	return out, nil
}

// DeleteRule removes a risk rule. Declarations that met it keep the record.
func (s *Service) DeleteRule(ctx context.Context, actor *ipr.User, id int64) error {
	if err := ipr.Authorize(actor, ipr.ActionManageRule, ipr.Anything); err != nil {
		return err
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		old, err := tx.RuleByID(ctx, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteRule(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "rule.delete", ObjectType: "rule", ObjectID: id,
			ObjectOrg: actor.OrgID, Before: ruleSummary(old)})
	})
	if err != nil {
		return err
	}
	s.rulesChanged(ctx)
	return nil
}

// storedRule validates a rule as the engine will read it and turns it into its stored form.
func storedRule(in screen.Rule, active bool) (*ipr.RiskRule, error) {
	in.Source = strings.TrimSpace(in.Source)
	err := in.Validate()
	if len(in.Source) > 500 {
		p := ipr.Problems{"source": "must be at most 500 characters"}
		if e, ok := err.(*ipr.Error); ok {
			for f, m := range e.Fields {
				p.Add(f, m)
			}
		}
		err = p.Err("the rule is not valid")
	}
	if err != nil {
		return nil, err
	}
	cond, err := json.Marshal(in.When)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	return &ipr.RiskRule{Name: in.Name, Weight: in.Weight, Expires: in.Expires, Condition: string(cond),
		Source: in.Source, Active: active}, nil
}

func ruleSummary(r *ipr.RiskRule) string {
	s := fmt.Sprintf("%s (weight %d", r.Name, r.Weight)
	if !r.Expires.IsZero() {
		s += ", until " + r.Expires.String()
	}
	if !r.Active {
		s += ", inactive"
	}
	return s + "): " + r.Condition
}
