package calendar

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"bordermark/internal/ipr"
)

// maxFileSize bounds a calendar file; a real one is a few hundred bytes.
const maxFileSize = 1 << 20

// Year is one jurisdiction's calendar for one year, as parsed from a data file.
// It is read-only once parsed.
type Year struct {
	Jurisdiction string
	Year         int
	Source       string
	Version      string  // first 12 hex digits of the SHA-256 of the file
	Entries      []Entry // the off and work lines, in file order
	days         yearDays
}

// Entry is one off or work line of a calendar file.
type Entry struct {
	Line     int
	Working  bool // a work line: weekend days that are working days
	From, To ipr.Date
	Name     string
}

// yearDays is one year's exceptions to the Saturday/Sunday weekend, indexed by day of the year.
type yearDays struct {
	off, work [367]bool
}

// ID names the year and its version, as in "CN-2026@3f2a9c0d1e2b".
func (y *Year) ID() string { return fmt.Sprintf("%s-%d@%s", y.Jurisdiction, y.Year, y.Version) }

// Parse reads a calendar file (see the package documentation for the format).
// Its errors are ipr.Error EINVALID with the field "calendar" saying
// "line N: field: problem".
func Parse(r io.Reader) (*Year, error) {
	content, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(content) > maxFileSize {
		return nil, invalid(0, "file", fmt.Sprintf("longer than %d bytes", maxFileSize))
	}
	p := parser{seen: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(content))
	sc.Buffer(nil, maxFileSize)
	for sc.Scan() {
		p.line++
		if err := p.statement(sc.Text()); err != nil {
			return nil, err
		}
	}
	if sc.Err() != nil {
		return nil, invalid(p.line+1, "line", sc.Err().Error())
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(content)
	p.year.Version = hex.EncodeToString(sum[:])[:12]
	return &p.year, nil
}

// invalid is a parse error naming the line and the field.
func invalid(line int, field, problem string) error {
	where := "end of file"
	if line > 0 {
		where = "line " + strconv.Itoa(line)
	}
	return &ipr.Error{Code: ipr.EINVALID, Message: "the calendar file is not valid",
		Fields: map[string]string{"calendar": where + ": " + field + ": " + problem}}
}

type parser struct {
	line     int
	year     Year
	seen     map[string]int // header keyword → its line
	listedOn [367]int       // day of the year → the off or work line listing it
}

func (p *parser) statement(text string) error {
	text = strings.TrimSpace(text)
	if text == "" || strings.HasPrefix(text, "#") {
		return nil
	}
	keyword, rest := cutField(text)
	switch keyword {
	case "jurisdiction", "year", "source":
		return p.header(keyword, rest)
	case "off", "work":
		return p.entry(keyword == "work", rest)
	}
	return invalid(p.line, "keyword", fmt.Sprintf("%q is not one of jurisdiction, year, source, off, work", keyword))
}

func (p *parser) header(keyword, value string) error {
	if first, ok := p.seen[keyword]; ok {
		return invalid(p.line, keyword, fmt.Sprintf("given twice (first on line %d)", first))
	}
	p.seen[keyword] = p.line
	switch keyword {
	case "jurisdiction":
		if !isCountryCode(value) {
			return invalid(p.line, keyword, fmt.Sprintf("%q is not a two-letter country code like CN", value))
		}
		p.year.Jurisdiction = value
	case "year":
		y, err := strconv.Atoi(value)
		if err != nil || len(value) != 4 || y < 1900 {
			return invalid(p.line, keyword, fmt.Sprintf("%q is not a year like 2026", value))
		}
		p.year.Year = y
	case "source":
		if value == "" {
			return invalid(p.line, keyword, "empty")
		}
		p.year.Source = value
	}
	return nil
}

// cutField splits s at its first run of spaces or tabs.
func cutField(s string) (field, rest string) {
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

func isCountryCode(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

func (p *parser) entry(working bool, rest string) error {
	for _, h := range []string{"jurisdiction", "year"} {
		if _, ok := p.seen[h]; !ok {
			return invalid(p.line, h, "missing before the first off or work line")
		}
	}
	dates, name := cutField(rest)
	from, to, err := p.dateRange(dates)
	if err != nil {
		return err
	}
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		yd := d.Time().YearDay()
		if first := p.listedOn[yd]; first != 0 {
			return invalid(p.line, "date", fmt.Sprintf("%s is already listed on line %d", d, first))
		}
		if working && !isWeekend(d) {
			return invalid(p.line, "date", fmt.Sprintf("%s is a %s, a working day already", d, d.Time().Weekday()))
		}
		p.listedOn[yd] = p.line
		if working {
			p.year.days.work[yd] = true
		} else {
			p.year.days.off[yd] = true
		}
	}
	p.year.Entries = append(p.year.Entries, Entry{Line: p.line, Working: working, From: from, To: to, Name: name})
	return nil
}

// dateRange reads DATE or DATE..DATE, both in the file's year.
func (p *parser) dateRange(s string) (from, to ipr.Date, err error) {
	if s == "" {
		return from, to, invalid(p.line, "date", "missing")
	}
	first, last, isRange := strings.Cut(s, "..")
	if from, err = p.date(first); err != nil {
		return from, to, err
	}
	to = from
	if isRange {
		if to, err = p.date(last); err != nil {
			return from, to, err
		}
		if to.Before(from) {
			return from, to, invalid(p.line, "date", fmt.Sprintf("%s ends before it starts", s))
		}
	}
	return from, to, nil
}

func (p *parser) date(s string) (ipr.Date, error) {
	d, err := ipr.ParseDate(s)
	if err != nil || d.IsZero() {
		return d, invalid(p.line, "date", fmt.Sprintf("%q is not a date like 2026-11-29", s))
	}
	if d.Time().Year() != p.year.Year {
		return d, invalid(p.line, "date", fmt.Sprintf("%s is not in %d", d, p.year.Year))
	}
	return d, nil
}

func (p *parser) finish() error {
	for _, h := range []string{"jurisdiction", "year"} {
		if _, ok := p.seen[h]; !ok {
			return invalid(0, h, "missing")
		}
	}
	return nil
}

func isWeekend(d ipr.Date) bool {
	wd := d.Time().Weekday()
	return wd == time.Saturday || wd == time.Sunday
}
