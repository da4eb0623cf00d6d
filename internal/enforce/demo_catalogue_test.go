package enforce_test

import (
	"image/png"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// The demo's catalogue: one product per demo right named below, each with a photo
// and a guide whose every point has a genuine and a fake photo, all stored with
// thumbnails; loading the demo again adds nothing.
func TestDemoCatalogue(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		want := map[string]int{"DEMO-NORTHWIND": 4, "DEMO-AURELIA": 3, "DEMO-VOLTIS": 3, "DEMO-ORBIS": 3}
		officer := user(t, s, officerEmail)
		seen := map[string]bool{}
		for ref, points := range want {
			p := demoProduct(t, s, ref)
			if len(p.Guide) != points || len(p.Photos) != 1 || len(p.HSCodes) == 0 || len(p.Barcodes) != 1 ||
				p.PriceMin <= 0 || p.PriceMax <= p.PriceMin || p.MadeIn == "" || p.Routes == "" || p.Ports == "" {
				t.Errorf("%s: got %+v, want a complete product with %d guide points", ref, p, points)
			}
			if err := ipr.CheckGTIN(p.Barcodes[0]); err != nil || len(p.Barcodes[0]) != 13 {
				t.Errorf("%s: got barcode %s (%v), want a valid GTIN-13", ref, p.Barcodes[0], err)
			}
			shas := append([]string(nil), p.Photos...)
			for _, g := range p.Guide {
				if g.GenuinePhoto == "" || g.FakePhoto == "" || g.GenuinePhoto == g.FakePhoto {
					t.Errorf("%s, %s: got photos %q and %q, want two different ones", ref, g.Title, g.GenuinePhoto, g.FakePhoto)
				}
				shas = append(shas, g.GenuinePhoto, g.FakePhoto)
			}
			for _, sha := range shas {
				if seen[sha] {
					t.Errorf("%s: picture %s is used twice", ref, sha)
				}
				seen[sha] = true
				f, thumb, err := s.OpenFile(ctx, officer, sha, true)
				if err != nil {
					t.Errorf("%s: thumbnail of %s: %v", ref, sha, err)
					continue
				}
				img, err := png.Decode(thumb)
				thumb.Close()
				if err != nil || f.OrgID != p.HolderID || f.ContentType != "image/png" || img.Bounds().Dx() != 360 {
					t.Errorf("%s: file %+v, thumbnail %v, %v", ref, f, img.Bounds(), err)
				}
			}
		}
		before, files := count(t, s), len(blobFiles(t, s))
		if _, err := s.LoadDemo(ctx); err != nil {
			t.Fatal(err)
		}
		if after := count(t, s); after != before || len(blobFiles(t, s)) != files {
			t.Errorf("loading again: got %+v and %d files, want %+v and %d", after, len(blobFiles(t, s)), before, files)
		}
		if _, err := s.VerifyAudit(ctx, ipr.SystemUser()); err != nil {
			t.Errorf("VerifyAudit: %v", err)
		}
	})
}
