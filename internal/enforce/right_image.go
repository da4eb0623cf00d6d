package enforce

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// MaxMarkImages is how many pictures of the mark a recordation may carry.
const MaxMarkImages = 6

// AddMarkImages uploads pictures of the mark to a draft or rejected recordation.
// Every file is checked before any is stored: one bad file stores none.
func (s *Service) AddMarkImages(ctx context.Context, actor *ipr.User, rightID int64, uploads []Upload) (*ipr.Right, error) {
	if err := ipr.Authorize(actor, ipr.ActionUploadFile, ipr.Anything); err != nil {
		return nil, err
	}
	var r *ipr.Right
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		r, err = s.loadRight(ctx, tx, actor, rightID, ipr.ActionEditRight)
		return err
	})
	if err != nil {
		return nil, err
	}
	problems := ipr.Problems{}
	switch {
	case len(uploads) == 0:
		problems.Add("mark_images", "choose at least one picture")
	case len(r.MarkImages)+len(uploads) > MaxMarkImages:
		problems.Add("mark_images", fmt.Sprintf("a recordation has at most %d pictures of the mark", MaxMarkImages))
	}
	if err := problems.Err("the pictures were not added"); err != nil {
		return nil, err
	}
	files := s.checkUploads(actor, r.HolderID, uploads, true, problems)
	if err := problems.Err("the pictures were not added"); err != nil {
		return nil, err
	}
	if err := s.writeBlobs(files); err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		if r, err = s.loadRight(ctx, tx, actor, rightID, ipr.ActionEditRight); err != nil {
			return err
		}
		var added []string
		for _, f := range files {
			if err := s.recordFile(ctx, tx, actor, &f.file); err != nil {
				return err
			}
			if !slices.Contains(r.MarkImages, f.file.SHA256) {
				r.MarkImages = append(r.MarkImages, f.file.SHA256)
				added = append(added, f.file.Name)
			}
		}
		if len(added) == 0 {
			return nil
		}
		if err := tx.UpdateRight(ctx, r, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "right.image_add", ObjectType: "right", ObjectID: r.ID,
			ObjectOrg: r.HolderID, After: strings.Join(added, ", ")})
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// RemoveMarkImage takes a picture off a draft or rejected recordation. The file stays
// stored: a product or guide may show it too.
func (s *Service) RemoveMarkImage(ctx context.Context, actor *ipr.User, rightID int64, sha string) error {
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		r, err := s.loadRight(ctx, tx, actor, rightID, ipr.ActionEditRight)
		if err != nil {
			return err
		}
		i := slices.Index(r.MarkImages, sha)
		if i < 0 {
			return ipr.Errorf(ipr.ENOTFOUND, "the recordation has no such picture")
		}
		r.MarkImages = slices.Delete(r.MarkImages, i, i+1)
		if err := tx.UpdateRight(ctx, r, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "right.image_remove", ObjectType: "right", ObjectID: r.ID,
			ObjectOrg: r.HolderID, Before: sha})
	})
}
