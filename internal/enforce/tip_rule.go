package enforce

import (
	"context"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
)

// RetireAfterDays is how long a rule may run without a hit or without a
// confirmed case before it is suggested for retirement.
const RetireAfterDays = 90

// TipRule is what customs choose when a tip becomes a rule; zero values take
// the tip's: its title as name and a weight by its confidence.
type TipRule struct {
	Name   string
	Weight int
}

var weightByConfidence = map[ipr.Confidence]int{ipr.ConfidenceLow: 20, ipr.ConfidenceMedium: 40, ipr.ConfidenceHigh: 60}

// RuleFromTip turns an open tip into an active risk rule in one transaction,
// through the rule service's own validation, and links the two.
func (s *Service) RuleFromTip(ctx context.Context, actor *ipr.User, id int64, opt TipRule) (*TipView, error) {
	if err := ipr.Authorize(actor, ipr.ActionReviewTip, ipr.Anything); err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	var out *TipView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		t, err := tx.TipByID(ctx, id)
		if err != nil {
			return err
		}
		if t.Status != ipr.TipOpen {
			return ipr.Errorf(ipr.ECONFLICT, "tip %d was already %s", t.ID, t.Status)
		}
		r, err := storedRule(ruleOfTip(t, opt), true)
		if err != nil {
			return err
		}
		r.CreatedBy = actor.ID
		if err := tx.CreateRule(ctx, r, now); err != nil {
			return err
		}
		t.Status, t.RuleID, t.ReviewedBy, t.ReviewedAt = ipr.TipRuled, r.ID, actor.ID, now
		if err := tx.ReviewTip(ctx, t); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "rule.create", ObjectType: "rule", ObjectID: r.ID,
			ObjectOrg: actor.OrgID, After: ruleSummary(r)}); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "tip.rule", ObjectType: "tip", ObjectID: t.ID,
			ObjectOrg: t.OrgID, After: "rule " + strconv.FormatInt(r.ID, 10)}); err != nil {
			return err
		}
		out, err = s.loadTipView(ctx, tx, actor, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.rulesChanged(ctx)
	return out, nil
}

// ruleOfTip writes a tip as a risk rule: every kind of intelligence the tip
// gives must hold (all), and within a kind any of its entries (any).
func ruleOfTip(t *ipr.Tip, opt TipRule) screen.Rule {
	r := screen.Rule{Name: strings.TrimSpace(opt.Name), Weight: opt.Weight, Expires: t.Expires,
		Source: "tip " + strconv.FormatInt(t.ID, 10)}
	if r.Name == "" {
		r.Name = t.Title
	}
	if r.Weight == 0 {
		r.Weight = weightByConfidence[t.Confidence]
	}
	var all []screen.Condition
	add := func(c []screen.Condition) {
		switch len(c) {
		case 0:
		case 1:
			all = append(all, c[0])
		default:
			all = append(all, screen.Condition{Any: c})
		}
	}
	each := func(field, op string, values []string) []screen.Condition {
		var out []screen.Condition
		for _, v := range values {
			out = append(out, screen.Condition{Field: field, Op: op, Value: v})
		}
		return out
	}
	// Who: a named party, an address or a factory, in either role.
	var who []screen.Condition
	who = append(who, each("consignor", screen.OpContains, t.Consignors)...)
	who = append(who, each("consignee", screen.OpContains, t.Consignees)...)
	who = append(who, each("consignor", screen.OpContains, t.Factories)...)
	who = append(who, each("consignor_address", screen.OpContains, t.Addresses)...)
	who = append(who, each("consignee_address", screen.OpContains, t.Addresses)...)
	add(who)
	add(each("route", screen.OpContains, t.Routes))
	add(each("port", screen.OpIs, t.Ports))
	add(each("transport", screen.OpIs, t.Transports))
	add(each("hs_code", screen.OpPrefix, t.HSCodes))
	add(valueCondition(t))
	add(windowCondition(t))
	switch len(all) {
	case 0: // Validate refuses such a tip; the rule's own validation names "when"
	case 1:
		r.When = all[0]
	default:
		r.When = screen.Condition{All: all}
	}
	return r
}

func valueCondition(t *ipr.Tip) []screen.Condition {
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	switch {
	case t.UnitValueMin > 0 && t.UnitValueMax > 0:
		return []screen.Condition{{Field: "unit_value", Op: screen.OpBetween, Values: []string{num(t.UnitValueMin), num(t.UnitValueMax)}}}
	case t.UnitValueMax > 0:
		return []screen.Condition{{Field: "unit_value", Op: screen.OpLess, Value: num(t.UnitValueMax)}}
	case t.UnitValueMin > 0:
		return []screen.Condition{{Field: "unit_value", Op: screen.OpMore, Value: num(t.UnitValueMin)}}
	}
	return nil
}

func windowCondition(t *ipr.Tip) []screen.Condition {
	switch {
	case !t.WindowFrom.IsZero() && !t.WindowTo.IsZero():
		return []screen.Condition{{Field: "declared_at", Op: screen.OpBetween, Values: []string{t.WindowFrom.String(), t.WindowTo.String()}}}
	case !t.WindowTo.IsZero():
		return []screen.Condition{{Field: "declared_at", Op: screen.OpLess, Value: t.WindowTo.AddDate(0, 0, 1).String()}}
	case !t.WindowFrom.IsZero():
		return []screen.Condition{{Field: "declared_at", Op: screen.OpMore, Value: t.WindowFrom.AddDate(0, 0, -1).String()}}
	}
	return nil
}

// RuleFeedbackView is how one risk rule has fared, with the tip it came from.
type RuleFeedbackView struct {
	ipr.TipFeedback
	Name    string
	TipID   int64
	Created time.Time
	Retire  bool // no hit, or no confirmed case, after RetireAfterDays
}

// RuleFeedback returns every active rule's feedback for customs, those to
// retire first.
func (s *Service) RuleFeedback(ctx context.Context, actor *ipr.User) ([]RuleFeedbackView, error) {
	if err := ipr.Authorize(actor, ipr.ActionReviewTip, ipr.Anything); err != nil {
		return nil, err
	}
	var out []RuleFeedbackView
	now := s.Clock.Now()
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		rules, err := tx.Rules(ctx, true)
		if err != nil {
			return err
		}
		feedback, err := tx.RuleFeedback(ctx)
		if err != nil {
			return err
		}
		for _, r := range rules {
			f := feedback[r.ID]
			f.RuleID = r.ID
			tip, _ := strconv.ParseInt(strings.TrimPrefix(r.Source, "tip "), 10, 64)
			old := now.Sub(r.CreatedAt) >= RetireAfterDays*24*time.Hour
			out = append(out, RuleFeedbackView{TipFeedback: f, Name: r.Name, TipID: tip, Created: r.CreatedAt,
				Retire: old && (f.Flagged == 0 || f.Confirmed == 0)})
		}
		return nil
	})
	return out, err
}
