package web

import (
	"net/http"
	"strconv"
)

// handleProductDelete removes a product and its guide and returns to its right.
func (s *Server) handleProductDelete(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p, err := s.svc.DeleteProduct(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/rights/"+strconv.FormatInt(p.RightID, 10), http.StatusSeeOther)
}
