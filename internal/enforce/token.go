package enforce

import (
	"context"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// IssueToken creates an API token acting as the user with email, for an integration
// such as a customs declaration system. The secret is returned once and never stored.
func (s *Service) IssueToken(ctx context.Context, actor *ipr.User, email, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", &ipr.Error{Code: ipr.EINVALID, Message: "token is not valid", Fields: map[string]string{"name": "is required"}}
	}
	secret := "bm_" + randomSecret()
	hash := hashSecret(secret)
	// before any lookup, so that those without the right learn nothing about what exists
	if err := ipr.Authorize(actor, ipr.ActionManageTokens, ipr.Anything); err != nil {
		return "", err
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		user, _, err := tx.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionManageTokens, ipr.OrgResource("org", user.OrgID)); err != nil {
			return err
		}
		t := &ipr.APIToken{UserID: user.ID, Name: name, Prefix: secret[:10], TokenHash: hash, CreatedAt: s.Clock.Now()}
		if err := tx.CreateToken(ctx, t); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "token.create", ObjectType: "api_token", ObjectID: t.ID,
			ObjectOrg: user.OrgID, After: name + " for " + user.Email + " (" + t.Prefix + "…)"})
	})
	if err != nil {
		return "", err
	}
	return secret, nil
}
