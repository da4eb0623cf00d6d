package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"bordermark/internal/store"
)

// The goods page: an officer adds, assesses, photographs and moves the goods;
// the holder sees them and the accrued storage; another holder sees nothing.
func TestCaseItemsPage(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		c := caseOpen(t, w, 2)
		path := fmt.Sprintf("/cases/%d/items", c.ID)
		off := w.signIn(t, officer)
		scrWant(t, "the case page", w.get(t, off, itemCasePath(c.ID)), http.StatusOK, `href="`+path+`"`)
		r := w.get(t, off, path)
		scrWant(t, "the goods page", r, http.StatusOK, "Goods of case "+c.Ref, "parcel 1: NORTHWIND hoodies", "500.00 CNY",
			`action="`+path+`"`, fmt.Sprintf(`action="/cases/%d/custody"`, c.ID), "No move of the goods has been recorded.")

		r = w.do(t, off, http.MethodPost, path, url.Values{"description": {"parcel 3: caps"}, "quantity": {"many"}})
		scrWant(t, "a parcel without a quantity", r, http.StatusBadRequest, "is not a whole number", `value="parcel 3: caps"`)
		itemRedirect(t, "add a parcel", w.do(t, off, http.MethodPost, path, url.Values{"description": {"parcel 3: caps"},
			"quantity": {"12"}, "declared_value": {"120"}}), path+"?done=added#items")

		view, err := w.svc.CaseItems(t.Context(), hdUser(t, w, officer), c.ID)
		if err != nil || len(view.Items) != 3 {
			t.Fatalf("items: got %v, %v; want 3", view, err)
		}
		first, second := view.Items[0], view.Items[1]
		edit := fmt.Sprintf("%s/%d/edit", path, first.ID)
		r = w.do(t, off, http.MethodPost, edit, url.Values{"assessed_value": {"lots"}, "location": {"Bay 3"}})
		scrWant(t, "a bad assessment", r, http.StatusBadRequest, "is not an amount", `value="lots"`)
		itemRedirect(t, "assess", w.do(t, off, http.MethodPost, edit, url.Values{"assessed_value": {"450"},
			"location": {"Bay 3"}, "storage_cost_per_day": {"2.50"}}), path+"?done=updated#items")

		photo := pngPicture(t, 7)
		itemRedirect(t, "attach a photo", w.multipart(t, off, fmt.Sprintf("%s/%d/files", path, first.ID),
			part{"file", "seized.png", photo}), path+"?done=file#items")
		scrWant(t, "attach nothing", w.multipart(t, off, fmt.Sprintf("%s/%d/files", path, first.ID)), http.StatusBadRequest,
			"choose a file")

		itemRedirect(t, "move all", w.do(t, off, http.MethodPost, fmt.Sprintf("/cases/%d/custody", c.ID),
			url.Values{"from": {"Postal hall"}, "to": {"Warehouse A"}, "received": {"Wang Fang"}}), path+"?done=moved#custody")
		w.clock.Advance(time.Hour)
		itemRedirect(t, "move one", w.do(t, off, http.MethodPost, fmt.Sprintf("/cases/%d/custody", c.ID),
			url.Values{"item": {fmt.Sprint(second.ID)}, "to": {"Inspection lab"}}), path+"?done=moved#custody")
		r = w.do(t, off, http.MethodPost, fmt.Sprintf("/cases/%d/custody", c.ID), url.Values{"to": {""}})
		scrWant(t, "a move to nowhere", r, http.StatusBadRequest, "is required")

		w.clock.Advance(3*24*time.Hour - time.Hour)
		holder := w.signIn(t, brand)
		r = w.get(t, holder, path)
		scrWant(t, "the holder's goods page", r, http.StatusOK, "450.00 CNY", "2.50 CNY", "7.50 CNY", "Storage so far: 7.50 CNY for 3 days",
			`src="/files/`+shaOf(photo)+`/thumb"`, shaOf(photo), "Warehouse A", "Inspection lab", "Wang Fang", "Item 2")
		scrNot(t, "the holder's goods page", r, `action="`+path+`"`, "/custody\"", "/edit\"")
		if i, j := strings.Index(r.body, "Postal hall"), strings.Index(r.body, ">Warehouse A</td><td>Inspection lab"); i < 0 || j < i {
			t.Errorf("custody log: got moves at %d and %d, want the first move before the second", i, j)
		}
		if got := w.get(t, holder, "/files/"+shaOf(photo)); got.status != http.StatusOK || !bytes.Equal([]byte(got.body), photo) {
			t.Errorf("holder downloads the photo: got %d, %d bytes; want 200, the %d uploaded", got.status, len(got.body), len(photo))
		}
		scrWant(t, "the holder moves goods", w.do(t, holder, http.MethodPost, fmt.Sprintf("/cases/%d/custody", c.ID),
			url.Values{"to": {"Home"}}), http.StatusForbidden)
		scrWant(t, "in Chinese", w.get(t, holder, path+"?lang=zh"), http.StatusOK, "保管链", "累计仓储费")

		other := w.signIn(t, otherHolder)
		scrWant(t, "another holder's view", w.get(t, other, path), http.StatusNotFound)
		scrWant(t, "another holder moves goods", w.do(t, other, http.MethodPost, fmt.Sprintf("/cases/%d/custody", c.ID),
			url.Values{"to": {"Home"}}), http.StatusNotFound)
		r = w.do(t, off, http.MethodPost, fmt.Sprintf("/cases/%d/custody", c.ID), url.Values{"to": {"Elsewhere"}},
			"Sec-Fetch-Site", "cross-site")
		scrWant(t, "a cross-site move", r, http.StatusForbidden)
	})
}

func itemCasePath(id int64) string { return fmt.Sprintf("/cases/%d", id) }

func itemRedirect(t *testing.T, what string, r reply, to string) {
	t.Helper()
	if r.status != http.StatusSeeOther || r.header.Get("Location") != to {
		t.Fatalf("%s: got %d to %q, want 303 to %q\n%s", what, r.status, r.header.Get("Location"), to, scrExcerpt(r.body))
	}
}
