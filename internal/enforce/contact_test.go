package enforce_test

import (
	"context"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

var contactNoun = holderNoun{
	name: "contact",
	add: func(ctx context.Context, s *enforce.Service, actor *ipr.User, holderID int64) (int64, int64, error) {
		c, err := s.AddContact(ctx, actor, ipr.Contact{HolderID: holderID, Name: "Matrix Contact", Phone: "+86 571 5550 0000"})
		if err != nil {
			return 0, 0, err
		}
		return c.ID, c.HolderID, nil
	},
	view: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		_, err := s.Contact(ctx, actor, id)
		return err
	},
	toEdit: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		_, err := s.ContactToEdit(ctx, actor, id)
		return err
	},
	update: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		_, err := s.UpdateContact(ctx, actor, id, ipr.Contact{Name: "Changed", Email: "changed@example.com", Escalation: true})
		return err
	},
	delete: func(ctx context.Context, s *enforce.Service, actor *ipr.User, id int64) error {
		return s.DeleteContact(ctx, actor, id)
	},
	list: func(ctx context.Context, s *enforce.Service, actor *ipr.User, holderID int64) ([]int64, error) {
		page, err := s.ListContacts(ctx, actor, enforce.HolderQuery{HolderID: holderID, Limit: 1000})
		if err != nil {
			return nil, err
		}
		var holders []int64
		for _, c := range page.Contacts {
			holders = append(holders, c.HolderID)
		}
		return holders, nil
	},
	exists: func(t *testing.T, s *enforce.Service, id int64) bool {
		err := s.DB.View(t.Context(), func(tx *store.Tx) error { _, err := tx.ContactByID(t.Context(), id); return err })
		return err == nil
	},
}

func TestContactMatrix(t *testing.T) {
	t.Parallel()
	testHolderMatrix(t, contactNoun)
}

func TestContactChanges(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		counsel := user(t, s, agentEmail)
		lumina := holderOrgID(t, s, "Lumina Beauty")
		c, err := s.AddContact(ctx, counsel, ipr.Contact{HolderID: lumina, Name: " Ada Wong ", Email: "Ada.Wong@Lumina.example",
			Languages: "粵語, English", Hours: "24/7", Escalation: true})
		if err != nil {
			t.Fatalf("AddContact as agent for a client: %v", err)
		}
		if c.Name != "Ada Wong" || c.Email != "ada.wong@lumina.example" || c.HolderID != lumina {
			t.Errorf("AddContact: got %+v, want the name trimmed, the e-mail normalised, for Lumina", c)
		}
		if e := lastEvent(t, s); e.Action != "contact.create" || e.ObjectOrg != lumina || e.ActorEmail != agentEmail {
			t.Errorf("audit: got %s about org %d by %s, want contact.create about Lumina by the agent", e.Action, e.ObjectOrg, e.ActorEmail)
		}
		bad := []struct {
			name        string
			do          func() error
			code, field string
		}{
			{"no name", func() error {
				_, err := s.AddContact(ctx, counsel, ipr.Contact{HolderID: lumina, Phone: "1"})
				return err
			}, ipr.EINVALID, "name"},
			{"no phone or e-mail", func() error {
				_, err := s.AddContact(ctx, counsel, ipr.Contact{HolderID: lumina, Name: "X"})
				return err
			}, ipr.EINVALID, "phone"},
			{"bad e-mail", func() error {
				_, err := s.AddContact(ctx, counsel, ipr.Contact{HolderID: lumina, Name: "X", Email: "x@@example"})
				return err
			}, ipr.EINVALID, "email"},
			{"agent names no holder", func() error {
				_, err := s.AddContact(ctx, counsel, ipr.Contact{Name: "X", Phone: "1"})
				return err
			}, ipr.EINVALID, "holder"},
			{"update with a bad e-mail", func() error {
				_, err := s.UpdateContact(ctx, counsel, c.ID, ipr.Contact{Name: "Ada Wong", Email: "ada at lumina"})
				return err
			}, ipr.EINVALID, "email"},
			{"agent for a holder it does not represent", func() error {
				_, err := s.AddContact(ctx, counsel, ipr.Contact{HolderID: holderOrgID(t, s, ownerNorthwind), Name: "X", Phone: "1"})
				return err
			}, ipr.EFORBIDDEN, ""},
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
		if got, err := s.Contact(ctx, counsel, c.ID); err != nil || got.Email != "ada.wong@lumina.example" {
			t.Errorf("after refused changes: got %+v, %v; want the contact as saved", got, err)
		}
	})
}

// An officer looks up whom to call by the holder's name, in English or Chinese.
func TestListContactsByHolderName(t *testing.T) {
	t.Parallel()
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		for _, text := range []string{"northwind", "北风"} {
			page, err := s.ListContacts(ctx, officer, enforce.HolderQuery{Text: text})
			if err != nil || page.Total != 2 {
				t.Fatalf("search %q: got %v, %v; want Northwind's 2 contacts", text, page, err)
			}
			if first, second := page.Contacts[0], page.Contacts[1]; first.Escalation || !second.Escalation ||
				!strings.HasPrefix(first.Phone, "+86") {
				t.Errorf("search %q: got %+v then %+v, want the first contact (+86) before the escalation contact", text, first, second)
			}
		}
		page, err := s.ListContacts(ctx, officer, enforce.HolderQuery{})
		if err != nil || page.Total != 24 {
			t.Errorf("all contacts: got %v, %v; want 24 (two for each of the 12 demo holders)", page.Total, err)
		}
	})
}
