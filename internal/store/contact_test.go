package store_test

import (
	"context"
	"slices"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestContacts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		north := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0) // Chinese name "Northwind Apparel 中文"
		aurelia := createOrg(t, db, "Aurelia Maison", ipr.OrgRightHolder, 0)
		agent := createOrg(t, db, "Lin & Partners", ipr.OrgAgent, 0)

		add := func(c ipr.Contact) *ipr.Contact {
			t.Helper()
			update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.CreateContact(ctx, &c) })
			return &c
		}
		escalation := add(ipr.Contact{HolderID: north.ID, Name: "Oliver Grant", Phone: "+44 20 7946 0101", Escalation: true})
		first := add(ipr.Contact{HolderID: north.ID, Name: "Zoe Lin", Email: " Zoe.Lin@Northwind.example ", Languages: "中文, English", Hours: "Mon–Fri"})
		other := add(ipr.Contact{HolderID: aurelia.ID, Name: "Camille Laurent", Phone: "+33 1 5550 1234", Languages: "Français"})
		if first.Email != "zoe.lin@northwind.example" {
			t.Errorf("CreateContact: got e-mail %q, want it normalised", first.Email)
		}

		for _, tt := range []struct {
			name        string
			in          ipr.Contact
			code, field string
		}{
			{"no name", ipr.Contact{HolderID: north.ID, Phone: "+86 1"}, ipr.EINVALID, "name"},
			{"no way to reach", ipr.Contact{HolderID: north.ID, Name: "X"}, ipr.EINVALID, "phone"},
			{"bad e-mail", ipr.Contact{HolderID: north.ID, Name: "X", Email: "not an address"}, ipr.EINVALID, "email"},
			{"holder is an agent", ipr.Contact{HolderID: agent.ID, Name: "X", Phone: "1"}, ipr.EINVALID, "holder"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := tt.in
				wantError(t, db.Update(ctx, func(tx *store.Tx) error { return tx.CreateContact(ctx, &c) }), tt.code, tt.field)
			})
		}

		list := func(f store.HolderFilter) ([]int64, int64) {
			t.Helper()
			var got []*ipr.Contact
			var total int64
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				got, total, err = tx.ListContacts(ctx, f)
				return err
			})
			ids := []int64{}
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			return ids, total
		}
		for _, tt := range []struct {
			name      string
			f         store.HolderFilter
			want      []int64
			wantTotal int64
		}{
			{"by holder, first contacts before escalation", store.HolderFilter{}, []int64{other.ID, first.ID, escalation.ID}, 3},
			{"one holder", store.HolderFilter{HolderIDs: []int64{north.ID}}, []int64{first.ID, escalation.ID}, 2},
			{"no holder", store.HolderFilter{HolderIDs: []int64{}}, []int64{}, 0},
			{"holder name", store.HolderFilter{Text: "northWIND"}, []int64{first.ID, escalation.ID}, 2},
			{"holder's Chinese name", store.HolderFilter{Text: "Maison 中文"}, []int64{other.ID}, 1},
			{"contact name", store.HolderFilter{Text: "grant"}, []int64{escalation.ID}, 1},
			{"language", store.HolderFilter{Text: "français"}, []int64{other.ID}, 1},
			{"a page", store.HolderFilter{Limit: 2, Offset: 2}, []int64{escalation.ID}, 3},
		} {
			if got, total := list(tt.f); !slices.Equal(got, tt.want) || total != tt.wantTotal {
				t.Errorf("%s: got %v of %d, want %v of %d", tt.name, got, total, tt.want, tt.wantTotal)
			}
		}

		changed := *first
		changed.Phone, changed.Escalation, changed.HolderID = "+86 21 5550 1201", true, aurelia.ID
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateContact(ctx, &changed) })
		var got *ipr.Contact
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			got, err = tx.ContactByID(ctx, first.ID)
			return err
		})
		if got.Phone != "+86 21 5550 1201" || !got.Escalation || got.HolderID != north.ID || got.Name != "Zoe Lin" {
			t.Errorf("after UpdateContact: got %+v, want the new phone, escalation, and the same holder", got)
		}
		missing := ipr.Contact{ID: 9999, Name: "X", Phone: "1"}
		wantError(t, db.Update(ctx, func(tx *store.Tx) error { return tx.UpdateContact(ctx, &missing) }), ipr.ENOTFOUND, "contact")

		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.DeleteContact(ctx, other.ID) })
		err := db.View(ctx, func(tx *store.Tx) error { _, err := tx.ContactByID(ctx, other.ID); return err })
		wantError(t, err, ipr.ENOTFOUND, "contact")
	})
}
