package enforce

import (
	"context"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// NewUser is what is needed to create a user.
type NewUser struct {
	Email    string
	Name     string
	Password string
	Role     string
	Org      string // organisation name, English or Chinese
	Lang     string
}

// AddUser creates a user in an existing organisation.
func (s *Service) AddUser(ctx context.Context, actor *ipr.User, in NewUser) (*ipr.User, error) {
	user := &ipr.User{Email: in.Email, Name: in.Name, Role: ipr.Role(strings.TrimSpace(in.Role)), Lang: in.Lang}
	if role, err := ipr.ParseRole(in.Role); err == nil {
		user.Role = role
	}
	if strings.TrimSpace(in.Org) == "" {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "user is not valid", Fields: map[string]string{"org": "is required"}}
	}
	// before any lookup, so that those without the right learn nothing about what exists
	if err := ipr.Authorize(actor, ipr.ActionManageUsers, ipr.Anything); err != nil {
		return nil, err
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		org, err := tx.OrgByName(ctx, strings.TrimSpace(in.Org))
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionManageUsers, ipr.OrgResource("org", org.ID)); err != nil {
			return err
		}
		user.OrgID, user.OrgName, user.OrgKind = org.ID, org.Name, org.Kind
		if err := user.Validate(in.Password); err != nil {
			return err // before hashing: hashing is slow and this error names every field
		}
		if err := tx.CreateUser(ctx, user, in.Password, HashPassword(in.Password), s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "user.create", ObjectType: "user", ObjectID: user.ID,
			ObjectOrg: org.ID, After: user.Email + " as " + string(user.Role) + " of " + org.Name})
	})
	if err != nil {
		return nil, err
	}
	return user, nil
}

// ListUsers returns the users of an organisation (0 for all) that actor may manage.
func (s *Service) ListUsers(ctx context.Context, actor *ipr.User, orgID int64) ([]*ipr.User, error) {
	if err := ipr.Authorize(actor, ipr.ActionManageUsers, ipr.OrgResource("org", orgID)); err != nil {
		return nil, err
	}
	var list []*ipr.User
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		list, err = tx.ListUsers(ctx, orgID)
		return err
	})
	return list, err
}

// SetLanguage remembers a signed-in user's language choice.
func (s *Service) SetLanguage(ctx context.Context, user *ipr.User, lang string) error {
	if user == nil || user.Lang == lang {
		return nil
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetUserLang(ctx, user.ID, lang); err != nil {
			return err
		}
		return s.audit(ctx, tx, user, change{Action: "user.language", ObjectType: "user", ObjectID: user.ID,
			ObjectOrg: user.OrgID, Before: user.Lang, After: lang})
	})
}
