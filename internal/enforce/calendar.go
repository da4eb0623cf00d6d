package enforce

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"bordermark/internal/calendar"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// calendars holds the working-day calendars in use: the embedded official
// ones, then every year imported into the database, newest version winning.
type calendars struct {
	mu  sync.Mutex
	set *calendar.Set
}

// Calendars returns the working-day calendars deadlines are computed with.
func (s *Service) Calendars(ctx context.Context) (*calendar.Set, error) {
	s.calendars.mu.Lock()
	defer s.calendars.mu.Unlock()
	if s.calendars.set != nil {
		return s.calendars.set, nil
	}
	set := calendar.Default()
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		for _, j := range calendar.Jurisdictions() {
			versions, err := tx.Calendars(ctx, j)
			if err != nil {
				return err
			}
			for _, v := range versions { // oldest first, so the newest of a year is loaded last
				if _, err := set.Load(strings.NewReader(v.Content)); err != nil {
					return fmt.Errorf("calendar %s %d version %s: %w", v.Jurisdiction, v.Year, v.Version, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.calendars.set = set
	return set, nil
}

// ImportCalendar stores a year's official calendar as a new version, with
// an audit event, and puts it in use. Deadlines already given keep their
// dates until an officer recomputes them.
func (s *Service) ImportCalendar(ctx context.Context, actor *ipr.User, content []byte) (*calendar.Year, error) {
	if err := ipr.Authorize(actor, ipr.ActionImportCalendar, ipr.Anything); err != nil {
		return nil, err
	}
	year, err := calendar.Parse(bytes.NewReader(content))
	if err != nil {
		return nil, err
	}
	set, err := s.Calendars(ctx)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		v := &ipr.CalendarVersion{Jurisdiction: year.Jurisdiction, Year: year.Year, Version: year.Version,
			Content: string(content), ImportedAt: s.Clock.Now(), ImportedBy: actor.ID}
		if err := tx.SaveCalendar(ctx, v); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "calendar.import", ObjectType: "calendar", ObjectID: v.ID,
			After: year.ID() + " from " + year.Source})
	})
	if err != nil {
		return nil, err
	}
	s.calendars.mu.Lock()
	defer s.calendars.mu.Unlock()
	_, err = set.Load(bytes.NewReader(content))
	return year, err
}
