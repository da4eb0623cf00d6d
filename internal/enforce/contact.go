package enforce

import (
	"context"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// ContactPage is one page of the contacts directory.
type ContactPage struct {
	Contacts []*ipr.Contact
	Total    int64
	Holders  []*ipr.Org // the right holders whose contacts the user may see, by name
}

const contactKind = "contact"

// ListContacts returns the contacts actor may see: customs every holder's (an officer
// searches by holder name to find whom to call), a right holder its own, an agent its clients'.
func (s *Service) ListContacts(ctx context.Context, actor *ipr.User, q HolderQuery) (*ContactPage, error) {
	scope, err := holderScope(actor, ipr.ActionViewContact, contactKind, q.HolderID)
	if err != nil {
		return nil, err
	}
	page := &ContactPage{}
	err = s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if page.Holders, err = holderChoices(ctx, tx, actor, ipr.ActionViewContact, contactKind); err != nil {
			return err
		}
		page.Contacts, page.Total, err = tx.ListContacts(ctx, store.HolderFilter{HolderIDs: scope, Text: q.Text,
			Limit: q.Limit, Offset: q.Offset})
		return err
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// Contact returns one contact. Those who may not see it are told it does not exist.
func (s *Service) Contact(ctx context.Context, actor *ipr.User, id int64) (*ipr.Contact, error) {
	var out *ipr.Contact
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = loadContact(ctx, tx, actor, id, ipr.ActionViewContact)
		return err
	})
	return out, err
}

// ContactToEdit returns one contact for its edit form: only the holder side may change it.
func (s *Service) ContactToEdit(ctx context.Context, actor *ipr.User, id int64) (*ipr.Contact, error) {
	var out *ipr.Contact
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = loadContact(ctx, tx, actor, id, ipr.ActionEditContact)
		return err
	})
	return out, err
}

// AddContact adds a contact to a right holder's directory entry. A right holder adds
// its own; an agent names one of its clients in in.HolderID.
func (s *Service) AddContact(ctx context.Context, actor *ipr.User, in ipr.Contact) (*ipr.Contact, error) {
	c := in
	c.ID = 0
	if err := authorizeHolder(actor, ipr.ActionEditContact, contactKind, &c.HolderID); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateContact(ctx, &c); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "contact.create", ObjectType: contactKind, ObjectID: c.ID,
			ObjectOrg: c.HolderID, After: contactSummary(&c)})
	})
	if err != nil {
		return nil, err
	}
	return &c, nil
}

// UpdateContact changes a contact's details; its holder stays the same.
func (s *Service) UpdateContact(ctx context.Context, actor *ipr.User, id int64, in ipr.Contact) (*ipr.Contact, error) {
	var out *ipr.Contact
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadContact(ctx, tx, actor, id, ipr.ActionEditContact)
		if err != nil {
			return err
		}
		before := contactSummary(c)
		c.Name, c.Title, c.Phone, c.Email = in.Name, in.Title, in.Phone, in.Email
		c.Languages, c.Hours, c.Escalation = in.Languages, in.Hours, in.Escalation
		if err := tx.UpdateContact(ctx, c); err != nil {
			return err
		}
		out = c
		return s.audit(ctx, tx, actor, change{Action: "contact.update", ObjectType: contactKind, ObjectID: c.ID,
			ObjectOrg: c.HolderID, Before: before, After: contactSummary(c)})
	})
	return out, err
}

// DeleteContact removes a contact.
func (s *Service) DeleteContact(ctx context.Context, actor *ipr.User, id int64) error {
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadContact(ctx, tx, actor, id, ipr.ActionEditContact)
		if err != nil {
			return err
		}
		if err := tx.DeleteContact(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "contact.delete", ObjectType: contactKind, ObjectID: c.ID,
			ObjectOrg: c.HolderID, Before: contactSummary(c)})
	})
}

// loadContact loads a contact for action, like loadInfringer.
func loadContact(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64, action ipr.Action) (*ipr.Contact, error) {
	if err := mayEverHolderData(actor, ipr.ActionViewContact, action, contactKind); err != nil {
		return nil, err
	}
	c, err := tx.ContactByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ipr.Can(actor, ipr.ActionViewContact, ipr.OrgResource(contactKind, c.HolderID)) {
		return nil, ipr.Errorf(ipr.ENOTFOUND, "contact not found")
	}
	if err := ipr.Authorize(actor, action, ipr.OrgResource(contactKind, c.HolderID)); err != nil {
		return nil, err
	}
	return c, nil
}

func contactSummary(c *ipr.Contact) string {
	parts := []string{c.Name}
	for _, p := range []string{c.Title, c.Phone, c.Email, c.Languages, c.Hours} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if c.Escalation {
		parts = append(parts, "escalation")
	}
	return clipSummary(strings.Join(parts, " · "), 300)
}
