package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

const modelCasePageSize = 20

// modelCaseListData is the public list of model cases, with its search.
type modelCaseListData struct {
	Cases  []*ipr.ModelCase
	Total  int64
	Query  string
	PageNo int
	Pages  int
}

// PageURL is the current search at another page number.
func (d *modelCaseListData) PageURL(n int) string {
	q := url.Values{}
	if d.Query != "" {
		q.Set("q", d.Query)
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return "/model-cases"
	}
	return "/model-cases?" + q.Encode()
}

// handleModelCaseList is the public, searchable list of published model cases.
func (s *Server) handleModelCaseList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := ipr.Problems{}
	pageNo := pageNumber(q, p)
	d := &modelCaseListData{Query: strings.TrimSpace(q.Get("q")), PageNo: pageNo}
	err := p.Err("the search is not valid")
	if err == nil {
		var page *enforce.ModelCasePage
		page, err = s.svc.PublicModelCases(r.Context(), userFrom(r), ipr.ModelCaseFilter{Text: d.Query,
			Limit: modelCasePageSize, Offset: (pageNo - 1) * modelCasePageSize})
		if err == nil {
			d.Cases, d.Total = page.Cases, page.Total
		}
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d.Pages = max(1, int((d.Total+modelCasePageSize-1)/modelCasePageSize))
	s.render(w, r, http.StatusOK, "modelcases", s.newPage(r, "modelcase.title", d))
}

// modelCaseView is a model case's snapshot with its Markdown rendered safe.
type modelCaseView struct {
	*ipr.ModelCase
	SummaryHTML template.HTML
	LessonsHTML template.HTML
	CanWithdraw bool
}

// handleModelCaseShow is one published model case; it reads only the stored snapshot.
func (s *Server) handleModelCaseShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var m *ipr.ModelCase
	if err == nil {
		m, err = s.svc.PublicModelCase(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v := &modelCaseView{ModelCase: m, SummaryHTML: renderMarkdown(m.Snapshot.Summary),
		LessonsHTML: renderMarkdown(m.Snapshot.Lessons),
		CanWithdraw: ipr.Can(userFrom(r), ipr.ActionPublishModelCase, ipr.Anything)}
	s.render(w, r, http.StatusOK, "modelcase", s.newPage(r, "modelcase.title", v))
}
