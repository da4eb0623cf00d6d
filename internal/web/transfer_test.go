package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// transferInfringing opens a CN case of Northwind on its first mark, with
// goods of ¥100,000 (over the ¥50,000 threshold), and determines it infringing.
func transferInfringing(t *testing.T, w *world) *ipr.Case {
	t.Helper()
	holder := hdUser(t, w, brand)
	var rights []*ipr.Right
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		rights, _, err = tx.ListRights(t.Context(), ipr.RightFilter{HolderID: holder.OrgID})
		return err
	})
	if err != nil || len(rights) == 0 {
		t.Fatalf("Northwind's rights: got %d, %v", len(rights), err)
	}
	c, err := w.svc.OpenCase(t.Context(), hdUser(t, w, officer), enforce.CaseInput{Profile: ipr.ProfileCN,
		Mode: ipr.ModeExOfficio, Office: "Yiwu Customs", HolderOrgID: holder.OrgID, RightIDs: []int64{rights[0].ID},
		Channel: "cargo", GoodsValue: workflow.Yuan(100_000),
		Items: []ipr.CaseItem{{Description: "NORTHWIND hoodies", Quantity: 500, DeclaredValue: workflow.Yuan(100_000)}}})
	if err != nil {
		t.Fatalf("OpenCase: %v", err)
	}
	c = caseAct(t, w, officer, c, workflow.Event{Kind: "notify_holder"})
	if c, err = w.svc.PostBond(t.Context(), holder, c.ID, c.Version, true); err != nil {
		t.Fatalf("PostBond: %v", err)
	}
	c = caseAct(t, w, officer, c, workflow.Event{Kind: "investigate"})
	return caseAct(t, w, officer, c, workflow.Event{Kind: "determine", Determination: workflow.DetInfringing})
}

// transferPost posts a transfer form and returns where it went.
func transferPost(t *testing.T, w *world, c *http.Client, path string, form url.Values) string {
	t.Helper()
	r := w.do(t, c, http.MethodPost, path, form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("POST %s %v: got status %d, want 303\n%s", path, form, r.status, scrExcerpt(r.body))
	}
	return r.header.Get("Location")
}

// transferVersion is the version the transfer's forms carry now.
func transferVersion(t *testing.T, w *world, id int64) string {
	t.Helper()
	v, err := w.svc.Transfer(t.Context(), hdUser(t, w, officer), id)
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(v.Transfer.Version)
}

// otherPoliceUser adds a second police unit with an investigator who can sign in.
func otherPoliceUser(t *testing.T, w *world) string {
	t.Helper()
	u := &ipr.User{Email: "investigator@jiangsu.police.example", Name: "Li Ming", Role: ipr.RolePolice}
	err := w.svc.DB.Update(t.Context(), func(tx *store.Tx) error {
		o := &ipr.Org{Name: "Jiangsu Police IP Crime Unit", NameZH: "江苏省公安厅", Kind: ipr.OrgPoliceUnit}
		if err := tx.CreateOrg(t.Context(), o, w.clock.Now()); err != nil {
			return err
		}
		u.OrgID = o.ID
		return tx.CreateUser(t.Context(), u, enforce.DemoPassword, enforce.HashPassword(enforce.DemoPassword), w.clock.Now())
	})
	if err != nil {
		t.Fatal(err)
	}
	return u.Email
}

// proposeOnPage proposes c's transfer from its page and returns the transfer's id and path.
func proposeOnPage(t *testing.T, w *world, off *http.Client, c *ipr.Case) (int64, string) {
	t.Helper()
	unit := strconv.FormatInt(hdUser(t, w, police).OrgID, 10)
	loc := transferPost(t, w, off, trCasePath(c)+"/transfer", url.Values{"police_unit": {unit}})
	path, _, _ := strings.Cut(loc, "?")
	id, err := strconv.ParseInt(strings.TrimPrefix(path, "/transfers/"), 10, 64)
	if err != nil || loc != path+"?done=propose" {
		t.Fatalf("propose: got redirect %q, want /transfers/{id}?done=propose", loc)
	}
	return id, path
}

func trCasePath(c *ipr.Case) string { return "/cases/" + strconv.FormatInt(c.ID, 10) }

func TestTransferPages(t *testing.T) {
	w := newSQLiteWorld(t)
	c := transferInfringing(t, w)
	off := w.signIn(t, officer)
	scrWant(t, "the case page", w.get(t, off, trCasePath(c)), http.StatusOK, "A criminal threshold is met", trCasePath(c)+"/transfer")
	scrWant(t, "the threshold check", w.get(t, off, trCasePath(c)+"/transfer"), http.StatusOK,
		"Counterfeiting a registered trademark", "volume 100000.00 ≥ 50000.00", `class="stack propose-form"`, "Zhejiang Police IP Crime Unit")
	r := w.do(t, off, http.MethodPost, trCasePath(c)+"/transfer", url.Values{"police_unit": {""}})
	scrWant(t, "no police unit", r, http.StatusBadRequest, `class="field-error"`)

	id, path := proposeOnPage(t, w, off, c)
	scrWant(t, "proposed", w.get(t, off, path+"?done=propose"), http.StatusOK, "Transfer proposed", "Head of office decides",
		"2026-11-30 17:00", "Running")
	scrNot(t, "proposed, to the officer", w.get(t, off, path), `class="stack transfer-form transfer-approve"`)

	// Past the head of office's 3 days the clock says OVERDUE in words.
	w.clock.Advance(4 * 24 * time.Hour)
	off = w.signIn(t, officer)
	scrWant(t, "the list, overdue", w.get(t, off, "/transfers"), http.StatusOK, c.Ref, `class="alert overdue"`, "OVERDUE",
		"due 2026-11-30 17:00")
	sup := w.signIn(t, supervisor)
	transferPost(t, w, sup, path+"/act", url.Values{"event": {"approve"}, "version": {transferVersion(t, w, id)}})
	stale := url.Values{"event": {"send"}, "version": {"1"}}
	scrWant(t, "a stale version", w.do(t, off, http.MethodPost, path+"/act", stale), http.StatusConflict,
		"Someone else changed this transfer")
	cross := w.do(t, off, http.MethodPost, path+"/act", url.Values{"event": {"send"}, "version": {transferVersion(t, w, id)}},
		"Sec-Fetch-Site", "cross-site")
	if cross.status != http.StatusForbidden {
		t.Errorf("a cross-site POST: got status %d, want 403", cross.status)
	}
	transferPost(t, w, off, path+"/act", url.Values{"event": {"send"}, "version": {transferVersion(t, w, id)}})

	pol := w.signIn(t, police)
	scrWant(t, "police list", w.get(t, pol, "/transfers"), http.StatusOK, c.Ref)
	scrWant(t, "police page", w.get(t, pol, path), http.StatusOK, "Police decide", `class="stack transfer-form transfer-accept"`,
		`class="stack transfer-form transfer-return"`, "Dossier, version 1")
	scrWant(t, "the dossier", w.get(t, pol, path+"/dossier"), http.StatusOK, "Transfer dossier", "移送案卷", "SHA-256",
		"Chain of custody", "保管链", "Criminal Law Arts. 213-214", "NORTHWIND hoodies")
	scrWant(t, "in 中文", w.get(t, pol, path+"?lang=zh"), http.StatusOK, "公安决定", "受理：刑事立案", "已移送公安")
	transferPost(t, w, pol, path+"/act", url.Values{"event": {"accept"}, "version": {transferVersion(t, w, id)}, "lang": {"en"}})
	transferPost(t, w, pol, path+"/outcome", url.Values{"kind": {"arrests"}, "note": {"3 suspects detained"}})

	stranger := w.signIn(t, otherPoliceUser(t, w))
	for _, p := range []string{path, path + "/dossier"} {
		scrWant(t, "another unit: GET "+p, w.get(t, stranger, p), http.StatusNotFound)
	}
	scrNot(t, "another unit's list", w.get(t, stranger, "/transfers"), c.Ref)

	own := w.signIn(t, brand)
	r = w.get(t, own, path)
	scrWant(t, "the holder", r, http.StatusOK, "Accepted by the police", "Arrests", "3 suspects detained")
	scrNot(t, "the holder", r, "Timeline of hand-overs", "/dossier", `class="stack transfer-form`)
	scrWant(t, "the holder: dossier", w.get(t, own, path+"/dossier"), http.StatusNotFound)
}

func TestTransferStatsPage(t *testing.T) {
	w := newSQLiteWorld(t)
	c := transferInfringing(t, w)
	id, path := proposeOnPage(t, w, w.signIn(t, officer), c)
	for _, step := range []struct {
		advance time.Duration
		email   string
		event   string
	}{{24 * time.Hour, supervisor, "approve"}, {12 * time.Hour, officer, "send"}, {48 * time.Hour, police, "accept"}} {
		w.clock.Advance(step.advance)
		transferPost(t, w, w.signIn(t, step.email), path+"/act", url.Values{"event": {step.event}, "version": {transferVersion(t, w, id)}})
	}
	off := w.signIn(t, officer)
	r := w.get(t, off, "/transfers/stats")
	scrWant(t, "the figures", r, http.StatusOK, "Transfer figures", "Median", "90th percentile", "Yiwu Customs",
		"Zhejiang Police IP Crime Unit", "<td>1.00</td>", "<td>0.50</td>", "<td>2.00</td>")
	scrWant(t, "the figures in 中文", w.get(t, off, "/transfers/stats?lang=zh"), http.StatusOK, "移送统计", "中位数", "第 90 百分位数")
	scrWant(t, "the figures, to the police", w.get(t, w.signIn(t, police), "/transfers/stats"), http.StatusForbidden)
}
