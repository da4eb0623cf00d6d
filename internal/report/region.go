package report

import (
	"strings"

	"bordermark/internal/ipr"
)

// Region is one province of the ranked regions table, with its cities.
type Region struct {
	Rank   int
	Key    string
	Label  string
	Row    ipr.StatsRow
	Share  float64 // of all batches, in per cent
	Cities []City
}

// City is one origin city within its province.
type City struct {
	Key   string
	Label string
	Row   ipr.StatsRow
	Share float64 // of the province's batches, in per cent
}

// Regions ranks provinces by batches (then pieces) and puts under each the
// cities whose key starts with the province's key and a dash (CN-ZJ → CN-ZJ-Yiwu),
// ranked the same way. Cities of no listed province are left out.
func Regions(lang Lang, provinces, cities []ipr.StatsRow) []Region {
	var total int64
	for _, p := range provinces {
		total += p.Batches
	}
	ranked := rankRows(provinces)
	citiesRanked := rankRows(cities)
	out := make([]Region, 0, len(ranked))
	for i, p := range ranked {
		reg := Region{Rank: i + 1, Key: p.Key, Label: RowLabel(lang, ipr.DimProvince, p), Row: p, Share: share(p.Batches, total)}
		for _, c := range citiesRanked {
			if strings.HasPrefix(c.Key, p.Key+"-") {
				reg.Cities = append(reg.Cities, City{Key: c.Key, Label: cityLabel(lang, c.Key), Row: c, Share: share(c.Batches, p.Batches)})
			}
		}
		out = append(out, reg)
	}
	return out
}

// RegionTable flattens regions for export: each province, then its cities indented.
func RegionTable(lang Lang, title string, regions []Region) Table {
	t := Table{Title: title, Columns: []string{"#", Word(lang, "province"), Word(lang, "city"), Word(lang, "batches"),
		Word(lang, "pieces"), Word(lang, "value"), Word(lang, "share")}}
	for _, r := range regions {
		t.Rows = append(t.Rows, []Cell{Int(int64(r.Rank)), Text(r.Label), Text(""), Int(r.Row.Batches), Int(r.Row.Pieces), Amount(r.Row.Value), Decimal(r.Share, 1)})
		for _, c := range r.Cities {
			t.Rows = append(t.Rows, []Cell{Text(""), Text(r.Label), Text(c.Label), Int(c.Row.Batches), Int(c.Row.Pieces), Amount(c.Row.Value), Decimal(c.Share, 1)})
		}
	}
	return t
}

// rankRows sorts a copy of rows by batches, then pieces, then key, largest first.
func rankRows(rows []ipr.StatsRow) []ipr.StatsRow {
	out := append([]ipr.StatsRow(nil), rows...)
	sortRanked(out)
	return out
}

func share(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	return float64(int64(float64(part)/float64(whole)*1000+0.5)) / 10
}

// cityLabel names a city by itself, under its province in the table: 义乌, not 浙江义乌.
func cityLabel(lang Lang, key string) string {
	en, zh := ipr.CityLabel(key)
	return Pair{en, zh}.In(lang)
}
