package store_test

import (
	"context"
	"slices"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestOrgs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		district := createOrg(t, db, "Hangzhou Customs", ipr.OrgCustomsOffice, 0)
		office := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, district.ID)
		holder := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		if district.ID == 0 || office.ID == 0 || office.ID == district.ID {
			t.Fatalf("got IDs %d and %d, want two distinct IDs", district.ID, office.ID)
		}
		ctx := t.Context()

		// Each case is its own transaction: on PostgreSQL a failed statement ends it.
		bad := []struct {
			name  string
			org   ipr.Org
			code  string
			field string
		}{
			{"duplicate name", ipr.Org{Name: "Yiwu Customs", Kind: ipr.OrgCustomsOffice}, ipr.ECONFLICT, "name"},
			{"parent is a right holder", ipr.Org{Name: "Wenzhou Customs", Kind: ipr.OrgCustomsOffice, ParentID: holder.ID}, ipr.EINVALID, "parent"},
			{"parent missing", ipr.Org{Name: "Wenzhou Customs", Kind: ipr.OrgCustomsOffice, ParentID: 9999}, ipr.ENOTFOUND, "org"},
			{"not valid", ipr.Org{Name: " ", Kind: "bank"}, ipr.EINVALID, "kind"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				o := tt.org
				err := db.Update(ctx, func(tx *store.Tx) error { return tx.CreateOrg(ctx, &o, t0) })
				wantError(t, err, tt.code, tt.field)
			})
		}

		lookups := []struct {
			name   string
			lookup func(tx *store.Tx) (*ipr.Org, error)
			want   *ipr.Org
		}{
			{"by id", func(tx *store.Tx) (*ipr.Org, error) { return tx.OrgByID(ctx, office.ID) }, office},
			{"by English name", func(tx *store.Tx) (*ipr.Org, error) { return tx.OrgByName(ctx, "Yiwu Customs") }, office},
			{"by Chinese name", func(tx *store.Tx) (*ipr.Org, error) { return tx.OrgByName(ctx, "Hangzhou Customs 中文") }, district},
		}
		for _, tt := range lookups {
			var got *ipr.Org
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				got, err = tt.lookup(tx)
				return err
			})
			if *got != *tt.want {
				t.Errorf("%s: got %+v, want %+v", tt.name, *got, *tt.want)
			}
		}

		missing := []struct {
			name   string
			lookup func(tx *store.Tx) (*ipr.Org, error)
		}{
			{"unknown id", func(tx *store.Tx) (*ipr.Org, error) { return tx.OrgByID(ctx, 9999) }},
			{"unknown name", func(tx *store.Tx) (*ipr.Org, error) { return tx.OrgByName(ctx, "Atlantis Customs") }},
			// An organisation without a Chinese name must not match an empty one.
			{"empty name", func(tx *store.Tx) (*ipr.Org, error) { return tx.OrgByName(ctx, "") }},
		}
		for _, tt := range missing {
			err := db.View(ctx, func(tx *store.Tx) error {
				o, err := tt.lookup(tx)
				if err == nil {
					t.Errorf("%s: got %+v, want an error", tt.name, o)
				}
				return err
			})
			wantError(t, err, ipr.ENOTFOUND, "org")
		}

		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			list, err := tx.ListOrgs(ctx)
			if err != nil {
				return err
			}
			var names []string
			for _, o := range list {
				names = append(names, o.Name)
			}
			want := []string{"Hangzhou Customs", "Yiwu Customs", "Northwind Apparel"} // by kind, then name
			if !slices.Equal(names, want) {
				t.Errorf("ListOrgs: got %v, want %v", names, want)
			}
			for kind, want := range map[ipr.OrgKind]int64{ipr.OrgCustomsOffice: 2, ipr.OrgRightHolder: 1, ipr.OrgAgent: 0, "": 3} {
				if n, err := tx.CountOrgs(ctx, kind); err != nil || n != want {
					t.Errorf("CountOrgs(%q): got %d, %v; want %d", kind, n, err, want)
				}
			}
			return nil
		})
	})
}

func TestAgentClients(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		agent := createOrg(t, db, "Lin & Partners", ipr.OrgAgent, 0)
		a := createOrg(t, db, "Aurelia Maison", ipr.OrgRightHolder, 0)
		b := createOrg(t, db, "Lumina Beauty", ipr.OrgRightHolder, 0)
		createOrg(t, db, "Voltis Electronics", ipr.OrgRightHolder, 0) // not a client
		office := createOrg(t, db, "Yiwu Customs", ipr.OrgCustomsOffice, 0)
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, id := range []int64{b.ID, a.ID, a.ID} { // twice is harmless
				if err := tx.AddAgentClient(ctx, agent.ID, id); err != nil {
					return err
				}
			}
			return nil
		})

		bad := []struct {
			name          string
			agent, holder int64
			code, field   string
		}{
			{"agent is not an agent", office.ID, a.ID, ipr.EINVALID, "agent"},
			{"holder is not a right holder", agent.ID, office.ID, ipr.EINVALID, "holder"},
			{"unknown holder", agent.ID, 9999, ipr.ENOTFOUND, "org"},
		}
		for _, tt := range bad {
			err := db.Update(ctx, func(tx *store.Tx) error { return tx.AddAgentClient(ctx, tt.agent, tt.holder) })
			wantError(t, err, tt.code, tt.field)
		}

		counsel := createUser(t, db, "counsel@lin.example", ipr.RoleAgent, agent)
		view(t, db, func(ctx context.Context, tx *store.Tx) error {
			want := []int64{min(a.ID, b.ID), max(a.ID, b.ID)}
			ids, err := tx.AgentClients(ctx, agent.ID)
			if err != nil || !slices.Equal(ids, want) {
				t.Errorf("AgentClients: got %v, %v; want %v", ids, err, want)
			}
			// The agent's users act for the same clients.
			u, _, err := tx.UserByEmail(ctx, counsel.Email)
			if err != nil || !slices.Equal(u.ActsFor, want) {
				t.Errorf("UserByEmail(agent).ActsFor: got %v, %v; want %v", u.ActsFor, err, want)
			}
			return nil
		})
	})
}
