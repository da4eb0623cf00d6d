package web

import "net/http"

// handleProductPhotoDelete takes a photo off a product.
func (s *Server) handleProductPhotoDelete(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err == nil {
		err = s.svc.RemoveProductPhoto(r.Context(), userFrom(r), id, r.PathValue("sha"))
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, productPath(id)+"?done=photo_removed#photos", http.StatusSeeOther)
}
