package store_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// filesIn lists every file under dir, relative to it.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	var list []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			list = append(list, rel)
		}
		return nil
	})
	return list
}

func TestBlobsStoreContentOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "files") // created on the first write
	b := store.NewBlobs(dir)
	content := []byte("a genuine photo")
	sum := sha256.Sum256(content)
	want := hex.EncodeToString(sum[:])
	for range 3 {
		sha, size, err := b.Put(bytes.NewReader(content))
		if err != nil || sha != want || size != int64(len(content)) {
			t.Fatalf("Put: got %s, %d, %v; want %s, %d, nil", sha, size, err, want, len(content))
		}
	}
	if got := filesIn(t, dir); len(got) != 1 || got[0] != filepath.Join(want[:2], want) {
		t.Errorf("files on disk: got %v, want only %s/%s", got, want[:2], want)
	}
	f, err := b.Open(want)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(got, content) {
		t.Errorf("Open: got %q, want %q", got, content)
	}
	if b.HasThumb(want) {
		t.Error("HasThumb before PutThumb: got true")
	}
	if err := b.PutThumb(want, strings.NewReader("png")); err != nil || !b.HasThumb(want) {
		t.Errorf("PutThumb: got %v, HasThumb %v", err, b.HasThumb(want))
	}
	for _, bad := range []string{"", "../../etc/passwd", strings.Repeat("A", 64), strings.Repeat("0", 64)} {
		if _, err := b.Open(bad); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("Open(%q): got %v, want not found", bad, err)
		}
		if _, err := b.OpenThumb(bad); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("OpenThumb(%q): got %v, want not found", bad, err)
		}
	}
	if err := b.PutThumb("../x", strings.NewReader("png")); err == nil {
		t.Error("PutThumb with a bad name: got no error")
	}
}

func TestBlobsConcurrentPuts(t *testing.T) {
	dir := t.TempDir()
	b := store.NewBlobs(dir)
	contents := [][]byte{bytes.Repeat([]byte("x"), 1<<20), []byte("small"), bytes.Repeat([]byte("y"), 300_000)}
	var wg sync.WaitGroup
	errs := make(chan error, 60)
	for i := range 60 {
		wg.Go(func() {
			c := contents[i%len(contents)]
			sha, _, err := b.Put(bytes.NewReader(c))
			if err != nil {
				errs <- err
				return
			}
			sum := sha256.Sum256(c)
			if sha != hex.EncodeToString(sum[:]) {
				errs <- io.ErrUnexpectedEOF
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Put: %v", err)
	}
	got := filesIn(t, dir)
	if len(got) != len(contents) {
		t.Errorf("files on disk: got %v, want %d, no temporary files left", got, len(contents))
	}
	for _, c := range contents {
		sum := sha256.Sum256(c)
		f, err := b.Open(hex.EncodeToString(sum[:]))
		if err != nil {
			t.Fatal(err)
		}
		stored, _ := io.ReadAll(f)
		f.Close()
		if !bytes.Equal(stored, c) {
			t.Errorf("content of %x…: got %d bytes, want %d, unchanged", sum[:4], len(stored), len(c))
		}
	}
}

// A failed write leaves nothing under a real name.
func TestBlobsFailedPutLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	b := store.NewBlobs(dir)
	_, _, err := b.Put(io.MultiReader(strings.NewReader("half a file"), errReader{}))
	if err == nil {
		t.Fatal("Put from a failing reader: got no error")
	}
	if got := filesIn(t, dir); len(got) != 0 {
		t.Errorf("files after a failed Put: got %v, want none", got)
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }
