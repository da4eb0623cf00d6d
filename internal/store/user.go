package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// CreateUser stores a new user with a password hash and sets its ID.
// The user's organisation must exist; OrgKind is filled in from it before validation.
func (tx *Tx) CreateUser(ctx context.Context, u *ipr.User, password, passwordHash string, now time.Time) error {
	if u.OrgID != 0 {
		org, err := tx.OrgByID(ctx, u.OrgID)
		if err != nil {
			return err
		}
		u.OrgName, u.OrgKind = org.Name, org.Kind
	}
	if u.Lang == "" {
		u.Lang = "en"
	}
	if err := u.Validate(password); err != nil {
		return err
	}
	u.CreatedAt = now
	err := tx.queryRow(ctx, `INSERT INTO users (email, name, password_hash, role, org_id, lang, disabled, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		u.Email, u.Name, passwordHash, string(u.Role), u.OrgID, u.Lang, u.Disabled, now).Scan(&u.ID)
	return mapError(err, "email", strconv.Quote(u.Email)+" is already registered")
}

const userColumns = `u.id, u.email, u.name, u.role, u.org_id, o.name, o.kind, u.lang, u.disabled, u.created_at`
const userFrom = ` FROM users u JOIN orgs o ON o.id = u.org_id `

func scanUser(row rowScanner, extra ...any) (*ipr.User, error) {
	var u ipr.User
	var role, kind string
	dest := append([]any{&u.ID, &u.Email, &u.Name, &role, &u.OrgID, &u.OrgName, &kind, &u.Lang, &u.Disabled, &u.CreatedAt}, extra...)
	err := row.Scan(dest...)
	u.Role, u.OrgKind = ipr.Role(role), ipr.OrgKind(kind)
	return &u, err
}

// withClients fills in the right holders an agent acts for.
func (tx *Tx) withClients(ctx context.Context, u *ipr.User) (*ipr.User, error) {
	if u.Role != ipr.RoleAgent {
		return u, nil
	}
	ids, err := tx.AgentClients(ctx, u.OrgID)
	u.ActsFor = ids
	return u, err
}

// UserByEmail returns the user with email and its password hash.
func (tx *Tx) UserByEmail(ctx context.Context, email string) (*ipr.User, string, error) {
	var hash string
	u, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+`, u.password_hash`+userFrom+`WHERE u.email = $1`,
		ipr.NormaliseEmail(email)), &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", notFound("user", "email", strconv.Quote(email))
	}
	if err != nil {
		return nil, "", ipr.Internal(err)
	}
	u, err = tx.withClients(ctx, u)
	return u, hash, err
}

// UserByID returns the user with id.
func (tx *Tx) UserByID(ctx context.Context, id int64) (*ipr.User, error) {
	u, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+userFrom+`WHERE u.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("user", "user", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, ipr.Internal(err)
	}
	return tx.withClients(ctx, u)
}

// ListUsers returns the users of an organisation (0 for all), by e-mail.
func (tx *Tx) ListUsers(ctx context.Context, orgID int64) ([]*ipr.User, error) {
	scan := func(row rowScanner) (*ipr.User, error) { return scanUser(row) }
	return queryAll(ctx, tx, scan, `SELECT `+userColumns+userFrom+`WHERE $1 = 0 OR u.org_id = $1 ORDER BY u.email`, orgID)
}

// CountUsers counts the users of an organisation (0 for all).
func (tx *Tx) CountUsers(ctx context.Context, orgID int64) (int64, error) {
	return tx.count(ctx, `SELECT COUNT(*) FROM users WHERE $1 = 0 OR org_id = $1`, orgID)
}

// SetUserLang remembers a user's language.
func (tx *Tx) SetUserLang(ctx context.Context, userID int64, lang string) error {
	_, err := tx.exec(ctx, `UPDATE users SET lang = $1 WHERE id = $2`, lang, userID)
	return mapError(err, "lang", "")
}
