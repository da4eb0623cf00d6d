package enforce_test

import (
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

func goodProduct() enforce.ProductInput {
	return enforce.ProductInput{Name: "Stratus Trail", Model: "NW-TR-1", HSCodes: "6404110000, 640411",
		Barcodes: "6901234560022", PriceMin: "499", PriceMax: "899.5", Currency: "cny", Packaging: "Green box",
		MadeIn: "Putian", Routes: "Ningbo by sea", Ports: "Ningbo"}
}

// The catalogue as a matrix of role × action × owner: who may see and change a holder's products.
func TestCataloguePermissions(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		northwind, aurelia := demoProduct(t, s, "DEMO-NORTHWIND"), demoProduct(t, s, "DEMO-AURELIA")
		type act struct {
			name string
			do   func(u *ipr.User, p *ipr.Product) error
		}
		acts := []act{
			{"view", func(u *ipr.User, p *ipr.Product) error { _, err := s.Product(ctx, u, p.ID); return err }},
			{"list", func(u *ipr.User, p *ipr.Product) error { _, err := s.Products(ctx, u, p.RightID); return err }},
			{"open photo", func(u *ipr.User, p *ipr.Product) error {
				_, f, err := s.OpenFile(ctx, u, p.Photos[0], true)
				if f != nil {
					f.Close()
				}
				return err
			}},
			{"create", func(u *ipr.User, p *ipr.Product) error {
				_, err := s.CreateProduct(ctx, u, p.RightID, goodProduct())
				return err
			}},
			{"edit", func(u *ipr.User, p *ipr.Product) error {
				in := enforce.InputOf(p)
				in.Packaging += " (checked)"
				_, err := s.UpdateProduct(ctx, u, p.ID, in)
				return err
			}},
			{"add guide point", func(u *ipr.User, p *ipr.Product) error {
				_, err := s.AddGuidePoint(ctx, u, p.ID, enforce.GuideInput{Title: "Weight", Genuine: "310 g"})
				return err
			}},
			{"add photo", func(u *ipr.User, p *ipr.Product) error {
				_, err := s.AddProductPhotos(ctx, u, p.ID, []enforce.Upload{upload("photos", "side.png", pngOf(t, picture(8, 8, red, blue)))})
				return err
			}},
		}
		const ok, forbidden, missing = "", ipr.EFORBIDDEN, ipr.ENOTFOUND
		for _, tc := range []struct {
			who     string
			email   string
			product *ipr.Product
			want    []string // one per act
		}{
			{"the holder, its own", holderEmail, northwind, []string{ok, ok, ok, ok, ok, ok, ok}},
			{"another holder", voltisEmail, northwind, []string{missing, missing, missing, missing, missing, missing, missing}},
			{"a customs officer", officerEmail, northwind, []string{ok, ok, ok, forbidden, forbidden, forbidden, forbidden}},
			{"a customs supervisor", supervisorEmail, aurelia, []string{ok, ok, ok, forbidden, forbidden, forbidden, forbidden}},
			{"the agent, for its client", agentEmail, aurelia, []string{ok, ok, ok, ok, ok, ok, ok}},
			{"the agent, for another holder", agentEmail, northwind, []string{missing, missing, missing, missing, missing, missing, missing}},
			{"the police", policeEmail, northwind, []string{forbidden, forbidden, missing, forbidden, forbidden, forbidden, forbidden}},
			{"the association", secretaryEmail, northwind, []string{forbidden, forbidden, missing, forbidden, forbidden, forbidden, forbidden}},
		} {
			u := user(t, s, tc.email)
			for i, a := range acts {
				before := count(t, s)
				err := a.do(u, tc.product)
				if got := ipr.ErrorCode(err); got != tc.want[i] {
					t.Errorf("%s: %s: got %q (%v), want %q", tc.who, a.name, got, err, tc.want[i])
				}
				if err != nil && count(t, s) != before {
					t.Errorf("%s: %s was refused but wrote something", tc.who, a.name)
				}
			}
		}
		if _, err := s.Product(ctx, nil, northwind.ID); ipr.ErrorCode(err) != ipr.EUNAUTHENTICATED {
			t.Errorf("the public views a product: got %v, want EUNAUTHENTICATED", err)
		}
	})
}

// A draft right's products are its holder's own, like the draft.
func TestDraftRightProductsStayWithTheHolder(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		holder, officer := user(t, s, holderEmail), user(t, s, officerEmail)
		r, err := s.FileRight(ctx, holder, draftInput())
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.CreateProduct(ctx, holder, r.ID, goodProduct())
		if err != nil {
			t.Fatalf("product of a draft: %v", err)
		}
		if _, err := s.Product(ctx, officer, p.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("customs view a draft's product: got %v, want ENOTFOUND", err)
		}
		if _, err := s.Products(ctx, officer, r.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("customs list a draft's products: got %v, want ENOTFOUND", err)
		}
	})
}

func TestProductLifecycle(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		holder := user(t, s, holderEmail)
		right := demoRight(t, s, "DEMO-NORTHWIND")
		p, err := s.CreateProduct(ctx, holder, right.ID, goodProduct())
		if err != nil {
			t.Fatal(err)
		}
		if e := lastEvent(t, s); e.Action != "product.create" || e.ObjectOrg != right.HolderID || !strings.Contains(e.After, "Stratus Trail") {
			t.Errorf("audit: got %+v, want product.create of Stratus Trail", e)
		}
		if p.Currency != "CNY" || p.PriceMax != 899.5 || len(p.HSCodes) != 2 || p.HolderID != right.HolderID {
			t.Errorf("created: got %+v", p)
		}
		in := enforce.InputOf(p)
		if in.PriceMax != "899.5" || in.HSCodes != "6404110000 640411" {
			t.Errorf("InputOf: got %+v", in)
		}
		in.Name, in.PriceMin = "Stratus Trail GTX", ""
		if p, err = s.UpdateProduct(ctx, holder, p.ID, in); err != nil || p.Name != "Stratus Trail GTX" || p.PriceMin != 0 {
			t.Fatalf("update: got %+v, %v", p, err)
		}
		if e := lastEvent(t, s); e.Action != "product.update" || !strings.Contains(e.Before, "Stratus Trail NW") {
			t.Errorf("audit: got %+v, want product.update from Stratus Trail", e)
		}
		list, err := s.Products(ctx, holder, right.ID)
		if err != nil || len(list) != 2 {
			t.Errorf("products of the right: got %d, %v; want the demo product and the new one", len(list), err)
		}
		if _, err := s.DeleteProduct(ctx, holder, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Product(ctx, holder, p.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("deleted product: got %v, want ENOTFOUND", err)
		}
		if e := lastEvent(t, s); e.Action != "product.delete" {
			t.Errorf("audit: got %s, want product.delete", e.Action)
		}
	})
}

// Bad input gets an error naming the field, and nothing is stored.
func TestProductBadInputNamesTheField(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		holder := user(t, s, holderEmail)
		right := demoRight(t, s, "DEMO-NORTHWIND")
		existing := demoProduct(t, s, "DEMO-NORTHWIND")
		for _, tc := range []struct {
			name  string
			edit  func(*enforce.ProductInput)
			field string
		}{
			{"GTIN with a wrong check digit", func(in *enforce.ProductInput) { in.Barcodes = "6901234560016" }, "barcodes"},
			{"HS code 12ab", func(in *enforce.ProductInput) { in.HSCodes = "12ab" }, "hs_codes"},
			{"no name", func(in *enforce.ProductInput) { in.Name = "  " }, "name"},
			{"price that is not a number", func(in *enforce.ProductInput) { in.PriceMin = "cheap" }, "price_min"},
			{"maximum below minimum", func(in *enforce.ProductInput) { in.PriceMax = "10" }, "price_max"},
			{"prices without currency", func(in *enforce.ProductInput) { in.Currency = "" }, "currency"},
			{"too long", func(in *enforce.ProductInput) { in.Packaging = strings.Repeat("x", 2001) }, "packaging"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				in := goodProduct()
				tc.edit(&in)
				before := count(t, s)
				_, err := s.CreateProduct(t.Context(), holder, right.ID, in)
				wantError(t, err, ipr.EINVALID, tc.field)
				_, err = s.UpdateProduct(t.Context(), holder, existing.ID, in)
				wantError(t, err, ipr.EINVALID, tc.field)
				if after := count(t, s); after != before {
					t.Errorf("refused input wrote something: %+v → %+v", before, after)
				}
			})
		}
		if got := demoProduct(t, s, "DEMO-NORTHWIND"); got.Name != existing.Name || got.Model != existing.Model {
			t.Errorf("after refused edits: got %s %s, want %s %s unchanged", got.Name, got.Model, existing.Name, existing.Model)
		}
	})
}
