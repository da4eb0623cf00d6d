package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// demoRightID finds a demo recordation by its reference.
func demoRightID(t *testing.T, w *world, ref string) int64 {
	t.Helper()
	var r *ipr.Right
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		r, err = tx.RightByRef(t.Context(), ref)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return r.ID
}

// The holder adds pictures of the mark to its draft; others cannot, and a non-picture is refused by name.
func TestMarkImages(t *testing.T) {
	w := newSQLiteWorld(t)
	id := demoRightID(t, w, "DEMO-GOLDFIELD") // a draft of Goldfield Foods
	path := "/rights/" + strconv.FormatInt(id, 10)
	holder := w.signIn(t, "brand@goldfield.example")

	r := w.multipart(t, holder, path+"/images", part{field: "mark_images", name: "mark.png", data: pngPicture(t, 7)})
	if r.status != http.StatusSeeOther {
		t.Fatalf("upload a picture of the mark: got %d, want 303", r.status)
	}
	page := w.get(t, holder, path)
	if !strings.Contains(page.body, `/thumb" alt="Picture 1 of the mark GOLDFIELD"`) {
		t.Errorf("right page: got no thumbnail of the mark")
	}
	bad := w.multipart(t, holder, path+"/images", part{field: "mark_images", name: "mark.png", data: []byte("MZ\x90\x00 not a picture")})
	if bad.status != http.StatusBadRequest || !strings.Contains(bad.body, "is not a picture") {
		t.Errorf("upload a program named .png: got %d, want 400 naming the problem", bad.status)
	}
	other := w.signIn(t, brand) // Northwind may not see Goldfield's draft at all
	if r := w.multipart(t, other, path+"/images", part{field: "mark_images", name: "x.png", data: pngPicture(t, 8)}); r.status != http.StatusNotFound {
		t.Errorf("another holder uploads to the draft: got %d, want 404", r.status)
	}
	northwind := demoRightID(t, w, "DEMO-NORTHWIND") // approved: pictures change by amendment only
	if r := w.multipart(t, w.signIn(t, brand), "/rights/"+strconv.FormatInt(northwind, 10)+"/images",
		part{field: "mark_images", name: "x.png", data: pngPicture(t, 9)}); r.status != http.StatusForbidden {
		t.Errorf("upload to an approved recordation: got %d, want 403", r.status)
	}
}
