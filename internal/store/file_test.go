package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestFileRowsRecordEveryOwner(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		a := createOrg(t, db, "Aurelia", ipr.OrgRightHolder, 0)
		b := createOrg(t, db, "Lumina", ipr.OrgRightHolder, 0)
		sha := strings.Repeat("ab", 32)
		first := &ipr.File{SHA256: sha, ContentType: "image/png", Size: 42, Name: "bag.png", OrgID: a.ID, UploadedBy: 7, CreatedAt: t0}
		saves := []struct {
			f       *ipr.File
			wantNew bool
		}{
			{first, true},
			{&ipr.File{SHA256: sha, ContentType: "image/png", Size: 42, Name: "again.png", OrgID: a.ID, CreatedAt: t0}, false},
			{&ipr.File{SHA256: sha, ContentType: "image/png", Size: 42, Name: "same.png", OrgID: b.ID, CreatedAt: t0}, false},
		}
		for i, s := range saves {
			var isNew bool
			update(t, db, func(ctx context.Context, tx *store.Tx) (err error) { isNew, err = tx.SaveFile(ctx, s.f); return err })
			if isNew != s.wantNew {
				t.Errorf("save %d: got new %v, want %v", i, isNew, s.wantNew)
			}
		}
		var got *ipr.File
		var orgs []int64
		var inB, inOther bool
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if got, err = tx.FileBySHA(ctx, sha); err != nil {
				return err
			}
			if orgs, err = tx.FileOrgs(ctx, sha); err != nil {
				return err
			}
			if inB, err = tx.FileBelongsTo(ctx, sha, b.ID); err != nil {
				return err
			}
			inOther, err = tx.FileBelongsTo(ctx, sha, b.ID+100)
			return err
		})
		if *got != *first {
			t.Errorf("file: got %+v, want the first upload %+v", got, first)
		}
		if want := []int64{a.ID, b.ID}; !slices.Equal(orgs, want) {
			t.Errorf("owners: got %v, want %v", orgs, want)
		}
		if !inB || inOther {
			t.Errorf("FileBelongsTo: got %v for the second owner and %v for another, want true and false", inB, inOther)
		}
		var found map[string]*ipr.File
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			found, err = tx.Files(ctx, []string{sha, strings.Repeat("cd", 32)})
			return err
		})
		if len(found) != 1 || found[sha] == nil || found[sha].Name != "bag.png" {
			t.Errorf("Files: got %v, want only %s", found, sha)
		}
		err := db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.FileBySHA(t.Context(), strings.Repeat("0", 64)); return err })
		wantError(t, err, ipr.ENOTFOUND, "file")
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			_, err := tx.SaveFile(t.Context(), &ipr.File{SHA256: strings.Repeat("ef", 32), ContentType: "image/png", OrgID: 99999, CreatedAt: t0})
			return err
		})
		wantError(t, err, ipr.EINVALID, "")
	})
}
