package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

type practiceListData struct {
	Notes    []*enforce.PracticeView
	Total    int64
	Query    string
	Tag      string
	Pager    pager
	CanWrite bool
}

// handlePracticeList lists the best-practice notes, searched by title and body.
// They are for members and customs: the public is asked to sign in.
func (s *Server) handlePracticeList(w http.ResponseWriter, r *http.Request) {
	user, q := userFrom(r), r.URL.Query()
	p := ipr.Problems{}
	pageNo := pageNumber(q, p)
	d := &practiceListData{Query: strings.TrimSpace(q.Get("q")), Tag: strings.TrimSpace(q.Get("tag")),
		CanWrite: ipr.Can(user, ipr.ActionWritePractice, ipr.OrgResource("practice", user.OrgIDOrZero()))}
	err := p.Err("the search is not valid")
	var page *enforce.PracticePage
	if err == nil {
		page, err = s.svc.PracticeNotes(r.Context(), user, ipr.PracticeFilter{Query: d.Query, Tag: d.Tag,
			Limit: publicityPageSize, Offset: (pageNo - 1) * publicityPageSize})
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d.Notes, d.Total = page.Notes, page.Total
	d.Pager = newPager("/practice", q, []string{"q", "tag"}, pageNo, page.Total)
	s.render(w, r, http.StatusOK, "practice", s.newPage(r, "practice.list.title", d))
}

type practiceShowData struct {
	*enforce.PracticeView
	Body template.HTML
	Done bool
}

func practicePath(id int64) string { return "/practice/" + strconv.FormatInt(id, 10) }

// handlePracticeShow shows one note, its Markdown rendered and sanitised.
func (s *Server) handlePracticeShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var v *enforce.PracticeView
	if err == nil {
		v, err = s.svc.PracticeNote(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &practiceShowData{PracticeView: v, Body: renderMarkdown(v.Body), Done: r.URL.Query().Get("done") == "saved"}
	s.render(w, r, http.StatusOK, "practice_note", s.newPage(r, "practice.note.title", d))
}
