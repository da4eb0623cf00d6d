package enforce_test

import (
	"image/color"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

func titles(p *ipr.Product) string {
	s := ""
	for i, g := range p.Guide {
		if i > 0 {
			s += " | "
		}
		s += g.Title
	}
	return s
}

func TestGuidePointLifecycle(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		agent := user(t, s, agentEmail) // acts for Aurelia
		p := demoProduct(t, s, "DEMO-AURELIA")
		wantTitles := "Heat-stamped logo | Serial tag in the inner pocket | Edge stitching of the handles"
		if got := titles(p); got != wantTitles {
			t.Fatalf("demo guide: got %q, want %q", got, wantTitles)
		}
		genuine := pngOf(t, picture(60, 40, red, blue))
		fake := jpegOf(t, picture(60, 40, blue, red), 0)
		before := count(t, s)
		g, err := s.AddGuidePoint(ctx, agent, p.ID, enforce.GuideInput{Title: " Zip puller ", Genuine: "Engraved AM", Fake: "Printed",
			GenuinePhoto: &enforce.Upload{Name: "zip.png", Body: bytesOf(genuine)}, FakePhoto: &enforce.Upload{Name: "zip-fake.jpg", Body: bytesOf(fake)}})
		if err != nil {
			t.Fatal(err)
		}
		if g.Title != "Zip puller" || g.Position != 4 || g.GenuinePhoto != sha(genuine) || g.FakePhoto != sha(fake) {
			t.Errorf("added point: got %+v", g)
		}
		if after := count(t, s); after.events != before.events+3 {
			t.Errorf("audit events: got %d more, want 3 (two uploads and the point)", after.events-before.events)
		}
		if e := lastEvent(t, s); e.Action != "guide.add" || e.ObjectOrg != p.HolderID {
			t.Errorf("audit: got %+v, want guide.add for the holder", e)
		}

		// Edit the text only: the photos stay. Then remove the genuine photo and replace the fake one.
		if g, err = s.UpdateGuidePoint(ctx, agent, g.ID, enforce.GuideInput{Title: "Zip puller", Genuine: "Engraved AM logo", Fake: "Printed"}); err != nil {
			t.Fatal(err)
		}
		if g.Genuine != "Engraved AM logo" || g.GenuinePhoto != sha(genuine) || g.FakePhoto != sha(fake) {
			t.Errorf("after a text edit: got %+v, want the photos kept", g)
		}
		other := pngOf(t, picture(20, 20, color.White, red))
		g, err = s.UpdateGuidePoint(ctx, agent, g.ID, enforce.GuideInput{Title: "Zip puller", Genuine: "Engraved", Fake: "Printed",
			RemoveGenuinePhoto: true, FakePhoto: &enforce.Upload{Name: "other.png", Body: bytesOf(other)}})
		if err != nil || g.GenuinePhoto != "" || g.FakePhoto != sha(other) {
			t.Errorf("after changing photos: got %+v, %v", g, err)
		}
		got, _, err := s.GuidePoint(ctx, agent, g.ID)
		if err != nil || got.FakePhoto != sha(other) || got.GenuinePhoto != "" || got.Genuine != "Engraved" {
			t.Errorf("reloaded: got %+v, %v", got, err)
		}

		// Reorder: to the top, then one down; moving past the end stays at the end.
		for _, step := range []struct {
			by   int
			want string
		}{
			{-10, "Zip puller | Heat-stamped logo | Serial tag in the inner pocket | Edge stitching of the handles"},
			{1, "Heat-stamped logo | Zip puller | Serial tag in the inner pocket | Edge stitching of the handles"},
			{10, "Heat-stamped logo | Serial tag in the inner pocket | Edge stitching of the handles | Zip puller"},
			{1, "Heat-stamped logo | Serial tag in the inner pocket | Edge stitching of the handles | Zip puller"},
		} {
			if id, err := s.MoveGuidePoint(ctx, agent, g.ID, step.by); err != nil || id != p.ID {
				t.Fatalf("move by %d: got %d, %v", step.by, id, err)
			}
			if got := titles(demoProduct(t, s, "DEMO-AURELIA")); got != step.want {
				t.Errorf("after moving by %d: got %q, want %q", step.by, got, step.want)
			}
		}
		if e := lastEvent(t, s); e.Action != "guide.reorder" || e.After != "4. Zip puller" {
			t.Errorf("audit: got %s %q, want guide.reorder to 4. Zip puller", e.Action, e.After)
		}
		if id, err := s.DeleteGuidePoint(ctx, agent, g.ID); err != nil || id != p.ID {
			t.Fatalf("delete: got %d, %v", id, err)
		}
		if got := titles(demoProduct(t, s, "DEMO-AURELIA")); got != wantTitles {
			t.Errorf("after delete: got %q, want %q", got, wantTitles)
		}
		if _, _, err := s.GuidePoint(ctx, agent, g.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("deleted point: got %v, want ENOTFOUND", err)
		}
	})
}

// Bad text and bad photos are reported together, by field, and nothing is stored.
func TestGuidePointBadInput(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		holder := user(t, s, holderEmail)
		p := demoProduct(t, s, "DEMO-NORTHWIND")
		point := p.Guide[0]
		for _, tc := range []struct {
			name   string
			in     enforce.GuideInput
			fields []string
		}{
			{"no title, a program as the fake photo",
				enforce.GuideInput{Genuine: "x", FakePhoto: &enforce.Upload{Name: "fake.png", Body: bytesOf(exe)}}, []string{"title", "fake_photo"}},
			{"no description", enforce.GuideInput{Title: "Weight"}, []string{"genuine"}},
			{"a PDF as the genuine photo",
				enforce.GuideInput{Title: "Weight", Genuine: "x", GenuinePhoto: &enforce.Upload{Name: "a.pdf", Body: bytesOf(pdf)}}, []string{"genuine_photo"}},
			{"a 20 MB photo", enforce.GuideInput{Title: "Weight", Genuine: "x",
				GenuinePhoto: &enforce.Upload{Name: "big.png", Body: bytesOf(make([]byte, 20<<20))}}, []string{"genuine_photo"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before, files := count(t, s), len(blobFiles(t, s))
				_, errAdd := s.AddGuidePoint(ctx, holder, p.ID, tc.in)
				for _, f := range tc.fields {
					wantError(t, errAdd, ipr.EINVALID, f)
				}
				tc.in = resend(tc.in)
				_, errEdit := s.UpdateGuidePoint(ctx, holder, point.ID, tc.in)
				for _, f := range tc.fields {
					wantError(t, errEdit, ipr.EINVALID, f)
				}
				if after := count(t, s); after != before {
					t.Errorf("refused point wrote something: %+v → %+v", before, after)
				}
				if got := len(blobFiles(t, s)); got != files {
					t.Errorf("refused point left files on disk: got %d, want %d", got, files)
				}
			})
		}
		if got := demoProduct(t, s, "DEMO-NORTHWIND"); titles(got) != titles(p) || got.Guide[0] != point {
			t.Errorf("guide after refused changes: got %+v, want it unchanged", got.Guide[0])
		}
	})
}

// resend gives the uploads of in fresh readers of the same content, to send it a second time.
func resend(in enforce.GuideInput) enforce.GuideInput {
	for _, u := range []**enforce.Upload{&in.GenuinePhoto, &in.FakePhoto} {
		if *u != nil {
			r := (*u).Body.(*byteReader)
			*u = &enforce.Upload{Name: (*u).Name, Body: bytesOf(r.data)}
		}
	}
	return in
}
