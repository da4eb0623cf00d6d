package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"bordermark/internal/workflow"
)

// An officer recounts a case's running deadlines from the case page; the
// holder is offered no such form and is refused, and a stale page is told to reload.
func TestCaseRecompute(t *testing.T) {
	w := newSQLiteWorld(t)
	c := caseAct(t, w, officer, caseOpen(t, w, 2), workflow.Event{Kind: "notify_holder"})
	path := "/cases/" + strconv.FormatInt(c.ID, 10)
	off, holder := w.signIn(t, officer), w.signIn(t, brand)
	scrWant(t, "the officer's case page", w.get(t, off, path), http.StatusOK, `action="`+path+`/recompute"`)
	scrNot(t, "the holder's case page", w.get(t, holder, path), `action="`+path+`/recompute"`)

	version := url.Values{"version": {strconv.Itoa(c.Version)}}
	scrWant(t, "the holder recounts", w.do(t, holder, "POST", path+"/recompute", version), http.StatusForbidden)
	scrRedirect(t, "recount", w.do(t, off, "POST", path+"/recompute", version), path+"?done=recompute")
	scrWant(t, "after the recount", w.get(t, off, path+"?done=recompute"), http.StatusOK,
		"The running deadlines were counted again.", "Deadlines recounted", "no date changed", "(by Chen Jie)")
	scrWant(t, "a stale page", w.do(t, off, "POST", path+"/recompute", version), http.StatusConflict, "reload")
}

// A deadline counted into a year without its official calendar is marked
// provisional in the case list as on the case page.
func TestCaseListProvisional(t *testing.T) {
	w := newSQLiteWorld(t)
	w.clock.Advance(time.Date(2026, 12, 30, 1, 0, 0, 0, time.UTC).Sub(w.clock.Now())) // Wednesday, 09:00 in Yiwu
	c := caseAct(t, w, officer, caseOpen(t, w, 2), workflow.Event{Kind: "notify_holder"})
	off := w.signIn(t, officer)
	provisional := `2027-01-04 <span class="badge provisional">`
	scrWant(t, "the list", w.get(t, off, "/cases?office="+url.QueryEscape(caseOffice)), http.StatusOK, c.Ref, provisional)
	scrWant(t, "the case page", w.get(t, off, "/cases/"+strconv.FormatInt(c.ID, 10)), http.StatusOK, provisional)
}
