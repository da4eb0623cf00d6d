package report

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"bordermark/internal/ipr"

	"github.com/xuri/excelize/v2"
)

func sampleTable() Table {
	return Counts(ZH, "按渠道统计", Word(ZH, "channel"), ipr.DimChannel, []ipr.StatsRow{
		{Key: "ecommerce", Batches: 12, Pieces: 3400, Value: 1250099},
		{Key: "postal", Batches: 3, Pieces: 7, Value: 0},
		{Key: "x", Label: "=HYPERLINK(\"http://evil.example\")", Batches: 1, Pieces: 1, Value: 5},
	})
}

func TestWriteCSVReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sampleTable()); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if !strings.HasPrefix(raw, "\uFEFF") {
		t.Fatalf("the CSV does not start with a UTF-8 byte order mark: %q", raw[:10])
	}
	got, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	want := [][]string{
		{"渠道", "批次", "件数", "货值"},
		{"跨境电商", "12", "3400", "12500.99"},
		{"邮递", "3", "7", "0.00"},
		{`'=HYPERLINK("http://evil.example")`, "1", "1", "0.05"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CSV read back:\ngot  %q\nwant %q", got, want)
	}
}

func TestWriteXLSXReadsBack(t *testing.T) {
	trend := Trend(EN, "Monthly trend", []ipr.StatsRow{{Key: "2026-01", Batches: 4, Pieces: 10, Value: 100}, {Key: "2026-02", Batches: 6, Pieces: 5, Value: 100}})
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sampleTable(), trend, Table{Title: "Monthly trend"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"按渠道统计", "Monthly trend", "Monthly trend (2)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets: got %q, want %q", got, want)
	}
	rows, err := f.GetRows("按渠道统计", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"渠道", "批次", "件数", "货值"},
		{"跨境电商", "12", "3400", "12500.99"},
		{"邮递", "3", "7", "0"},
		{`=HYPERLINK("http://evil.example")`, "1", "1", "0.05"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("sheet read back:\ngot  %q\nwant %q", rows, want)
	}
	for _, cell := range []string{"B2", "C3", "D2"} {
		if typ, err := f.GetCellType("按渠道统计", cell); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s: got type %v (%v), want a number", cell, typ, err)
		}
	}
	if formula, _ := f.GetCellFormula("按渠道统计", "A4"); formula != "" {
		t.Errorf("A4: got formula %q, want plain text", formula)
	}
	trendRows, _ := f.GetRows("Monthly trend", excelize.Options{RawCellValue: true})
	if got := trendRows[2]; !reflect.DeepEqual(got, []string{"2026-02", "6", "50", "5", "-50", "1", "0"}) {
		t.Errorf("trend row 2: got %q", got)
	}
}

func TestSheetName(t *testing.T) {
	used := map[string]bool{}
	for _, tc := range []struct{ title, want string }{
		{"Detentions by channel", "Detentions by channel"},
		{"a/b:c*d?[e]", "a b c d  e"},
		{"", "Table 3"},
		{"A very long title that runs past thirty-one characters", "A very long title that runs pas"},
		{"A very long title that runs past thirty-one characters", "A very long title that runs (2)"},
	} {
		if got := sheetName(tc.title, 2, used); got != tc.want {
			t.Errorf("sheetName(%q): got %q, want %q", tc.title, got, tc.want)
		}
	}
}
