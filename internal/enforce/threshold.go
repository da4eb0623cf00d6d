package enforce

import (
	"context"
	"fmt"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// ThresholdCheck is what the criminal thresholds in force say about a case.
type ThresholdCheck struct {
	Jurisdiction string
	On           ipr.Date // the day whose thresholds applied
	Facts        ipr.ThresholdFacts
	Met          []ThresholdMet
	Suggest      bool // a threshold is met: the officer is invited to propose a transfer
}

// ThresholdMet is one threshold a case meets, and the test it meets.
type ThresholdMet struct {
	Threshold *ipr.Threshold
	Test      string
}

// Codes are the codes of the thresholds met.
func (c *ThresholdCheck) Codes() []string {
	out := make([]string, len(c.Met))
	for i, m := range c.Met {
		out[i] = m.Threshold.Code
	}
	return out
}

// caseFacts are a case's figures as the thresholds read them: the goods'
// value is the business volume (goods made, stored or carried) and, for
// selling, the value of unsold goods; each right concerned counts as a mark.
// Gains and sales are not known at the border and count as nothing.
func caseFacts(c *ipr.Case) ipr.ThresholdFacts {
	return ipr.ThresholdFacts{Marks: len(c.RightIDs), Volume: c.GoodsValue, Unsold: c.GoodsValue, Currency: c.Currency}
}

// CheckThresholds tests a case actor may see against its jurisdiction's
// thresholds in force today.
func (s *Service) CheckThresholds(ctx context.Context, actor *ipr.User, caseID int64) (*ThresholdCheck, error) {
	var out *ThresholdCheck
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, caseID)
		if err != nil {
			return err
		}
		out, err = s.checkThresholds(ctx, tx, c)
		return err
	})
	return out, err
}

func (s *Service) checkThresholds(ctx context.Context, tx *store.Tx, c *ipr.Case) (*ThresholdCheck, error) {
	out := &ThresholdCheck{Jurisdiction: c.Profile.Jurisdiction(), On: ipr.DateOf(s.Clock.Now(), c.Profile.Location()),
		Facts: caseFacts(c)}
	list, err := tx.ThresholdsOn(ctx, out.Jurisdiction, out.On)
	if err != nil {
		return nil, err
	}
	for _, th := range list {
		if ok, test := th.Met(out.Facts); ok {
			out.Met = append(out.Met, ThresholdMet{Threshold: th, Test: test})
		}
	}
	out.Suggest = len(out.Met) > 0
	return out, nil
}

// Thresholds lists every version of a jurisdiction's thresholds ("" for all): the history.
func (s *Service) Thresholds(ctx context.Context, actor *ipr.User, jurisdiction string) ([]*ipr.Threshold, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewThreshold, ipr.Anything); err != nil {
		return nil, err
	}
	var out []*ipr.Threshold
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Thresholds(ctx, jurisdiction)
		return err
	})
	return out, err
}

// AddThreshold stores a new version of a threshold, effective from its date;
// the versions before it stay, so checks of earlier days are unchanged.
func (s *Service) AddThreshold(ctx context.Context, actor *ipr.User, th ipr.Threshold) (*ipr.Threshold, error) {
	if err := ipr.Authorize(actor, ipr.ActionManageThreshold, ipr.Anything); err != nil {
		return nil, err
	}
	th.CreatedAt, th.CreatedBy = s.Clock.Now(), actor.ID
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.AddThreshold(ctx, &th); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "threshold.add", ObjectType: "threshold", ObjectID: th.ID,
			After: fmt.Sprintf("%s %s from %s: volume %s sales %s gains %s unsold %s %s, %d mark(s)", th.Jurisdiction,
				th.Code, th.EffectiveOn, th.Volume, th.Sales, th.Gains, th.Unsold, th.Currency, th.MinMarks)})
	})
	if err != nil {
		return nil, err
	}
	return &th, nil
}
