package web

import (
	"mime"
	"net/http"
)

// handleFileShow serves an uploaded file; handleFileThumb its thumbnail. Only those
// who may see the catalogue of an organisation the file belongs to get it; anyone
// else gets "not found", so that they learn nothing about what exists.
func (s *Server) handleFileShow(w http.ResponseWriter, r *http.Request)  { s.serveFile(w, r, false) }
func (s *Server) handleFileThumb(w http.ResponseWriter, r *http.Request) { s.serveFile(w, r, true) }

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, thumb bool) {
	sha := r.PathValue("sha")
	f, body, err := s.svc.OpenFile(r.Context(), userFrom(r), sha, thumb)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer body.Close()
	h := w.Header()
	contentType, etag := f.ContentType, `"`+sha+`"`
	if thumb {
		contentType, etag = "image/png", `"`+sha+`-thumb"`
	}
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	// The content never changes under its name, but who may see it can: private caches only.
	h.Set("Cache-Control", "private, max-age=31536000, immutable")
	h.Set("ETag", etag)
	disposition := "inline"
	if !f.IsImage() {
		disposition = "attachment" // a PDF opens in the reader, never as a page of this site
	}
	if named := mime.FormatMediaType(disposition, map[string]string{"filename": f.Name}); f.Name != "" && named != "" {
		disposition = named
	}
	h.Set("Content-Disposition", disposition)
	http.ServeContent(w, r, "", f.CreatedAt, body)
}
