package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"bordermark/internal/store"
)

// hdRightID is the id of the demo right with reference ref, as a string for URLs.
func hdRightID(t *testing.T, w *world, ref string) string {
	t.Helper()
	var id int64
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) error {
		r, err := tx.RightByRef(t.Context(), ref)
		if err == nil {
			id = r.ID
		}
		return err
	})
	if err != nil {
		t.Fatalf("right %s: %v", ref, err)
	}
	return strconv.FormatInt(id, 10)
}

var partyDeleteRE = regexp.MustCompile(`action="/parties/(\d+)/delete"`)

func TestSupplyChainPage(t *testing.T) {
	w := newSQLiteWorld(t)
	id := hdRightID(t, w, "DEMO-NORTHWIND")
	page := "/rights/" + id + "/parties"
	holder, off := w.signIn(t, brand), w.signIn(t, officer)

	r := w.get(t, holder, page)
	hdWant(t, "GET parties as the holder", r, http.StatusOK, "Northwind Apparel (Ningbo) Trading Co., Ltd.", "Ningbo Seaview Garment Co., Ltd.",
		"91330203MA2H7N1X3K", `action="`+page+`"`, `href="/rights/`+id+`"`, "Exporter")
	if tableRows(r.body) != 2 {
		t.Errorf("GET parties: got %d rows, want 2", tableRows(r.body))
	}
	r = w.get(t, off, page)
	hdWant(t, "GET parties as officer", r, http.StatusOK, "Ningbo Seaview Garment Co., Ltd.")
	hdNot(t, "GET parties as officer", r, `action="`+page+`"`, "/delete")
	hdWant(t, "GET parties in Chinese", w.get(t, off, page+"?lang=zh"), http.StatusOK, "授权供应链", "授权出口商")
	hdWant(t, "GET parties as another holder", w.get(t, w.signIn(t, aureliaBrand), page), http.StatusNotFound)
	hdWant(t, "GET parties as police", w.get(t, w.signIn(t, police), page), http.StatusForbidden)
	hdWant(t, "GET parties of a draft as officer", w.get(t, off, "/rights/"+hdRightID(t, w, "DEMO-GOLDFIELD")+"/parties"), http.StatusNotFound)
	hdWant(t, "GET parties of no right", w.get(t, holder, "/rights/99999/parties"), http.StatusNotFound)
	if r := w.get(t, w.client(t), page); r.status != http.StatusSeeOther {
		t.Errorf("GET parties anonymous: got %d, want 303 to the sign-in", r.status)
	}

	form := func(role, name, address string) url.Values {
		return url.Values{"role": {role}, "name": {name}, "address": {address}, "reg_code": {"91330100MA27XYZ12A"}}
	}
	hdWant(t, "POST a bad role", w.do(t, holder, http.MethodPost, page, form("broker", "X", "")), http.StatusBadRequest,
		"role: &#34;broker&#34; is not one of")
	hdWant(t, "POST no name", w.do(t, holder, http.MethodPost, page, form("importer", " ", "Pier 4, Hamburg")), http.StatusBadRequest,
		"name: is required", `value="Pier 4, Hamburg"`, `<option value="importer" selected>`)
	hdWant(t, "POST as officer", w.do(t, off, http.MethodPost, page, form("importer", "X", "")), http.StatusForbidden)
	hdWant(t, "POST as the agent of other holders", w.do(t, w.signIn(t, counsel), http.MethodPost, page, form("importer", "X", "")), http.StatusNotFound)
	if n := tableRows(w.get(t, holder, page).body); n != 2 {
		t.Fatalf("after refused forms: got %d parties, want 2", n)
	}

	r = w.do(t, holder, http.MethodPost, page, form("importer", "Hanse Outdoor Import GmbH", "Pier 4, Hamburg"))
	if r.status != http.StatusSeeOther || r.header.Get("Location") != page {
		t.Fatalf("POST parties: got %d to %q, want 303 to %s", r.status, r.header.Get("Location"), page)
	}
	r = w.get(t, holder, page)
	hdWant(t, "after adding", r, http.StatusOK, "Hanse Outdoor Import GmbH", "Importer")
	ids := partyDeleteRE.FindAllStringSubmatch(r.body, -1)
	if len(ids) != 3 {
		t.Fatalf("after adding: got %d remove buttons, want 3", len(ids))
	}
	del := "/parties/" + ids[0][1] + "/delete"
	hdWant(t, "POST delete as officer", w.do(t, off, http.MethodPost, del, url.Values{}), http.StatusForbidden)
	hdWant(t, "POST delete as another holder", w.do(t, w.signIn(t, aureliaBrand), http.MethodPost, del, url.Values{}), http.StatusNotFound)
	if r := w.do(t, holder, http.MethodPost, del, url.Values{}); r.status != http.StatusSeeOther || r.header.Get("Location") != page {
		t.Errorf("POST delete: got %d to %q, want 303 to %s", r.status, r.header.Get("Location"), page)
	}
	if n := tableRows(w.get(t, holder, page).body); n != 2 {
		t.Errorf("after delete: got %d parties, want 2", n)
	}
}
