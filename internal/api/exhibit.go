package api

import (
	"math"
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// The exhibition and the model cases are public, as their pages are: these
// endpoints need no token and give only approved exhibits and published model
// cases. Texts are the Markdown as written: clients render them with an HTML
// sanitiser, as the web pages do.

// exhibitJSON is an approved exhibit as the public sees it (schema Exhibit in openapi.json).
type exhibitJSON struct {
	ID           int64              `json:"id"`
	Title        string             `json:"title"`
	TitleZH      string             `json:"title_zh"`
	Body         string             `json:"body_markdown"`
	Brand        string             `json:"brand"`
	Holder       string             `json:"holder"`
	Group        string             `json:"working_group"`
	GroupZH      string             `json:"working_group_zh"`
	GenuinePhoto string             `json:"genuine_photo"` // URL under the web pages
	FakePhoto    string             `json:"fake_photo"`
	Points       []ipr.ExhibitPoint `json:"points"`
	ApprovedAt   time.Time          `json:"approved_at"`
	Page         string             `json:"page"` // the public page, which the label's QR code links to
}

type exhibitListJSON struct {
	Exhibits []exhibitJSON `json:"exhibits"`
	Total    int64         `json:"total"`
}

// handleExhibitList lists the approved exhibits, by brand (right_id) or working group.
func (a *API) handleExhibitList(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "right_id", "group_id", "limit", "offset")
	f := ipr.PublicExhibitFilter{RightID: int64(c.number("right_id", 0, math.MaxInt32, 0)), GroupID: int64(c.number("group_id", 0, math.MaxInt32, 0)),
		Limit: c.number("limit", 1, 100, 20), Offset: c.number("offset", 0, 1<<30, 0)}
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.PublicExhibits(r.Context(), nil, f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := exhibitListJSON{Exhibits: []exhibitJSON{}, Total: page.Total}
	for _, e := range page.Exhibits {
		out.Exhibits = append(out.Exhibits, exhibitOut(e))
	}
	writeJSON(w, http.StatusOK, out)
}

func exhibitOut(e *ipr.PublicExhibit) exhibitJSON {
	page := "/exhibition/" + strconv.FormatInt(e.ID, 10)
	photo := func(sha string) string {
		if sha == "" {
			return ""
		}
		return page + "/photos/" + sha
	}
	points := e.Points
	if points == nil {
		points = []ipr.ExhibitPoint{}
	}
	return exhibitJSON{ID: e.ID, Title: e.Title, TitleZH: e.TitleZH, Body: e.Body, Brand: e.Brand, Holder: e.HolderName,
		Group: e.GroupName, GroupZH: e.GroupNameZH, GenuinePhoto: photo(e.GenuinePhoto), FakePhoto: photo(e.FakePhoto),
		Points: points, ApprovedAt: e.ApprovedAt, Page: page}
}

// modelCaseJSON is a published, anonymised model case (schema ModelCase in openapi.json).
type modelCaseJSON struct {
	ID          int64     `json:"id"`
	PublishedAt time.Time `json:"published_at"`
	ipr.ModelCaseSnapshot
}

type modelCaseListJSON struct {
	Cases []modelCaseJSON `json:"model_cases"`
	Total int64           `json:"total"`
}

// handleModelCaseList searches the published model cases (q: part of the title, text or a revealed fact).
func (a *API) handleModelCaseList(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "q", "limit", "offset")
	f := ipr.ModelCaseFilter{Text: c.text("q"), Limit: c.number("limit", 1, 100, 20), Offset: c.number("offset", 0, 1<<30, 0)}
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.PublicModelCases(r.Context(), nil, f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := modelCaseListJSON{Cases: []modelCaseJSON{}, Total: page.Total}
	for _, m := range page.Cases {
		snap := m.Snapshot
		if snap.Facts == nil {
			snap.Facts = []ipr.ModelCaseFact{}
		}
		out.Cases = append(out.Cases, modelCaseJSON{ID: m.ID, PublishedAt: m.PublishedAt, ModelCaseSnapshot: snap})
	}
	writeJSON(w, http.StatusOK, out)
}
