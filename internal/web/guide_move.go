package web

import "net/http"

// handleGuideMove moves a point one place up or down its guide (by=-1 or by=1).
func (s *Server) handleGuideMove(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err == nil {
		err = readCatalogueForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	by := 1
	if r.PostFormValue("by") == "-1" {
		by = -1
	}
	product, err := s.svc.MoveGuidePoint(r.Context(), userFrom(r), id, by)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, productPath(product)+"?done=guide_moved"+pointAnchor(id), http.StatusSeeOther)
}
