package web_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// Demo logins of the catalogue tests.
const (
	catVoltis = "brand@voltis.example"
	catPolice = "investigator@zhejiang.police.example"
)

// catProduct is the demo product under the right with ref, with its guide.
func catProduct(t testing.TB, w *world, ref string) *ipr.Product {
	t.Helper()
	var p *ipr.Product
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) error {
		r, err := tx.RightByRef(t.Context(), ref)
		if err != nil {
			return err
		}
		list, err := tx.Products(t.Context(), r.ID)
		if err != nil || len(list) == 0 {
			t.Fatalf("products of %s: got %d, %v", ref, len(list), err)
		}
		p, err = tx.ProductByID(t.Context(), list[0].ID)
		return err
	})
	if err != nil {
		t.Fatalf("product of %s: %v", ref, err)
	}
	return p
}

func catPath(p *ipr.Product) string { return "/products/" + strconv.FormatInt(p.ID, 10) }

// part is one field of a multipart form: a file when name is not "".
type part struct {
	field, name string
	data        []byte
}

func field(name, value string) part { return part{field: name, data: []byte(value)} }

// multipart posts a multipart form, as a browser sends a form with files.
func (w *world) multipart(t testing.TB, c *http.Client, path string, parts ...part) reply {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range parts {
		var dst io.Writer
		var err error
		if p.name != "" {
			dst, err = mw.CreateFormFile(p.field, p.name)
		} else {
			dst, err = mw.CreateFormField(p.field)
		}
		if err != nil {
			t.Fatal(err)
		}
		dst.Write(p.data)
	}
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, w.srv.URL+path, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// pngPicture is a small PNG, different for every seed.
func pngPicture(t testing.TB, seed uint8) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for y := range 30 {
		for x := range 40 {
			img.Set(x, y, color.RGBA{seed, uint8(x * 6), uint8(y * 8), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// exeBytes are a Windows program's first bytes.
var exeBytes = append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00"), bytes.Repeat([]byte{0}, 100)...)

// catWant checks a reply's status and that its body has every string of want.
func catWant(t testing.TB, what string, r reply, status int, want ...string) {
	t.Helper()
	if r.status != status {
		body := r.body
		if _, main, ok := strings.Cut(body, "<main"); ok {
			body = main
		}
		t.Fatalf("%s: got status %d, want %d\n%.1500s", what, r.status, status, body)
	}
	for _, s := range want {
		if !strings.Contains(r.body, s) {
			t.Errorf("%s: got a page without %q", what, s)
		}
	}
}

// catRedirect checks a 303 and returns where it leads.
func catRedirect(t testing.TB, what string, r reply, prefix string) string {
	t.Helper()
	loc := r.header.Get("Location")
	if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s: got %d to %q, want 303 to %s…\n%.1500s", what, r.status, loc, prefix, r.body)
	}
	return loc
}
