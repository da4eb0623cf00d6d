package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// bom starts a UTF-8 CSV file so that Excel reads Chinese correctly instead of guessing a code page.
const bom = "\uFEFF"

// WriteCSV writes t as CSV: the column headings, then one line per row, numbers plain.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	for _, row := range t.Rows {
		rec := make([]string, len(row))
		for i, c := range row {
			rec[i] = defuse(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse writes a cell for a spreadsheet: a text that starts like a formula
// (a brand or rule name such as "=HYPERLINK(…)") gets a leading apostrophe so it stays text.
func defuse(c Cell) string {
	s := c.String()
	if !c.IsNumber && s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteXLSX writes the tables as a workbook, one sheet per table named after
// its title; numbers are stored as numbers, the heading row is bold and frozen.
func WriteXLSX(w io.Writer, tables ...Table) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for i, t := range tables {
		name := sheetName(t.Title, i, used)
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
		if err := writeSheet(f, name, t, bold); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	if len(tables) == 0 {
		if err := f.SetSheetName("Sheet1", "-"); err != nil {
			return err
		}
	}
	return f.Write(w)
}

func writeSheet(f *excelize.File, sheet string, t Table, bold int) error {
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c
	}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return err
	}
	if len(t.Columns) > 0 {
		last, err := excelize.CoordinatesToCellName(len(t.Columns), 1)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, "A1", last, bold); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, "A", "A", 28); err != nil {
			return err
		}
	}
	for r, row := range t.Rows {
		vals := make([]any, len(row))
		for i, c := range row {
			if c.IsNumber {
				vals[i] = c.Number
			} else {
				vals[i] = c.Text // excelize stores strings as text, never as formulas
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// sheetName makes a valid, unique sheet name from a title: at most 31
// characters, none of []:*?/\ and not blank.
func sheetName(title string, i int, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return ' '
		}
		return r
	}, title)
	clean = strings.TrimSpace(clean)
	if clean == "" {
		clean = fmt.Sprintf("Table %d", i+1)
	}
	base := []rune(clean)
	if len(base) > 31 {
		base = base[:31]
	}
	name := string(base)
	for n := 2; used[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		cut := min(len(base), 31-len(suffix))
		name = string(base[:cut]) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}
