package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestInfringers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		north := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		aurelia := createOrg(t, db, "Aurelia Maison", ipr.OrgRightHolder, 0)
		customs := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)

		add := func(i ipr.Infringer) *ipr.Infringer {
			t.Helper()
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateInfringer(ctx, &i, t0) })
			return &i
		}
		factory := add(ipr.Infringer{HolderID: north.ID, Kind: ipr.InfringerManufacturer, Name: " Jinhua Fuxing Workshop ",
			Address: "18 Gongye Road, Jinhua", Evidence: "Test purchase: 40 jackets"})
		route := add(ipr.Infringer{HolderID: north.ID, Kind: ipr.InfringerRoute, Route: "Yiwu → Ningbo → Jebel Ali"})
		percent := add(ipr.Infringer{HolderID: aurelia.ID, Kind: ipr.InfringerExporter, Name: "100% Genuine Bags Ltd"})
		if factory.ID == 0 || factory.Name != "Jinhua Fuxing Workshop" || !factory.CreatedAt.Equal(t0) {
			t.Fatalf("CreateInfringer: got %+v, want an ID, the name trimmed and created at t0", factory)
		}

		bad := []struct {
			name        string
			in          ipr.Infringer
			code, field string
		}{
			{"unknown kind", ipr.Infringer{HolderID: north.ID, Kind: "smuggler", Name: "X"}, ipr.EINVALID, "kind"},
			{"nothing to identify it", ipr.Infringer{HolderID: north.ID, Kind: ipr.InfringerExporter, Evidence: "seen"}, ipr.EINVALID, "name"},
			{"evidence too long", ipr.Infringer{HolderID: north.ID, Kind: ipr.InfringerExporter, Name: "X", Evidence: strings.Repeat("x", 10001)}, ipr.EINVALID, "evidence"},
			{"holder is customs", ipr.Infringer{HolderID: customs.ID, Kind: ipr.InfringerExporter, Name: "X"}, ipr.EINVALID, "holder"},
			{"holder missing", ipr.Infringer{HolderID: 9999, Kind: ipr.InfringerExporter, Name: "X"}, ipr.EINVALID, "holder"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				i := tt.in
				err := db.Update(ctx, func(tx *store.Tx) error { return tx.CreateInfringer(ctx, &i, t0) })
				wantError(t, err, tt.code, tt.field)
			})
		}

		list := func(f store.HolderFilter) ([]int64, int64) {
			t.Helper()
			var got []*ipr.Infringer
			var total int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				got, total, err = tx.ListInfringers(ctx, f)
				return err
			})
			ids := []int64{}
			for _, i := range got {
				ids = append(ids, i.ID)
			}
			return ids, total
		}
		for _, tt := range []struct {
			name      string
			f         store.HolderFilter
			want      []int64
			wantTotal int64
		}{
			{"every holder, by holder then name", store.HolderFilter{}, []int64{percent.ID, route.ID, factory.ID}, 3},
			{"one holder", store.HolderFilter{HolderIDs: []int64{north.ID}}, []int64{route.ID, factory.ID}, 2},
			{"no holder", store.HolderFilter{HolderIDs: []int64{}}, []int64{}, 0},
			{"text in the name, any case", store.HolderFilter{Text: "FUXING"}, []int64{factory.ID}, 1},
			{"text in the route", store.HolderFilter{Text: "ningbo"}, []int64{route.ID}, 1},
			{"text in the evidence", store.HolderFilter{Text: "test purchase"}, []int64{factory.ID}, 1},
			{"% matches itself", store.HolderFilter{Text: "0%"}, []int64{percent.ID}, 1},
			{"_ matches itself", store.HolderFilter{Text: "_"}, []int64{}, 0},
			{"text and holder", store.HolderFilter{HolderIDs: []int64{aurelia.ID}, Text: "fuxing"}, []int64{}, 0},
			{"a page", store.HolderFilter{Limit: 1, Offset: 1}, []int64{route.ID}, 3},
		} {
			if got, total := list(tt.f); !slices.Equal(got, tt.want) || total != tt.wantTotal {
				t.Errorf("%s: got %v of %d, want %v of %d", tt.name, got, total, tt.want, tt.wantTotal)
			}
		}

		later := t0.Add(time.Hour)
		changed := *factory
		changed.Kind, changed.Name, changed.HolderID = ipr.InfringerExporter, "Fuxing Export Co.", aurelia.ID
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateInfringer(ctx, &changed, later) })
		var got *ipr.Infringer
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.InfringerByID(ctx, factory.ID)
			return err
		})
		if got.Kind != ipr.InfringerExporter || got.Name != "Fuxing Export Co." || got.HolderID != north.ID ||
			!got.UpdatedAt.Equal(later) || !got.CreatedAt.Equal(t0) || got.Evidence != factory.Evidence {
			t.Errorf("after UpdateInfringer: got %+v, want the new kind and name, the same holder, updated at %v", got, later)
		}
		missing := ipr.Infringer{ID: 9999, Kind: ipr.InfringerExporter, Name: "X"}
		wantError(t, db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateInfringer(ctx, &missing, later) }), ipr.ENOTFOUND, "infringer")
		invalid := *got
		invalid.Kind = "smuggler"
		wantError(t, db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateInfringer(ctx, &invalid, later) }), ipr.EINVALID, "kind")

		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.DeleteInfringer(ctx, route.ID) })
		err := db.View(ctx, func(tx *store.Tx) error { _, err := tx.InfringerByID(ctx, route.ID); return err })
		wantError(t, err, ipr.ENOTFOUND, "infringer")
		if ids, _ := list(store.HolderFilter{}); len(ids) != 2 {
			t.Errorf("after DeleteInfringer: got %d infringers, want 2", len(ids))
		}
	})
}
