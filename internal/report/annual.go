package report

import (
	"fmt"
	"strconv"

	"bordermark/internal/ipr"
)

// AnnualFigures are the figures an annual report is made of, as the services count them.
type AnnualFigures struct {
	Year             int
	Currency         string         // of the values, such as CNY
	Totals, Previous ipr.StatsRow   // the year and the year before
	Months, Before   []ipr.StatsRow // monthly rows ("2026-03") of the year and of the year before
	Channels         []ipr.StatsRow
	Transports       []ipr.StatsRow
	Provinces        []ipr.StatsRow
	Cities           []ipr.StatsRow
	Chapters         []ipr.StatsRow
	Brands           []ipr.StatsRow
}

// Figure is one headline number with the year before and the change.
type Figure struct {
	Label    Pair
	Value    string
	Previous string
	Change   string // signed per cent; "" when the year before had none
}

// Annual is the annual report in the style customs administrations publish:
// headline figures, the breakdowns by channel, transport and origin, the trend
// against the year before, and the top product lines and brands. Headings
// come in both languages; tables and charts in Lang.
type Annual struct {
	Year     int
	Lang     Lang
	Currency string
	Headline []Figure
	Trend    LineChart
	Monthly  Table
	Channel  BarChart
	Channels Table
	Modes    Table // by transport mode
	Regions  []Region
	Origins  Table
	Chapter  BarChart
	Chapters Table
	Brands   Table
}

// annualHeadings are the report's section headings in both languages.
var annualHeadings = map[string]Pair{
	"title":     {"Border protection of intellectual property rights: annual statistics", "知识产权海关保护年度统计"},
	"headline":  {"Headline figures", "主要数据"},
	"trend":     {"Monthly trend against the previous year", "月度趋势与上年对比"},
	"channels":  {"Detentions by channel", "按渠道统计"},
	"transport": {"Detentions by transport mode", "按运输方式统计"},
	"origins":   {"Origin of the goods: provinces and cities", "货物来源地：省份及城市"},
	"chapters":  {"Top product lines (HS chapters)", "主要商品类别（HS章）"},
	"brands":    {"Top brands", "主要涉案品牌"},
	"note":      {"Batches are detention cases; pieces the goods detained; values as declared or assessed.", "批次指扣留案件数；件数指扣留货物数量；货值为申报或核定价值。"},
}

// Heading is a section heading of the annual report in both languages.
func (Annual) Heading(key string) Pair {
	if p, ok := annualHeadings[key]; ok {
		return p
	}
	return Pair{key, key}
}

// topN is how many product lines and brands the report ranks.
const topN = 10

// NewAnnual builds the report for figures in lang.
func NewAnnual(lang Lang, fig AnnualFigures) Annual {
	a := Annual{Year: fig.Year, Lang: lang, Currency: fig.Currency}
	a.Headline = []Figure{
		figure(Pair{"Batches (cases)", "批次（案件）"}, Batches, fig.Totals, fig.Previous),
		figure(Pair{"Pieces", "件数"}, Pieces, fig.Totals, fig.Previous),
		figure(Pair{"Value (" + fig.Currency + ")", "货值（" + fig.Currency + "）"}, Value, fig.Totals, fig.Previous),
	}
	year, before := strconv.Itoa(fig.Year), strconv.Itoa(fig.Year-1)
	this, prev := monthsOf(fig.Year, fig.Months), monthsOf(fig.Year-1, fig.Before)
	a.Trend = LineChart{ID: "annual-trend", Title: annualHeadings["trend"].In(lang), XAxis: Word(lang, "month"),
		YAxis: Word(lang, "batches"), Empty: Word(lang, "none"), Labels: monthLabels(lang),
		Series: []Series{{Name: year, Values: measureAll(this, Batches)}, {Name: before, Values: measureAll(prev, Batches)}}}
	a.Monthly = yearOnYear(lang, annualHeadings["trend"].In(lang), year, before, this, prev)
	a.Channel = BarChart{ID: "annual-channels", Title: annualHeadings["channels"].In(lang), Axis: Word(lang, "batches"),
		Empty: Word(lang, "none"), Bars: RankedBars(lang, ipr.DimChannel, fig.Channels, Batches)}
	a.Channels = Counts(lang, annualHeadings["channels"].In(lang), Word(lang, "channel"), ipr.DimChannel, rankRows(fig.Channels))
	a.Modes = Counts(lang, annualHeadings["transport"].In(lang), Word(lang, "transport"), ipr.DimTransport, rankRows(fig.Transports))
	a.Regions = Regions(lang, fig.Provinces, fig.Cities)
	a.Origins = RegionTable(lang, annualHeadings["origins"].In(lang), a.Regions)
	chapters := Top(lang, ipr.DimChapter, fig.Chapters, topN)
	a.Chapter = BarChart{ID: "annual-chapters", Title: annualHeadings["chapters"].In(lang), Axis: Word(lang, "batches"),
		Empty: Word(lang, "none"), Bars: RankedBars(lang, ipr.DimChapter, chapters, Batches)}
	a.Chapters = Counts(lang, annualHeadings["chapters"].In(lang), Word(lang, "chapter"), ipr.DimChapter, chapters)
	a.Brands = Counts(lang, annualHeadings["brands"].In(lang), Word(lang, "brand"), ipr.DimBrand, Top(lang, ipr.DimBrand, fig.Brands, topN))
	return a
}

// Tables are the report's tables, for a workbook.
func (a Annual) Tables() []Table {
	return []Table{a.Monthly, a.Channels, a.Modes, a.Origins, a.Chapters, a.Brands}
}

func figure(label Pair, m Measure, cur, prev ipr.StatsRow) Figure {
	f := Figure{Label: label, Value: m.Format(m.Of(cur)), Previous: m.Format(m.Of(prev))}
	if pct, ok := Change(m.Of(prev), m.Of(cur)); ok {
		f.Change = signed(pct)
	}
	return f
}

// Top ranks rows by batches and keeps n; the rest are summed into one "Other" row.
func Top(lang Lang, dim ipr.StatsDimension, rows []ipr.StatsRow, n int) []ipr.StatsRow {
	ranked := rankRows(rows)
	if len(ranked) <= n {
		return ranked
	}
	other := ipr.StatsRow{Key: "", Label: Word(lang, "other")}
	for _, r := range ranked[n:] {
		other.Batches += r.Batches
		other.Pieces += r.Pieces
		other.Value += r.Value
	}
	return append(ranked[:n:n], other)
}

// monthsOf places monthly rows of year on its twelve months; months without detentions are zero.
func monthsOf(year int, rows []ipr.StatsRow) [12]ipr.StatsRow {
	var out [12]ipr.StatsRow
	for _, r := range rows {
		var y, m int
		if _, err := fmt.Sscanf(r.Key, "%4d-%2d", &y, &m); err == nil && y == year && m >= 1 && m <= 12 {
			out[m-1] = r
		}
	}
	return out
}

func measureAll(months [12]ipr.StatsRow, m Measure) []float64 {
	out := make([]float64, 12)
	for i, r := range months {
		out[i] = m.Of(r)
	}
	return out
}

func monthLabels(lang Lang) []string {
	out := make([]string, 12)
	en := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	for i := range out {
		if lang == ZH {
			out[i] = strconv.Itoa(i+1) + "月"
		} else {
			out[i] = en[i]
		}
	}
	return out
}

// yearOnYear is the monthly table of both years with the change in batches.
func yearOnYear(lang Lang, title, year, before string, this, prev [12]ipr.StatsRow) Table {
	b, p, v := Word(lang, "batches"), Word(lang, "pieces"), Word(lang, "value")
	t := Table{Title: title, Columns: []string{Word(lang, "month"), b + " " + year, b + " " + before, Word(lang, "yoy"),
		p + " " + year, p + " " + before, v + " " + year, v + " " + before}}
	labels := monthLabels(lang)
	for i := range 12 {
		change := Text("")
		if pct, ok := Change(batches(prev[i]), batches(this[i])); ok {
			change = Decimal(pct, 1)
		}
		t.Rows = append(t.Rows, []Cell{Text(labels[i]), Int(this[i].Batches), Int(prev[i].Batches), change,
			Int(this[i].Pieces), Int(prev[i].Pieces), Amount(this[i].Value), Amount(prev[i].Value)})
	}
	return t
}
