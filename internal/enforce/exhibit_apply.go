package enforce

import (
	"context"
	"fmt"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// exhibitFiles are an exhibit's new photos, checked and written to the blob store.
type exhibitFiles struct{ genuine, fake *pendingFile }

// exhibitUploads checks the photos of in (pictures only) and writes them to the
// blob store before the transaction that records them.
func (s *Service) exhibitUploads(actor *ipr.User, in ExhibitInput) (exhibitFiles, error) {
	var out exhibitFiles
	problems := ipr.Problems{}
	for _, u := range []struct {
		up  *Upload
		out **pendingFile
	}{{in.GenuinePhoto, &out.genuine}, {in.FakePhoto, &out.fake}} {
		if u.up == nil {
			continue
		}
		if files := s.checkUploads(actor, in.HolderID, []Upload{*u.up}, true, problems); len(files) == 1 {
			*u.out = files[0]
		}
	}
	if err := problems.Err("the exhibit is not valid"); err != nil {
		return out, err
	}
	var pending []*pendingFile
	for _, f := range []*pendingFile{out.genuine, out.fake} {
		if f != nil {
			pending = append(pending, f)
		}
	}
	return out, s.writeBlobs(pending)
}

// applyExhibit copies in into e inside tx: the right must be one of the holder's
// approved recordations, the group one of its working groups, each linked guide
// point a point of its own guides. New photos are recorded with their audit events.
func (s *Service) applyExhibit(ctx context.Context, tx *store.Tx, actor *ipr.User, e *ipr.Exhibit, in ExhibitInput, files exhibitFiles) error {
	problems := ipr.Problems{}
	e.RightID, e.Title, e.TitleZH, e.Body = in.RightID, in.Title, in.TitleZH, in.Body
	if err := s.exhibitRight(ctx, tx, e, problems); err != nil {
		return err
	}
	if err := exhibitGroup(ctx, tx, e, in.GroupID, problems); err != nil {
		return err
	}
	points, err := exhibitPoints(ctx, tx, e.HolderID, in.Points, problems)
	if err != nil {
		return err
	}
	e.Points = points
	for _, f := range []struct {
		file *pendingFile
		sha  *string
	}{{files.genuine, &e.GenuinePhoto}, {files.fake, &e.FakePhoto}} {
		if f.file == nil {
			continue
		}
		if err := s.recordFile(ctx, tx, actor, &f.file.file); err != nil {
			return err
		}
		*f.sha = f.file.file.SHA256
	}
	if err := e.Validate(); err != nil {
		for field, msg := range ipr.ErrorFields(err) {
			problems.Add(field, msg)
		}
	}
	return problems.Err("the exhibit is not valid")
}

func (s *Service) exhibitRight(ctx context.Context, tx *store.Tx, e *ipr.Exhibit, problems ipr.Problems) error {
	if e.RightID <= 0 {
		return nil // Validate names the field
	}
	r, err := tx.RightByID(ctx, e.RightID)
	switch {
	case ipr.ErrorCode(err) == ipr.ENOTFOUND || (err == nil && r.HolderID != e.HolderID):
		problems.Add("right", "is not one of the holder's recorded rights")
	case err != nil:
		return err
	case r.Status != ipr.StatusApproved:
		problems.Add("right", "is not an approved recordation")
	default:
		e.Brand = r.Mark
	}
	return nil
}

// exhibitGroup sets the exhibit's working group: the one chosen, which must be one
// of the holder's, or the holder's only group when none is chosen.
func exhibitGroup(ctx context.Context, tx *store.Tx, e *ipr.Exhibit, chosen int64, problems ipr.Problems) error {
	groups, err := tx.HolderGroups(ctx, e.HolderID)
	if err != nil {
		return err
	}
	e.GroupID, e.GroupName, e.GroupNameZH = 0, "", ""
	switch {
	case chosen == 0 && len(groups) == 1:
		chosen = groups[0].ID
	case chosen == 0 && len(groups) > 1:
		problems.Add("group", "choose one of the holder's working groups")
		return nil
	case chosen == 0:
		return nil // the holder belongs to no group
	}
	i := slices.IndexFunc(groups, func(g *ipr.WorkingGroup) bool { return g.ID == chosen })
	if i < 0 {
		problems.Add("group", "is not a working group the holder belongs to")
		return nil
	}
	e.GroupID, e.GroupName, e.GroupNameZH = groups[i].ID, groups[i].Name, groups[i].NameZH
	return nil
}

// exhibitPoints checks the links to guide points and copies each linked point's title.
func exhibitPoints(ctx context.Context, tx *store.Tx, holder int64, in []ipr.ExhibitPoint, problems ipr.Problems) ([]ipr.ExhibitPoint, error) {
	out := make([]ipr.ExhibitPoint, 0, len(in))
	for i, pt := range in {
		pt.GuideTitle = ""
		if pt.GuidePointID != 0 {
			g, err := tx.GuidePointByID(ctx, pt.GuidePointID)
			var p *ipr.Product
			if err == nil {
				p, err = tx.ProductByID(ctx, g.ProductID)
			}
			switch {
			case ipr.ErrorCode(err) == ipr.ENOTFOUND || (err == nil && p.HolderID != holder):
				problems.Add(fmt.Sprintf("points[%d]", i), "links to a point that is not in the holder's authentication guides")
				continue
			case err != nil:
				return nil, err
			}
			pt.GuideTitle = g.Title
		}
		out = append(out, pt)
	}
	return out, nil
}

// ExhibitChoices are what the exhibit form offers a holder: its approved
// rights, its working groups and the points of its authentication guides.
type ExhibitChoices struct {
	Rights []*ipr.Right
	Groups []*ipr.WorkingGroup
	Guide  []ExhibitGuidePoint
}

// ExhibitGuidePoint is a guide point as the form lists it: with its product's name.
type ExhibitGuidePoint struct {
	ID      int64
	Product string
	Title   string
}

// ExhibitChoices returns the form's choices for holder (0 is the actor's own organisation).
func (s *Service) ExhibitChoices(ctx context.Context, actor *ipr.User, holder int64) (*ExhibitChoices, error) {
	if holder == 0 && actor != nil {
		holder = actor.OrgID
	}
	if err := ipr.Authorize(actor, ipr.ActionEditExhibit, ipr.OrgResource("exhibit", holder)); err != nil {
		return nil, err
	}
	out := &ExhibitChoices{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if out.Rights, _, err = tx.ListRights(ctx, ipr.RightFilter{HolderID: holder, Status: ipr.StatusApproved, Limit: 500}); err != nil {
			return err
		}
		if out.Groups, err = tx.HolderGroups(ctx, holder); err != nil {
			return err
		}
		for _, r := range out.Rights {
			products, err := tx.Products(ctx, r.ID)
			if err != nil {
				return err
			}
			for _, p := range products {
				points, err := tx.GuidePoints(ctx, p.ID)
				if err != nil {
					return err
				}
				for _, g := range points {
					out.Guide = append(out.Guide, ExhibitGuidePoint{ID: g.ID, Product: p.Name, Title: g.Title})
				}
			}
		}
		return nil
	})
	return out, err
}
