package calendar

import (
	"fmt"
	"slices"
	"time"

	"bordermark/internal/ipr"
)

// maxDays bounds a period; legal deadlines are counted in days, weeks or months.
const maxDays = 10000

// Deadline is the last day of a period and how it was computed.
type Deadline struct {
	Date ipr.Date
	// Provisional is set when counting passed through a year with no calendar
	// loaded, counted on weekends only; recompute once the year is loaded.
	Provisional bool
	// Calendars are the years counted through, as "CN-2026@3f2a9c0d1e2b",
	// "CN-2027@provisional" or "US-2026@rule", in the order first met.
	Calendars []string
}

// End is the instant the deadline passes: the start of the day after Date in
// loc (exclusive). An act is in time when done before End, that is at any
// moment of Date in the office's time zone loc.
func (d Deadline) End(loc *time.Location) time.Time {
	y, m, day := d.Date.Time().Date()
	return time.Date(y, m, day+1, 0, 0, 0, 0, loc)
}

// String is the date, followed by " provisional" when it is.
func (d Deadline) String() string {
	if d.Provisional {
		return d.Date.String() + " provisional"
	}
	return d.Date.String()
}

// AddWorkingDays returns the nth working day after from (from itself is not
// counted; n = 0 gives from).
func (s *Set) AddWorkingDays(jurisdiction string, from ipr.Date, n int) (Deadline, error) {
	w, err := s.walk(jurisdiction, from, n, "working_days")
	if err != nil {
		return Deadline{}, err
	}
	d := from
	for counted := 0; counted < n; {
		d = d.AddDate(0, 0, 1)
		if w.working(d) {
			counted++
		}
	}
	return w.deadline(d), nil
}

// AddCalendarDays returns the nth day after from, moved on to the next working
// day when it is not one (n = 0 gives from).
func (s *Set) AddCalendarDays(jurisdiction string, from ipr.Date, n int) (Deadline, error) {
	w, err := s.walk(jurisdiction, from, n, "calendar_days")
	if err != nil {
		return Deadline{}, err
	}
	d := from.AddDate(0, 0, n)
	for n > 0 && !w.working(d) {
		d = d.AddDate(0, 0, 1)
	}
	return w.deadline(d), nil
}

// IsWorkingDay reports whether d is a working day (provisionally, on weekends
// only, when d's year has no calendar loaded).
func (s *Set) IsWorkingDay(jurisdiction string, d ipr.Date) (bool, error) {
	w, err := s.walk(jurisdiction, d, 0, "")
	if err != nil {
		return false, err
	}
	return w.working(d), nil
}

// WorkingDaysBetween counts the working days after from up to and including
// to: the working days left until a deadline on to, seen on from. It is
// negative when to is before from, and 0 when they are the same day.
func (s *Set) WorkingDaysBetween(jurisdiction string, from, to ipr.Date) (int, error) {
	w, err := s.walk(jurisdiction, from, 0, "")
	if err != nil {
		return 0, err
	}
	if to.IsZero() {
		return 0, &ipr.Error{Code: ipr.EINVALID, Message: "the working days cannot be counted",
			Fields: map[string]string{"to": "required"}}
	}
	sign := 1
	if to.Before(from) {
		from, to, sign = to, from, -1
	}
	count := 0
	for d := from.AddDate(0, 0, 1); !d.After(to); d = d.AddDate(0, 0, 1) {
		if w.working(d) {
			count++
		}
	}
	return sign * count, nil
}

// walk checks a request and starts a day-by-day walk; field names n, when n is checked.
func (s *Set) walk(jurisdiction string, from ipr.Date, n int, field string) (*walker, error) {
	k := kindOf(jurisdiction)
	if k == unknown {
		return nil, unknownJurisdiction(jurisdiction)
	}
	p := ipr.Problems{}
	if from.IsZero() {
		p.Add("from", "required")
	}
	if field != "" && n < 0 {
		p.Add(field, fmt.Sprintf("%d is not 0 or more", n))
	}
	if field != "" && n > maxDays {
		p.Add(field, fmt.Sprintf("%d is more than %d", n, maxDays))
	}
	if err := p.Err("the deadline cannot be computed"); err != nil {
		return nil, err
	}
	return &walker{set: s, jurisdiction: jurisdiction, kind: k}, nil
}

// weekendsOnly are the days of a year with no calendar loaded.
var weekendsOnly yearDays

// walker answers "is d a working day" for days met one by one, looking up each
// year's calendar once and remembering which ones it used.
type walker struct {
	set          *Set
	jurisdiction string
	kind         kind
	year         int
	days         *yearDays
	calendars    []string
	provisional  bool
}

func (w *walker) working(d ipr.Date) bool {
	t := d.Time()
	if w.days == nil || t.Year() != w.year {
		w.enter(t.Year())
	}
	yd := t.YearDay()
	return w.days.work[yd] || !isWeekend(d) && !w.days.off[yd]
}

func (w *walker) enter(year int) {
	w.year = year
	label := fmt.Sprintf("%s-%d@", w.jurisdiction, year)
	switch y := w.set.Year(w.jurisdiction, year); {
	case w.kind == byRule:
		days := usDays(year)
		w.days, label = &days, label+usRuleVersion
	case y != nil:
		w.days, label = &y.days, y.ID()
	default:
		w.days, label = &weekendsOnly, label+"provisional"
		w.provisional = true
	}
	if !slices.Contains(w.calendars, label) {
		w.calendars = append(w.calendars, label)
	}
}

func (w *walker) deadline(d ipr.Date) Deadline {
	return Deadline{Date: d, Provisional: w.provisional, Calendars: w.calendars}
}
