package web

import "net/http"

// handleProductPhotoAdd uploads photos or documents of a product.
func (s *Server) handleProductPhotoAdd(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if _, ok := s.editableProduct(w, r); !ok {
		return // before reading the files: those who may not add any do not get to send them
	}
	if err := readUploadForm(w, r, "photos"); err != nil {
		s.showProduct(w, r, id, &failedForm{name: "photos", err: err})
		return
	}
	uploads, closeAll, err := formUploads(r, "photos")
	defer closeAll()
	if err == nil {
		_, err = s.svc.AddProductPhotos(r.Context(), userFrom(r), id, uploads)
	}
	if err != nil {
		s.showProduct(w, r, id, &failedForm{name: "photos", err: err})
		return
	}
	http.Redirect(w, r, productPath(id)+"?done=photos#photos", http.StatusSeeOther)
}
