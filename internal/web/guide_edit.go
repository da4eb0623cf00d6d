package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

// handleGuideEdit shows the form to change one point of a guide.
func (s *Server) handleGuideEdit(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	g, p, err := s.svc.GuidePoint(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderGuideForm(w, r, guideFormData{Point: g, Product: p, Input: guideInputOf(g)}, nil)
}

// handleGuideUpdate saves the point and returns to it on the product's page.
func (s *Server) handleGuideUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	g, p, err := s.svc.GuidePoint(r.Context(), user, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	typed, in, closeAll, err := readGuideForm(w, r)
	defer closeAll()
	if err == nil {
		_, err = s.svc.UpdateGuidePoint(r.Context(), user, id, in)
	}
	if err != nil {
		if ipr.ErrorCode(err) == ipr.EINVALID {
			typedPoint := *g
			s.renderGuideForm(w, r, guideFormData{Point: &typedPoint, Product: p, Input: typed}, err)
			return
		}
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, productPath(p.ID)+"?done=guide_updated"+pointAnchor(id), http.StatusSeeOther)
}
