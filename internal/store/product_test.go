package store_test

import (
	"context"
	"slices"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// createRightOf stores a draft trademark of holder and returns it.
func createRightOf(t *testing.T, db *store.DB, holder *ipr.Org, ref string) *ipr.Right {
	t.Helper()
	r := newRight(holder.ID, ref, "MARK "+ref, 25)
	update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateRight(ctx, r, t0) })
	return r
}

func shoe(rightID int64) *ipr.Product {
	return &ipr.Product{RightID: rightID, Name: " Stratus Runner ", Model: "NW-STR-3", HSCodes: []string{"640411", "6404110000"},
		Barcodes: []string{"6901234560015"}, PriceMin: 560, PriceMax: 1080.5, Currency: "cny", Packaging: "Blue box",
		MadeIn: "Putian", Routes: "Ningbo by sea", Ports: "Ningbo", Photos: []string{"aa", "bb"}}
}

func TestProductCreateLoadUpdateDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
		r := createRightOf(t, db, holder, "NW-1")
		p := shoe(r.ID)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateProduct(ctx, p, t0) })
		var got *ipr.Product
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { got, err = tx.ProductByID(ctx, p.ID); return err })
		if got.Name != "Stratus Runner" || got.HolderID != holder.ID || got.RightID != r.ID || got.Currency != "CNY" ||
			!slices.Equal(got.HSCodes, []string{"640411", "6404110000"}) || !slices.Equal(got.Barcodes, []string{"6901234560015"}) ||
			got.PriceMax != 1080.5 || !slices.Equal(got.Photos, []string{"aa", "bb"}) || !got.CreatedAt.Equal(t0) || got.Ports != "Ningbo" {
			t.Errorf("loaded product: got %+v", got)
		}

		got.Model, got.Photos = "NW-STR-4", nil
		later := t0.Add(3600e9)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateProduct(ctx, got, later) })
		var list []*ipr.Product
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { list, err = tx.Products(ctx, r.ID); return err })
		if len(list) != 1 || list[0].Model != "NW-STR-4" || len(list[0].Photos) != 0 || !list[0].UpdatedAt.Equal(later) {
			t.Errorf("products after update: got %+v", list)
		}
		var n int64
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			n, err = tx.CountProducts(ctx, holder.ID)
			return err
		})
		if n != 1 {
			t.Errorf("CountProducts: got %d, want 1", n)
		}

		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.AddGuidePoint(ctx, &ipr.GuidePoint{ProductID: p.ID, Title: "Stitching", Genuine: "even"})
		})
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.DeleteProduct(ctx, p.ID) })
		err := db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.ProductByID(t.Context(), p.ID); return err })
		wantError(t, err, ipr.ENOTFOUND, "product")
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateProduct(t.Context(), got, later) })
		wantError(t, err, ipr.ENOTFOUND, "product")
	})
}

func TestProductRefusesBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
		r := createRightOf(t, db, holder, "NW-1")
		for _, tc := range []struct {
			name  string
			edit  func(*ipr.Product)
			code  string
			field string
		}{
			{"no name", func(p *ipr.Product) { p.Name = " " }, ipr.EINVALID, "name"},
			{"HS code with letters", func(p *ipr.Product) { p.HSCodes = []string{"12ab"} }, ipr.EINVALID, "hs_codes"},
			{"GTIN with a wrong check digit", func(p *ipr.Product) { p.Barcodes = []string{"6901234560016"} }, ipr.EINVALID, "barcodes"},
			{"maximum below minimum", func(p *ipr.Product) { p.PriceMax = 10 }, ipr.EINVALID, "price_max"},
			{"unknown right", func(p *ipr.Product) { p.RightID = 99999 }, ipr.EINVALID, "right"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p := shoe(r.ID)
				tc.edit(p)
				err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateProduct(t.Context(), p, t0) })
				wantError(t, err, tc.code, tc.field)
			})
		}
		var list []*ipr.Product
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { list, err = tx.Products(ctx, r.ID); return err })
		if len(list) != 0 {
			t.Errorf("after refused input: got %d products, want 0", len(list))
		}
	})
}

func TestGuidePointsKeepTheirOrder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		holder := createOrg(t, db, "Northwind", ipr.OrgRightHolder, 0)
		p := shoe(createRightOf(t, db, holder, "NW-1").ID)
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateProduct(ctx, p, t0) })
		points := make([]*ipr.GuidePoint, 4)
		for i, title := range []string{"A", "B", "C", "D"} {
			points[i] = &ipr.GuidePoint{ProductID: p.ID, Title: title, Fake: "fake " + title, GenuinePhoto: "g" + title}
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.AddGuidePoint(ctx, points[i]) })
			if points[i].Position != i+1 {
				t.Errorf("point %s: got position %d, want %d", title, points[i].Position, i+1)
			}
		}
		titles := func() string {
			var got *ipr.Product
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) { got, err = tx.ProductByID(ctx, p.ID); return err })
			s := ""
			for i, g := range got.Guide {
				if g.Position != i+1 {
					t.Errorf("point %s: got position %d, want %d", g.Title, g.Position, i+1)
				}
				s += g.Title
			}
			return s
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.DeleteGuidePoint(ctx, points[1].ID) })
		if got := titles(); got != "ACD" {
			t.Errorf("after deleting B: got %s, want ACD", got)
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.SetGuideOrder(ctx, p.ID, []int64{points[3].ID, points[0].ID, points[2].ID})
		})
		if got := titles(); got != "DAC" {
			t.Errorf("after reordering: got %s, want DAC", got)
		}
		points[0].Title, points[0].FakePhoto = "A2", "fA"
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateGuidePoint(ctx, points[0]) })
		var g *ipr.GuidePoint
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			g, err = tx.GuidePointByID(ctx, points[0].ID)
			return err
		})
		if g.Title != "A2" || g.FakePhoto != "fA" || g.GenuinePhoto != "gA" || g.Position != 2 {
			t.Errorf("updated point: got %+v", g)
		}
		for _, tc := range []struct {
			name string
			ids  []int64
		}{
			{"a point missing", []int64{points[3].ID, points[0].ID}},
			{"a point twice", []int64{points[3].ID, points[0].ID, points[0].ID}},
			{"a deleted point", []int64{points[3].ID, points[0].ID, points[1].ID}},
		} {
			err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.SetGuideOrder(t.Context(), p.ID, tc.ids) })
			if err == nil {
				t.Errorf("SetGuideOrder with %s: got no error", tc.name)
			}
		}
		if got := titles(); got != "DA2C" {
			t.Errorf("after refused reorders: got %s, want DA2C", got)
		}
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.AddGuidePoint(t.Context(), &ipr.GuidePoint{ProductID: p.ID, Title: "no text"})
		})
		wantError(t, err, ipr.EINVALID, "genuine")
	})
}
