// Package calendar counts legal deadlines in working days or calendar days,
// per jurisdiction, and says when a deadline is only provisional.
//
// # Jurisdictions
//
// Jurisdictions are ISO 3166-1 alpha-2 codes:
//
//   - CN: official holidays and make-up working days from the State Council's
//     yearly notice, one data file per year. The 2025 and 2026 files are embedded.
//   - US: federal holidays computed by rule for any year (5 U.S.C. 6103), with
//     their observed days; never provisional.
//   - The 27 EU member states, AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT
//     LT LU LV MT NL PL PT RO SE SI SK (Greece is GR, not the EU's EL): public
//     holidays from data files in the same format as CN's. None are embedded;
//     load them with [Set.Load].
//
// Saturday and Sunday are off everywhere unless a data file lists them as work.
// When counting passes through a year of a data-based jurisdiction for which no
// file is loaded, that year counts weekends only and the result is Provisional.
//
// # Data files
//
// A calendar file is UTF-8 text, one statement a line. Blank lines and lines
// starting with # are ignored; fields are separated by spaces or tabs.
//
//	jurisdiction CN
//	year 2026
//	source State Council General Office, notice on the 2026 holiday arrangements
//	off 2026-02-15..2026-02-23 Spring Festival
//	work 2026-02-14 make-up working day
//
// The statements:
//
//   - jurisdiction CODE and year YYYY: each exactly once, before any off or work line.
//   - source TEXT: where the dates come from; optional, at most once.
//   - off DATE[..DATE] [NAME]: days off, ends included.
//   - work DATE[..DATE] [NAME]: Saturdays or Sundays that are working days.
//
// Every date must lie in the file's year, and no day may be listed twice. Parse
// errors name the line and the field, as in "line 7: date: 2026-02-30 is not a
// date like 2026-11-29".
//
// # Versions
//
// A loaded year's version is the first 12 hex digits of the SHA-256 of its
// file, so the same file always has the same version. A [Deadline] lists each
// year it was counted through as "CN-2026@3f2a9c0d1e2b", "CN-2027@provisional"
// (no file loaded: weekends only) or "US-2026@rule", so that callers can store
// which calendars a deadline was computed with.
//
// # Counting
//
// The day of the triggering event is not counted: a period of n working days
// ends on the nth working day after it, and a period of n calendar days on the
// nth day after it, moved on to the next working day when that day is not one.
// A deadline ends at the close of its day in the office's time zone: see
// [Deadline.End].
package calendar
