package web_test

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

var exhibitLinkRE = regexp.MustCompile(`href="/exhibition/(\d+)"`)

// TestExhibitionEndToEnd: a holder writes an exhibit in the browser, customs
// approve it, and the public sees it with its label and QR code; drafts stay private.
func TestExhibitionEndToEnd(t *testing.T) {
	w := newSQLiteWorld(t)
	anon, holder, off := w.client(t), w.signIn(t, brand), w.signIn(t, officer)

	r := w.get(t, anon, "/exhibition")
	if r.status != http.StatusOK || len(exhibitLinkRE.FindAllString(r.body, -1)) != 2 {
		t.Fatalf("exhibition: got %d with %d exhibits, want the 2 demo exhibits", r.status, len(exhibitLinkRE.FindAllString(r.body, -1)))
	}
	right := catProduct(t, w, "DEMO-NORTHWIND").RightID
	r = w.multipart(t, holder, "/exhibits/new", field("right", strconv.FormatInt(right, 10)), field("title", "Caps"),
		field("title_zh", "帽子"), field("point_text", "Embroidered, not printed"), field("point_guide", "0"),
		part{"genuine_photo", "g.png", pngPicture(t, 1)}, part{"fake_photo", "f.png", pngPicture(t, 2)})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: got %d, want 303\n%s", r.status, r.body)
	}
	path := strings.TrimSuffix(r.header.Get("Location"), "?done=created")
	id := strings.TrimPrefix(path, "/exhibits/")
	if got := w.get(t, anon, "/exhibition/"+id); got.status != http.StatusNotFound {
		t.Errorf("public page of a draft: got %d, want 404", got.status)
	}
	if got := w.get(t, off, path); got.status != http.StatusNotFound {
		t.Errorf("customs reading a draft: got %d, want 404", got.status)
	}
	if got := w.do(t, holder, http.MethodPost, path+"/submit", url.Values{"version": {"1"}}); got.status != http.StatusSeeOther {
		t.Fatalf("submit: got %d\n%s", got.status, got.body)
	}
	if got := w.do(t, holder, http.MethodPost, path+"/review", url.Values{"version": {"2"}, "decision": {"approve"}}); got.status != http.StatusForbidden {
		t.Errorf("holder approving: got %d, want 403", got.status)
	}
	if got := w.do(t, off, http.MethodPost, path+"/review", url.Values{"version": {"2"}, "decision": {"approve"}}); got.status != http.StatusSeeOther {
		t.Fatalf("approve: got %d\n%s", got.status, got.body)
	}

	page := w.get(t, anon, "/exhibition/"+id+"?lang=zh")
	if page.status != http.StatusOK || !strings.Contains(page.body, "帽子") || !strings.Contains(page.body, `class="side fake"`) {
		t.Fatalf("public page: got %d\n%s", page.status, page.body)
	}
	label := w.get(t, anon, "/exhibition/"+id+"/label")
	publicURL := w.srv.URL + "/exhibition/" + id
	if !strings.Contains(label.body, publicURL) || !strings.Contains(label.body, `src="/exhibition/`+id+`/qr.png"`) {
		t.Errorf("label: want the public URL %s and the QR image\n%s", publicURL, label.body)
	}
	qr := w.get(t, anon, "/exhibition/"+id+"/qr.png")
	img, err := png.Decode(bytes.NewReader([]byte(qr.body)))
	if qr.header.Get("Content-Type") != "image/png" || err != nil || img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 {
		t.Errorf("qr.png: got %s, %v, %v; want a 256×256 PNG", qr.header.Get("Content-Type"), err, img)
	}
	photo := regexp.MustCompile(`/exhibition/` + id + `/photos/[0-9a-f]{64}/thumb`).FindString(page.body)
	if got := w.get(t, anon, photo); photo == "" || got.status != http.StatusOK || got.header.Get("Content-Type") != "image/png" {
		t.Errorf("public photo %q: got %d %s", photo, got.status, got.header.Get("Content-Type"))
	}
	if got := w.get(t, anon, "/exhibition/"+id+"/photos/"+strings.Repeat("a", 64)); got.status != http.StatusNotFound {
		t.Errorf("an unknown photo: got %d, want 404", got.status)
	}
	if got := w.get(t, anon, "/exhibition?brand=x"); got.status != http.StatusBadRequest {
		t.Errorf("a bad filter: got %d, want 400", got.status)
	}
	if got := w.get(t, anon, fmt.Sprintf("/exhibition?brand=%d", right)); len(exhibitLinkRE.FindAllString(got.body, -1)) != 2 {
		t.Errorf("Northwind's exhibits: got %d, want 2", len(exhibitLinkRE.FindAllString(got.body, -1)))
	}
}

// TestModelCaseHidesTheConsignee: a name in the case's consignee appears nowhere
// in the published model case's public page, nor in its list.
func TestModelCaseHidesTheConsignee(t *testing.T) {
	w := newSQLiteWorld(t)
	chief := w.signIn(t, supervisor)
	caseID := closedCaseWithConsignee(t, w, "Zhao Ming Trading Co., Ltd.")
	path := "/cases/" + strconv.FormatInt(caseID, 10) + "/model-case"
	form := url.Values{"title": {"Hoodies sent to ZHAO MING TRADING"}, "action": {"preview"},
		"summary": {"Declared by **Zhao Ming Trading** (zhao@zmt.example) as plain hoodies."},
		"reveal":  {"channel", "goods", "quantity", "value_band"}}
	r := w.do(t, chief, http.MethodPost, path, form)
	_, preview, _ := strings.Cut(r.body, `id="preview-h"`)
	if r.status != http.StatusOK || preview == "" || strings.Contains(preview, "Zhao") {
		t.Errorf("preview: got %d, want the anonymised preview\n%s", r.status, preview)
	}
	form.Set("action", "publish")
	r = w.do(t, chief, http.MethodPost, path, form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("publish: got %d\n%s", r.status, r.body)
	}
	anon := w.client(t)
	for _, p := range []string{r.header.Get("Location"), "/model-cases", "/model-cases?q=hoodies"} {
		page := w.get(t, anon, p)
		if page.status != http.StatusOK || !strings.Contains(page.body, "[company]") {
			t.Errorf("%s: got %d, want the model case with [company]", p, page.status)
		}
		for _, name := range []string{"Zhao", "ZHAO", "zmt.example"} {
			if strings.Contains(page.body, name) {
				t.Errorf("%s contains %q of the consignee", p, name)
			}
		}
	}
}

// closedCaseWithConsignee opens a case on a declaration to consignee and dismisses it.
func closedCaseWithConsignee(t *testing.T, w *world, consignee string) int64 {
	t.Helper()
	ctx := t.Context()
	var off, holder *ipr.User
	var right *ipr.Right
	err := w.svc.DB.View(ctx, func(tx *store.Tx) (err error) {
		if off, _, err = tx.UserByEmail(ctx, officer); err != nil {
			return err
		}
		if holder, _, err = tx.UserByEmail(ctx, brand); err != nil {
			return err
		}
		right, err = tx.RightByRef(ctx, "DEMO-NORTHWIND")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d := screen.Declaration{ID: "MC-WEB-1", Channel: "postal", Direction: "export", DeclaredAt: demoStart,
		CustomsOffice: "Yiwu Customs", Origin: "CN-ZJ-Yiwu", Destination: "US", Transport: "post",
		Consignor: "Qiantang Export", Consignee: consignee, HSCode: "6110", Description: "NORTHWIND hoodies",
		Quantity: 300, Value: 9000, Currency: "CNY"}
	if _, err := w.svc.SubmitDeclarations(ctx, off, []screen.Declaration{d}); err != nil {
		t.Fatal(err)
	}
	c, err := w.svc.OpenCase(ctx, off, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio,
		HolderOrgID: holder.OrgID, RightIDs: []int64{right.ID}, DeclarationRef: d.ID})
	if err == nil {
		c, err = w.svc.ActOnCase(ctx, off, c.ID, c.Version, workflow.Event{Kind: "dismiss", Reason: "parallel import"})
	}
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}
