package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"
)

//go:embed static
var staticFS embed.FS

type staticFile struct {
	body        []byte
	hash        string
	contentType string
}

// staticFiles are served with content-hashed URLs, so browsers may cache them for a year.
type staticFiles struct{ files map[string]*staticFile }

func loadStatic() (*staticFiles, error) {
	entries, err := fs.ReadDir(staticFS, "static")
	if err != nil {
		return nil, err
	}
	sf := &staticFiles{files: map[string]*staticFile{}}
	for _, e := range entries {
		b, err := staticFS.ReadFile("static/" + e.Name())
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(e.Name()))
		if ct == "" {
			ct = "application/octet-stream"
		}
		sf.files[e.Name()] = &staticFile{body: b, hash: hex.EncodeToString(sum[:6]), contentType: ct}
	}
	return sf, nil
}

// URL returns the content-hashed URL of a static file.
func (sf *staticFiles) URL(name string) string {
	f, ok := sf.files[name]
	if !ok {
		panic("web: no static file " + name) // a template names a file that does not exist
	}
	return "/static/" + name + "?v=" + f.hash
}

func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) {
	f, ok := s.static.files[r.PathValue("name")]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	s.serveStatic(w, r, f)
}

func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request, f *staticFile) {
	w.Header().Set("Content-Type", f.contentType)
	w.Header().Set("ETag", `"`+f.hash+`"`)
	if r.URL.Query().Get("v") == f.hash {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
}

// handleFavicon answers browsers that ask for /favicon.ico whatever the page says.
func (s *Server) handleFavicon(w http.ResponseWriter, r *http.Request) {
	s.serveStatic(w, r, s.static.files["favicon.svg"])
}
