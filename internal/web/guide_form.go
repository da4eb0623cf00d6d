package web

import (
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// guideInput is the text of a guide point's form, as the user typed it.
type guideInput struct {
	Title, Genuine, Fake string
}

func guideInputOf(g *ipr.GuidePoint) guideInput {
	return guideInput{Title: g.Title, Genuine: g.Genuine, Fake: g.Fake}
}

// readGuideForm reads a guide point's multipart form: its text, its photos (the
// caller closes them with the returned function) and the removal boxes.
func readGuideForm(w http.ResponseWriter, r *http.Request) (guideInput, enforce.GuideInput, func(), error) {
	noop := func() {}
	if err := readUploadForm(w, r, "genuine_photo", "fake_photo"); err != nil {
		return guideInput{}, enforce.GuideInput{}, noop, err
	}
	v := func(name string) string { return strings.ReplaceAll(r.PostFormValue(name), "\r\n", "\n") }
	typed := guideInput{Title: v("title"), Genuine: v("genuine"), Fake: v("fake")}
	in := enforce.GuideInput{Title: typed.Title, Genuine: typed.Genuine, Fake: typed.Fake,
		RemoveGenuinePhoto: r.PostFormValue("remove_genuine_photo") != "", RemoveFakePhoto: r.PostFormValue("remove_fake_photo") != ""}
	genuine, closeGenuine, err := formUpload(r, "genuine_photo")
	if err != nil {
		return typed, in, noop, err
	}
	fake, closeFake, err := formUpload(r, "fake_photo")
	if err != nil {
		closeGenuine()
		return typed, in, noop, err
	}
	in.GenuinePhoto, in.FakePhoto = genuine, fake
	return typed, in, func() { closeGenuine(); closeFake() }, nil
}

// guideFormData is the page to edit one point of a guide.
type guideFormData struct {
	Point   *ipr.GuidePoint
	Product *ipr.Product
	Input   guideInput
	Errs    catalogueErrors
}

// renderGuideForm shows the edit form; with an error about the input, again with the
// problems marked and the text kept. Other errors get the error page.
func (s *Server) renderGuideForm(w http.ResponseWriter, r *http.Request, d guideFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "guide.edit_title", &d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("catalogue.form_invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = catalogueErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "guide_form", p)
}

func pointAnchor(id int64) string { return "#point-" + strconv.FormatInt(id, 10) }
