package report

import (
	"reflect"
	"testing"

	"bordermark/internal/ipr"
)

func annualFigures() AnnualFigures {
	var brands []ipr.StatsRow
	for i, name := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"} {
		brands = append(brands, ipr.StatsRow{Key: name, Label: name, Batches: int64(20 - i), Pieces: 1, Value: 100})
	}
	return AnnualFigures{
		Year: 2026, Currency: "CNY",
		Totals:    ipr.StatsRow{Batches: 30, Pieces: 12000, Value: 50000000},
		Previous:  ipr.StatsRow{Batches: 20, Pieces: 15000},
		Months:    []ipr.StatsRow{{Key: "2026-01", Batches: 10}, {Key: "2026-03", Batches: 20}, {Key: "2025-03", Batches: 99}},
		Before:    []ipr.StatsRow{{Key: "2025-01", Batches: 5}, {Key: "2025-02", Batches: 20}},
		Channels:  []ipr.StatsRow{{Key: "postal", Batches: 10}, {Key: "ecommerce", Batches: 20}},
		Provinces: []ipr.StatsRow{{Key: "CN-ZJ", Batches: 30}},
		Cities:    []ipr.StatsRow{{Key: "CN-ZJ-Yiwu", Batches: 30}},
		Chapters:  []ipr.StatsRow{{Key: "64", Batches: 18}, {Key: "42", Batches: 12}},
		Brands:    brands,
	}
}

func TestAnnualHeadline(t *testing.T) {
	a := NewAnnual(ZH, annualFigures())
	got := []Figure{a.Headline[0], a.Headline[1], a.Headline[2]}
	want := []Figure{
		{Label: Pair{"Batches (cases)", "批次（案件）"}, Value: "30", Previous: "20", Change: "+50%"},
		{Label: Pair{"Pieces", "件数"}, Value: "12,000", Previous: "15,000", Change: "-20%"},
		{Label: Pair{"Value (CNY)", "货值（CNY）"}, Value: "500,000.00", Previous: "0.00", Change: ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("headline:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestAnnualTrendAgainstPreviousYear(t *testing.T) {
	a := NewAnnual(EN, annualFigures())
	if got, want := a.Trend.Series[0].Values[:3], []float64{10, 0, 20}; !reflect.DeepEqual(got, want) {
		t.Errorf("this year's Jan–Mar: got %v, want %v (rows of another year must not count)", got, want)
	}
	if got, want := a.Trend.Series[1].Values[:3], []float64{5, 20, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("last year's Jan–Mar: got %v, want %v", got, want)
	}
	jan := a.Monthly.Rows[0]
	if jan[0].Text != "Jan" || jan[3].String() != "100.0" || a.Monthly.Rows[1][3].String() != "-100.0" || a.Monthly.Rows[2][3].Text != "" {
		t.Errorf("monthly table: got %+v / %+v / %+v", jan, a.Monthly.Rows[1], a.Monthly.Rows[2])
	}
}

func TestAnnualTopBrandsAndBreakdowns(t *testing.T) {
	a := NewAnnual(ZH, annualFigures())
	if n := len(a.Brands.Rows); n != topN+1 {
		t.Fatalf("brands: got %d rows, want %d and one for the rest", n, topN+1)
	}
	if other := a.Brands.Rows[topN]; other[0].Text != "其他" || other[1].Number != 10+9 {
		t.Errorf("the rest of the brands: got %+v, want 其他 with 19 batches", other)
	}
	if got := a.Channels.Rows[0][0].Text; got != "跨境电商" {
		t.Errorf("first channel: got %q, want 跨境电商 (the largest)", got)
	}
	if got := a.Chapter.Bars[0].Label; got != "64 鞋靴" {
		t.Errorf("first product line: got %q, want 64 鞋靴", got)
	}
	if got := a.Heading("origins"); got.EN == "" || got.ZH == "" {
		t.Errorf("heading origins: got %+v, want both languages", got)
	}
	if n := len(a.Tables()); n != 6 {
		t.Errorf("tables: got %d, want 6", n)
	}
}
