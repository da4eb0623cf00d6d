package web

import (
	"bytes"
	"image/png"
	"net/http/httptest"
	"testing"
)

// The QR code cannot be decoded here (no decoder among the dependencies), so the
// test checks what the generator is given: the exhibit's public address on the
// host the label was printed from; and that what it gives back is a 256×256 PNG.
func TestExhibitQREncodesThePublicURL(t *testing.T) {
	r := httptest.NewRequest("GET", "http://museum.example:8080/exhibition/7/qr.png", nil)
	if got, want := exhibitPublicURL(r, 7), "http://museum.example:8080/exhibition/7"; got != want {
		t.Errorf("exhibitPublicURL: got %q, want %q", got, want)
	}
	r = httptest.NewRequest("GET", "https://bordermark.example/exhibition/12/label", nil)
	if got, want := exhibitPublicURL(r, 12), "https://bordermark.example/exhibition/12"; got != want {
		t.Errorf("exhibitPublicURL over TLS: got %q, want %q", got, want)
	}
	data, err := exhibitQR("https://bordermark.example/exhibition/12")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil || img.Bounds().Dx() != qrSize || img.Bounds().Dy() != qrSize {
		t.Fatalf("got %v, %v; want a %d×%d PNG", img, err, qrSize, qrSize)
	}
	other, _ := exhibitQR("https://bordermark.example/exhibition/13")
	if bytes.Equal(data, other) {
		t.Error("the QR codes of two addresses are the same image")
	}
}
