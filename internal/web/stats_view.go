package web

import (
	"context"
	"html/template"
	"net/url"

	"bordermark/internal/ipr"
	"bordermark/internal/report"
)

// statsFigures are what the services counted for one view.
type statsFigures struct {
	Rows    []ipr.StatsRow // count and trend views; provinces for origin
	Cities  []ipr.StatsRow // origin only
	Rules   []ipr.StatsRuleRow
	Spreads []ipr.StatsSpreadRow
}

// statsRuleLimit is how many rules the top rules view ranks.
const statsRuleLimit = 20

// statsFigures asks the services for a view's figures; they check the actor's
// permission and restrict right holders to their own brands.
func (s *Server) statsFigures(ctx context.Context, user *ipr.User, v report.View, f ipr.StatsFilter) (statsFigures, error) {
	var fig statsFigures
	var err error
	switch v.Kind {
	case report.KindRules:
		fig.Rules, err = s.svc.StatsRules(ctx, user, f, statsRuleLimit)
	case report.KindResponse:
		fig.Spreads, err = s.svc.StatsResponseTimes(ctx, user, f)
	case report.KindTransfer:
		fig.Spreads, err = s.svc.StatsTransferTimes(ctx, user, f)
	case report.KindRegions:
		if fig.Rows, err = s.svc.Stats(ctx, user, ipr.DimProvince, f); err == nil {
			fig.Cities, err = s.svc.Stats(ctx, user, ipr.DimCity, f)
		}
	default:
		fig.Rows, err = s.svc.Stats(ctx, user, v.Dim, f)
	}
	return fig, err
}

// statsOutput is a view drawn and tabled in one language.
type statsOutput struct {
	Title   string
	Chart   template.HTML
	Table   report.Table
	Regions []report.Region
}

// statsDraw draws the chart of m and builds the table. The SVG is built by
// package report, which escapes every text it writes; so it may go into the page as is.
func statsDraw(l *Catalog, v report.View, f ipr.StatsFilter, m report.Measure, fig statsFigures) statsOutput {
	lang := report.Lang(l.Lang)
	title := l.T("stats.view." + v.Name)
	out := statsOutput{Title: title}
	axis := report.Word(lang, string(m))
	if m == report.Value {
		axis += " (" + f.Profile.Currency() + ")"
	}
	empty := l.T("stats.none")
	id := "chart-" + v.Name
	switch v.Kind {
	case report.KindRegions:
		out.Regions = report.Regions(lang, fig.Rows, fig.Cities)
		out.Table = report.RegionTable(lang, title, out.Regions)
		out.Chart = svgHTML(report.BarChart{ID: id, Title: title, Axis: axis, Empty: empty,
			Bars: report.RankedBars(lang, ipr.DimProvince, fig.Rows, m)}.SVG())
	case report.KindTrend:
		out.Table = report.Trend(lang, title, fig.Rows)
		labels, values := make([]string, len(fig.Rows)), make([]float64, len(fig.Rows))
		for i, r := range fig.Rows {
			labels[i], values[i] = r.Key, m.Of(r)
		}
		out.Chart = svgHTML(report.LineChart{ID: id, Title: title, XAxis: report.Word(lang, "month"), YAxis: axis,
			Empty: empty, Labels: labels, Series: []report.Series{{Name: axis, Values: values}}, Format: m.Format}.SVG())
	case report.KindRules:
		out.Table = report.Rules(lang, title, fig.Rules)
		bars := make([]report.Bar, len(fig.Rules))
		for i, r := range fig.Rules {
			bars[i] = report.Bar{Label: r.Name, Value: float64(r.Confirmed), Text: report.Int(r.Confirmed).Display()}
		}
		out.Chart = svgHTML(report.BarChart{ID: id, Title: title, Axis: report.Word(lang, "confirmed"), Empty: empty, Bars: bars}.SVG())
	case report.KindResponse, report.KindTransfer:
		out.Table, out.Chart = statsSpreads(lang, l, v, id, title, empty, fig.Spreads)
	default:
		out.Table = report.Counts(lang, title, report.Word(lang, string(v.Dim)), v.Dim, fig.Rows)
		out.Chart = svgHTML(report.BarChart{ID: id, Title: title, Axis: axis, Empty: empty,
			Bars: report.RankedBars(lang, v.Dim, fig.Rows, m)}.SVG())
	}
	return out
}

// statsSpreads tables the durations and charts the median of each stage, stacked.
func statsSpreads(lang report.Lang, l *Catalog, v report.View, id, title, empty string, rows []ipr.StatsSpreadRow) (report.Table, template.HTML) {
	stages, unit, heading := ipr.StatsResponseStages, "hours", report.Word(lang, "holder")
	if v.Kind == report.KindTransfer {
		stages, unit, heading = ipr.StatsTransferStages, "days", report.Word(lang, "office")
	}
	table := report.Spreads(lang, title, heading, unit, stages, rows)
	chart := report.StackedChart{ID: id, Title: title, Desc: l.T("stats.spread.desc"), Empty: empty,
		Axis: report.Word(lang, "median") + " (" + report.Word(lang, unit) + ")"}
	for _, st := range stages {
		chart.Series = append(chart.Series, report.Word(lang, "stage."+st))
	}
	for _, r := range rows {
		vals := make([]float64, len(stages))
		for i := range stages {
			if i < len(r.Stages) {
				vals[i] = r.Stages[i].Median
			}
		}
		chart.Categories, chart.Values = append(chart.Categories, r.Label), append(chart.Values, vals)
	}
	chart.Format = func(f float64) string { return report.Decimal(f, 1).Display() }
	return table, svgHTML(chart.SVG())
}

// svgHTML marks a chart from package report as safe markup: report escapes all text in it.
func svgHTML(b []byte) template.HTML { return template.HTML(b) }

// statsPath is the address of a view with a filter and measure: stable and shareable.
func statsPath(name, suffix string, f ipr.StatsFilter, m report.Measure) string {
	q := report.FilterQuery(f)
	if m != "" && m != report.Batches && suffix == "" {
		q.Set("measure", string(m))
	}
	return withQuery("/stats/"+name+suffix, q)
}

func withQuery(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}
