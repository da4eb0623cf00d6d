package enforce_test

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io/fs"
	"path/filepath"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// Demo accounts of the catalogue tests.
const (
	voltisEmail = "brand@voltis.example"
	luminaEmail = "brand@lumina.example"
)

// demoRight loads a demo right by reference.
func demoRight(t *testing.T, s *enforce.Service, ref string) *ipr.Right {
	t.Helper()
	var r *ipr.Right
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) { r, err = tx.RightByRef(t.Context(), ref); return err })
	if err != nil {
		t.Fatalf("right %s: %v", ref, err)
	}
	return r
}

// demoProduct returns the demo product under the right with ref, as the system sees it.
func demoProduct(t *testing.T, s *enforce.Service, ref string) *ipr.Product {
	t.Helper()
	list, err := s.Products(t.Context(), ipr.SystemUser(), demoRight(t, s, ref).ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("products of %s: got %d, %v; want 1", ref, len(list), err)
	}
	d, err := s.Product(t.Context(), ipr.SystemUser(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return d.Product
}

// blobFiles lists the files in the blob store's folder.
func blobFiles(t *testing.T, s *enforce.Service) []string {
	t.Helper()
	var list []string
	filepath.WalkDir(s.Files.Dir(), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			list = append(list, path)
		}
		return nil
	})
	return list
}

// picture returns an image whose left half is left and right half is right.
func picture(w, h int, left, right color.Color) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := left
			if x >= w/2 {
				c = right
			}
			img.Set(x, y, c)
		}
	}
	return img
}

var (
	red  = color.RGBA{220, 0, 0, 255}
	blue = color.RGBA{0, 0, 220, 255}
)

func pngOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gifOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// jpegOf encodes img as a JPEG carrying an EXIF orientation (0 for no EXIF at all).
func jpegOf(t *testing.T, img image.Image, orientation uint16) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	if orientation == 0 {
		return b.Bytes()
	}
	// APP1: "Exif\0\0", a big-endian TIFF header, one directory with one entry (0x0112, SHORT, 1).
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00")
	binary.BigEndian.PutUint16(tiff[18:], orientation)
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	out := append([]byte{0xFF, 0xD8}, app1...)
	return append(out, b.Bytes()[2:]...)
}

// tinyWebP is a 1×1 lossless WebP picture.
func tinyWebP(t *testing.T) []byte {
	b, err := base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hugePNG is a small file whose header claims 100,000 × 100,000 pixels.
func hugePNG(t *testing.T) []byte {
	b := pngOf(t, picture(2, 2, red, blue))
	ihdr := b[8+8 : 8+8+13] // after the signature, the IHDR chunk's length and type
	binary.BigEndian.PutUint32(ihdr[0:], 100_000)
	binary.BigEndian.PutUint32(ihdr[4:], 100_000)
	binary.BigEndian.PutUint32(b[8+8+13:], crc32.ChecksumIEEE(b[8+4:8+8+13]))
	return b
}

// exe is a Windows program's first bytes.
var exe = append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), bytes.Repeat([]byte{0}, 200)...)

// pdf is a small PDF document.
var pdf = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

func upload(field, name string, data []byte) enforce.Upload {
	return enforce.Upload{Field: field, Name: name, Body: bytes.NewReader(data)}
}

// byteReader reads data and remembers it, so that a test can send it again.
type byteReader struct {
	*bytes.Reader
	data []byte
}

func bytesOf(data []byte) *byteReader { return &byteReader{bytes.NewReader(data), data} }
