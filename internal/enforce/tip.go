package enforce

import (
	"context"
	"fmt"
	"slices"
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

// TipView is a tip as one viewer may see it. Anonymised views leave out the
// holder and its files; Feedback is there for customs and the tip's holder only.
type TipView struct {
	*ipr.Tip
	Anonymised bool
	Feedback   *ipr.TipFeedback // nil when the viewer may not see it or the tip has no rule yet
	CanReview  bool
	CanShare   bool
}

// TipPage is one page of tips and how many match in all.
type TipPage struct {
	Tips  []*TipView
	Total int64
}

// SubmitTip stores a right holder's tip for customs to review.
func (s *Service) SubmitTip(ctx context.Context, actor *ipr.User, in ipr.Tip) (*TipView, error) {
	if in.OrgID == 0 && actor != nil {
		in.OrgID = actor.OrgID
	}
	if err := ipr.Authorize(actor, ipr.ActionSubmitTip, ipr.OrgResource("tip", in.OrgID)); err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	t := in
	t.ID, t.Shares, t.RuleID, t.Reason = 0, nil, 0, ""
	if err := t.Validate(ipr.DateOf(now, time.UTC)); err != nil {
		return nil, err
	}
	t.CreatedBy = actor.ID
	var out *TipView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateTip(ctx, &t, now); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "tip.submit", ObjectType: "tip", ObjectID: t.ID,
			ObjectOrg: t.OrgID, After: tipSummary(&t)}); err != nil {
			return err
		}
		var err error
		out, err = s.loadTipView(ctx, tx, actor, t.ID)
		return err
	})
	return out, err
}

// Tips returns a page of the tips the actor may see: every tip for customs;
// a holder's own and those shared with its working groups for holders.
func (s *Service) Tips(ctx context.Context, actor *ipr.User, f ipr.TipFilter) (*TipPage, error) {
	if actor == nil {
		return nil, ipr.Authorize(actor, ipr.ActionViewTip, ipr.Anything)
	}
	f.VisibleTo = nil
	if !ipr.Can(actor, ipr.ActionReviewTip, ipr.Anything) {
		f.VisibleTo = append([]int64{actor.OrgID}, actor.ActsFor...)
	}
	if !oneOfStatus(f.Status) {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the filter is not valid",
			Fields: map[string]string{"status": "must be open, ruled or dismissed"}}
	}
	page := &TipPage{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, total, err := tx.ListTips(ctx, f)
		if err != nil {
			return err
		}
		page.Total = total
		feedback, err := tx.RuleFeedback(ctx)
		if err != nil {
			return err
		}
		for _, t := range list {
			v, err := s.tipView(ctx, tx, actor, t, feedback)
			if err != nil {
				return err
			}
			if v != nil { // the SQL narrowed the list; Can decides
				page.Tips = append(page.Tips, v)
			}
		}
		return nil
	})
	return page, err
}

func oneOfStatus(s ipr.TipStatus) bool {
	return s == "" || s == ipr.TipOpen || s == ipr.TipRuled || s == ipr.TipDismissed
}

// Tip returns one tip as the actor may see it; a tip it may not see is not found.
func (s *Service) Tip(ctx context.Context, actor *ipr.User, id int64) (*TipView, error) {
	var out *TipView
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = s.loadTipView(ctx, tx, actor, id)
		return err
	})
	return out, err
}

func (s *Service) loadTipView(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*TipView, error) {
	t, err := tx.TipByID(ctx, id)
	if err != nil {
		return nil, err
	}
	feedback, err := tx.RuleFeedback(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.tipView(ctx, tx, actor, t, feedback)
	if err == nil && v == nil {
		err = &ipr.Error{Code: ipr.ENOTFOUND, Message: fmt.Sprintf("tip with id %d not found", id),
			Fields: map[string]string{"tip": "not found"}}
	}
	return v, err
}

// tipView decides through ipr.Can what the actor sees of t: all of it (customs,
// its holder, members of a group it is shared with by name), an anonymised
// version (members of a group it is shared with anonymised), or nothing (nil).
func (s *Service) tipView(ctx context.Context, tx *store.Tx, actor *ipr.User, t *ipr.Tip,
	feedback map[int64]ipr.TipFeedback) (*TipView, error) {
	shares, err := tx.TipShareMembers(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	var named, all []int64
	for _, sh := range t.Shares {
		all = append(all, shares[sh.GroupID]...)
		if !sh.Anonymised {
			named = append(named, shares[sh.GroupID]...)
		}
	}
	v := &TipView{Tip: t}
	switch {
	case ipr.Can(actor, ipr.ActionViewTip, ipr.Resource{Kind: "tip", OrgID: t.OrgID, Members: named}):
	case ipr.Can(actor, ipr.ActionViewTip, ipr.Resource{Kind: "tip", Members: all}):
		anon := *t
		anon.OrgID, anon.OrgName, anon.Files, anon.CreatedBy, anon.Shares = 0, "", nil, 0, nil
		v.Tip, v.Anonymised = &anon, true
	default:
		return nil, nil
	}
	own := ipr.OrgResource("tip", t.OrgID)
	if f, ok := feedback[t.RuleID]; t.RuleID != 0 && ipr.Can(actor, ipr.ActionViewTipFeedback, own) {
		if !ok {
			f = ipr.TipFeedback{RuleID: t.RuleID}
		}
		v.Feedback = &f
	}
	v.CanReview = t.Status == ipr.TipOpen && ipr.Can(actor, ipr.ActionReviewTip, own)
	v.CanShare = !v.Anonymised && ipr.Can(actor, ipr.ActionSubmitTip, own)
	return v, nil
}

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

// DismissTip sets an open tip aside with a reason the holder will read.
func (s *Service) DismissTip(ctx context.Context, actor *ipr.User, id int64, reason string) (*TipView, error) {
	if err := ipr.Authorize(actor, ipr.ActionReviewTip, ipr.Anything); err != nil {
		return nil, err
	}
	if reason = strings.TrimSpace(reason); reason == "" || len(reason) > 1000 {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the dismissal is not valid",
			Fields: map[string]string{"reason": "give a reason of at most 1000 characters"}}
	}
	var out *TipView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		t, err := tx.TipByID(ctx, id)
		if err != nil {
			return err
		}
		t.Status, t.Reason, t.ReviewedBy, t.ReviewedAt = ipr.TipDismissed, reason, actor.ID, s.Clock.Now()
		if err := tx.ReviewTip(ctx, t); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "tip.dismiss", ObjectType: "tip", ObjectID: t.ID,
			ObjectOrg: t.OrgID, After: reason}); err != nil {
			return err
		}
		out, err = s.loadTipView(ctx, tx, actor, id)
		return err
	})
	return out, err
}

// ShareTip shares the actor's tip with a working group its holder belongs to,
// anonymised (without the holder's name and files) or not.
func (s *Service) ShareTip(ctx context.Context, actor *ipr.User, id, groupID int64, anonymised bool) (*TipView, error) {
	var out *TipView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		v, err := s.loadTipView(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		t, err := tx.TipByID(ctx, id)
		if err != nil {
			return err
		}
		g, err := tx.WorkingGroupByID(ctx, groupID)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the share is not valid",
				Fields: map[string]string{"group": "no such working group"}}
		} else if err != nil {
			return err
		}
		if v.Anonymised || !ipr.Can(actor, ipr.ActionShareTip, ipr.Resource{Kind: "tip", OrgID: t.OrgID, Members: g.Members}) {
			return &ipr.Error{Code: ipr.EFORBIDDEN, Message: "only the tip's holder may share it, with a working group it belongs to",
				Fields: map[string]string{"group": "your organisation is not a member"}}
		}
		err = tx.ShareTip(ctx, id, ipr.TipShare{GroupID: groupID, Anonymised: anonymised, SharedBy: actor.ID,
			SharedAt: s.Clock.Now()})
		if err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "tip.share", ObjectType: "tip", ObjectID: id,
			ObjectOrg: t.OrgID, After: fmt.Sprintf("group %s, anonymised %v", g.Name, anonymised)}); err != nil {
			return err
		}
		out, err = s.loadTipView(ctx, tx, actor, id)
		return err
	})
	return out, err
}

func tipSummary(t *ipr.Tip) string {
	return fmt.Sprintf("%s (%s confidence, until %s)", t.Title, t.Confidence, t.Expires)
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

// TipPattern is a party named in the tips shared with a working group, and
// how many distinct holders named it: a consignee that ships fakes of several brands.
type TipPattern struct {
	GroupID   int64
	GroupName string
	Kind      string // consignee or consignor
	Value     string // as first written
	Holders   int
	Tips      int
}

// TipPatterns groups the tips shared with each working group the actor may
// see patterns of by normalised consignee and consignor, most holders first.
func (s *Service) TipPatterns(ctx context.Context, actor *ipr.User) ([]TipPattern, error) {
	if actor == nil {
		return nil, ipr.Authorize(actor, ipr.ActionViewTipPatterns, ipr.Anything)
	}
	var out []TipPattern
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		groups, err := tx.ListWorkingGroups(ctx, 0)
		if err != nil {
			return err
		}
		var ids []int64
		for _, g := range groups {
			ids = append(ids, g.ID)
		}
		members, err := tx.WorkingGroupMembers(ctx, ids...)
		if err != nil {
			return err
		}
		for _, g := range groups {
			if !ipr.Can(actor, ipr.ActionViewTipPatterns, ipr.Resource{Kind: "group", OrgID: g.OrgID, Members: members[g.ID]}) {
				continue
			}
			tips, err := tx.SharedTips(ctx, g.ID)
			if err != nil {
				return err
			}
			out = append(out, patternsOf(g, tips)...)
		}
		return nil
	})
	return out, err
}

func patternsOf(g *ipr.WorkingGroup, tips []*ipr.Tip) []TipPattern {
	type key struct{ kind, norm string }
	type acc struct {
		first   string
		holders map[int64]bool
		tips    int
	}
	seen := map[key]*acc{}
	var order []key
	for _, t := range tips {
		for _, p := range []struct {
			kind  string
			names []string
		}{{"consignee", t.Consignees}, {"consignor", t.Consignors}} {
			for _, n := range p.names {
				k := key{p.kind, ipr.NormaliseParty(n)}
				if k.norm == "" {
					continue
				}
				a := seen[k]
				if a == nil {
					a = &acc{first: n, holders: map[int64]bool{}}
					seen[k], order = a, append(order, k)
				}
				a.holders[t.OrgID] = true
				a.tips++
			}
		}
	}
	out := make([]TipPattern, 0, len(order))
	for _, k := range order {
		a := seen[k]
		out = append(out, TipPattern{GroupID: g.ID, GroupName: g.Name, Kind: k.kind, Value: a.first,
			Holders: len(a.holders), Tips: a.tips})
	}
	slices.SortStableFunc(out, func(a, b TipPattern) int { return b.Holders - a.Holders })
	return out
}
