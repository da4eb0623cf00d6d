package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"bordermark/internal/ipr"
)

// SaveCalendar stores an imported version of a working-day calendar and sets its
// ID. Versions are kept, never replaced: a deadline names the version it used.
func (tx *Tx) SaveCalendar(ctx context.Context, c *ipr.CalendarVersion) error {
	if err := c.Validate(); err != nil {
		return err
	}
	c.ImportedAt = c.ImportedAt.UTC()
	err := tx.queryRow(ctx, `INSERT INTO calendars (jurisdiction, year, version, content, imported_at, imported_by)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, c.Jurisdiction, c.Year, c.Version, c.Content, c.ImportedAt,
		c.ImportedBy).Scan(&c.ID)
	return mapError(err, "version", "this version of the year's calendar is already imported")
}

const calendarColumns = `id, jurisdiction, year, version, content, imported_at, imported_by`

func scanCalendar(row rowScanner) (*ipr.CalendarVersion, error) {
	var c ipr.CalendarVersion
	err := row.Scan(&c.ID, &c.Jurisdiction, &c.Year, &c.Version, &c.Content, &c.ImportedAt, &c.ImportedBy)
	c.ImportedAt = c.ImportedAt.UTC()
	return &c, err
}

// Calendars returns every imported version of a jurisdiction's calendars, by
// year, the latest import of each year first.
func (tx *Tx) Calendars(ctx context.Context, jurisdiction string) ([]*ipr.CalendarVersion, error) {
	return queryAll(ctx, tx, scanCalendar, `SELECT `+calendarColumns+` FROM calendars WHERE jurisdiction = $1
		ORDER BY year, imported_at DESC, id DESC`, jurisdiction)
}

// LatestCalendar returns the latest imported version of a jurisdiction's calendar for year.
func (tx *Tx) LatestCalendar(ctx context.Context, jurisdiction string, year int) (*ipr.CalendarVersion, error) {
	c, err := scanCalendar(tx.queryRow(ctx, `SELECT `+calendarColumns+` FROM calendars
		WHERE jurisdiction = $1 AND year = $2 ORDER BY imported_at DESC, id DESC LIMIT 1`, jurisdiction, year))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("calendar", "year", jurisdiction+" "+strconv.Itoa(year))
	}
	return c, mapError(err, "calendar", "")
}
