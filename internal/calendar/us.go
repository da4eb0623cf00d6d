package calendar

import (
	"time"

	"bordermark/internal/ipr"
)

// usRuleVersion names the rule set below; change it when the rules change.
const usRuleVersion = "rule"

// usDays returns the US federal holidays observed in year (5 U.S.C. 6103):
// one falling on a Saturday is observed the Friday before, on a Sunday the
// Monday after. New Year's Day on a Saturday is observed on December 31 of the
// year before, so the next year's New Year's Day is considered too.
func usDays(year int) yearDays {
	var days yearDays
	for _, d := range append(usHolidays(year), usHolidays(year + 1)[0]) {
		if o := observed(d); o.Time().Year() == year {
			days.off[o.Time().YearDay()] = true
		}
	}
	return days
}

// usHolidays returns the federal holidays of year on their legal dates, New Year's Day first.
func usHolidays(year int) []ipr.Date {
	days := []ipr.Date{
		ipr.NewDate(year, time.January, 1),
		nthWeekday(year, time.January, time.Monday, 3),  // Birthday of Martin Luther King, Jr.
		nthWeekday(year, time.February, time.Monday, 3), // Washington's Birthday
		lastWeekday(year, time.May, time.Monday),        // Memorial Day
		ipr.NewDate(year, time.July, 4),
		nthWeekday(year, time.September, time.Monday, 1),  // Labor Day
		nthWeekday(year, time.October, time.Monday, 2),    // Columbus Day
		ipr.NewDate(year, time.November, 11),              // Veterans Day
		nthWeekday(year, time.November, time.Thursday, 4), // Thanksgiving Day
		ipr.NewDate(year, time.December, 25),
	}
	if year >= 2021 { // Juneteenth National Independence Day Act, June 17, 2021
		days = append(days, ipr.NewDate(year, time.June, 19))
	}
	return days
}

func observed(d ipr.Date) ipr.Date {
	switch d.Time().Weekday() {
	case time.Saturday:
		return d.AddDate(0, 0, -1)
	case time.Sunday:
		return d.AddDate(0, 0, 1)
	}
	return d
}

// nthWeekday is the nth (from 1) weekday wd of month.
func nthWeekday(year int, month time.Month, wd time.Weekday, n int) ipr.Date {
	first := ipr.NewDate(year, month, 1)
	shift := (int(wd) - int(first.Time().Weekday()) + 7) % 7
	return first.AddDate(0, 0, shift+7*(n-1))
}

// lastWeekday is the last weekday wd of month.
func lastWeekday(year int, month time.Month, wd time.Weekday) ipr.Date {
	last := ipr.NewDate(year, month+1, 0)
	shift := (int(last.Time().Weekday()) - int(wd) + 7) % 7
	return last.AddDate(0, 0, -shift)
}
