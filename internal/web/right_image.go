package web

import (
	"net/http"

	"bordermark/internal/ipr"
)

// handleRightImageAdd uploads pictures of the mark to a draft or rejected recordation.
func (s *Server) handleRightImageAdd(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := readUploadForm(w, r, "mark_images"); err != nil {
		s.showRight(w, r, id, http.StatusBadRequest, &rightForm{name: "images", err: err})
		return
	}
	uploads, closeAll, err := formUploads(r, "mark_images")
	defer closeAll()
	if err == nil {
		_, err = s.svc.AddMarkImages(r.Context(), userFrom(r), id, uploads)
	}
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EINVALID {
			s.renderError(w, r, err)
			return
		}
		s.showRight(w, r, id, http.StatusBadRequest, &rightForm{name: "images", err: err})
		return
	}
	http.Redirect(w, r, rightURL(id, "images")+"#mark", http.StatusSeeOther)
}

// handleRightImageDelete takes a picture of the mark off a draft or rejected recordation.
func (s *Server) handleRightImageDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if err := s.svc.RemoveMarkImage(r.Context(), userFrom(r), id, r.PathValue("sha")); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, rightURL(id, "images")+"#mark", http.StatusSeeOther)
}
