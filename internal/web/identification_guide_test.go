package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// On the batch screen the holder sees each item's photos and cites the points
// of its authentication guide; "mark all" with a cited point and no words is
// a complete answer, and the answers show the points cited.
func TestIdentificationCitesGuidePoints(t *testing.T) {
	w := newSQLiteWorld(t)
	ctx := t.Context()
	p := catProduct(t, w, "DEMO-NORTHWIND")
	var point ipr.GuidePoint
	err := w.svc.DB.View(ctx, func(tx *store.Tx) error {
		points, err := tx.GuidePoints(ctx, p.ID)
		if err != nil || len(points) == 0 {
			t.Fatalf("guide of %s: got %d points, %v", p.Name, len(points), err)
		}
		point = points[0]
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	off := hdUser(t, w, officer)
	c, err := w.svc.OpenCase(ctx, off, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio, Office: caseOffice,
		HolderOrgID: hdUser(t, w, brand).OrgID, RightIDs: []int64{p.RightID}, Channel: "ecommerce", GoodsValue: workflow.Yuan(1000),
		Items: []ipr.CaseItem{{Description: "hoodies", Quantity: 10}, {Description: "caps", Quantity: 10}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := w.svc.CaseDetail(ctx, off, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	photo, err := w.svc.AttachItemFile(ctx, off, d.Items[0].ID, "hoodie.png", bytes.NewReader(pngPicture(t, 7)))
	if err != nil {
		t.Fatal(err)
	}
	req, err := w.svc.RequestIdentification(ctx, off, c.ID, []int64{d.Items[0].ID, d.Items[1].ID}, "")
	if err != nil {
		t.Fatal(err)
	}
	page := "/identifications/" + strconv.FormatInt(req.ID, 10)
	holder := w.signIn(t, brand)
	id := strconv.FormatInt(point.ID, 10)
	scrWant(t, "the batch screen", w.get(t, holder, page), http.StatusOK, `/files/`+photo.SHA256+`/thumb`,
		`name="mark_all_guide" value="`+id+`"`, `name="guide_`+strconv.FormatInt(d.Items[1].ID, 10)+`" value="`+id+`"`)
	scrRedirect(t, "answer", w.do(t, holder, "POST", page, url.Values{"mark_all": {"counterfeit"}, "mark_all_guide": {id}}),
		"/cases/"+strconv.FormatInt(c.ID, 10)+"?done=answered")
	scrWant(t, "the answers", w.get(t, holder, page), http.StatusOK, "<small>"+p.Name+": "+point.Title+"</small>")
}
