package web_test

import (
	"bytes"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"bordermark/internal/store"
)

// Files are served with their type, never sniffed, cached privately for long, and
// only to those who may see the catalogue they belong to: to anyone else they are not found.
func TestFileServing(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		p := catProduct(t, w, "DEMO-NORTHWIND")
		photo := "/files/" + p.Photos[0]
		holder := w.signIn(t, brand)

		r := w.get(t, holder, photo)
		if r.status != http.StatusOK || r.header.Get("Content-Type") != "image/png" || r.header.Get("X-Content-Type-Options") != "nosniff" ||
			r.header.Get("Cache-Control") != "private, max-age=31536000, immutable" || !strings.HasPrefix(r.body, "\x89PNG") {
			t.Fatalf("GET %s: got %d %v", photo, r.status, r.header)
		}
		if got := r.header.Get("Content-Disposition"); got != `inline; filename=nw-str-3.png` {
			t.Errorf("Content-Disposition: got %q", got)
		}
		if r := w.get(t, holder, photo, "If-None-Match", r.header.Get("ETag")); r.status != http.StatusNotModified {
			t.Errorf("GET %s again with its ETag: got %d, want 304", photo, r.status)
		}
		thumb := w.get(t, holder, photo+"/thumb")
		if thumb.status != http.StatusOK || thumb.header.Get("Content-Type") != "image/png" {
			t.Fatalf("GET %s/thumb: got %d %v", photo, thumb.status, thumb.header)
		}
		if img, err := png.Decode(bytes.NewReader([]byte(thumb.body))); err != nil || img.Bounds().Dx() > 360 {
			t.Errorf("thumbnail: got %v, %v; want a PNG at most 360 wide", img.Bounds(), err)
		}

		for _, tc := range []struct {
			who, email string
			want       int
		}{
			{"customs", officer, http.StatusOK},
			{"another holder", catVoltis, http.StatusNotFound},
			{"an agent not acting for the holder", counsel, http.StatusNotFound},
			{"the police", catPolice, http.StatusNotFound},
		} {
			c := w.signIn(t, tc.email)
			for _, path := range []string{photo, photo + "/thumb"} {
				r := w.get(t, c, path)
				if r.status != tc.want {
					t.Errorf("%s GET %s: got %d, want %d", tc.who, path, r.status, tc.want)
				}
				if tc.want == http.StatusNotFound && (strings.Contains(r.body, "PNG") || r.header.Get("Cache-Control") != "no-store") {
					t.Errorf("%s GET %s: got content or a cacheable answer", tc.who, path)
				}
			}
		}
		if r := w.get(t, w.client(t), photo); r.status != http.StatusSeeOther {
			t.Errorf("anonymous GET %s: got %d, want 303 to sign in", photo, r.status)
		}
		for _, path := range []string{"/files/" + strings.Repeat("0", 64), "/files/..%2F..%2Fetc%2Fpasswd", "/files/abc/thumb"} {
			if r := w.get(t, holder, path); r.status != http.StatusNotFound {
				t.Errorf("GET %s: got %d, want 404", path, r.status)
			}
		}
	})
}

// A PDF is downloaded, never shown as a page of the site, and has no thumbnail.
func TestFileServingPDF(t *testing.T) {
	w := newSQLiteWorld(t)
	p := catProduct(t, w, "DEMO-VOLTIS")
	holder := w.signIn(t, catVoltis)
	pdf := []byte("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
	catRedirect(t, "upload", w.multipart(t, holder, catPath(p)+"/photos", part{"photos", "Spec sheet 规格.pdf", pdf}), catPath(p))
	r := w.get(t, holder, "/files/"+shaOf(pdf))
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/pdf" || r.body != string(pdf) {
		t.Fatalf("GET the PDF: got %d %v", r.status, r.header)
	}
	if got := r.header.Get("Content-Disposition"); !strings.HasPrefix(got, "attachment; filename*=utf-8''Spec%20sheet%20") {
		t.Errorf("Content-Disposition: got %q, want an attachment with the encoded name", got)
	}
	if r := w.get(t, holder, "/files/"+shaOf(pdf)+"/thumb"); r.status != http.StatusNotFound {
		t.Errorf("thumbnail of a PDF: got %d, want 404", r.status)
	}
}
