package enforce_test

import (
	"bytes"
	"image/color"
	"io"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// tipFileCount is how many tips and stored file rows there are, to show that a
// refused tip stored neither.
func tipFileCount(t *testing.T, s *enforce.Service, shas ...string) (tips int64, files int) {
	t.Helper()
	err := s.DB.View(t.Context(), func(tx *store.Tx) error {
		_, n, err := tx.ListTips(t.Context(), ipr.TipFilter{})
		if err != nil {
			return err
		}
		found, err := tx.Files(t.Context(), shas)
		tips, files = n, len(found)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tips, files
}

func TestTipFiles(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		aurelia, orbis, officer := user(t, s, aureliaEmail), user(t, s, orbisEmail), user(t, s, officerEmail)
		photo := pngOf(t, picture(40, 30, color.White, color.Black))

		// One bad file (a program) and a missing title: both named, nothing stored.
		bad := acmeTip(0)
		bad.Title = " "
		tips, _ := tipFileCount(t, s)
		_, err := s.SubmitTip(ctx, aurelia, bad, upload("files", "scan.pdf", pdf), upload("files", "tool.exe", exe))
		wantError(t, err, ipr.EINVALID, "files")
		wantError(t, err, ipr.EINVALID, "title")
		if n, files := tipFileCount(t, s, sha(pdf)); n != tips || files != 0 {
			t.Fatalf("after a refused tip: got %d tips (want %d) and %d file rows (want 0)", n, tips, files)
		}
		many := make([]enforce.Upload, enforce.MaxTipFiles+1)
		for i := range many {
			many[i] = upload("files", "scan.pdf", pdf)
		}
		_, err = s.SubmitTip(ctx, aurelia, acmeTip(0), many...)
		wantError(t, err, ipr.EINVALID, "files")

		tip, err := s.SubmitTip(ctx, aurelia, acmeTip(0), upload("files", "seizure.png", photo), upload("files", "scan.pdf", pdf))
		if err != nil {
			t.Fatal(err)
		}
		if len(tip.Files) != 2 || len(tip.Attachments) != 2 || tip.Attachments[0].Name != "seizure.png" ||
			tip.Attachments[1].ContentType != "application/pdf" || tip.Attachments[1].OrgID != aurelia.OrgID {
			t.Fatalf("submitted: got files %v, attachments %+v", tip.Files, tip.Attachments)
		}

		open := func(u *ipr.User, sha string) ([]byte, error) {
			f, body, err := s.OpenTipFile(ctx, u, tip.ID, sha)
			if err != nil {
				return nil, err
			}
			defer body.Close()
			if f.SHA256 != sha {
				t.Errorf("opened %s: got file %s", sha, f.SHA256)
			}
			return io.ReadAll(body)
		}
		for _, u := range []*ipr.User{aurelia, officer} {
			if got, err := open(u, sha(pdf)); err != nil || !bytes.Equal(got, pdf) {
				t.Errorf("%s opens the PDF: got %d bytes, %v", u.Email, len(got), err)
			}
		}
		_, err = open(orbis, sha(pdf))
		wantError(t, err, ipr.ENOTFOUND, "")
		_, err = open(officer, sha(exe)) // not one of the tip's files
		wantError(t, err, ipr.ENOTFOUND, "")
		_, err = open(nil, sha(pdf))
		wantError(t, err, ipr.EUNAUTHENTICATED, "")

		// Shared anonymised, a group member sees the tip but not its files; shared by name, both.
		watches := groupByName(t, s, "Watches & Jewellery")
		if _, err := s.ShareTip(ctx, aurelia, tip.ID, watches.ID, true); err != nil {
			t.Fatal(err)
		}
		if v, err := s.Tip(ctx, orbis, tip.ID); err != nil || !v.Anonymised || len(v.Attachments) != 0 {
			t.Errorf("anonymised share: got %+v, %v; want no attachments", v, err)
		}
		_, err = open(orbis, sha(pdf))
		wantError(t, err, ipr.ENOTFOUND, "")
		if _, err := s.ShareTip(ctx, aurelia, tip.ID, watches.ID, false); err != nil {
			t.Fatal(err)
		}
		if got, err := open(orbis, sha(photo)); err != nil || !bytes.Equal(got, photo) {
			t.Errorf("named share: orbis opens the photo: got %d bytes, %v", len(got), err)
		}
	})
}
