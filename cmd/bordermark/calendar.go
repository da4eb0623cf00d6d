package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// runCalendarImport loads a year's official working-day calendar into the
// database, as a new version with an audit event. The Chinese calendar for
// the next year is published each November.
func runCalendarImport(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("calendar import", "Import FILE, a year's working-day calendar (see internal/calendar's\n"+
		"package documentation for the format). Deadlines computed afterwards use it; deadlines\n"+
		"already given keep their dates until an officer recomputes them.", errOut)
	dsn := dbFlag(fs, getenv)
	path, err := parseWithFile(fs, args)
	if err != nil {
		return err
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		year, err := svc.ImportCalendar(ctx, ipr.SystemUser(), content)
		if err != nil {
			return fmt.Errorf("%s: %s", path, message(err))
		}
		_, err = fmt.Fprintf(out, "imported %s (%d days listed)\n", year.ID(), len(year.Entries))
		return err
	})
}
