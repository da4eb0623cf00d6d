package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/ipr"
)

const validFile = `# a comment
jurisdiction CN
year 2026
source State Council

off 2026-02-15..2026-02-23 Spring Festival
work 2026-02-14 make-up working day
  off   2026-10-01..2026-10-07
`

func TestCalendarParse(t *testing.T) {
	y, err := Parse(strings.NewReader(validFile))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(validFile))
	if got, want := y.ID(), "CN-2026@"+hex.EncodeToString(sum[:6]); got != want {
		t.Errorf("ID: got %q, want %q", got, want)
	}
	if y.Source != "State Council" {
		t.Errorf("source: got %q, want %q", y.Source, "State Council")
	}
	want := []Entry{
		{Line: 6, From: ipr.NewDate(2026, 2, 15), To: ipr.NewDate(2026, 2, 23), Name: "Spring Festival"},
		{Line: 7, Working: true, From: ipr.NewDate(2026, 2, 14), To: ipr.NewDate(2026, 2, 14), Name: "make-up working day"},
		{Line: 8, From: ipr.NewDate(2026, 10, 1), To: ipr.NewDate(2026, 10, 7)},
	}
	if len(y.Entries) != len(want) {
		t.Fatalf("got %d entries, want %d", len(y.Entries), len(want))
	}
	for i := range want {
		if y.Entries[i] != want[i] {
			t.Errorf("entry %d: got %+v, want %+v", i, y.Entries[i], want[i])
		}
	}
}

func TestCalendarParseErrors(t *testing.T) {
	const head = "jurisdiction CN\nyear 2026\n"
	tests := []struct {
		name, file, want string
	}{
		{"unknown keyword", head + "holiday 2026-01-01\n", `line 3: keyword: "holiday" is not one of jurisdiction, year, source, off, work`},
		{"bad date", head + "off 2026-02-30 nope\n", `line 3: date: "2026-02-30" is not a date like 2026-11-29`},
		{"bad range end", head + "off 2026-02-01..later\n", `line 3: date: "later" is not a date like 2026-11-29`},
		{"no date", head + "off\n", "line 3: date: missing"},
		{"reversed range", head + "off 2026-02-03..2026-02-01\n", "line 3: date: 2026-02-03..2026-02-01 ends before it starts"},
		{"out of year", head + "off 2025-12-31\n", "line 3: date: 2025-12-31 is not in 2026"},
		{"range out of year", head + "off 2026-12-30..2027-01-02\n", "line 3: date: 2027-01-02 is not in 2026"},
		{"overlap", head + "off 2026-02-15..2026-02-23\noff 2026-02-23..2026-02-24\n", "line 4: date: 2026-02-23 is already listed on line 3"},
		{"duplicate", head + "off 2026-05-01\noff 2026-05-01\n", "line 4: date: 2026-05-01 is already listed on line 3"},
		{"off and work", head + "work 2026-02-14\noff 2026-02-14\n", "line 4: date: 2026-02-14 is already listed on line 3"},
		{"work on a weekday", head + "work 2026-02-16\n", "line 3: date: 2026-02-16 is a Monday, a working day already"},
		{"bad jurisdiction", "jurisdiction China\n", `line 1: jurisdiction: "China" is not a two-letter country code like CN`},
		{"bad year", "jurisdiction CN\nyear 26\n", `line 2: year: "26" is not a year like 2026`},
		{"year twice", head + "year 2027\n", "line 3: year: given twice (first on line 2)"},
		{"source twice", head + "source a\nsource b\n", "line 4: source: given twice (first on line 3)"},
		{"empty source", head + "source\n", "line 3: source: empty"},
		{"year after entries", "jurisdiction CN\noff 2026-01-01\n", "line 2: year: missing before the first off or work line"},
		{"jurisdiction after entries", "year 2026\njurisdiction CN\noff 2026-01-01\njurisdiction US\n", "line 4: jurisdiction: given twice (first on line 2)"},
		{"no year", "jurisdiction CN\n", "end of file: year: missing"},
		{"empty", "", "end of file: jurisdiction: missing"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.file))
		if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)["calendar"] != tt.want {
			t.Errorf("%s: got %v, want %s with calendar: %s", tt.name, err, ipr.EINVALID, tt.want)
		}
	}
}

var parseProblem = regexp.MustCompile(`^(line [1-9][0-9]*|end of file): (keyword|jurisdiction|year|source|date|file|line): .`)

// FuzzParse checks that Parse never panics, that its errors name the line and
// field, and that what it accepts keeps the file format's promises.
func FuzzParse(f *testing.F) {
	for _, y := range Default().Years() {
		f.Add([]byte(strings.Join(entryLines(y), "\n")))
	}
	f.Add([]byte(validFile))
	f.Fuzz(func(t *testing.T, content []byte) {
		y, err := Parse(strings.NewReader(string(content)))
		if err != nil {
			if ipr.ErrorCode(err) != ipr.EINVALID || !parseProblem.MatchString(ipr.ErrorFields(err)["calendar"]) {
				t.Fatalf("error %v does not name the line and field", err)
			}
			return
		}
		sum := sha256.Sum256(content)
		if y.Version != hex.EncodeToString(sum[:6]) || !isCountryCode(y.Jurisdiction) {
			t.Fatalf("version %q, jurisdiction %q", y.Version, y.Jurisdiction)
		}
		listed := map[ipr.Date]bool{}
		for _, e := range y.Entries {
			for d := e.From; !d.After(e.To); d = d.AddDate(0, 0, 1) {
				if d.Time().Year() != y.Year || listed[d] || e.Working && !isWeekend(d) {
					t.Fatalf("entry %+v: %s out of year, listed twice or a working weekday", e, d)
				}
				listed[d] = true
				yd := d.Time().YearDay()
				if y.days.work[yd] != e.Working || y.days.off[yd] == e.Working {
					t.Fatalf("entry %+v: day %s not recorded", e, d)
				}
			}
		}
	})
}

// entryLines writes a year back in the file format, for seeds.
func entryLines(y *Year) []string {
	lines := []string{"jurisdiction " + y.Jurisdiction, "year " + strconv.Itoa(y.Year), "source " + y.Source}
	for _, e := range y.Entries {
		kw := "off"
		if e.Working {
			kw = "work"
		}
		lines = append(lines, kw+" "+e.From.String()+".."+e.To.String()+" "+e.Name)
	}
	return lines
}
