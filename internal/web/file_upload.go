package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// uploadLimit is the largest form with files accepted: two files at the size limit
// and the text. A single file over the limit is refused by the service, naming its field.
const uploadLimit = 2*ipr.MaxFileSize + 1<<20

// readUploadForm parses a multipart form. When it is too large, the error names the
// file fields, so that the form shows where the problem is.
func readUploadForm(w http.ResponseWriter, r *http.Request, fileFields ...string) error {
	r.Body = http.MaxBytesReader(w, r.Body, uploadLimit)
	err := r.ParseMultipartForm(1 << 20) // larger files wait on disk; net/http removes them after the request
	if err == nil {
		return nil
	}
	if tooBig := (*http.MaxBytesError)(nil); errors.As(err, &tooBig) {
		p := ipr.Problems{}
		for _, f := range fileFields {
			p.Add(f, fmt.Sprintf("the files sent together are larger than %d MB", uploadLimit>>20))
		}
		return p.Err("the upload is too large")
	}
	return ipr.Errorf(ipr.EINVALID, "the form could not be read; send it again")
}

// formUploads opens the files sent in field. Call the returned function to close them.
func formUploads(r *http.Request, field string) ([]enforce.Upload, func(), error) {
	var list []enforce.Upload
	var open []io.Closer
	closeAll := func() {
		for _, c := range open {
			c.Close()
		}
	}
	if r.MultipartForm == nil {
		return nil, closeAll, nil
	}
	for _, fh := range r.MultipartForm.File[field] {
		f, err := fh.Open()
		if err != nil {
			closeAll()
			return nil, func() {}, ipr.Internal(err)
		}
		open = append(open, f)
		list = append(list, enforce.Upload{Field: field, Name: fh.Filename, Body: f})
	}
	return list, closeAll, nil
}

// formUpload is the one file sent in field, or nil when none was chosen.
func formUpload(r *http.Request, field string) (*enforce.Upload, func(), error) {
	list, closeAll, err := formUploads(r, field)
	if err != nil || len(list) == 0 {
		return nil, closeAll, err
	}
	return &list[0], closeAll, nil
}
