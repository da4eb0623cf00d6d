package enforce_test

import (
	"bytes"
	"image/color"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// exhibitInput is a complete exhibit of the demo right ref, with two drawn photos.
func exhibitInput(t *testing.T, s *enforce.Service, ref, title string) enforce.ExhibitInput {
	t.Helper()
	right := demoRight(t, s, ref)
	shot := func(c color.Color) []byte { return pngOf(t, picture(40, 30, c, color.White)) }
	return enforce.ExhibitInput{RightID: right.ID, Title: title, TitleZH: "正品与假冒",
		Points:       []ipr.ExhibitPoint{{Text: "Even stitching"}},
		GenuinePhoto: &enforce.Upload{Field: "genuine_photo", Name: "g.png", Body: bytes.NewReader(shot(color.Black))},
		FakePhoto:    &enforce.Upload{Field: "fake_photo", Name: "f.png", Body: bytes.NewReader(shot(color.Gray{Y: 90}))}}
}

func TestExhibitLifecycle(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		holder, officer, agent := user(t, s, holderEmail), user(t, s, officerEmail), user(t, s, agentEmail)
		aurelia := user(t, s, "brand@aurelia.example")

		// The demo's two approved exhibits are in the exhibition.
		page, err := s.PublicExhibits(ctx, nil, ipr.PublicExhibitFilter{})
		if err != nil || page.Total != 2 || len(page.Brands) != 2 {
			t.Fatalf("demo exhibition: got %+v, %v; want 2 exhibits of 2 brands", page, err)
		}

		in := exhibitInput(t, s, "DEMO-NORTHWIND", "Caps: genuine and fake")
		in.Points = append(in.Points, ipr.ExhibitPoint{Text: "See the guide", GuidePointID: guidePointOf(t, s, "DEMO-NORTHWIND")})
		_, err = s.CreateExhibit(ctx, aurelia, exhibitInput(t, s, "DEMO-NORTHWIND", "Not mine"))
		wantError(t, err, ipr.EINVALID, "right") // another holder's right
		before := count(t, s).events
		e, err := s.CreateExhibit(ctx, holder, in)
		if err != nil {
			t.Fatal(err)
		}
		if got := count(t, s).events - before; got != 3 {
			t.Errorf("create: got %d audit events, want 3 (two photos, exhibit.create)", got)
		}
		if e.Status != ipr.ExhibitDraft || e.GroupID == 0 || e.Points[1].GuideTitle == "" || e.Published != nil {
			t.Fatalf("created: got %+v", e)
		}
		if _, err := s.Exhibit(ctx, officer, e.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("customs reading a draft: got %v, want not found", err)
		}
		if _, err := s.UpdateExhibit(ctx, aurelia, e.ID, e.Version, in); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("another holder editing: got %v, want not found", err)
		}
		if _, err := s.PublicExhibit(ctx, nil, e.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("public reading a draft: got %v, want not found", err)
		}

		e, err = s.SubmitExhibit(ctx, holder, e.ID, e.Version)
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.ReviewExhibit(ctx, holder, e.ID, e.Version, true, "")
		wantError(t, err, ipr.EFORBIDDEN, "")
		_, err = s.ReviewExhibit(ctx, officer, e.ID, e.Version, false, "")
		wantError(t, err, ipr.EINVALID, "reason")
		e, err = s.ReviewExhibit(ctx, officer, e.ID, e.Version, true, "")
		if err != nil || e.Status != ipr.ExhibitApproved || e.Published == nil {
			t.Fatalf("approved: got %+v, %v", e, err)
		}

		// An edit of an approved exhibit goes back to customs; the public keeps the approved version.
		edit := exhibitInput(t, s, "DEMO-NORTHWIND", "Caps, retitled")
		edit.GenuinePhoto, edit.FakePhoto = nil, nil
		edited, err := s.UpdateExhibit(ctx, agent, e.ID, e.Version, edit)
		wantError(t, err, ipr.EFORBIDDEN, "") // the agent does not act for Northwind; it sees the approved exhibit only
		edited, err = s.UpdateExhibit(ctx, holder, e.ID, e.Version, edit)
		if err != nil || edited.Status != ipr.ExhibitSubmitted || edited.GenuinePhoto != e.GenuinePhoto {
			t.Fatalf("edited: got %+v, %v; want submitted with the photos kept", edited, err)
		}
		pub, err := s.PublicExhibit(ctx, nil, e.ID)
		if err != nil || pub.Title != "Caps: genuine and fake" || len(pub.Points) != 2 {
			t.Fatalf("public after the edit: got %+v, %v; want the approved version", pub, err)
		}
		_, err = s.UpdateExhibit(ctx, holder, e.ID, e.Version, edit)
		wantError(t, err, ipr.ECONFLICT, "version")

		// Photos: the public gets the approved ones only.
		f, body, err := s.OpenExhibitPhoto(ctx, nil, e.ID, pub.GenuinePhoto, true)
		if err != nil {
			t.Fatal(err)
		}
		body.Close()
		if f.SHA256 != pub.GenuinePhoto {
			t.Errorf("photo: got %s", f.SHA256)
		}
		other := demoProduct(t, s, "DEMO-NORTHWIND").Photos[0]
		if _, _, err := s.OpenExhibitPhoto(ctx, nil, e.ID, other, false); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("a catalogue photo through the exhibit: got %v, want not found", err)
		}
	})
}

func TestExhibitRefusesBadInput(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	holder := user(t, s, holderEmail)
	before := count(t, s)
	in := exhibitInput(t, s, "DEMO-NORTHWIND", "")
	in.TitleZH = ""
	in.FakePhoto.Body = bytes.NewReader([]byte("<svg onload=alert(1)>"))
	in.GroupID = 99999
	_, err := s.CreateExhibit(t.Context(), holder, in)
	wantError(t, err, ipr.EINVALID, "fake_photo")
	in = exhibitInput(t, s, "DEMO-NORTHWIND", "")
	in.TitleZH, in.GroupID = "", 99999
	_, err = s.CreateExhibit(t.Context(), holder, in)
	wantError(t, err, ipr.EINVALID, "title")
	if ipr.ErrorFields(err)["group"] == "" {
		t.Errorf("got fields %v, want a problem for group too", ipr.ErrorFields(err))
	}
	if after := count(t, s); after.events != before.events {
		t.Errorf("refused input wrote %d audit events, want none", after.events-before.events)
	}
	e, err := s.CreateExhibit(t.Context(), holder, enforce.ExhibitInput{RightID: in.RightID, Title: "Only a title"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SubmitExhibit(t.Context(), holder, e.ID, e.Version)
	wantError(t, err, ipr.EINVALID, "genuine_photo")
}

// guidePointOf returns the first guide point of the demo product of right ref.
func guidePointOf(t *testing.T, s *enforce.Service, ref string) int64 {
	t.Helper()
	p := demoProduct(t, s, ref)
	var points []ipr.GuidePoint
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) { points, err = tx.GuidePoints(t.Context(), p.ID); return err })
	if err != nil || len(points) == 0 {
		t.Fatalf("guide of %s: %v", ref, err)
	}
	return points[0].ID
}

// Audit events of the demo exhibits and model case (demo_exhibits.go), counted
// into the demo totals of helpers_test.go: each exhibit's two photos, creation,
// submission and approval; the model case's publication. All are recent and
// all but Voltis's exhibit are about Northwind.
const (
	demoExhibitEvents      = 2*5 + 1
	northwindExhibitEvents = 5 + 1
)
