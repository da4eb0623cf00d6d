package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// CreateContact stores an identification contact of a right holder and sets its ID.
func (tx *Tx) CreateContact(ctx context.Context, c *ipr.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := tx.mustBeHolder(ctx, c.HolderID); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO contacts (holder_id, name, title, phone, email, languages, hours, escalation)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		c.HolderID, c.Name, c.Title, c.Phone, c.Email, c.Languages, c.Hours, c.Escalation).Scan(&c.ID)
	return mapError(err, "holder", "")
}

// UpdateContact saves a contact's details. Its holder never changes.
func (tx *Tx) UpdateContact(ctx context.Context, c *ipr.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE contacts SET name = $1, title = $2, phone = $3, email = $4, languages = $5,
		hours = $6, escalation = $7 WHERE id = $8`, c.Name, c.Title, c.Phone, c.Email, c.Languages, c.Hours, c.Escalation, c.ID)
	if err != nil {
		return mapError(err, "contact", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("contact", "contact", "with id "+strconv.FormatInt(c.ID, 10))
	}
	return nil
}

// DeleteContact removes a contact.
func (tx *Tx) DeleteContact(ctx context.Context, id int64) error {
	_, err := tx.exec(ctx, `DELETE FROM contacts WHERE id = $1`, id)
	return mapError(err, "contact", "")
}

const contactColumns = `c.id, c.holder_id, c.name, c.title, c.phone, c.email, c.languages, c.hours, c.escalation`

func scanContact(row rowScanner) (*ipr.Contact, error) {
	var c ipr.Contact
	err := row.Scan(&c.ID, &c.HolderID, &c.Name, &c.Title, &c.Phone, &c.Email, &c.Languages, &c.Hours, &c.Escalation)
	return &c, err
}

// ContactByID returns the contact with id.
func (tx *Tx) ContactByID(ctx context.Context, id int64) (*ipr.Contact, error) {
	c, err := scanContact(tx.queryRow(ctx, `SELECT `+contactColumns+` FROM contacts c WHERE c.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("contact", "contact", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "contact", "")
	}
	return c, nil
}

// ListContacts returns a page of matching contacts and how many match in all: by holder,
// first contacts before escalation contacts, then by name. Text matches the holder's
// English or Chinese name, the contact's name or its languages.
func (tx *Tx) ListContacts(ctx context.Context, f HolderFilter) ([]*ipr.Contact, int64, error) {
	var w whereBuilder
	if f.HolderIDs != nil {
		w.in("c.holder_id", f.HolderIDs)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		w.add(`(LOWER(o.name) LIKE ? ESCAPE '\' OR LOWER(o.name_zh) LIKE ? ESCAPE '\'
			OR LOWER(c.name) LIKE ? ESCAPE '\' OR LOWER(c.languages) LIKE ? ESCAPE '\')`, likePattern(t))
	}
	where, args := w.sql()
	const from = ` FROM contacts c JOIN orgs o ON o.id = c.holder_id`
	total, err := tx.count(ctx, `SELECT COUNT(*)`+from+where, args...)
	if err != nil {
		return nil, 0, err
	}
	query, args := paged(`SELECT `+contactColumns+from+where+` ORDER BY o.name, c.escalation, c.name, c.id`, args, f)
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, 0, ipr.Internal(err)
	}
	defer rows.Close()
	var list []*ipr.Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, 0, ipr.Internal(err)
		}
		list = append(list, c)
	}
	return list, total, mapError(rows.Err(), "contact", "")
}
