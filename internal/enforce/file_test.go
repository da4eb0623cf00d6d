package enforce_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Uploads are checked by their content, whatever their name, and a refused
// upload stores nothing: no row, no audit event, no file on disk.
func TestUploadsAreCheckedByContent(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		holder := user(t, s, holderEmail)
		p := demoProduct(t, s, "DEMO-NORTHWIND")
		good := pngOf(t, picture(40, 20, red, blue))
		huge := make([]byte, 20<<20)
		copy(huge, good)
		for _, tc := range []struct {
			name    string
			uploads []enforce.Upload
			problem string
		}{
			{"a 20 MB upload", []enforce.Upload{upload("photos", "big.png", huge)}, "larger than the limit of 10 MB"},
			{"a program renamed .png", []enforce.Upload{upload("photos", "photo.png", exe)}, "is not a picture"},
			{"an empty file", []enforce.Upload{upload("photos", "empty.jpg", nil)}, "is empty"},
			{"a damaged picture", []enforce.Upload{upload("photos", "cut.png", good[:60])}, "not a readable picture"},
			{"a picture claiming 10 gigapixels", []enforce.Upload{upload("photos", "bomb.png", hugePNG(t))}, "too many pixels"},
			{"a good picture with a bad one", []enforce.Upload{upload("photos", "ok.png", good), upload("photos", "x.png", exe)}, "x.png: is not a picture"},
			{"no file", nil, "choose at least one file"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before, files := count(t, s), len(blobFiles(t, s))
				_, err := s.AddProductPhotos(t.Context(), holder, p.ID, tc.uploads)
				wantError(t, err, ipr.EINVALID, "photos")
				if got := ipr.ErrorFields(err)["photos"]; !strings.Contains(got, tc.problem) {
					t.Errorf("problem: got %q, want %q", got, tc.problem)
				}
				if after := count(t, s); after != before {
					t.Errorf("refused upload wrote to the database: %+v → %+v", before, after)
				}
				if got := len(blobFiles(t, s)); got != files {
					t.Errorf("refused upload left files on disk: got %d, want %d", got, files)
				}
			})
		}
		if got := demoProduct(t, s, "DEMO-NORTHWIND"); len(got.Photos) != len(p.Photos) {
			t.Errorf("photos after refused uploads: got %d, want %d", len(got.Photos), len(p.Photos))
		}
		var exists bool
		db.View(t.Context(), func(tx *store.Tx) error {
			_, err := tx.FileBySHA(t.Context(), sha(good))
			exists = err == nil
			return nil
		})
		if exists {
			t.Error("the good picture sent with a bad one was recorded")
		}
	})
}

// Every accepted type is stored once, with a thumbnail for pictures, an audit event and a row.
func TestUploadStoresOnceWithThumbnail(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		holder := user(t, s, holderEmail)
		p := demoProduct(t, s, "DEMO-NORTHWIND")
		uploads := map[string][]byte{
			"wide.png": pngOf(t, picture(1000, 500, red, blue)), "photo.jpg": jpegOf(t, picture(64, 32, red, blue), 0),
			"anim.gif": gifOf(t, picture(30, 30, red, blue)), "tiny.webp": tinyWebP(t), "leaflet.pdf": pdf,
		}
		wantType := map[string]string{"wide.png": "image/png", "photo.jpg": "image/jpeg", "anim.gif": "image/gif",
			"tiny.webp": "image/webp", "leaflet.pdf": "application/pdf"}
		var list []enforce.Upload
		for name, data := range uploads {
			list = append(list, upload("photos", `C:\Users\emma\`+name, data))
		}
		before := count(t, s)
		got, err := s.AddProductPhotos(ctx, holder, p.ID, list)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Photos) != len(p.Photos)+5 {
			t.Errorf("photos: got %d, want %d", len(got.Photos), len(p.Photos)+5)
		}
		if after := count(t, s); after.events != before.events+6 {
			t.Errorf("audit events: got %d more, want 6 (5 uploads, 1 product change)", after.events-before.events)
		}
		for name, data := range uploads {
			f, body, err := s.OpenFile(ctx, holder, sha(data), false)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			stored, _ := io.ReadAll(body)
			body.Close()
			if !bytes.Equal(stored, data) || f.ContentType != wantType[name] || f.Name != name || f.Size != int64(len(data)) || f.OrgID != holder.OrgID {
				t.Errorf("%s: got %+v with %d bytes", name, f, len(stored))
			}
			_, thumb, err := s.OpenFile(ctx, holder, sha(data), true)
			if name == "leaflet.pdf" {
				if ipr.ErrorCode(err) != ipr.ENOTFOUND {
					t.Errorf("thumbnail of a PDF: got %v, want ENOTFOUND", err)
				}
				continue
			}
			if err != nil {
				t.Errorf("thumbnail of %s: %v", name, err)
				continue
			}
			img, err := png.Decode(thumb)
			thumb.Close()
			if err != nil {
				t.Errorf("thumbnail of %s: %v", name, err)
			} else if b := img.Bounds(); b.Dx() > enforce.ThumbSize || b.Dy() > enforce.ThumbSize {
				t.Errorf("thumbnail of %s: got %v, want at most %d wide and high", name, b, enforce.ThumbSize)
			}
		}
		// Again: stored once, nothing new in the product.
		files := len(blobFiles(t, s))
		again, err := s.AddProductPhotos(ctx, holder, p.ID, []enforce.Upload{upload("photos", "copy.png", uploads["wide.png"])})
		if err != nil || len(again.Photos) != len(got.Photos) || len(blobFiles(t, s)) != files {
			t.Errorf("same picture again: got %d photos, %d files, %v; want %d and %d", len(again.Photos), len(blobFiles(t, s)), err, len(got.Photos), files)
		}
		if err := s.RemoveProductPhoto(ctx, holder, p.ID, sha(pdf)); err != nil {
			t.Fatal(err)
		}
		if d, _ := s.Product(ctx, holder, p.ID); len(d.Product.Photos) != len(got.Photos)-1 {
			t.Errorf("after removing the PDF: got %d photos, want %d", len(d.Product.Photos), len(got.Photos)-1)
		}
		if err := s.RemoveProductPhoto(ctx, holder, p.ID, sha(pdf)); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("removing it twice: got %v, want ENOTFOUND", err)
		}
	})
}

// Thumbnails fit the box, keep proportions and stand upright as the camera recorded.
func TestThumbnails(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	holder := user(t, s, holderEmail)
	p := demoProduct(t, s, "DEMO-NORTHWIND")
	for _, tc := range []struct {
		name           string
		data           []byte
		w, h           int
		topLeft, lower string // colour at the top left, and at the bottom right: r or b
	}{
		{"wide picture", pngOf(t, picture(1000, 500, red, blue)), 360, 180, "r", "b"},
		{"tall picture", pngOf(t, picture(300, 900, red, blue)), 120, 360, "r", "b"},
		{"small picture stays small", pngOf(t, picture(40, 10, red, blue)), 40, 10, "r", "b"},
		{"JPEG upright", jpegOf(t, picture(400, 200, red, blue), 1), 360, 180, "r", "b"},
		{"JPEG turned 90° (orientation 6)", jpegOf(t, picture(400, 200, red, blue), 6), 180, 360, "r", "b"},
		{"JPEG upside down (orientation 3)", jpegOf(t, picture(400, 200, red, blue), 3), 360, 180, "b", "r"},
		{"JPEG turned 270° (orientation 8)", jpegOf(t, picture(400, 200, red, blue), 8), 180, 360, "b", "r"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.AddProductPhotos(t.Context(), holder, p.ID, []enforce.Upload{upload("photos", "p", tc.data)}); err != nil {
				t.Fatal(err)
			}
			_, f, err := s.OpenFile(t.Context(), holder, sha(tc.data), true)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
				t.Errorf("size: got %dx%d, want %dx%d", b.Dx(), b.Dy(), tc.w, tc.h)
			}
			b := img.Bounds()
			if got := colourAt(img, 2, 2); got != tc.topLeft {
				t.Errorf("top left: got %s, want %s", got, tc.topLeft)
			}
			if got := colourAt(img, b.Dx()-3, b.Dy()-3); got != tc.lower {
				t.Errorf("bottom right: got %s, want %s", got, tc.lower)
			}
		})
	}
}

func colourAt(img image.Image, x, y int) string {
	r, _, b, _ := img.At(x, y).RGBA()
	switch {
	case r > 2*b:
		return "r"
	case b > 2*r:
		return "b"
	}
	return "?"
}

// Files are served only to those who may see the catalogue of an organisation they
// belong to; to anyone else they do not exist. The same content uploaded by a second
// holder is stored once and becomes that holder's too.
func TestOpenFileOnlyForThoseAllowed(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		northwind := demoProduct(t, s, "DEMO-NORTHWIND")
		voltis := demoProduct(t, s, "DEMO-VOLTIS")
		photo := northwind.Photos[0]
		open := func(email, sha string) string {
			var u *ipr.User
			if email != "" {
				u = user(t, s, email)
			}
			_, f, err := s.OpenFile(ctx, u, sha, false)
			if f != nil {
				f.Close()
			}
			return ipr.ErrorCode(err)
		}
		for _, tc := range []struct {
			who, email, sha, want string
		}{
			{"the holder", holderEmail, photo, ""},
			{"customs", officerEmail, photo, ""},
			{"another holder", voltisEmail, photo, ipr.ENOTFOUND},
			{"the agent, not for this holder", agentEmail, photo, ipr.ENOTFOUND},
			{"the police", policeEmail, photo, ipr.ENOTFOUND},
			{"the public", "", photo, ipr.EUNAUTHENTICATED},
			{"the holder, a file that does not exist", holderEmail, strings.Repeat("0", 64), ipr.ENOTFOUND},
			{"the holder, a bad name", holderEmail, "../../etc/passwd", ipr.ENOTFOUND},
		} {
			if got := open(tc.email, tc.sha); got != tc.want {
				t.Errorf("%s: got %q, want %q", tc.who, got, tc.want)
			}
		}
		// Voltis uploads the very same picture: one blob, both holders' now, nobody else's.
		var data []byte
		_, f, err := s.OpenFile(ctx, user(t, s, holderEmail), photo, false)
		if err != nil {
			t.Fatal(err)
		}
		data, _ = io.ReadAll(f)
		f.Close()
		files := len(blobFiles(t, s))
		if _, err := s.AddProductPhotos(ctx, user(t, s, voltisEmail), voltis.ID, []enforce.Upload{upload("photos", "mine.png", data)}); err != nil {
			t.Fatal(err)
		}
		if got := len(blobFiles(t, s)); got != files {
			t.Errorf("same content from another holder: got %d files on disk, want %d", got, files)
		}
		for email, want := range map[string]string{voltisEmail: "", holderEmail: "", luminaEmail: ipr.ENOTFOUND} {
			if got := open(email, photo); got != want {
				t.Errorf("%s after the second upload: got %q, want %q", email, got, want)
			}
		}
	})
}
