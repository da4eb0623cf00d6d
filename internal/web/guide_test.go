package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

func shaOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// The holder's side adds, edits, reorders and deletes guide points with photos.
func TestGuideForms(t *testing.T) {
	w := newSQLiteWorld(t)
	p := catProduct(t, w, "DEMO-AURELIA")
	path := catPath(p)
	agent := w.signIn(t, counsel) // acts for Aurelia
	genuine, fake := pngPicture(t, 10), pngPicture(t, 200)

	// A program as the fake photo: refused by its content, the text kept, the field marked.
	r := w.multipart(t, agent, path+"/guide", field("title", "Zip puller"), field("genuine", "Engraved AM"),
		part{"genuine_photo", "zip.png", genuine}, field("fake", "Printed"), part{"fake_photo", "zip-fake.png", exeBytes})
	catWant(t, "program as a photo", r, http.StatusBadRequest, `value="Zip puller"`, ">Engraved AM</textarea>",
		`name="fake_photo" accept="image/jpeg,image/png,image/gif,image/webp" aria-invalid="true"`, "zip-fake.png: is not a picture")
	if after := catProduct(t, w, "DEMO-AURELIA"); len(after.Guide) != len(p.Guide) {
		t.Errorf("after the refused point: got %d points, want %d", len(after.Guide), len(p.Guide))
	}
	r = w.multipart(t, agent, path+"/guide", field("title", ""), field("genuine", ""), field("fake", ""))
	catWant(t, "empty point", r, http.StatusBadRequest, "Please correct the fields marked below", `name="title" value="" maxlength="300" required aria-invalid="true"`)

	loc := catRedirect(t, "add", w.multipart(t, agent, path+"/guide", field("title", "Zip puller"), field("genuine", "Engraved AM"),
		part{"genuine_photo", "zip.png", genuine}, field("fake", "Printed"), part{"fake_photo", "zip-fake.png", fake}), path+"?done=guide_added#point-")
	_, anchor, _ := strings.Cut(loc, "#point-")
	catWant(t, "added", w.get(t, agent, loc), http.StatusOK, "Zip puller", `src="/files/`+shaOf(genuine)+`/thumb"`,
		`src="/files/`+shaOf(fake)+`/thumb"`, `id="point-`+anchor+`"`)
	point := "/guide/" + anchor

	// Edit: the form shows the current photos; replacing one keeps the other.
	catWant(t, "edit form", w.get(t, agent, point+"/edit"), http.StatusOK, `value="Zip puller"`, `name="remove_genuine_photo"`,
		`src="/files/`+shaOf(fake)+`/thumb"`)
	other := pngPicture(t, 99)
	catRedirect(t, "update", w.multipart(t, agent, point+"/edit", field("title", "Zip puller engraving"), field("genuine", "Engraved AM"),
		field("fake", "Printed"), part{"fake_photo", "other.png", other}), path+"?done=guide_updated")
	r = w.get(t, agent, path)
	catWant(t, "updated", r, http.StatusOK, "Zip puller engraving", `src="/files/`+shaOf(genuine)+`/thumb"`, `src="/files/`+shaOf(other)+`/thumb"`)
	catWant(t, "edit with no title", w.multipart(t, agent, point+"/edit", field("title", " "), field("genuine", "Engraved AM")),
		http.StatusBadRequest, ">Engraved AM</textarea>")
	catRedirect(t, "remove photo", w.multipart(t, agent, point+"/edit", field("title", "Zip puller engraving"), field("genuine", "Engraved AM"),
		field("remove_genuine_photo", "1")), path)
	if r := w.get(t, agent, path); strings.Contains(r.body, `src="/files/`+shaOf(genuine)+`/thumb"`) {
		t.Error("after removing the genuine photo: still shown")
	}

	// Reorder: the new point is last; up once makes it third.
	catRedirect(t, "move up", w.do(t, agent, http.MethodPost, point+"/move", url.Values{"by": {"-1"}}), path+"?done=guide_moved")
	after := catProduct(t, w, "DEMO-AURELIA")
	if got := strconv.FormatInt(after.Guide[len(after.Guide)-2].ID, 10); got != anchor {
		t.Errorf("after moving up: got point %s second to last, want %s", got, anchor)
	}

	// Customs may look but not change; another holder finds nothing.
	for email, want := range map[string]int{officer: http.StatusForbidden, brand: http.StatusNotFound} {
		c := w.signIn(t, email)
		if r := w.get(t, c, point+"/edit"); r.status != want {
			t.Errorf("%s opens the point's form: got %d, want %d", email, r.status, want)
		}
		if r := w.do(t, c, http.MethodPost, point+"/delete", url.Values{}); r.status != want {
			t.Errorf("%s deletes the point: got %d, want %d", email, r.status, want)
		}
		if r := w.multipart(t, c, path+"/guide", field("title", "Intruder"), field("genuine", "x")); r.status != want {
			t.Errorf("%s adds a point: got %d, want %d", email, r.status, want)
		}
	}
	catRedirect(t, "delete", w.do(t, agent, http.MethodPost, point+"/delete", url.Values{}), path+"?done=guide_deleted")
	if r := w.get(t, agent, point+"/edit"); r.status != http.StatusNotFound {
		t.Errorf("deleted point: got %d, want 404", r.status)
	}
}

// Photos are uploaded by the holder's side, checked by content and size.
func TestProductPhotoUpload(t *testing.T) {
	w := newSQLiteWorld(t)
	p := catProduct(t, w, "DEMO-NORTHWIND")
	path := catPath(p)
	holder := w.signIn(t, brand)
	huge := make([]byte, 20<<20)
	copy(huge, pngPicture(t, 1))
	for _, tc := range []struct {
		name  string
		parts []part
		want  string
	}{
		{"a 20 MB picture", []part{{"photos", "big.png", huge}}, "big.png: is larger than the limit of 10 MB"},
		{"a program renamed .png", []part{{"photos", "photo.png", exeBytes}}, "photo.png: is not a picture"},
		{"too much at once", []part{{"photos", "a.png", huge}, {"photos", "b.png", huge}}, "larger than 21 MB"},
		{"no file", nil, "choose at least one file"},
	} {
		r := w.multipart(t, holder, path+"/photos", tc.parts...)
		catWant(t, tc.name, r, http.StatusBadRequest, tc.want, `name="photos" multiple required`)
	}
	if got := catProduct(t, w, "DEMO-NORTHWIND"); len(got.Photos) != len(p.Photos) {
		t.Errorf("after refused uploads: got %d photos, want %d", len(got.Photos), len(p.Photos))
	}
	a, b := pngPicture(t, 3), pngPicture(t, 4)
	catRedirect(t, "upload", w.multipart(t, holder, path+"/photos", part{"photos", "a.png", a}, part{"photos", "b.png", b},
		part{"photos", "leaflet.pdf", []byte("%PDF-1.4\n%%EOF\n")}), path+"?done=photos")
	r := w.get(t, holder, path)
	catWant(t, "uploaded", r, http.StatusOK, `src="/files/`+shaOf(a)+`/thumb"`, `src="/files/`+shaOf(b)+`/thumb"`, "PDF · leaflet.pdf")
	if r := w.multipart(t, w.signIn(t, officer), path+"/photos", part{"photos", "c.png", pngPicture(t, 5)}); r.status != http.StatusForbidden {
		t.Errorf("officer uploads: got %d, want 403", r.status)
	}
	catRedirect(t, "remove", w.do(t, holder, http.MethodPost, path+"/photos/"+shaOf(a)+"/delete", url.Values{}), path+"?done=photo_removed")
	if r := w.get(t, holder, path); strings.Contains(r.body, shaOf(a)) {
		t.Error("removed photo: still shown")
	}
}
