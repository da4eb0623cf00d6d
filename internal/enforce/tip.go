package enforce

import (
	"context"
	"fmt"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// TipView is a tip as one viewer may see it. Anonymised views leave out the
// holder and its files; Feedback is there for customs and the tip's holder only.
type TipView struct {
	*ipr.Tip
	Anonymised bool
	Feedback   *ipr.TipFeedback // nil when the viewer may not see it or the tip has no rule yet
	CanReview  bool
	CanShare   bool
	// Attachments describe the tip's files in order, on the view of one tip
	// (Tip, SubmitTip…); never on an anonymised view or in lists.
	Attachments []ipr.File
}

// TipPage is one page of tips and how many match in all.
type TipPage struct {
	Tips  []*TipView
	Total int64
}

// SubmitTip stores a right holder's tip for customs to review, with the
// supporting files uploaded along with it (the API names files uploaded before
// in in.Files instead). Every upload is checked as any other (size, type from
// the content) before anything is stored: one bad file stores nothing.
func (s *Service) SubmitTip(ctx context.Context, actor *ipr.User, in ipr.Tip, uploads ...Upload) (*TipView, error) {
	if in.OrgID == 0 && actor != nil {
		in.OrgID = actor.OrgID
	}
	if err := ipr.Authorize(actor, ipr.ActionSubmitTip, ipr.OrgResource("tip", in.OrgID)); err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	t := in
	t.ID, t.Shares, t.RuleID, t.Reason = 0, nil, 0, ""
	files, err := s.checkTip(actor, &t, uploads, ipr.DateOf(now, time.UTC))
	if err != nil {
		return nil, err
	}
	if err := s.writeBlobs(files); err != nil {
		return nil, err
	}
	t.CreatedBy = actor.ID
	var out *TipView
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := s.recordTipFiles(ctx, tx, actor, &t, files); err != nil {
			return err
		}
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
	if err != nil {
		return nil, err
	}
	v.Attachments, err = tipAttachments(ctx, tx, v.Tip)
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
