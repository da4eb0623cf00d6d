package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestCalendarVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		v1 := &ipr.CalendarVersion{Jurisdiction: "cn", Year: 2026, Version: "2025-11-04", Content: "2026-01-01 holiday\n",
			ImportedAt: t0, ImportedBy: 1}
		v2 := &ipr.CalendarVersion{Jurisdiction: "CN", Year: 2026, Version: "2025-12-20", Content: "2026-01-02 holiday\n",
			ImportedAt: t0.Add(time.Hour), ImportedBy: 1}
		y25 := &ipr.CalendarVersion{Jurisdiction: "CN", Year: 2025, Version: "2024-11-12", Content: "2025-01-01 holiday\n",
			ImportedAt: t0, ImportedBy: 1}
		eu := &ipr.CalendarVersion{Jurisdiction: "DE", Year: 2026, Version: "1", Content: "x", ImportedAt: t0}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			for _, c := range []*ipr.CalendarVersion{v1, v2, y25, eu} {
				if err := tx.SaveCalendar(ctx, c); err != nil {
					return err
				}
			}
			return nil
		})
		var list []*ipr.CalendarVersion
		var latest *ipr.CalendarVersion
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if list, err = tx.Calendars(ctx, "CN"); err != nil {
				return err
			}
			latest, err = tx.LatestCalendar(ctx, "CN", 2026)
			return err
		})
		if !reflect.DeepEqual(list, []*ipr.CalendarVersion{y25, v2, v1}) || !reflect.DeepEqual(latest, v2) {
			t.Errorf("Calendars: got %+v, latest %+v; want 2025, then 2026's second and first import", list, latest)
		}

		again := *v1
		err := db.Update(t.Context(), func(tx *store.Tx) error { return tx.SaveCalendar(t.Context(), &again) })
		wantError(t, err, ipr.ECONFLICT, "version")
		empty := &ipr.CalendarVersion{Jurisdiction: "CN", Year: 2027, Version: "1", ImportedAt: t0}
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.SaveCalendar(t.Context(), empty) })
		wantError(t, err, ipr.EINVALID, "content")
		err = db.View(t.Context(), func(tx *store.Tx) error { _, err := tx.LatestCalendar(t.Context(), "CN", 2030); return err })
		wantError(t, err, ipr.ENOTFOUND, "year")
	})
}
