package calendar

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"bordermark/internal/ipr"
)

//go:embed data/*.txt
var embedded embed.FS

// euStates are the EU member states' ISO 3166-1 alpha-2 codes.
var euStates = strings.Fields("AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK")

// kind is how a jurisdiction's days off are known.
type kind int

const (
	unknown kind = iota
	byRule       // computed for any year (US)
	byData       // loaded from a file per year (CN, EU member states)
)

func kindOf(jurisdiction string) kind {
	switch {
	case jurisdiction == "US":
		return byRule
	case jurisdiction == "CN", slices.Contains(euStates, jurisdiction):
		return byData
	}
	return unknown
}

// Jurisdictions returns every jurisdiction code the package knows, sorted.
func Jurisdictions() []string {
	return slices.Sorted(slices.Values(append([]string{"CN", "US"}, euStates...)))
}

// Set holds the loaded calendar years of every jurisdiction. It is safe for
// concurrent use; loading a year replaces the one loaded before.
type Set struct {
	mu    sync.RWMutex
	years map[yearKey]*Year
}

type yearKey struct {
	jurisdiction string
	year         int
}

// NewSet returns a Set with no files loaded: US by rule, every other jurisdiction
// on weekends only and provisional.
func NewSet() *Set { return &Set{years: map[yearKey]*Year{}} }

// Default returns a Set with the embedded calendars (CN 2025 and 2026) loaded.
func Default() *Set {
	s := NewSet()
	files, _ := fs.Glob(embedded, "data/*.txt")
	for _, name := range files {
		content, _ := embedded.ReadFile(name)
		if _, err := s.Load(bytes.NewReader(content)); err != nil {
			panic(fmt.Sprintf("calendar: embedded %s: %v", name, err)) // a build defect; tests load them all
		}
	}
	return s
}

// Load parses a calendar file and puts its year in s, replacing that
// jurisdiction's year if one was loaded. It returns the loaded year.
func (s *Set) Load(r io.Reader) (*Year, error) {
	y, err := Parse(r)
	if err != nil {
		return nil, err
	}
	switch kindOf(y.Jurisdiction) {
	case unknown:
		return nil, unknownJurisdiction(y.Jurisdiction)
	case byRule:
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the calendar file is not valid",
			Fields: map[string]string{"jurisdiction": y.Jurisdiction + " holidays are computed by rule, not loaded from a file"}}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.years[yearKey{y.Jurisdiction, y.Year}] = y
	return y, nil
}

func unknownJurisdiction(j string) error {
	return &ipr.Error{Code: ipr.EINVALID, Message: "unknown jurisdiction",
		Fields: map[string]string{"jurisdiction": fmt.Sprintf("%q is not CN, US or an EU member state such as DE", j)}}
}

// Years returns the loaded years, by jurisdiction and year.
func (s *Set) Years() []*Year {
	s.mu.RLock()
	defer s.mu.RUnlock()
	years := make([]*Year, 0, len(s.years))
	for _, y := range s.years {
		years = append(years, y)
	}
	slices.SortFunc(years, func(a, b *Year) int {
		return cmp.Or(cmp.Compare(a.Jurisdiction, b.Jurisdiction), cmp.Compare(a.Year, b.Year))
	})
	return years
}

// Year returns the loaded year of a jurisdiction, or nil when none is loaded.
func (s *Set) Year(jurisdiction string, year int) *Year {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.years[yearKey{jurisdiction, year}]
}
