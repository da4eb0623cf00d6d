package enforce

import (
	"context"
	"fmt"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// Model cases: a customs supervisor publishes a closed case, anonymised. Only
// the facts chosen are copied into the published snapshot, and every name the
// case knows (parties of its declaration, the holder, the people who worked it,
// the holder's known infringers and, unless revealed, its brands) is replaced
// by a placeholder in the text. Public pages read only the snapshot.

// ModelCasePage is one page of published model cases and how many match.
type ModelCasePage struct {
	Cases []*ipr.ModelCase
	Total int64
}

// PreviewModelCase returns the snapshot that publishing would store, without storing it.
func (s *Service) PreviewModelCase(ctx context.Context, actor *ipr.User, caseID int64, in ipr.ModelCaseInput) (*ipr.ModelCaseSnapshot, error) {
	if err := ipr.Authorize(actor, ipr.ActionPublishModelCase, ipr.Anything); err != nil {
		return nil, err
	}
	var snap *ipr.ModelCaseSnapshot
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		snap, _, err = s.buildModelCase(ctx, tx, actor, caseID, in)
		return err
	})
	return snap, err
}

// PublishModelCase publishes a closed case as a model case, or replaces the
// model case published of it before.
func (s *Service) PublishModelCase(ctx context.Context, actor *ipr.User, caseID int64, in ipr.ModelCaseInput) (*ipr.ModelCase, error) {
	if err := ipr.Authorize(actor, ipr.ActionPublishModelCase, ipr.Anything); err != nil {
		return nil, err
	}
	var m *ipr.ModelCase
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		snap, c, err := s.buildModelCase(ctx, tx, actor, caseID, in)
		if err != nil {
			return err
		}
		m = &ipr.ModelCase{CaseID: c.ID, Status: ipr.ModelCasePublished, Snapshot: *snap,
			PublishedBy: actor.ID, PublishedAt: s.Clock.Now()}
		if err := tx.PutModelCase(ctx, m); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "modelcase.publish", ObjectType: "model_case", ObjectID: m.ID,
			ObjectOrg: c.HolderOrgID, After: modelCaseSummary(c, in)})
	})
	return m, err
}

// WithdrawModelCase takes a model case off the public pages.
func (s *Service) WithdrawModelCase(ctx context.Context, actor *ipr.User, id int64) error {
	if err := ipr.Authorize(actor, ipr.ActionPublishModelCase, ipr.Anything); err != nil {
		return err
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		m, err := tx.ModelCaseByID(ctx, id)
		if err != nil {
			return err
		}
		if m.Status == ipr.ModelCaseWithdrawn {
			return ipr.Errorf(ipr.ECONFLICT, "the model case was already withdrawn")
		}
		if err := tx.SetModelCaseStatus(ctx, id, ipr.ModelCaseWithdrawn); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "modelcase.withdraw", ObjectType: "model_case", ObjectID: id,
			Before: m.Snapshot.Title})
	})
}

// PublicModelCases returns a page of published model cases, for anyone.
func (s *Service) PublicModelCases(ctx context.Context, actor *ipr.User, f ipr.ModelCaseFilter) (*ModelCasePage, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPublic, ipr.Anything); err != nil {
		return nil, err
	}
	if len([]rune(f.Text)) > 200 {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the search is not valid",
			Fields: map[string]string{"q": "must be at most 200 characters"}}
	}
	page := &ModelCasePage{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		page.Cases, page.Total, err = tx.PublishedModelCases(ctx, f)
		return err
	})
	return page, err
}

// PublicModelCase returns a published model case, for anyone; a withdrawn one is not found.
func (s *Service) PublicModelCase(ctx context.Context, actor *ipr.User, id int64) (*ipr.ModelCase, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPublic, ipr.Anything); err != nil {
		return nil, err
	}
	var m *ipr.ModelCase
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		m, err = tx.ModelCaseByID(ctx, id)
		return err
	})
	if err == nil && m.Status != ipr.ModelCasePublished {
		err = notFound("model case", "model_case", id)
	}
	if err != nil {
		return nil, err
	}
	m.CaseID = 0 // never leaves the service for the public
	return m, nil
}

// ModelCaseOf returns the model case made of a case, for customs; ENOTFOUND when none.
func (s *Service) ModelCaseOf(ctx context.Context, actor *ipr.User, caseID int64) (*ipr.ModelCase, error) {
	if err := ipr.Authorize(actor, ipr.ActionPublishModelCase, ipr.Anything); err != nil {
		return nil, err
	}
	var m *ipr.ModelCase
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		m, err = tx.ModelCaseOfCase(ctx, caseID)
		return err
	})
	return m, err
}

// buildModelCase loads a closed case actor may see and makes its anonymised snapshot.
func (s *Service) buildModelCase(ctx context.Context, tx *store.Tx, actor *ipr.User, caseID int64, in ipr.ModelCaseInput) (*ipr.ModelCaseSnapshot, *ipr.Case, error) {
	if err := in.Validate(); err != nil {
		return nil, nil, err
	}
	c, err := loadCase(ctx, tx, actor, caseID)
	if err != nil {
		return nil, nil, err
	}
	if c.Open() {
		return nil, nil, &ipr.Error{Code: ipr.EINVALID, Message: "only a closed case can become a model case",
			Fields: map[string]string{"case": "is still open (" + c.State + ")"}}
	}
	k, err := loadCaseKnowledge(ctx, tx, c)
	if err != nil {
		return nil, nil, err
	}
	red := k.redactor(in.Reveals(ipr.MCBrand))
	snap := &ipr.ModelCaseSnapshot{Title: red.Redact(in.Title), Summary: red.Redact(in.Summary), Lessons: red.Redact(in.Lessons)}
	for _, f := range ipr.ModelCaseFields {
		if !in.Reveals(f) {
			continue
		}
		if v := strings.TrimSpace(red.Redact(k.fact(f))); v != "" {
			snap.Facts = append(snap.Facts, ipr.ModelCaseFact{Field: f, Value: v})
		}
	}
	return snap, c, nil
}

func modelCaseSummary(c *ipr.Case, in ipr.ModelCaseInput) string {
	fields := make([]string, len(in.Reveal))
	for i, f := range in.Reveal {
		fields[i] = string(f)
	}
	return fmt.Sprintf("case %s as %q, revealing %s", c.Ref, in.Title, strings.Join(fields, ", "))
}
