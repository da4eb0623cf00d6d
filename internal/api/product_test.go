package api_test

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

type apiFile struct {
	SHA256      string `json:"sha256"`
	URL         string `json:"url"`
	ThumbURL    string `json:"thumb_url"`
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
}

type apiGuidePoint struct {
	ID           int64    `json:"id"`
	ProductID    int64    `json:"product_id"`
	Position     int      `json:"position"`
	Title        string   `json:"title"`
	Genuine      string   `json:"genuine"`
	Fake         string   `json:"fake"`
	GenuinePhoto *apiFile `json:"genuine_photo"`
	FakePhoto    *apiFile `json:"fake_photo"`
}

type apiProduct struct {
	ID       int64           `json:"id"`
	RightID  int64           `json:"right_id"`
	HolderID int64           `json:"holder_id"`
	Name     string          `json:"name"`
	Model    string          `json:"model"`
	HSCodes  []string        `json:"hs_codes"`
	Barcodes []string        `json:"barcodes"`
	PriceMin float64         `json:"price_min"`
	PriceMax float64         `json:"price_max"`
	Currency string          `json:"currency"`
	Photos   []apiFile       `json:"photos"`
	Guide    []apiGuidePoint `json:"guide"`
	CanEdit  bool            `json:"can_edit"`
}

type apiProductList struct {
	Products []apiProduct `json:"products"`
}

const newProduct = `{"name":"Trail runner","model":"TR-2","hs_codes":["6404"],"barcodes":["4006381333931"],` +
	`"price_min":89.5,"price_max":129,"currency":"cny","made_in":"Ningbo","ports":"Ningbo"}`

const newPoint = `{"title":"Sole","genuine":"Moulded logo","fake":"Printed logo"}`

var fileURL = regexp.MustCompile(`^/api/v1/files/[0-9a-f]{64}$`)

func TestProductsAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		northwind := s.token(t, "brand@northwind.example")
		goldfield := s.token(t, "brand@goldfield.example")
		agent := s.token(t, "counsel@linpartners.example")
		police := s.token(t, "investigator@zhejiang.police.example")
		secretariat := s.token(t, "secretariat@association.example")
		rights := func(ref string) string { return "/api/v1/rights/" + s.rightID(t, ref) }
		products := func(id int64) string { return "/api/v1/products/" + strconv.FormatInt(id, 10) }
		guide := func(id int64) string { return "/api/v1/guide/" + strconv.FormatInt(id, 10) }
		// demo is the demo product of the right ref, with its guide, as customs see it.
		demo := func(ref string) apiProduct {
			list := decode[apiProductList](t, "products of "+ref, s.send(t, "GET", rights(ref)+"/products", officer, ""), 200)
			if len(list.Products) == 0 {
				t.Fatalf("products of %s: got none, want the demo catalogue", ref)
			}
			return decode[apiProduct](t, "demo product", s.send(t, "GET", products(list.Products[0].ID), officer, ""), 200)
		}
		nwProduct, auProduct := demo("DEMO-NORTHWIND"), demo("DEMO-AURELIA")
		// draft is a product of Goldfield's draft recordation, which only Goldfield may see.
		draft := decode[apiProduct](t, "a product of a draft", s.send(t, "POST", rights("DEMO-GOLDFIELD")+"/products", goldfield, newProduct), 201)

		t.Run("200", func(t *testing.T) {
			if len(nwProduct.Guide) == 0 || len(nwProduct.Photos) == 0 || nwProduct.CanEdit {
				t.Errorf("officer reads a product: got %d guide points, %d photos, can_edit %v; want a guide, photos, read-only",
					len(nwProduct.Guide), len(nwProduct.Photos), nwProduct.CanEdit)
			}
			for _, f := range nwProduct.Photos {
				if !fileURL.MatchString(f.URL) || f.ThumbURL != f.URL+"/thumb" || f.ContentType == "" || f.SHA256 == "" {
					t.Errorf("officer reads a product: got photo %+v, want /files/{sha} with its type and thumbnail", f)
				}
			}
			if p := nwProduct.Guide[0].GenuinePhoto; p == nil || !fileURL.MatchString(p.URL) {
				t.Errorf("officer reads a guide: got genuine photo %+v, want a /files/{sha} URL", p)
			}
			if got := decode[apiProduct](t, "holder reads its product", s.send(t, "GET", products(nwProduct.ID), northwind, ""), 200); !got.CanEdit {
				t.Errorf("holder reads its product: got can_edit false")
			}
			if got := decode[apiProduct](t, "agent reads a client's product", s.send(t, "GET", products(auProduct.ID), agent, ""), 200); got.Name != auProduct.Name {
				t.Errorf("agent reads a client's product: got %q, want %q", got.Name, auProduct.Name)
			}
			none := s.send(t, "GET", rights("DEMO-MEDORA")+"/products", officer, "")
			if none.status != http.StatusOK || !strings.Contains(string(none.body), `"products":[]`) {
				t.Errorf("a right without products: got %d %s, want 200 with an empty array", none.status, none.body)
			}
			own := decode[apiProductList](t, "holder lists its draft's products", s.send(t, "GET", rights("DEMO-GOLDFIELD")+"/products", goldfield, ""), 200)
			if len(own.Products) != 1 || own.Products[0].ID != draft.ID {
				t.Errorf("holder lists its draft's products: got %+v, want product %d", own.Products, draft.ID)
			}

			changed := decode[apiProduct](t, "holder changes its product", s.send(t, "PUT", products(nwProduct.ID), northwind,
				`{"name":"Summit jacket","hs_codes":["6201","620140"],"price_min":10,"currency":"USD"}`), 200)
			if changed.Name != "Summit jacket" || !slices.Equal(changed.HSCodes, []string{"6201", "620140"}) || changed.Model != "" ||
				changed.Currency != "USD" || len(changed.Guide) != len(nwProduct.Guide) || len(changed.Photos) != len(nwProduct.Photos) {
				t.Errorf("holder changes its product: got %+v, want the new fields with the guide and photos kept", changed)
			}
			point := nwProduct.Guide[0]
			edited := decode[apiGuidePoint](t, "holder changes a guide point", s.send(t, "PUT", guide(point.ID), northwind,
				`{"title":"Stitching","genuine":"Even","fake":"Uneven"}`), 200)
			if edited.Title != "Stitching" || edited.Position != point.Position || edited.GenuinePhoto == nil || edited.GenuinePhoto.SHA256 != point.GenuinePhoto.SHA256 {
				t.Errorf("holder changes a guide point: got %+v, want the new text and the photo kept", edited)
			}
			agentEdit := decode[apiProduct](t, "agent changes a client's product", s.send(t, "PUT", products(auProduct.ID), agent, `{"name":"Tote"}`), 200)
			if agentEdit.Name != "Tote" {
				t.Errorf("agent changes a client's product: got %q", agentEdit.Name)
			}
		})

		t.Run("201", func(t *testing.T) {
			r := s.send(t, "POST", rights("DEMO-NORTHWIND")+"/products", northwind, newProduct)
			got := decode[apiProduct](t, "holder adds a product", r, 201)
			if got.Name != "Trail runner" || got.Currency != "CNY" || got.PriceMin != 89.5 || got.PriceMax != 129 ||
				!slices.Equal(got.Barcodes, []string{"4006381333931"}) || got.Guide == nil || len(got.Guide) != 0 || !got.CanEdit {
				t.Errorf("holder adds a product: got %+v", got)
			}
			if loc := r.header.Get("Location"); loc != products(got.ID) {
				t.Errorf("holder adds a product: got Location %q, want %q", loc, products(got.ID))
			}
			if draft.RightID != mustAtoi(t, s.rightID(t, "DEMO-GOLDFIELD")) {
				t.Errorf("holder adds a product to its draft: got right %d", draft.RightID)
			}
			client := decode[apiProduct](t, "agent adds to a client's right", s.send(t, "POST", rights("DEMO-LUMINA")+"/products", agent, newProduct), 201)
			if client.HolderID != decode[apiRight](t, "Lumina", s.send(t, "GET", rights("DEMO-LUMINA"), officer, ""), 200).HolderID {
				t.Errorf("agent adds to a client's right: got holder %d", client.HolderID)
			}

			pt := decode[apiGuidePoint](t, "holder adds a guide point", s.send(t, "POST", products(got.ID)+"/guide", northwind, newPoint), 201)
			if pt.ProductID != got.ID || pt.Position != 1 || pt.Title != "Sole" || pt.GenuinePhoto != nil {
				t.Errorf("holder adds a guide point: got %+v", pt)
			}
			second := decode[apiGuidePoint](t, "a second point", s.send(t, "POST", products(got.ID)+"/guide", northwind, `{"title":"Box","fake":"Thin card"}`), 201)
			if second.Position != 2 {
				t.Errorf("a second point: got position %d, want 2", second.Position)
			}
		})

		t.Run("204", func(t *testing.T) {
			p := decode[apiProduct](t, "a product to delete", s.send(t, "POST", rights("DEMO-NORTHWIND")+"/products", northwind, newProduct), 201)
			pt := decode[apiGuidePoint](t, "a point to delete", s.send(t, "POST", products(p.ID)+"/guide", northwind, newPoint), 201)
			for _, tc := range []struct{ name, path, token string }{
				{"holder deletes a guide point", guide(pt.ID), northwind},
				{"holder deletes a product", products(p.ID), northwind},
				{"agent deletes a client's guide point", guide(auProduct.Guide[len(auProduct.Guide)-1].ID), agent},
			} {
				if r := s.send(t, "DELETE", tc.path, tc.token, ""); r.status != http.StatusNoContent || len(r.body) != 0 {
					t.Errorf("%s: got %d %s, want 204 without a body", tc.name, r.status, r.body)
				}
			}
			wantError(t, "the deleted product", s.send(t, "GET", products(p.ID), northwind, ""), http.StatusNotFound, ipr.ENOTFOUND)
		})

		t.Run("400", func(t *testing.T) {
			create := rights("DEMO-NORTHWIND") + "/products"
			for _, tc := range []struct {
				name, method, path, body, field string
			}{
				{"malformed JSON", "POST", create, `{"name":`, "body"},
				{"empty body", "POST", create, "", "body"},
				{"unknown field", "POST", create, `{"name":"x","colour":"red"}`, "colour"},
				{"codes as text", "POST", create, `{"name":"x","hs_codes":"6404"}`, "hs_codes"},
				{"price as text", "POST", create, `{"name":"x","price_min":"12"}`, "price_min"},
				{"no name", "POST", create, `{"model":"x"}`, "name"},
				{"not an HS code", "POST", create, `{"name":"x","hs_codes":["64a4"]}`, "hs_codes"},
				{"two codes in one item", "POST", create, `{"name":"x","hs_codes":["6404 6405"]}`, "hs_codes"},
				{"wrong check digit", "POST", create, `{"name":"x","barcodes":["4006381333932"]}`, "barcodes"},
				{"prices upside down", "POST", create, `{"name":"x","price_min":20,"price_max":10,"currency":"CNY"}`, "price_max"},
				{"price without currency", "POST", create, `{"name":"x","price_min":20}`, "currency"},
				{"negative price", "PUT", products(nwProduct.ID), `{"name":"x","price_min":-1,"currency":"CNY"}`, "price_min"},
				{"update without name", "PUT", products(nwProduct.ID), `{}`, "name"},
				{"right id not a number", "GET", "/api/v1/rights/abc/products", "", "id"},
				{"product id zero", "GET", "/api/v1/products/0", "", "id"},
				{"guide title not text", "POST", products(nwProduct.ID) + "/guide", `{"title":5}`, "title"},
				{"guide without title", "POST", products(nwProduct.ID) + "/guide", `{"genuine":"x"}`, "title"},
				{"guide without text", "POST", products(nwProduct.ID) + "/guide", `{"title":"x"}`, "genuine"},
				{"guide with a photo", "POST", products(nwProduct.ID) + "/guide", `{"title":"x","genuine":"y","genuine_photo":"abc"}`, "genuine_photo"},
				{"guide update without title", "PUT", guide(nwProduct.Guide[0].ID), `{"title":" ","genuine":"y"}`, "title"},
			} {
				wantInvalid(t, tc.name, s.send(t, tc.method, tc.path, northwind, tc.body), tc.field)
			}
		})

		t.Run("401", func(t *testing.T) {
			for _, tc := range []struct{ method, path string }{
				{"GET", rights("DEMO-NORTHWIND") + "/products"}, {"POST", rights("DEMO-NORTHWIND") + "/products"},
				{"GET", products(nwProduct.ID)}, {"PUT", products(nwProduct.ID)}, {"DELETE", products(nwProduct.ID)},
				{"POST", products(nwProduct.ID) + "/guide"}, {"PUT", guide(nwProduct.Guide[0].ID)}, {"DELETE", guide(nwProduct.Guide[0].ID)},
			} {
				wantError(t, tc.method+" "+tc.path, s.send(t, tc.method, tc.path, "bm_not-a-token", newProduct), http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
			}
		})

		t.Run("403", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"customs add a product", "POST", rights("DEMO-NORTHWIND") + "/products", officer, newProduct},
				{"customs change a product", "PUT", products(nwProduct.ID), officer, newProduct},
				{"customs delete a product", "DELETE", products(nwProduct.ID), officer, ""},
				{"customs add a guide point", "POST", products(nwProduct.ID) + "/guide", officer, newPoint},
				{"customs change a guide point", "PUT", guide(nwProduct.Guide[0].ID), officer, newPoint},
				{"customs delete a guide point", "DELETE", guide(nwProduct.Guide[0].ID), officer, ""},
				{"police list products", "GET", rights("DEMO-NORTHWIND") + "/products", police, ""},
				{"police read a product", "GET", products(nwProduct.ID), police, ""},
				{"the association reads a product", "GET", products(nwProduct.ID), secretariat, ""},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusForbidden, ipr.EFORBIDDEN)
			}
		})

		t.Run("404", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"holder lists another holder's draft's products", "GET", rights("DEMO-GOLDFIELD") + "/products", northwind, ""},
				{"customs list a draft's products", "GET", rights("DEMO-GOLDFIELD") + "/products", officer, ""},
				{"holder reads another holder's draft's product", "GET", products(draft.ID), northwind, ""},
				{"customs read a draft's product", "GET", products(draft.ID), officer, ""},
				{"holder changes another holder's draft's product", "PUT", products(draft.ID), northwind, newProduct},
				{"holder adds to another holder's draft", "POST", rights("DEMO-GOLDFIELD") + "/products", northwind, newProduct},
				{"holder adds a point to another holder's product", "POST", products(draft.ID) + "/guide", northwind, newPoint},
				{"holder reads another holder's product", "GET", products(nwProduct.ID), goldfield, ""},
				{"holder lists another holder's products", "GET", rights("DEMO-NORTHWIND") + "/products", goldfield, ""},
				{"holder deletes another holder's product", "DELETE", products(auProduct.ID), northwind, ""},
				{"holder changes another holder's guide point", "PUT", guide(auProduct.Guide[0].ID), northwind, newPoint},
				{"holder deletes another holder's guide point", "DELETE", guide(auProduct.Guide[0].ID), northwind, ""},
				{"agent reads a non-client's product", "GET", products(nwProduct.ID), agent, ""},
				{"agent adds to a non-client's right", "POST", rights("DEMO-NORTHWIND") + "/products", agent, newProduct},
				{"no such product", "GET", products(999999), officer, ""},
				{"no such right", "GET", "/api/v1/rights/999999/products", officer, ""},
				{"no such guide point", "DELETE", guide(999999), northwind, ""},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusNotFound, ipr.ENOTFOUND)
			}
			if got := decode[apiProduct](t, "the draft's product after the attempts", s.send(t, "GET", products(draft.ID), goldfield, ""), 200); got.Name != "Trail runner" || len(got.Guide) != 0 {
				t.Errorf("the draft's product after the attempts: got %+v, want it unchanged", got)
			}
		})
	})
}

func mustAtoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A token downloads the photos its product shows; another holder's token gets 404.
func TestFileDownloadByToken(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	officer, other := s.token(t, "officer@yiwu.customs.example"), s.token(t, "brand@voltis.example")
	list := decode[apiProductList](t, "products", s.send(t, "GET", "/api/v1/rights/"+s.rightID(t, "DEMO-NORTHWIND")+"/products", officer, ""), 200)
	if len(list.Products) == 0 {
		t.Fatal("the demo right has no products")
	}
	p := decode[apiProduct](t, "product", s.send(t, "GET", "/api/v1/products/"+strconv.FormatInt(list.Products[0].ID, 10), officer, ""), 200)
	if len(p.Photos) == 0 {
		t.Fatal("the demo product has no photos")
	}
	url := p.Photos[0].URL
	for _, c := range []struct {
		who, token, path string
		want             int
	}{
		{"officer", officer, url, 200},
		{"officer's thumbnail", officer, p.Photos[0].ThumbURL, 200},
		{"another holder", other, url, 404},
		{"no such file", officer, "/api/v1/files/" + strings.Repeat("0", 64), 404},
		{"no token", "", url, 401},
	} {
		if r := s.send(t, "GET", c.path, c.token, ""); r.status != c.want {
			t.Errorf("%s: GET %s got %d, want %d", c.who, c.path, r.status, c.want)
		}
	}
}
