package web

import "net/http"

// handleGuideAdd appends a point, with its genuine and fake photos, to a product's guide.
func (s *Server) handleGuideAdd(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if _, ok := s.editableProduct(w, r); !ok {
		return // before reading the photos: those who may not add any do not get to send them
	}
	typed, in, closeAll, err := readGuideForm(w, r)
	defer closeAll()
	if err != nil {
		s.showProduct(w, r, id, &failedForm{name: "guide", point: typed, err: err})
		return
	}
	point, err := s.svc.AddGuidePoint(r.Context(), userFrom(r), id, in)
	if err != nil {
		s.showProduct(w, r, id, &failedForm{name: "guide", point: typed, err: err})
		return
	}
	http.Redirect(w, r, productPath(id)+"?done=guide_added"+pointAnchor(point.ID), http.StatusSeeOther)
}
