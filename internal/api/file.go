package api

import (
	"mime"
	"net/http"
)

// handleFileShow serves an uploaded photo or document to a token allowed to see the
// catalogue of an organisation it belongs to; handleFileThumb its thumbnail. Anyone
// else gets 404, so that nobody learns what exists.
func (a *API) handleFileShow(w http.ResponseWriter, r *http.Request)  { a.serveFile(w, r, false) }
func (a *API) handleFileThumb(w http.ResponseWriter, r *http.Request) { a.serveFile(w, r, true) }

func (a *API) serveFile(w http.ResponseWriter, r *http.Request, thumb bool) {
	sha := r.PathValue("sha")
	f, body, err := a.svc.OpenFile(r.Context(), userFrom(r), sha, thumb)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	defer body.Close()
	contentType := f.ContentType
	if thumb {
		contentType = "image/png"
	}
	w.Header().Set("Content-Type", contentType)
	disposition := "attachment"
	if name := mime.FormatMediaType(disposition, map[string]string{"filename": f.Name}); f.Name != "" && name != "" {
		disposition = name
	}
	w.Header().Set("Content-Disposition", disposition)
	http.ServeContent(w, r, "", f.CreatedAt, body)
}
