package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// exhibitListData is the exhibits a holder writes, or customs review.
type exhibitListData struct {
	Exhibits []*ipr.Exhibit
	Total    int64
	Status   string
	Statuses []string
	Customs  bool
}

var exhibitDone = []string{"created", "updated", "submitted", "approved", "rejected"}

// handleExhibitList lists a holder's own exhibits, or for customs those to review.
func (s *Server) handleExhibitList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	status := strings.TrimSpace(r.URL.Query().Get("status"))
	page, err := s.svc.Exhibits(r.Context(), user, ipr.ExhibitFilter{Status: ipr.ExhibitStatus(status), Limit: 200})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &exhibitListData{Exhibits: page.Exhibits, Total: page.Total, Status: status,
		Statuses: []string{"", "draft", "submitted", "approved", "rejected"},
		Customs:  ipr.Can(user, ipr.ActionReviewExhibit, ipr.Anything)}
	s.render(w, r, http.StatusOK, "exhibits", s.newPage(r, "exhibit.list_title", d))
}

// handleExhibitNew shows the form for a new exhibit.
func (s *Server) handleExhibitNew(w http.ResponseWriter, r *http.Request) {
	d := exhibitForm(nil)
	d.HolderID, _ = strconv.ParseInt(r.URL.Query().Get("holder"), 10, 64)
	s.renderExhibitForm(w, r, d, nil)
}

// handleExhibitCreate stores a new draft exhibit with its photos.
func (s *Server) handleExhibitCreate(w http.ResponseWriter, r *http.Request) {
	if err := mayEditExhibits(userFrom(r)); err != nil {
		s.renderError(w, r, err) // before reading the files
		return
	}
	if err := readUploadForm(w, r, "genuine_photo", "fake_photo"); err != nil {
		s.renderExhibitForm(w, r, exhibitForm(nil), err)
		return
	}
	d, in := exhibitFormFrom(r)
	closeAll, err := exhibitPhotos(r, &in)
	defer closeAll()
	var e *ipr.Exhibit
	if err == nil {
		e, err = s.svc.CreateExhibit(r.Context(), userFrom(r), in)
	}
	if err != nil {
		s.renderExhibitForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, exhibitPath(e.ID)+"?done=created", http.StatusSeeOther)
}

// handleExhibitShow is an exhibit's working copy, with its review.
func (s *Server) handleExhibitShow(w http.ResponseWriter, r *http.Request) {
	s.showExhibit(w, r, http.StatusOK, nil)
}

func (s *Server) showExhibit(w http.ResponseWriter, r *http.Request, status int, failed error) {
	if failed != nil && ipr.ErrorCode(failed) != ipr.EINVALID && ipr.ErrorCode(failed) != ipr.ECONFLICT {
		s.renderError(w, r, failed)
		return
	}
	id, err := pathID(r, "id")
	var e *ipr.Exhibit
	if err == nil {
		e, err = s.svc.Exhibit(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v := newExhibitView(e, userFrom(r))
	if done := r.URL.Query().Get("done"); slices.Contains(exhibitDone, done) {
		v.Done = "exhibit.done." + done
	}
	p := s.newPage(r, "exhibit.title", v)
	if failed != nil {
		p.Error, p.Fields = ipr.ErrorMessage(failed), ipr.ErrorFields(failed)
	}
	v.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "exhibit", p)
}

// handleExhibitEdit shows the form to change an exhibit.
func (s *Server) handleExhibitEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var e *ipr.Exhibit
	if err == nil {
		e, err = s.svc.Exhibit(r.Context(), userFrom(r), id)
	}
	if err == nil {
		err = ipr.Authorize(userFrom(r), ipr.ActionEditExhibit, e.Resource())
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderExhibitForm(w, r, exhibitForm(e), nil)
}

// handleExhibitUpdate saves changes; an approved exhibit goes back to customs.
func (s *Server) handleExhibitUpdate(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	var e *ipr.Exhibit
	if err == nil {
		e, err = s.svc.Exhibit(r.Context(), user, id)
	}
	if err == nil {
		err = ipr.Authorize(user, ipr.ActionEditExhibit, e.Resource())
	}
	if err != nil {
		s.renderError(w, r, err) // before reading the files
		return
	}
	if err := readUploadForm(w, r, "genuine_photo", "fake_photo"); err != nil {
		s.renderExhibitForm(w, r, exhibitForm(e), err)
		return
	}
	d, in := exhibitFormFrom(r)
	d.ID, d.HolderID, d.Current = id, e.HolderID, e
	closeAll, err := exhibitPhotos(r, &in)
	defer closeAll()
	if err == nil {
		_, err = s.svc.UpdateExhibit(r.Context(), user, id, d.Version, in)
	}
	if err != nil {
		s.renderExhibitForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, exhibitPath(id)+"?done=updated", http.StatusSeeOther)
}

// handleExhibitSubmit sends a draft to customs.
func (s *Server) handleExhibitSubmit(w http.ResponseWriter, r *http.Request) {
	s.exhibitAction(w, r, "submitted", func(id int64, version int) error {
		_, err := s.svc.SubmitExhibit(r.Context(), userFrom(r), id, version)
		return err
	})
}

// handleExhibitReview approves or rejects a submitted exhibit.
func (s *Server) handleExhibitReview(w http.ResponseWriter, r *http.Request) {
	approve := formValueAfterParse(w, r, "decision") == "approve"
	done := map[bool]string{true: "approved", false: "rejected"}[approve]
	s.exhibitAction(w, r, done, func(id int64, version int) error {
		_, err := s.svc.ReviewExhibit(r.Context(), userFrom(r), id, version, approve, formValue(r, "reason"))
		return err
	})
}

func formValueAfterParse(w http.ResponseWriter, r *http.Request, name string) string {
	if err := readForm(w, r); err != nil {
		return ""
	}
	return formValue(r, name)
}

// exhibitAction runs a posted action on an exhibit and shows the exhibit again.
func (s *Server) exhibitAction(w http.ResponseWriter, r *http.Request, done string, act func(id int64, version int) error) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	version, _ := strconv.Atoi(formValue(r, "version"))
	if err := act(id, version); err != nil {
		s.showExhibit(w, r, ipr.HTTPStatus(err), err)
		return
	}
	http.Redirect(w, r, exhibitPath(id)+"?done="+done, http.StatusSeeOther)
}

// exhibitPhotos adds the photos chosen in the form to in.
func exhibitPhotos(r *http.Request, in *enforce.ExhibitInput) (func(), error) {
	genuine, closeGenuine, err := formUpload(r, "genuine_photo")
	if err != nil {
		return closeGenuine, err
	}
	fake, closeFake, err := formUpload(r, "fake_photo")
	in.GenuinePhoto, in.FakePhoto = genuine, fake
	return func() { closeGenuine(); closeFake() }, err
}

// mayEditExhibits refuses those who write no exhibits, before they send files.
func mayEditExhibits(user *ipr.User) error {
	if user == nil {
		return ipr.Authorize(nil, ipr.ActionEditExhibit, ipr.Anything)
	}
	if holderSide(user) {
		return nil
	}
	return &ipr.Error{Code: ipr.EFORBIDDEN, Message: "only a right holder or its agent writes exhibits"}
}
