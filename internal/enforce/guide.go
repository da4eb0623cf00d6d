package enforce

import (
	"context"
	"fmt"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// GuideInput is one point of an authentication guide as the holder fills it in.
// A photo left nil keeps the point's current one, unless its Remove flag is set.
type GuideInput struct {
	Title, Genuine, Fake string
	GenuinePhoto         *Upload
	FakePhoto            *Upload
	RemoveGenuinePhoto   bool
	RemoveFakePhoto      bool
}

// GuidePoint returns one point of a guide with its product, for the edit form.
func (s *Service) GuidePoint(ctx context.Context, actor *ipr.User, id int64) (*ipr.GuidePoint, *ipr.Product, error) {
	if err := mayEditSome(actor); err != nil {
		return nil, nil, err
	}
	var g *ipr.GuidePoint
	var p *ipr.Product
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		g, p, _, err = editablePoint(ctx, tx, actor, id)
		return err
	})
	return g, p, err
}

func editablePoint(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ipr.GuidePoint, *ipr.Product, *ipr.Right, error) {
	g, err := tx.GuidePointByID(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	p, r, err := editableProduct(ctx, tx, actor, g.ProductID)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		err = notFound("guide point", "guide_point", id)
	}
	return g, p, r, err
}

// AddGuidePoint appends a point, with its photos, to a product's authentication guide.
func (s *Service) AddGuidePoint(ctx context.Context, actor *ipr.User, productID int64, in GuideInput) (*ipr.GuidePoint, error) {
	if err := mayEditSome(actor); err != nil {
		return nil, err
	}
	var p *ipr.Product
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		p, _, err = editableProduct(ctx, tx, actor, productID)
		return err
	})
	if err != nil {
		return nil, err
	}
	g := &ipr.GuidePoint{ProductID: productID}
	problems := ipr.Problems{}
	if len(p.Guide) >= MaxGuidePoints {
		problems.Add("title", fmt.Sprintf("a guide has at most %d points", MaxGuidePoints))
	}
	photos, err := s.prepareGuide(actor, p, g, in, problems)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		p, r, err := editableProduct(ctx, tx, actor, productID)
		if err != nil {
			return err
		}
		if err := s.recordGuidePhotos(ctx, tx, actor, g, photos); err != nil {
			return err
		}
		return s.addGuidePoint(ctx, tx, actor, p, r, g)
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

func (s *Service) addGuidePoint(ctx context.Context, tx *store.Tx, actor *ipr.User, p *ipr.Product, r *ipr.Right, g *ipr.GuidePoint) error {
	g.ProductID = p.ID
	if err := tx.AddGuidePoint(ctx, g); err != nil {
		return err
	}
	return s.audit(ctx, tx, actor, change{Action: "guide.add", ObjectType: "guide_point", ObjectID: g.ID,
		ObjectOrg: r.HolderID, After: fmt.Sprintf("%d. %s (product %d)", g.Position, g.Title, p.ID)})
}

// guidePhotos are the checked uploads of a guide point, not yet recorded.
type guidePhotos struct{ genuine, fake *pendingFile }

// prepareGuide applies the input to g, checks it and its photos together (so that
// one error message names every bad field), and stores the photos' content.
func (s *Service) prepareGuide(actor *ipr.User, p *ipr.Product, g *ipr.GuidePoint, in GuideInput, problems ipr.Problems) (guidePhotos, error) {
	g.Title, g.Genuine, g.Fake = in.Title, in.Genuine, in.Fake
	if in.RemoveGenuinePhoto {
		g.GenuinePhoto = ""
	}
	if in.RemoveFakePhoto {
		g.FakePhoto = ""
	}
	if err := g.Validate(); err != nil {
		for f, msg := range ipr.ErrorFields(err) {
			problems.Add(f, msg)
		}
	}
	for field, v := range map[string]string{"title": g.Title, "genuine": g.Genuine, "fake": g.Fake} {
		if len([]rune(v)) > 4000 {
			problems.Add(field, "must be at most 4000 characters")
		}
	}
	var uploads []Upload
	for field, u := range map[string]*Upload{"genuine_photo": in.GenuinePhoto, "fake_photo": in.FakePhoto} {
		if u != nil {
			u.Field = field
			uploads = append(uploads, *u)
		}
	}
	if len(uploads) > 0 {
		if err := ipr.Authorize(actor, ipr.ActionUploadFile, ipr.Anything); err != nil {
			return guidePhotos{}, err
		}
	}
	checked := s.checkUploads(actor, p.HolderID, uploads, true, problems)
	if err := problems.Err("the guide point is not valid"); err != nil {
		return guidePhotos{}, err
	}
	if err := s.writeBlobs(checked); err != nil {
		return guidePhotos{}, err
	}
	var photos guidePhotos
	for i, f := range checked {
		if uploads[i].Field == "genuine_photo" {
			photos.genuine, g.GenuinePhoto = f, f.file.SHA256
		} else {
			photos.fake, g.FakePhoto = f, f.file.SHA256
		}
	}
	return photos, nil
}

func (s *Service) recordGuidePhotos(ctx context.Context, tx *store.Tx, actor *ipr.User, g *ipr.GuidePoint, photos guidePhotos) error {
	for _, f := range []*pendingFile{photos.genuine, photos.fake} {
		if f != nil {
			if err := s.recordFile(ctx, tx, actor, &f.file); err != nil {
				return err
			}
		}
	}
	return nil
}

// UpdateGuidePoint changes a point's text and, when new ones are sent or removal
// is asked, its photos.
func (s *Service) UpdateGuidePoint(ctx context.Context, actor *ipr.User, id int64, in GuideInput) (*ipr.GuidePoint, error) {
	if err := mayEditSome(actor); err != nil {
		return nil, err
	}
	var g *ipr.GuidePoint
	var p *ipr.Product
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		g, p, _, err = editablePoint(ctx, tx, actor, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	before := g.Title
	photos, err := s.prepareGuide(actor, p, g, in, ipr.Problems{})
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		_, _, r, err := editablePoint(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := s.recordGuidePhotos(ctx, tx, actor, g, photos); err != nil {
			return err
		}
		if err := tx.UpdateGuidePoint(ctx, g); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "guide.update", ObjectType: "guide_point", ObjectID: g.ID,
			ObjectOrg: r.HolderID, Before: before, After: g.Title})
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// DeleteGuidePoint removes a point from its guide and returns the product it belonged to.
func (s *Service) DeleteGuidePoint(ctx context.Context, actor *ipr.User, id int64) (int64, error) {
	if err := mayEditSome(actor); err != nil {
		return 0, err
	}
	var productID int64
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		g, p, r, err := editablePoint(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		productID = p.ID
		if err := tx.DeleteGuidePoint(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "guide.delete", ObjectType: "guide_point", ObjectID: g.ID,
			ObjectOrg: r.HolderID, Before: fmt.Sprintf("%d. %s (product %d)", g.Position, g.Title, p.ID)})
	})
	return productID, err
}

// MoveGuidePoint moves a point up (by < 0) or down (by > 0) its guide, within its
// ends, and returns the product it belongs to.
func (s *Service) MoveGuidePoint(ctx context.Context, actor *ipr.User, id int64, by int) (int64, error) {
	if err := mayEditSome(actor); err != nil {
		return 0, err
	}
	var productID int64
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		g, p, r, err := editablePoint(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		productID = p.ID
		ids := make([]int64, len(p.Guide))
		from := 0
		for i, pt := range p.Guide {
			ids[i] = pt.ID
			if pt.ID == id {
				from = i
			}
		}
		to := min(max(from+by, 0), len(ids)-1)
		if to == from {
			return nil
		}
		ids = slices.Insert(slices.Delete(ids, from, from+1), to, id)
		if err := tx.SetGuideOrder(ctx, p.ID, ids); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "guide.reorder", ObjectType: "guide_point", ObjectID: g.ID,
			ObjectOrg: r.HolderID, Before: fmt.Sprintf("%d. %s", from+1, g.Title), After: fmt.Sprintf("%d. %s", to+1, g.Title)})
	})
	return productID, err
}
