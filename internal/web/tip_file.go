package web

import (
	"mime"
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// tipFilesField is the new-tip form's field for supporting files.
const tipFilesField = "files"

// readTipForm reads the new-tip form: with files (multipart), as the page
// sends it, or without (a plain form, as tests and simple clients send it).
// An upload that is too large is a problem of the files field.
func readTipForm(w http.ResponseWriter, r *http.Request) error {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "multipart/form-data" {
		return readUploadForm(w, r, tipFilesField)
	}
	return readForm(w, r)
}

// tipFilePath is where the tip page links one of its files.
func tipFilePath(tipID int64, sha string) string { return tipPath(tipID) + "/files/" + sha }

// tipAttachment is a file of the tip as its page lists it.
type tipAttachment struct {
	ipr.File
	Path string
}

// Kind is the file's type as people say it: PDF, PNG, JPEG…
func (a tipAttachment) Kind() string {
	if a.ContentType == "application/pdf" {
		return "PDF"
	}
	return strings.ToUpper(strings.TrimPrefix(a.ContentType, "image/"))
}

// KB is the file's size in kilobytes, at least 1.
func (a tipAttachment) KB() string { return strconv.FormatInt(max((a.Size+1023)/1024, 1), 10) + " KB" }

// tipAttachments lists the tip's files with their links.
func tipAttachments(v *enforce.TipView) []tipAttachment {
	out := make([]tipAttachment, len(v.Attachments))
	for i, f := range v.Attachments {
		out[i] = tipAttachment{File: f, Path: tipFilePath(v.ID, f.SHA256)}
	}
	return out
}

// handleTipFile serves one of a tip's files (/tips/{id}/files/{sha}) to those who
// see the tip in full; to anyone else it is not found. A picture is shown, a
// PDF downloaded, never rendered as a page of this site.
func (s *Server) handleTipFile(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f, body, err := s.svc.OpenTipFile(r.Context(), userFrom(r), id, r.PathValue("sha"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer body.Close()
	sendFile(w, r, f, body, false, "private, no-cache") // who may see it can change with the tip's shares
}
