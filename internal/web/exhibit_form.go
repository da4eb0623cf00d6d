package web

import (
	"html/template"
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// exhibitFormRows is how many point rows the form offers.
const exhibitFormRows = 8

// exhibitFormData is the exhibit form: what was typed and the holder's choices.
type exhibitFormData struct {
	ID       int64 // 0 for a new exhibit
	Version  int
	HolderID int64
	Holders  []tipHolder // for an agent acting for several holders
	RightID  int64
	GroupID  int64
	Title    string
	TitleZH  string
	Body     string
	Points   []exhibitFormPoint
	Choices  *enforce.ExhibitChoices
	Current  *ipr.Exhibit // the exhibit being edited, for its photos
	Errs     fieldErrors
}

type exhibitFormPoint struct {
	Index int
	Text  string
	Guide int64
}

// Action is where the form posts.
func (d *exhibitFormData) Action() string {
	if d.ID == 0 {
		return "/exhibits/new"
	}
	return exhibitPath(d.ID) + "/edit"
}

func exhibitPath(id int64) string { return "/exhibits/" + strconv.FormatInt(id, 10) }

// exhibitForm fills the form from an exhibit, or empty rows for a new one.
func exhibitForm(e *ipr.Exhibit) *exhibitFormData {
	d := &exhibitFormData{}
	if e != nil {
		d.ID, d.Version, d.HolderID, d.RightID, d.GroupID = e.ID, e.Version, e.HolderID, e.RightID, e.GroupID
		d.Title, d.TitleZH, d.Body, d.Current = e.Title, e.TitleZH, e.Body, e
	}
	for i := range exhibitFormRows {
		pt := exhibitFormPoint{Index: i}
		if e != nil && i < len(e.Points) {
			pt.Text, pt.Guide = e.Points[i].Text, e.Points[i].GuidePointID
		}
		d.Points = append(d.Points, pt)
	}
	return d
}

// exhibitFormFrom reads a posted (multipart) exhibit form; the photos are read separately.
func exhibitFormFrom(r *http.Request) (*exhibitFormData, enforce.ExhibitInput) {
	d := &exhibitFormData{Title: formValue(r, "title"), TitleZH: formValue(r, "title_zh"), Body: formValue(r, "body")}
	d.HolderID, _ = strconv.ParseInt(formValue(r, "holder"), 10, 64)
	d.RightID, _ = strconv.ParseInt(formValue(r, "right"), 10, 64)
	d.GroupID, _ = strconv.ParseInt(formValue(r, "group"), 10, 64)
	d.Version, _ = strconv.Atoi(formValue(r, "version"))
	in := enforce.ExhibitInput{HolderID: d.HolderID, RightID: d.RightID, GroupID: d.GroupID, Title: d.Title,
		TitleZH: d.TitleZH, Body: d.Body}
	texts, guides := r.PostForm["point_text"], r.PostForm["point_guide"]
	for i := range min(len(texts), ipr.MaxExhibitPoints+exhibitFormRows) {
		pt := exhibitFormPoint{Index: i, Text: texts[i]}
		if i < len(guides) {
			pt.Guide, _ = strconv.ParseInt(guides[i], 10, 64)
		}
		d.Points = append(d.Points, pt)
		in.Points = append(in.Points, ipr.ExhibitPoint{Text: pt.Text, GuidePointID: pt.Guide})
	}
	return d, in
}

// renderExhibitForm shows the form; with an error, again with the problems marked.
// Errors that are not about the input get the error page.
func (s *Server) renderExhibitForm(w http.ResponseWriter, r *http.Request, d *exhibitFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	choices, cerr := s.svc.ExhibitChoices(r.Context(), user, d.HolderID)
	if cerr != nil {
		s.renderError(w, r, cerr)
		return
	}
	d.Choices = choices
	if user.Role == ipr.RoleAgent && len(user.ActsFor) > 1 && d.ID == 0 {
		names := s.holderNames(r, user)
		for _, id := range user.ActsFor {
			d.Holders = append(d.Holders, tipHolder{ID: id, Name: holderName(names, id)})
		}
	}
	titleKey := "exhibit.new"
	if d.ID != 0 {
		titleKey = "exhibit.edit"
	}
	p := s.newPage(r, titleKey, d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("exhibit.form_invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "exhibit_form", p)
}

// exhibitView is an exhibit's working copy as its page shows it, Markdown rendered safe.
type exhibitView struct {
	*ipr.Exhibit
	BodyHTML  template.HTML
	Points    []exhibitPointView
	CanEdit   bool
	CanSubmit bool
	CanReview bool
	Done      string
	Errs      fieldErrors
}

func newExhibitView(e *ipr.Exhibit, user *ipr.User) *exhibitView {
	v := &exhibitView{Exhibit: e, BodyHTML: renderMarkdown(e.Body),
		CanEdit:   ipr.Can(user, ipr.ActionEditExhibit, e.Resource()),
		CanReview: e.Status == ipr.ExhibitSubmitted && ipr.Can(user, ipr.ActionReviewExhibit, e.Resource())}
	v.CanSubmit = v.CanEdit && (e.Status == ipr.ExhibitDraft || e.Status == ipr.ExhibitRejected)
	for _, pt := range e.Points {
		v.Points = append(v.Points, exhibitPointView{HTML: renderMarkdown(pt.Text), GuideTitle: pt.GuideTitle})
	}
	return v
}
