package enforce

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"bordermark/internal/ipr"
)

// RightsCSVHeader is the header of a rights register file, for import and export alike.
var RightsCSVHeader = []string{"id", "holder", "kind", "mark", "variants", "nice_classes",
	"jurisdiction", "valid_from", "valid_to", "authorised_exporters"}

// Column positions in RightsCSVHeader.
const (
	colID = iota
	colHolder
	colKind
	colMark
	colVariants
	colClasses
	colJurisdiction
	colValidFrom
	colValidTo
	colExporters
)

// maxNameLength bounds a variant or an exporter's name, as ipr bounds a mark.
const maxNameLength = 200

// ImportRow is one valid row of a rights file: the right (Ref, HolderName and the
// fields a holder fills in) and its authorised exporters.
type ImportRow struct {
	Line      int // the line the row starts on; the header is line 1
	Right     ipr.Right
	Exporters []string
}

// LineProblem is what is wrong with one field of a rights file.
type LineProblem struct {
	Line    int
	Field   string // a column name, or "header" or "row"
	Problem string
}

func (p LineProblem) String() string {
	return fmt.Sprintf("line %d: %s: %s", p.Line, p.Field, p.Problem)
}

// RightsFile is a parsed rights file: its valid rows and the problems of the others.
type RightsFile struct {
	Rows     []ImportRow
	Problems []LineProblem // in file order
	Invalid  int           // rows with at least one problem
	Unusable bool          // the header is wrong: no row can be read
}

// ParseRightsCSV reads a rights register file and checks every row. It fails only
// when r does; everything wrong with the content is a LineProblem.
func ParseRightsCSV(r io.Reader) (*RightsFile, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // the column count is checked per row, with a clearer message
	f := &RightsFile{}
	if err := f.readHeader(cr); err != nil || f.Unusable {
		return f, err
	}
	seen := map[string]int{} // id → line, to refuse the same id twice
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return f, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			f.reject(syntaxProblem(pe))
			continue
		}
		if err != nil {
			return f, err
		}
		row, problems := parseRow(cr, rec)
		if len(problems) == 0 {
			if first, dup := seen[row.Right.Ref]; dup {
				problems = append(problems, LineProblem{row.Line, "id", fmt.Sprintf("%q is already on line %d", row.Right.Ref, first)})
			} else {
				seen[row.Right.Ref] = row.Line
			}
		}
		if len(problems) > 0 {
			f.reject(problems...)
			continue
		}
		f.Rows = append(f.Rows, row)
	}
}

// reject records the problems of one row.
func (f *RightsFile) reject(problems ...LineProblem) {
	f.Problems = append(f.Problems, problems...)
	f.Invalid++
}

func (f *RightsFile) readHeader(cr *csv.Reader) error {
	want := strings.Join(RightsCSVHeader, ",")
	rec, err := cr.Read()
	var pe *csv.ParseError
	switch {
	case err == io.EOF:
		f.Problems, f.Unusable = []LineProblem{{1, "header", "the file is empty; want " + want}}, true
		return nil
	case errors.As(err, &pe):
		f.Problems, f.Unusable = []LineProblem{syntaxProblem(pe)}, true
		return nil
	case err != nil:
		return err
	}
	if len(rec) > 0 {
		rec[0] = strings.TrimPrefix(rec[0], "\uFEFF") // spreadsheets start UTF-8 files with a byte order mark
	}
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	if !slices.Equal(rec, RightsCSVHeader) {
		line, _ := cr.FieldPos(0)
		f.Problems, f.Unusable = []LineProblem{{line, "header", "want " + want}}, true
	}
	return nil
}

func syntaxProblem(pe *csv.ParseError) LineProblem {
	problem := pe.Err.Error()
	if pe.StartLine != pe.Line {
		problem += fmt.Sprintf(" (in the row that starts on line %d)", pe.StartLine)
	}
	return LineProblem{pe.Line, "row", problem}
}

// parseRow checks one record and returns the row, or the problems with it.
func parseRow(cr *csv.Reader, rec []string) (ImportRow, []LineProblem) {
	start, _ := cr.FieldPos(0)
	row := ImportRow{Line: start}
	if len(rec) != len(RightsCSVHeader) {
		return row, []LineProblem{{start, "row", fmt.Sprintf("has %d columns, want %d", len(rec), len(RightsCSVHeader))}}
	}
	var problems []LineProblem
	add := func(col int, problem string) { // one problem a column: the first is the one to fix
		if !slices.ContainsFunc(problems, func(p LineProblem) bool { return p.Field == RightsCSVHeader[col] }) {
			line, _ := cr.FieldPos(col)
			problems = append(problems, LineProblem{line, RightsCSVHeader[col], problem})
		}
	}
	for col, v := range rec {
		if p := textProblem(v, col == colVariants || col == colExporters); p != "" {
			add(col, p)
			rec[col] = ""
		}
	}
	r := &row.Right
	r.Ref, r.HolderName = strings.TrimSpace(rec[colID]), strings.TrimSpace(rec[colHolder])
	r.Mark, r.Jurisdiction = rec[colMark], rec[colJurisdiction]
	r.Variants = splitCell(rec[colVariants])
	row.Exporters = splitCell(rec[colExporters])
	if r.Ref == "" {
		add(colID, "is required")
	}
	holder := ipr.Org{Name: r.HolderName, Kind: ipr.OrgRightHolder}
	if err := holder.Validate(); err != nil {
		add(colHolder, ipr.ErrorFields(err)["name"])
	}
	r.HolderName, r.Owner = holder.Name, holder.Name
	kind, err := ipr.ParseRightKind(rec[colKind])
	if err != nil {
		add(colKind, ipr.ErrorFields(err)["kind"])
	}
	r.Kind = kind
	if r.NiceClasses, err = ipr.ParseNiceClasses(rec[colClasses]); err != nil {
		add(colClasses, err.Error())
	}
	for col, d := range map[int]*ipr.Date{colValidFrom: &r.ValidFrom, colValidTo: &r.ValidTo} {
		if *d, err = ipr.ParseDate(strings.TrimSpace(rec[col])); err != nil {
			add(col, err.Error())
		}
	}
	if r.ValidFrom.IsZero() && strings.TrimSpace(rec[colValidFrom]) == "" {
		add(colValidFrom, "is required: an imported recordation runs from it")
	}
	for col, names := range map[int][]string{colVariants: r.Variants, colExporters: row.Exporters} {
		if p := namesProblem(names); p != "" {
			add(col, p)
		}
	}
	fields := ipr.ErrorFields(r.Validate())
	for _, field := range slices.Sorted(maps.Keys(fields)) { // the domain's rules, under the file's names
		problem, col := fields[field], slices.Index(RightsCSVHeader, field)
		if field == "ref" {
			col = colID
		}
		if col < 0 {
			col = colMark // a field the file does not have: unexpected, but it must not be lost
		}
		add(col, problem)
	}
	slices.SortStableFunc(problems, func(a, b LineProblem) int { // in the order a reader meets them
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(slices.Index(RightsCSVHeader, a.Field), slices.Index(RightsCSVHeader, b.Field)))
	})
	return row, problems
}

// textProblem refuses what no register field may hold: invalid UTF-8, NUL and other
// control characters (PostgreSQL refuses NUL; a newline in a mark is a mistake).
// Lists may put one item a line, as spreadsheets do in a cell.
func textProblem(s string, list bool) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8"
	}
	for _, c := range s {
		if (c == '\n' || c == '\r' || c == '\t') && list {
			continue
		}
		if c == '\n' || c == '\r' {
			return "must be on one line"
		}
		if unicode.IsControl(c) {
			return "contains the control character " + strconv.QuoteRune(c)
		}
	}
	return ""
}

// splitCell splits a |-separated list (or one item a line), dropping empty items and repeats.
func splitCell(s string) []string {
	items := strings.FieldsFunc(s, func(c rune) bool { return c == '|' || c == '\n' || c == '\r' })
	var out []string
	for _, it := range items {
		it = strings.Join(strings.Fields(it), " ")
		if it != "" && !slices.Contains(out, it) {
			out = append(out, it)
		}
	}
	return out
}

func namesProblem(names []string) string {
	for _, n := range names {
		if utf8.RuneCountInString(n) > maxNameLength {
			return fmt.Sprintf("%q is longer than %d characters", string([]rune(n)[:40])+"…", maxNameLength)
		}
	}
	return ""
}

// WriteRightsCSV writes rights as a rights register file that ParseRightsCSV reads back.
// exporters maps a right's ID to its authorised exporters' names.
func WriteRightsCSV(w io.Writer, rights []*ipr.Right, exporters map[int64][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(RightsCSVHeader); err != nil {
		return err
	}
	for _, r := range rights {
		classes := make([]string, len(r.NiceClasses))
		for i, c := range r.NiceClasses {
			classes[i] = strconv.Itoa(c)
		}
		err := cw.Write([]string{r.Ref, r.HolderName, string(r.Kind), r.Mark, strings.Join(r.Variants, "|"),
			strings.Join(classes, " "), r.Jurisdiction, r.ValidFrom.String(), r.ValidTo.String(),
			strings.Join(exporters[r.ID], "|")})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
