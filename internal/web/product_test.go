package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/store"
)

// The product page shows the guide point by point, genuine beside fake, to customs
// and the holder's side; editing tools only to the holder's side; nothing to others.
func TestProductPage(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		p := catProduct(t, w, "DEMO-NORTHWIND")
		path := catPath(p)
		guide := []string{"Northwind Stratus Runner", "NW-STR-3", "Stitching on the toe cap", "Size label inside the tongue",
			"Genuine", "Typical fake", `src="/files/` + p.Guide[0].GenuinePhoto + `/thumb"`, `href="/files/` + p.Guide[0].FakePhoto + `"`,
			"6404110000", "6901234560015", "560 – 1080 CNY", "Ningbo", `src="/files/` + p.Photos[0] + `/thumb"`}
		r := w.get(t, w.signIn(t, officer), path)
		catWant(t, "officer", r, http.StatusOK, guide...)
		for _, not := range []string{"/edit", "guide-add", "/delete", "/move"} {
			if strings.Contains(r.body, path+not) || strings.Contains(r.body, `id="`+not+`"`) {
				t.Errorf("officer: got editing tool %q", not)
			}
		}
		r = w.get(t, w.signIn(t, brand), path)
		catWant(t, "holder", r, http.StatusOK, append(guide, `href="`+path+`/edit"`, `action="`+path+`/guide"`,
			`enctype="multipart/form-data"`, `action="/guide/`+strconv.FormatInt(p.Guide[1].ID, 10)+`/move"`)...)
		// The first point cannot move up, the last not down.
		first := strconv.FormatInt(p.Guide[0].ID, 10)
		if strings.Count(r.body, `action="/guide/`+first+`/move"`) != 1 {
			t.Errorf("holder: got %d move buttons for the first point, want 1 (down)", strings.Count(r.body, `action="/guide/`+first+`/move"`))
		}
		catWant(t, "holder in Chinese", w.get(t, w.signIn(t, brand), path+"?lang=zh"), http.StatusOK,
			"鉴别指南", "正品", "常见假冒品", "编辑产品")
		aureliaPage := catPath(catProduct(t, w, "DEMO-AURELIA"))
		catWant(t, "agent for its client", w.get(t, w.signIn(t, counsel), aureliaPage), http.StatusOK, `href="`+aureliaPage+`/edit"`)

		for _, tc := range []struct {
			who, email string
			want       int
		}{
			{"another holder", catVoltis, http.StatusNotFound},
			{"the agent, not for Northwind", counsel, http.StatusNotFound},
			{"the police", catPolice, http.StatusForbidden},
		} {
			if r := w.get(t, w.signIn(t, tc.email), path); r.status != tc.want || strings.Contains(r.body, "Stratus") {
				t.Errorf("%s: got %d, want %d without the product", tc.who, r.status, tc.want)
			}
		}
		if r := w.get(t, w.client(t), path); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
			t.Errorf("anonymous: got %d to %q, want 303 to /login", r.status, r.header.Get("Location"))
		}
		if r := w.get(t, w.signIn(t, brand), "/products/99999"); r.status != http.StatusNotFound {
			t.Errorf("unknown product: got %d, want 404", r.status)
		}
	})
}

func productForm(name, barcodes string) url.Values {
	return url.Values{"name": {name}, "model": {"NW-TR-1"}, "hs_codes": {"6404110000, 640411"}, "barcodes": {barcodes},
		"price_min": {"499"}, "price_max": {"899"}, "currency": {"CNY"}, "packaging": {"Green box\r\nwith tissue"},
		"made_in": {"Putian"}, "routes": {"Ningbo by sea"}, "ports": {"Ningbo"}}
}

// The holder adds, edits and deletes a product through the forms; bad input is shown
// again with the field marked and what was typed kept.
func TestProductForms(t *testing.T) {
	w := newSQLiteWorld(t)
	p := catProduct(t, w, "DEMO-NORTHWIND")
	right := "/rights/" + strconv.FormatInt(p.RightID, 10)
	holder := w.signIn(t, brand)
	catWant(t, "new form", w.get(t, holder, right+"/products/new"), http.StatusOK, `name="barcodes"`, "NORTHWIND")
	for email, want := range map[string]int{officer: http.StatusForbidden, catVoltis: http.StatusNotFound} {
		if r := w.get(t, w.signIn(t, email), right+"/products/new"); r.status != want {
			t.Errorf("%s opens the new product form: got %d, want %d", email, r.status, want)
		}
		if r := w.do(t, w.signIn(t, email), http.MethodPost, right+"/products/new", productForm("Intruder", "")); r.status != want {
			t.Errorf("%s posts a new product: got %d, want %d", email, r.status, want)
		}
	}

	bad := w.do(t, holder, http.MethodPost, right+"/products/new", productForm("Stratus Trail", "6901234560016"))
	catWant(t, "bad GTIN", bad, http.StatusBadRequest, `value="Stratus Trail"`, `value="6901234560016" inputmode="numeric" placeholder="6901234560015" aria-invalid="true"`,
		"wrong check digit", "Green box\nwith tissue")
	loc := catRedirect(t, "create", w.do(t, holder, http.MethodPost, right+"/products/new", productForm("Stratus Trail", "6901234560022")), "/products/")
	catWant(t, "created", w.get(t, holder, loc), http.StatusOK, "The product was added", "Stratus Trail", "499 – 899 CNY")
	path, _, _ := strings.Cut(loc, "?")
	catWant(t, "edit form", w.get(t, holder, path+"/edit"), http.StatusOK, `value="Stratus Trail"`, `value="6901234560022"`)
	if r := w.get(t, w.signIn(t, officer), path+"/edit"); r.status != http.StatusForbidden {
		t.Errorf("officer opens the edit form: got %d, want 403", r.status)
	}
	f := productForm("Stratus Trail GTX", "6901234560022")
	f.Set("price_max", "10")
	catWant(t, "max below min", w.do(t, holder, http.MethodPost, path+"/edit", f), http.StatusBadRequest, `value="Stratus Trail GTX"`, "below the minimum")
	f.Set("price_max", "999")
	catRedirect(t, "update", w.do(t, holder, http.MethodPost, path+"/edit", f), path+"?done=updated")
	catWant(t, "updated", w.get(t, holder, path), http.StatusOK, "Stratus Trail GTX", "499 – 999 CNY")
	if r := w.do(t, w.signIn(t, officer), http.MethodPost, path+"/delete", url.Values{}); r.status != http.StatusForbidden {
		t.Errorf("officer deletes: got %d, want 403", r.status)
	}
	catRedirect(t, "delete", w.do(t, holder, http.MethodPost, path+"/delete", url.Values{}), right)
	if r := w.get(t, holder, path); r.status != http.StatusNotFound {
		t.Errorf("deleted product: got %d, want 404", r.status)
	}
	// Last: choosing Chinese is remembered for the user.
	bad = w.do(t, w.signIn(t, brand), http.MethodPost, right+"/products/new?lang=zh", func() url.Values {
		f := productForm("Stratus Trail", "")
		f.Set("hs_codes", "12ab")
		return f
	}())
	catWant(t, "HS code 12ab in Chinese", bad, http.StatusBadRequest, "HS 编码为 4 至 10 位数字", `&#34;12ab&#34; is not an HS code`)
}
