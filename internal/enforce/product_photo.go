package enforce

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// AddProductPhotos uploads photos (or PDF documents) of a product. Every file is
// checked before any is stored: one bad file stores none.
func (s *Service) AddProductPhotos(ctx context.Context, actor *ipr.User, id int64, uploads []Upload) (*ipr.Product, error) {
	if err := ipr.Authorize(actor, ipr.ActionUploadFile, ipr.Anything); err != nil {
		return nil, err
	}
	if err := mayEditSome(actor); err != nil {
		return nil, err
	}
	var p *ipr.Product
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		p, _, err = editableProduct(ctx, tx, actor, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	problems := ipr.Problems{}
	switch {
	case len(uploads) == 0:
		problems.Add("photos", "choose at least one file")
	case len(uploads) > maxUploadsAtOnce:
		problems.Add("photos", fmt.Sprintf("at most %d files at once", maxUploadsAtOnce))
	case len(p.Photos)+len(uploads) > MaxProductPhotos:
		problems.Add("photos", fmt.Sprintf("a product has at most %d photos and documents", MaxProductPhotos))
	}
	if err := problems.Err("the files were not added"); err != nil {
		return nil, err
	}
	files := s.checkUploads(actor, p.HolderID, uploads, false, problems)
	if err := problems.Err("the files were not added"); err != nil {
		return nil, err
	}
	if err := s.writeBlobs(files); err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		var r *ipr.Right
		var err error
		if p, r, err = editableProduct(ctx, tx, actor, id); err != nil {
			return err
		}
		return s.addPhotos(ctx, tx, actor, p, r, files)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func (s *Service) addPhotos(ctx context.Context, tx *store.Tx, actor *ipr.User, p *ipr.Product, r *ipr.Right, files []*pendingFile) error {
	var added []string
	for _, f := range files {
		if err := s.recordFile(ctx, tx, actor, &f.file); err != nil {
			return err
		}
		if !slices.Contains(p.Photos, f.file.SHA256) {
			p.Photos = append(p.Photos, f.file.SHA256)
			added = append(added, f.file.Name)
		}
	}
	if len(added) == 0 {
		return nil // all already there
	}
	if err := tx.UpdateProduct(ctx, p, s.Clock.Now()); err != nil {
		return err
	}
	return s.audit(ctx, tx, actor, change{Action: "product.photo_add", ObjectType: "product", ObjectID: p.ID,
		ObjectOrg: r.HolderID, After: strings.Join(added, ", ")})
}

// RemoveProductPhoto takes a photo off a product. The file stays stored: other
// products or guide points may show it too.
func (s *Service) RemoveProductPhoto(ctx context.Context, actor *ipr.User, id int64, sha string) error {
	if err := mayEditSome(actor); err != nil {
		return err
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		p, r, err := editableProduct(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		i := slices.Index(p.Photos, sha)
		if i < 0 {
			return ipr.Errorf(ipr.ENOTFOUND, "the product has no such photo")
		}
		p.Photos = slices.Delete(p.Photos, i, i+1)
		if err := tx.UpdateProduct(ctx, p, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "product.photo_remove", ObjectType: "product", ObjectID: p.ID,
			ObjectOrg: r.HolderID, Before: sha})
	})
}
