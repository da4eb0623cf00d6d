package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"bordermark/internal/ipr"
)

// Blobs keeps the content of uploaded files on disk, each once, under the SHA-256
// of its content: <dir>/<first two hex digits>/<sha256>, with an image's thumbnail
// beside it as <sha256>.thumb.png. Every file is written under a temporary name and
// renamed into place, so a crash never leaves half a file under a real name.
// Who may read what is recorded in the database, not here.
type Blobs struct{ dir string }

// NewBlobs returns the blob store in dir. The folder is created on the first write.
func NewBlobs(dir string) *Blobs { return &Blobs{dir: dir} }

// Dir is the folder the blobs are kept in.
func (b *Blobs) Dir() string { return b.dir }

// ValidSHA reports whether s is a SHA-256 in lower-case hex, as blobs are named;
// anything else (such as "../x") never reaches the file system.
func ValidSHA(s string) bool {
	if len(s) != sha256.Size*2 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func (b *Blobs) path(sha string) string { return filepath.Join(b.dir, sha[:2], sha) }

func (b *Blobs) thumbPath(sha string) string { return b.path(sha) + ".thumb.png" }

// Put stores the content read from r and returns its SHA-256 and size. Content
// already stored is not written again.
func (b *Blobs) Put(r io.Reader) (sha string, size int64, err error) {
	h := sha256.New()
	tmp, size, err := b.writeTemp(io.TeeReader(r, h))
	if err != nil {
		return "", 0, err
	}
	sha = hex.EncodeToString(h.Sum(nil))
	if _, err := os.Stat(b.path(sha)); err == nil {
		os.Remove(tmp) // stored already: keep the first copy
		return sha, size, nil
	}
	return sha, size, b.place(tmp, b.path(sha))
}

// PutThumb stores the PNG thumbnail of blob sha.
func (b *Blobs) PutThumb(sha string, png io.Reader) error {
	if !ValidSHA(sha) {
		return ipr.Internal(fmt.Errorf("blobs: bad name %q", sha))
	}
	tmp, _, err := b.writeTemp(png)
	if err != nil {
		return err
	}
	return b.place(tmp, b.thumbPath(sha))
}

// writeTemp copies r into a new temporary file in the store's folder (so that the
// rename is on one file system), flushed to disk, and returns its name.
func (b *Blobs) writeTemp(r io.Reader) (string, int64, error) {
	if err := os.MkdirAll(b.dir, 0o750); err != nil {
		return "", 0, ipr.Internal(fmt.Errorf("blobs: %w", err))
	}
	f, err := os.CreateTemp(b.dir, ".upload-*")
	if err != nil {
		return "", 0, ipr.Internal(fmt.Errorf("blobs: %w", err))
	}
	n, err := io.Copy(f, r)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", 0, ipr.Internal(fmt.Errorf("blobs: write: %w", err))
	}
	return f.Name(), n, nil
}

// place renames a finished temporary file to its final name. Two uploads of the
// same content may race here; both renames leave the same bytes in place.
func (b *Blobs) place(tmp, final string) error {
	dir := filepath.Dir(final)
	err := os.MkdirAll(dir, 0o750)
	if err == nil {
		err = os.Rename(tmp, final)
	}
	if err != nil {
		os.Remove(tmp)
		return ipr.Internal(fmt.Errorf("blobs: %w", err))
	}
	if d, err := os.Open(dir); err == nil { // make the new name itself survive a crash
		d.Sync()
		d.Close()
	}
	return nil
}

// Open opens the content of blob sha. A missing blob is ENOTFOUND.
func (b *Blobs) Open(sha string) (*os.File, error) { return b.open(sha, b.path) }

// OpenThumb opens the thumbnail of blob sha. A missing thumbnail is ENOTFOUND.
func (b *Blobs) OpenThumb(sha string) (*os.File, error) { return b.open(sha, b.thumbPath) }

func (b *Blobs) open(sha string, path func(string) string) (*os.File, error) {
	if !ValidSHA(sha) {
		return nil, notFound("file", "file", sha)
	}
	f, err := os.Open(path(sha))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, notFound("file", "file", sha)
	}
	if err != nil {
		return nil, ipr.Internal(fmt.Errorf("blobs: %w", err))
	}
	return f, nil
}

// Has reports whether blob sha is stored.
func (b *Blobs) Has(sha string) bool {
	if !ValidSHA(sha) {
		return false
	}
	_, err := os.Stat(b.path(sha))
	return err == nil
}

// HasThumb reports whether blob sha has a thumbnail.
func (b *Blobs) HasThumb(sha string) bool {
	if !ValidSHA(sha) {
		return false
	}
	_, err := os.Stat(b.thumbPath(sha))
	return err == nil
}
