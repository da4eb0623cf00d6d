package enforce

import (
	"context"
	"fmt"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// identificationPeriod is the holder's time to answer when no holder_reply clock runs.
var identificationPeriod = workflow.Period{N: 3, Unit: workflow.WorkingDays}

// RequestIdentification asks the case's right holder whether the items are
// genuine. The answer is due when the holder_reply clock runs out, if it runs,
// else in 3 working days.
func (s *Service) RequestIdentification(ctx context.Context, actor *ipr.User, caseID int64, itemIDs []int64, note string) (*ipr.IdentificationRequest, error) {
	var out *ipr.IdentificationRequest
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, caseID)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionActCase, c.Resource()); err != nil {
			return err
		}
		if !c.Open() {
			return ipr.Errorf(ipr.ECONFLICT, "case %s is closed (%s)", c.Ref, c.State)
		}
		now := s.Clock.Now()
		r := &ipr.IdentificationRequest{CaseID: c.ID, ItemIDs: itemIDs, SentAt: now, SentBy: actor.ID}
		if d, err := deadlineNamed(ctx, tx, c.ID, "holder_reply"); err != nil {
			return err
		} else if d != nil && d.State == ipr.DeadlineRunning {
			r.Due = d.DueAt
		} else {
			due, err := s.due(ctx, c, now, identificationPeriod)
			if err != nil {
				return err
			}
			r.Due = due.DueAt
		}
		if err := tx.CreateIdentificationRequest(ctx, r); err != nil {
			return err
		}
		text := fmt.Sprintf("Case %s: say whether %d item(s) are genuine by %s.", c.Ref, len(r.ItemIDs),
			ipr.DateOf(r.Due.Add(-1), c.Profile.Location()))
		if _, err := tx.CreateNotification(ctx, &ipr.Notification{OrgID: c.HolderOrgID, Kind: "identification.request",
			ObjectType: "identification", ObjectID: r.ID, Text: text, Args: c.Ref, DueOn: ipr.DateOf(r.Due, c.Profile.Location()),
			CreatedAt: now}); err != nil {
			return err
		}
		if err := s.notifyIdentificationRequest(ctx, tx, c, r); err != nil {
			return err
		}
		if err := tx.AddCaseEvent(ctx, &ipr.CaseEvent{CaseID: c.ID, At: now, ActorID: actor.ID,
			Kind: "identification.request", FromState: c.State, ToState: c.State, Note: strings.TrimSpace(note)}); err != nil {
			return err
		}
		out = r
		return s.audit(ctx, tx, actor, change{Action: "identification.request", ObjectType: "identification",
			ObjectID: r.ID, ObjectOrg: c.HolderOrgID, After: fmt.Sprintf("%s: %d items, due %s", c.Ref,
				len(r.ItemIDs), r.Due.Format("2006-01-02 15:04 MST"))})
	})
	return out, err
}

// AnswerIdentification stores the holder's answers to a request, one per item,
// all at once. Only the case's holder (or its agent) answers; to anyone else
// the request does not exist. The store records when, for response times.
func (s *Service) AnswerIdentification(ctx context.Context, actor *ipr.User, requestID int64, answers []ipr.IdentificationAnswer) (*ipr.IdentificationRequest, error) {
	var out *ipr.IdentificationRequest
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		r, err := tx.IdentificationRequestByID(ctx, requestID)
		if err != nil {
			return err
		}
		c, err := loadCase(ctx, tx, actor, r.CaseID)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			return &ipr.Error{Code: ipr.ENOTFOUND, Message: "identification request not found",
				Fields: map[string]string{"request": fmt.Sprintf("no request with id %d", requestID)}}
		}
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionAnswerIdentification, c.Resource()); err != nil {
			return err
		}
		now := s.Clock.Now()
		if err := tx.AnswerIdentification(ctx, requestID, answers, actor.ID, now); err != nil {
			return err
		}
		if out, err = tx.IdentificationRequestByID(ctx, requestID); err != nil {
			return err
		}
		summary := verdictSummary(out.Answers)
		if err := tx.AddCaseEvent(ctx, &ipr.CaseEvent{CaseID: c.ID, At: now, ActorID: actor.ID,
			Kind: "identification.answer", FromState: c.State, ToState: c.State, Note: summary}); err != nil {
			return err
		}
		if err := s.refreshSentDossiers(ctx, tx, actor, c.ID); err != nil { // evidence changed after sending
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "identification.answer", ObjectType: "identification",
			ObjectID: requestID, ObjectOrg: c.HolderOrgID, After: c.Ref + ": " + summary})
	})
	return out, err
}

// verdictSummary counts the answers by verdict: "2 counterfeit, 1 genuine".
func verdictSummary(answers []ipr.IdentificationAnswer) string {
	var parts []string
	for _, v := range ipr.Verdicts {
		n := 0
		for _, a := range answers {
			if a.Verdict == v {
				n++
			}
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, v))
		}
	}
	return strings.Join(parts, ", ")
}

// IdentificationCase returns the case an identification request belongs to,
// shown as CaseDetail shows it: to customs and the case's holder. A request
// on a case the actor may not see is not found, like one that does not exist.
func (s *Service) IdentificationCase(ctx context.Context, actor *ipr.User, requestID int64) (*CaseDetail, error) {
	var r *ipr.IdentificationRequest
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		r, err = tx.IdentificationRequestByID(ctx, requestID)
		return err
	})
	if err != nil {
		return nil, err
	}
	d, err := s.CaseDetail(ctx, actor, r.CaseID)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return nil, &ipr.Error{Code: ipr.ENOTFOUND, Message: "identification request not found",
			Fields: map[string]string{"request": "no request with id " + itoa(requestID)}}
	}
	return d, err
}

// ResponseTimes says how fast right holders answered the identification
// requests sent since then: each actor sees the holders whose cases it may
// see (customs every one, a holder itself, an agent its clients).
func (s *Service) ResponseTimes(ctx context.Context, actor *ipr.User, since time.Time) ([]ipr.ResponseTime, error) {
	if actor == nil {
		return nil, ipr.Authorize(nil, ipr.ActionViewCase, ipr.Anything)
	}
	var all []ipr.ResponseTime
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		all, err = tx.HolderResponseTimes(ctx, since)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, rt := range all {
		if ipr.Can(actor, ipr.ActionViewCase, ipr.Resource{Kind: "case", OrgID: rt.HolderOrgID}) {
			out = append(out, rt)
		}
	}
	return out, nil
}
