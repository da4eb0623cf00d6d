package enforce_test

import (
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// holderRight returns the demo right with reference ref.
func holderRight(t *testing.T, s *enforce.Service, ref string) *ipr.Right {
	t.Helper()
	var r *ipr.Right
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		r, err = tx.RightByRef(t.Context(), ref)
		return err
	})
	if err != nil {
		t.Fatalf("right %s: %v", ref, err)
	}
	return r
}

// demoPartyCount is how many authorised parties the demo gives a right: an exporter
// and a manufacturer for five of them.
func demoPartyCount(ref string) int {
	switch ref {
	case "DEMO-NORTHWIND", "DEMO-AURELIA", "DEMO-VOLTIS", "DEMO-LUMINA", "DEMO-ORBIS":
		return 2
	}
	return 0
}

// The supply chain is part of the catalogue: customs and the owner see it, only the holder side changes it,
// and a right someone may not see (another holder's, or a draft for customs) does not exist for them.
func TestSupplyChainMatrix(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		northwindRight, aureliaRight := holderRight(t, s, "DEMO-NORTHWIND"), holderRight(t, s, "DEMO-AURELIA")
		draft := holderRight(t, s, "DEMO-GOLDFIELD")
		for _, tt := range []struct {
			actor      string
			right      *ipr.Right
			view, edit string // "" when allowed, else the error code
		}{
			{officerEmail, northwindRight, "", ipr.EFORBIDDEN},
			{supervisorEmail, aureliaRight, "", ipr.EFORBIDDEN},
			{officerEmail, draft, ipr.ENOTFOUND, ipr.EFORBIDDEN}, // customs are refused any change before the lookup
			{holderEmail, northwindRight, "", ""},
			{holderEmail, aureliaRight, ipr.ENOTFOUND, ipr.ENOTFOUND},
			{"brand@goldfield.example", draft, "", ""},
			{agentEmail, aureliaRight, "", ""},
			{agentEmail, northwindRight, ipr.ENOTFOUND, ipr.ENOTFOUND},
			{policeEmail, northwindRight, ipr.EFORBIDDEN, ipr.EFORBIDDEN},
			{secretaryEmail, northwindRight, ipr.EFORBIDDEN, ipr.EFORBIDDEN},
		} {
			t.Run(tt.actor+"/"+tt.right.Ref, func(t *testing.T) {
				actor := user(t, s, tt.actor)
				parties, err := s.Parties(ctx, actor, tt.right.ID)
				if tt.view != "" {
					wantError(t, err, tt.view, "")
				} else if err != nil {
					t.Errorf("Parties: %v", err)
				} else if want := demoPartyCount(tt.right.Ref); len(parties) != want {
					t.Errorf("Parties: got %d, want %d from the demo", len(parties), want)
				}
				before := count(t, s)
				p, err := s.AddParty(ctx, actor, tt.right.ID, ipr.Party{Role: " Importer ", Name: "Matrix Importer", RegCode: "X1"})
				if tt.edit != "" {
					wantError(t, err, tt.edit, "")
					if after := count(t, s); after != before {
						t.Errorf("got %+v after a refused change, want %+v", after, before)
					}
					return
				}
				if err != nil || p.Role != ipr.PartyImporter || p.RightID != tt.right.ID {
					t.Fatalf("AddParty: got %+v, %v; want an importer of the right", p, err)
				}
				if e := lastEvent(t, s); e.Action != "party.add" || e.ObjectOrg != tt.right.HolderID || !strings.Contains(e.After, tt.right.Ref+" importer: Matrix Importer (X1)") {
					t.Errorf("audit: got %s about org %d: %q", e.Action, e.ObjectOrg, e.After)
				}
				if rightID, err := s.DeleteParty(ctx, actor, p.ID); err != nil || rightID != tt.right.ID {
					t.Errorf("DeleteParty: got %d, %v; want %d", rightID, err, tt.right.ID)
				}
			})
		}

		// Removing: someone else's party does not exist for a holder; customs may not.
		parties, err := s.Parties(ctx, user(t, s, holderEmail), northwindRight.ID)
		if err != nil || len(parties) != 2 {
			t.Fatalf("Parties: got %d, %v", len(parties), err)
		}
		for _, tt := range []struct {
			actor, code string
		}{
			{ownerAureliaEmail, ipr.ENOTFOUND},
			{agentEmail, ipr.ENOTFOUND},
			{officerEmail, ipr.EFORBIDDEN},
			{policeEmail, ipr.EFORBIDDEN},
		} {
			before := count(t, s)
			_, err := s.DeleteParty(ctx, user(t, s, tt.actor), parties[0].ID)
			if ipr.ErrorCode(err) != tt.code {
				t.Errorf("DeleteParty as %s: got %v, want %s", tt.actor, err, tt.code)
			}
			if after := count(t, s); after != before {
				t.Errorf("DeleteParty as %s: got %+v after a refused change, want %+v", tt.actor, after, before)
			}
		}
		if _, err := s.Parties(ctx, nil, northwindRight.ID); ipr.ErrorCode(err) != ipr.EUNAUTHENTICATED {
			t.Errorf("Parties for the public: got %v, want %s", err, ipr.EUNAUTHENTICATED)
		}
	})
}

func TestAddPartyBadInput(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		holder := user(t, s, holderEmail)
		r := holderRight(t, s, "DEMO-NORTHWIND")
		for _, tt := range []struct {
			name        string
			rightID     int64
			in          ipr.Party
			code, field string
		}{
			{"unknown role", r.ID, ipr.Party{Role: "broker", Name: "X"}, ipr.EINVALID, "role"},
			{"no name", r.ID, ipr.Party{Role: ipr.PartyExporter, Name: "  ", Address: "somewhere"}, ipr.EINVALID, "name"},
			{"no such right", 99999, ipr.Party{Role: ipr.PartyExporter, Name: "X"}, ipr.ENOTFOUND, ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				before := count(t, s)
				_, err := s.AddParty(ctx, holder, tt.rightID, tt.in)
				wantError(t, err, tt.code, tt.field)
				if after := count(t, s); after != before {
					t.Errorf("got %+v after a refused change, want %+v", after, before)
				}
			})
		}
		if parties, _ := s.Parties(ctx, holder, r.ID); len(parties) != 2 {
			t.Errorf("after refused changes: got %d parties, want the demo's 2", len(parties))
		}
	})
}
