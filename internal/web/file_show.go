package web

import (
	"io"
	"mime"
	"net/http"

	"bordermark/internal/ipr"
)

// handleFileShow serves an uploaded file; handleFileThumb its thumbnail. Only those
// who may see the catalogue of an organisation the file belongs to get it; anyone
// else gets "not found", so that they learn nothing about what exists.
func (s *Server) handleFileShow(w http.ResponseWriter, r *http.Request)  { s.serveFile(w, r, false) }
func (s *Server) handleFileThumb(w http.ResponseWriter, r *http.Request) { s.serveFile(w, r, true) }

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, thumb bool) {
	f, body, err := s.svc.OpenFile(r.Context(), userFrom(r), r.PathValue("sha"), thumb)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer body.Close()
	// The content never changes under its name, but who may see it can: private caches only.
	sendFile(w, r, f, body, thumb, "private, max-age=31536000, immutable")
}

// sendFile writes a stored file, or its thumbnail (always PNG), with headers
// that keep a browser from taking it for a page of this site: a picture is
// shown, anything else (a PDF) downloaded. cache is the Cache-Control, which
// depends on whether who may see the file can change.
func sendFile(w http.ResponseWriter, r *http.Request, f *ipr.File, body io.ReadSeeker, thumb bool, cache string) {
	h := w.Header()
	contentType, etag := f.ContentType, `"`+f.SHA256+`"`
	if thumb {
		contentType, etag = "image/png", `"`+f.SHA256+`-thumb"`
	}
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", cache)
	if f.SHA256 != "" {
		h.Set("ETag", etag)
	}
	disposition := "inline"
	if !thumb && !f.IsImage() {
		disposition = "attachment"
	}
	if named := mime.FormatMediaType(disposition, map[string]string{"filename": f.Name}); f.Name != "" && named != "" {
		disposition = named
	}
	h.Set("Content-Disposition", disposition)
	http.ServeContent(w, r, "", f.CreatedAt, body)
}
