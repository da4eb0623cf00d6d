package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"

	"bordermark/internal/calendar"
	"bordermark/internal/ipr"
)

func runDeadline(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("deadline", "Print the last day of a period that starts the day after --from, counted in\n"+
		"--working-days or --calendar-days (moved on to the next working day) in the\n"+
		"calendar of --jurisdiction: CN, US or an EU member state such as DE.\n"+
		"The date is followed by \" provisional\" when a year it was counted through has no\n"+
		"calendar loaded and so counted weekends only.", errOut)
	jurisdiction := fs.String("jurisdiction", "", "jurisdiction code: "+strings.Join(calendar.Jurisdictions(), " "))
	var from ipr.Date
	fs.Func("from", "`DATE` of the triggering event, like 2026-09-29 (not counted)", func(s string) error {
		d, err := ipr.ParseDate(s)
		from = d
		return err
	})
	workingDays := fs.Int("working-days", 0, "length of the period in working days")
	calendarDays := fs.Int("calendar-days", 0, "length of the period in calendar days")
	var files []string
	fs.Func("calendar", "a calendar `FILE` to load first, replacing the year it gives (repeatable)", func(s string) error {
		files = append(files, s)
		return nil
	})
	dsn := fs.String("db", "", "also use the calendars imported into this database (SQLite file or postgres:// URL)")
	if err := parse(fs, args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case !set["jurisdiction"]:
		return errors.New("jurisdiction: required, such as CN")
	case !set["from"] || from.IsZero():
		return errors.New("from: required, a date like 2026-09-29")
	case set["working-days"] == set["calendar-days"]:
		return errors.New("working-days: give either --working-days or --calendar-days")
	}
	cals, closeDB, err := deadlineCalendars(ctx, *dsn)
	if err != nil {
		return err
	}
	defer closeDB()
	for _, path := range files {
		if err := loadCalendar(cals, path); err != nil {
			return err
		}
	}
	add, n := cals.AddWorkingDays, *workingDays
	if set["calendar-days"] {
		add, n = cals.AddCalendarDays, *calendarDays
	}
	d, err := add(*jurisdiction, from, n)
	if err != nil {
		return flagError(err)
	}
	_, err = fmt.Fprintln(out, d)
	return err
}

// deadlineCalendars returns the embedded calendars, or with a database
// those the service uses: the embedded ones and every imported year.
func deadlineCalendars(ctx context.Context, dsn string) (*calendar.Set, func(), error) {
	if dsn == "" {
		return calendar.Default(), func() {}, nil
	}
	svc, closeDB, err := openService(ctx, dsn, slog.New(slog.DiscardHandler))
	if err != nil {
		return nil, nil, err
	}
	cals, err := svc.Calendars(ctx)
	if err != nil {
		closeDB()
		return nil, nil, err
	}
	return cals, closeDB, nil
}

func loadCalendar(cals *calendar.Set, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	defer f.Close()
	if _, err := cals.Load(f); err != nil {
		return fmt.Errorf("calendar %s: %s", path, message(err))
	}
	return nil
}

// flagError names the flag behind a calendar error's field, as in "working-days: -1 is not 0 or more".
func flagError(err error) error {
	var e *ipr.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	var problems []string
	for field, problem := range e.Fields {
		problems = append(problems, strings.ReplaceAll(field, "_", "-")+": "+problem)
	}
	slices.Sort(problems)
	return errors.New(strings.Join(problems, "; "))
}
