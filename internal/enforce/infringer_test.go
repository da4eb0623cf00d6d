package enforce_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

const (
	ownerNorthwind    = "Northwind Apparel" // a right holder the demo agent does not act for
	ownerAurelia      = "Aurelia Maison"    // a client of the demo agent
	ownerAureliaEmail = "brand@aurelia.example"
)

// holderNoun adapts one kind of right holders' data (known infringers, contacts) to the
// role × action × owner matrix.
type holderNoun struct {
	name   string
	add    func(ctx context.Context, s *enforce.Service, actor *ipr.User, holderID int64) (id, holder int64, err error)
	view   func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error
	toEdit func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error
	update func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error
	delete func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error
	list   func(ctx context.Context, s *enforce.Service, actor *ipr.User, holderID int64) (holders []int64, err error)
	exists func(t *testing.T, s *enforce.Service, id int64) bool
}

var infringerNoun = holderNoun{
	name: "infringer",
	add: func(ctx context.Context, s *enforce.Service, actor *ipr.User, holderID int64) (int64, int64, error) {
		i, err := s.AddInfringer(ctx, actor, ipr.Infringer{HolderID: holderID, Kind: ipr.InfringerExporter, Name: "Matrix Exporter"})
		if err != nil {
			return 0, 0, err
		}
		return i.ID, i.HolderID, nil
	},
	view: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		_, err := s.Infringer(ctx, actor, id)
		return err
	},
	toEdit: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		_, err := s.InfringerToEdit(ctx, actor, id)
		return err
	},
	update: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		_, err := s.UpdateInfringer(ctx, actor, id, ipr.Infringer{Kind: ipr.InfringerConsignee, Name: "Changed in the matrix"})
		return err
	},
	delete: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		return s.DeleteInfringer(ctx, actor, id)
	},
	list: func(ctx context.Context, s *enforce.Service, actor *ipr.User, holderID int64) ([]int64, error) {
		page, err := s.ListInfringers(ctx, actor, enforce.HolderQuery{HolderID: holderID, Limit: 1000})
		if err != nil {
			return nil, err
		}
		var holders []int64
		for _, i := range page.Infringers {
			holders = append(holders, i.HolderID)
		}
		return holders, nil
	},
	exists: func(t *testing.T, s *enforce.Service, id int64) bool {
		err := s.DB.View(t.Context(), func(tx *store.Tx) error { _, err := tx.InfringerByID(t.Context(), id); return err })
		return err == nil
	},
}

// matrixActor is a demo user and the owners whose data it may see and change.
type matrixActor struct {
	name, email string
	view, edit  []string
}

var matrixActors = []matrixActor{
	{"customs officer", officerEmail, []string{ownerNorthwind, ownerAurelia}, nil},
	{"customs supervisor", supervisorEmail, []string{ownerNorthwind, ownerAurelia}, nil},
	{"system admin", adminEmail, []string{ownerNorthwind, ownerAurelia}, nil},
	{"Northwind", holderEmail, []string{ownerNorthwind}, []string{ownerNorthwind}},
	{"Aurelia", ownerAureliaEmail, []string{ownerAurelia}, []string{ownerAurelia}},
	{"agent acting for Aurelia", agentEmail, []string{ownerAurelia}, []string{ownerAurelia}},
	{"police", policeEmail, nil, nil},
	{"association secretariat", secretaryEmail, nil, nil},
}

// orgID returns the id of the organisation named name.
func holderOrgID(t *testing.T, s *enforce.Service, name string) int64 {
	t.Helper()
	var id int64
	err := s.DB.View(t.Context(), func(tx *store.Tx) error {
		o, err := tx.OrgByName(t.Context(), name)
		if err == nil {
			id = o.ID
		}
		return err
	})
	if err != nil {
		t.Fatalf("org %s: %v", name, err)
	}
	return id
}

// testHolderMatrix checks every role against every action on the data of a holder the
// actor may or may not act for. A refusal changes nothing and leaves no audit event.
func testHolderMatrix(t *testing.T, noun holderNoun) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		owners := map[string]*ipr.User{ownerNorthwind: user(t, s, holderEmail), ownerAurelia: user(t, s, ownerAureliaEmail)}
		seed := func(owner string) int64 {
			t.Helper()
			id, _, err := noun.add(ctx, s, owners[owner], 0)
			if err != nil {
				t.Fatalf("seed %s for %s: %v", noun.name, owner, err)
			}
			return id
		}
		// refused checks err against a refusal: not found for those who may see some holders'
		// data but not this owner's, forbidden for the rest.
		refused := func(t *testing.T, what string, err error, seesNothing, seesOwner bool) {
			t.Helper()
			want := ipr.ENOTFOUND
			if seesNothing || seesOwner {
				want = ipr.EFORBIDDEN
			}
			if got := ipr.ErrorCode(err); got != want {
				t.Errorf("%s: got %q (%v), want %q", what, got, err, want)
			}
		}
		for _, a := range matrixActors {
			actor := user(t, s, a.email)
			for _, owner := range []string{ownerNorthwind, ownerAurelia} {
				t.Run(a.name+"/"+owner, func(t *testing.T) {
					ownerID := holderOrgID(t, s, owner)
					canView, canEdit, seesNothing := slices.Contains(a.view, owner), slices.Contains(a.edit, owner), len(a.view) == 0
					id := seed(owner)
					before := count(t, s)

					holders, err := noun.list(ctx, s, actor, 0)
					switch {
					case seesNothing:
						wantError(t, err, ipr.EFORBIDDEN, "")
					case err != nil:
						t.Errorf("list: %v", err)
					case slices.Contains(holders, ownerID) != canView:
						t.Errorf("list: got the owner's entries %v, want %v", slices.Contains(holders, ownerID), canView)
					}
					if _, err := noun.list(ctx, s, actor, ownerID); canView != (err == nil) {
						t.Errorf("list filtered to the owner: got %v, want allowed %v", err, canView)
					}
					if err := noun.view(ctx, s, actor, id); !canView {
						refused(t, "view", err, seesNothing, false)
					} else if err != nil {
						t.Errorf("view: %v", err)
					}
					if err := noun.toEdit(ctx, s, actor, id); !canEdit {
						refused(t, "edit form", err, seesNothing, canView)
					} else if err != nil {
						t.Errorf("edit form: %v", err)
					}
					if err := noun.update(ctx, s, actor, id); !canEdit {
						refused(t, "update", err, seesNothing, canView)
					} else if err != nil {
						t.Errorf("update: %v", err)
					}
					if err := noun.delete(ctx, s, actor, id); !canEdit {
						refused(t, "delete", err, seesNothing, canView)
						if !noun.exists(t, s, id) {
							t.Errorf("delete refused, but the %s is gone", noun.name)
						}
					} else if err != nil || noun.exists(t, s, id) {
						t.Errorf("delete: got %v and the %s still there %v, want it gone", err, noun.name, noun.exists(t, s, id))
					}
					if !canEdit {
						if after := count(t, s); after != before {
							t.Errorf("got %+v after refused changes, want %+v", after, before)
						}
					}

					// Adding for the owner: a right holder always adds for itself, whatever it names.
					_, holder, err := noun.add(ctx, s, actor, ownerID)
					switch {
					case actor.Role == ipr.RoleRightHolder:
						if err != nil || holder != actor.OrgID {
							t.Errorf("add: got holder %d, %v; want the actor's own %d", holder, err, actor.OrgID)
						}
					case canEdit:
						if err != nil || holder != ownerID {
							t.Errorf("add: got holder %d, %v; want %d", holder, err, ownerID)
						}
					default:
						wantError(t, err, ipr.EFORBIDDEN, "")
					}
				})
			}
		}
		// The public is asked to sign in, for every action.
		id := seed(ownerNorthwind)
		for what, err := range map[string]error{
			"list":   func() error { _, err := noun.list(ctx, s, nil, 0); return err }(),
			"view":   noun.view(ctx, s, nil, id),
			"update": noun.update(ctx, s, nil, id),
			"delete": noun.delete(ctx, s, nil, id),
			"add":    func() error { _, _, err := noun.add(ctx, s, nil, holderOrgID(t, s, ownerNorthwind)); return err }(),
		} {
			if ipr.ErrorCode(err) != ipr.EUNAUTHENTICATED {
				t.Errorf("public %s: got %v, want %s", what, err, ipr.EUNAUTHENTICATED)
			}
		}
	})
}

func TestInfringerMatrix(t *testing.T) {
	t.Parallel()
	testHolderMatrix(t, infringerNoun)
}

func TestInfringerChanges(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		brand, counsel := user(t, s, holderEmail), user(t, s, agentEmail)
		i, err := s.AddInfringer(ctx, brand, ipr.Infringer{Kind: ipr.InfringerAddress, Address: " 5 Market Street, Yiwu ", Evidence: "Seen twice"})
		if err != nil {
			t.Fatalf("AddInfringer: %v", err)
		}
		if e := lastEvent(t, s); e.Action != "infringer.create" || e.ObjectOrg != brand.OrgID || !strings.Contains(e.After, "5 Market Street, Yiwu") {
			t.Errorf("audit: got %s about org %d: %q, want infringer.create about Northwind with the address", e.Action, e.ObjectOrg, e.After)
		}
		if _, err := s.UpdateInfringer(ctx, brand, i.ID, ipr.Infringer{Kind: ipr.InfringerAddress, Address: "7 Market Street, Yiwu"}); err != nil {
			t.Fatalf("UpdateInfringer: %v", err)
		}
		if e := lastEvent(t, s); e.Action != "infringer.update" || !strings.Contains(e.Before, "5 Market") || !strings.Contains(e.After, "7 Market") {
			t.Errorf("audit: got %s %q → %q, want infringer.update from 5 to 7 Market Street", e.Action, e.Before, e.After)
		}

		bad := []struct {
			name        string
			do          func() error
			code, field string
		}{
			{"unknown kind", func() error {
				_, err := s.AddInfringer(ctx, brand, ipr.Infringer{Kind: "smuggler", Name: "X"})
				return err
			}, ipr.EINVALID, "kind"},
			{"nothing to identify it", func() error {
				_, err := s.AddInfringer(ctx, brand, ipr.Infringer{Kind: ipr.InfringerExporter, Evidence: "only notes"})
				return err
			}, ipr.EINVALID, "name"},
			{"evidence too long", func() error {
				_, err := s.AddInfringer(ctx, brand, ipr.Infringer{Kind: ipr.InfringerExporter, Name: "X", Evidence: strings.Repeat("证", 10001)})
				return err
			}, ipr.EINVALID, "evidence"},
			{"agent names no holder", func() error {
				_, err := s.AddInfringer(ctx, counsel, ipr.Infringer{Kind: ipr.InfringerExporter, Name: "X"})
				return err
			}, ipr.EINVALID, "holder"},
			{"agent names its own firm", func() error {
				_, err := s.AddInfringer(ctx, counsel, ipr.Infringer{HolderID: counsel.OrgID, Kind: ipr.InfringerExporter, Name: "X"})
				return err
			}, ipr.EINVALID, "holder"},
			{"update to nothing", func() error {
				_, err := s.UpdateInfringer(ctx, brand, i.ID, ipr.Infringer{Kind: ipr.InfringerAddress})
				return err
			}, ipr.EINVALID, "name"},
			{"unknown id", func() error { return s.DeleteInfringer(ctx, brand, 99999) }, ipr.ENOTFOUND, ""},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, s)
				wantError(t, tt.do(), tt.code, tt.field)
				if after := count(t, s); after != before {
					t.Errorf("got %+v after a refused change, want %+v", after, before)
				}
			})
		}
		if got, err := s.Infringer(ctx, brand, i.ID); err != nil || got.Address != "7 Market Street, Yiwu" {
			t.Errorf("after refused changes: got %+v, %v; want the entry as last saved", got, err)
		}
	})
}

// Customs search every holder's infringers by text and filter by holder; a holder's own search stays its own.
func TestListInfringers(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer, brand := user(t, s, officerEmail), user(t, s, holderEmail)
		voltis := holderOrgID(t, s, "Voltis Electronics")
		for _, tt := range []struct {
			name      string
			actor     *ipr.User
			q         enforce.HolderQuery
			wantTotal int64
		}{
			{"officer, everything", officer, enforce.HolderQuery{}, 7},
			{"officer, one holder", officer, enforce.HolderQuery{HolderID: voltis}, 2},
			{"officer, text", officer, enforce.HolderQuery{Text: "dubai"}, 2},
			{"officer, a page", officer, enforce.HolderQuery{Limit: 5, Offset: 5}, 7},
			{"holder, everything", brand, enforce.HolderQuery{}, 3},
			{"holder, text from another holder", brand, enforce.HolderQuery{Text: "Powerlink"}, 0},
		} {
			page, err := s.ListInfringers(ctx, tt.actor, tt.q)
			if err != nil || page.Total != tt.wantTotal {
				t.Errorf("%s: got %v, want %d in all", tt.name, err, tt.wantTotal)
				continue
			}
			limit := tt.q.Limit
			if limit == 0 {
				limit = 50
			}
			if want := min(int(tt.wantTotal)-tt.q.Offset, limit); len(page.Infringers) != want {
				t.Errorf("%s: got %d rows, want %d", tt.name, len(page.Infringers), want)
			}
		}
		page, _ := s.ListInfringers(ctx, officer, enforce.HolderQuery{})
		if len(page.Holders) != 12 {
			t.Errorf("officer: got %d holders to filter by, want the 12 right holders", len(page.Holders))
		}
		page, _ = s.ListInfringers(ctx, user(t, s, agentEmail), enforce.HolderQuery{})
		if len(page.Holders) != 3 || page.Total != 2 {
			t.Errorf("agent: got %d holders and %d infringers, want its 3 clients and Aurelia's 2", len(page.Holders), page.Total)
		}
	})
}
