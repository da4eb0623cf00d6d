package web

import "net/http"

// handleGuideDelete removes a point from its guide.
func (s *Server) handleGuideDelete(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	var product int64
	if err == nil {
		product, err = s.svc.DeleteGuidePoint(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, productPath(product)+"?done=guide_deleted#guide", http.StatusSeeOther)
}
