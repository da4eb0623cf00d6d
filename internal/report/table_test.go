package report

import (
	"reflect"
	"testing"

	"bordermark/internal/ipr"
)

func TestChange(t *testing.T) {
	for _, tc := range []struct {
		prev, cur, want float64
		ok              bool
	}{
		{4, 6, 50, true}, {6, 3, -50, true}, {3, 3, 0, true}, {0, 5, 0, false}, {3, 4, 33.3, true}, {3, 2, -33.3, true},
	} {
		got, ok := Change(tc.prev, tc.cur)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Change(%v, %v): got %v, %v, want %v, %v", tc.prev, tc.cur, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCellDisplay(t *testing.T) {
	for _, tc := range []struct {
		c    Cell
		want string
	}{
		{Int(1234567), "1,234,567"}, {Int(-1000), "-1,000"}, {Amount(123456789), "1,234,567.89"}, {Decimal(12.25, 1), "12.2"},
		{Text("1000"), "1000"}, {Int(0), "0"},
	} {
		if got := tc.c.Display(); got != tc.want {
			t.Errorf("Display(%+v): got %q, want %q", tc.c, got, tc.want)
		}
	}
}

func TestSpreadsLeaveUnmeasuredBlank(t *testing.T) {
	tb := Spreads(EN, "Response", "Right holder", "hours", ipr.StatsResponseStages, []ipr.StatsSpreadRow{
		{Key: "1", Label: "Northwind", Stages: []ipr.StatsSpread{{Count: 4, Median: 20.25, P90: 47}}},
		{Key: "2", Label: "Aurelia"},
	})
	if want := []string{"Right holder", "Answer · Measured", "Answer · Median (hours)", "Answer · 90th percentile (hours)"}; !reflect.DeepEqual(tb.Columns, want) {
		t.Errorf("columns: got %q, want %q", tb.Columns, want)
	}
	var got [][]string
	for _, r := range tb.Rows {
		var line []string
		for _, c := range r {
			line = append(line, c.String())
		}
		got = append(got, line)
	}
	if want := [][]string{{"Northwind", "4", "20.2", "47.0"}, {"Aurelia", "0", "", ""}}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows: got %q, want %q", got, want)
	}
}

func TestRegions(t *testing.T) {
	provinces := []ipr.StatsRow{{Key: "CN-FJ", Batches: 5}, {Key: "CN-ZJ", Batches: 15}}
	cities := []ipr.StatsRow{{Key: "CN-ZJ-Yiwu", Batches: 10}, {Key: "CN-FJ-Putian", Batches: 5}, {Key: "CN-ZJ-Wenzhou", Batches: 5},
		{Key: "CN-ZJX-Nowhere", Batches: 1}}
	regs := Regions(ZH, provinces, cities)
	tb := RegionTable(ZH, "来源地", regs)
	var got [][]string
	for _, r := range tb.Rows {
		got = append(got, []string{r[0].String(), r[1].String(), r[2].String(), r[3].String(), r[6].String()})
	}
	want := [][]string{
		{"1", "浙江", "", "15", "75.0"}, {"", "浙江", "义乌", "10", "66.7"}, {"", "浙江", "温州", "5", "33.3"},
		{"2", "福建", "", "5", "25.0"}, {"", "福建", "莆田", "5", "100.0"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("regions:\ngot  %q\nwant %q", got, want)
	}
}

func TestValueLabel(t *testing.T) {
	for _, tc := range []struct {
		lang             Lang
		dim              ipr.StatsDimension
		key, label, want string
	}{
		{EN, ipr.DimChannel, "ecommerce", "", "Cross-border e-commerce"},
		{ZH, ipr.DimTransport, "rail", "", "铁路"},
		{ZH, ipr.DimChapter, "64", "", "64 鞋靴"},
		{ZH, ipr.DimChapter, "45", "", "第45章"},
		{EN, ipr.DimChapter, "45", "", "Chapter 45"},
		{EN, ipr.DimBrand, "7", "NORTHWIND", "NORTHWIND"},
		{EN, ipr.DimOffice, "Yiwu", "", "Yiwu"},
		{ZH, ipr.DimMode, "ex_officio", "", "依职权保护"},
	} {
		if got := ValueLabel(tc.lang, tc.dim, tc.key, tc.label); got != tc.want {
			t.Errorf("ValueLabel(%s, %s, %q): got %q, want %q", tc.lang, tc.dim, tc.key, got, tc.want)
		}
	}
}
