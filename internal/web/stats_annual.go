package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/report"
)

// statsAnnualData is the print-ready annual report: figures in the page
// language, headings in both.
type statsAnnualData struct {
	report.Annual
	Other      report.Lang // the second language of the headings
	TrendSVG   template.HTML
	ChannelSVG template.HTML
	ChapterSVG template.HTML
	XLSX       string
	Back       string
	Years      []int
	Restricted bool
}

// H is a section heading: the page language first, then the other.
func (d *statsAnnualData) H(key string) [2]string {
	h := d.Heading(key)
	return [2]string{h.In(d.Lang), h.In(d.Other)}
}

// handleStatsAnnual shows /stats/annual?year=2026: the year's headline
// figures, breakdowns, trend against the year before and top product lines.
func (s *Server) handleStatsAnnual(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	year, f, err := s.parseAnnualQuery(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	fig, err := s.annualFigures(r.Context(), user, year, f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "stats.annual.title", nil)
	lang, other := report.Lang(p.L.Lang), report.ZH
	if lang == report.ZH {
		other = report.EN
	}
	a := report.NewAnnual(lang, fig)
	q := report.FilterQuery(ipr.StatsFilter{Office: f.Office, Channel: f.Channel, Transport: f.Transport, GroupID: f.GroupID,
		Brand: f.Brand, Profile: f.Profile})
	q.Set("year", strconv.Itoa(year))
	d := &statsAnnualData{Annual: a, Other: other, TrendSVG: svgHTML(a.Trend.SVG()), ChannelSVG: svgHTML(a.Channel.SVG()),
		ChapterSVG: svgHTML(a.Chapter.SVG()), XLSX: withQuery("/stats/annual.xlsx", q), Back: "/stats",
		Restricted: restrictedStats(user)}
	for y := s.svc.Clock.Now().Year(); y >= s.svc.Clock.Now().Year()-4; y-- {
		d.Years = append(d.Years, y)
	}
	p.Data = d
	s.render(w, r, http.StatusOK, "stats_annual", p)
}

// handleStatsAnnualExport downloads the annual report's tables as a workbook.
func (s *Server) handleStatsAnnualExport(w http.ResponseWriter, r *http.Request) {
	year, f, err := s.parseAnnualQuery(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	fig, err := s.annualFigures(r.Context(), userFrom(r), year, f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	a := report.NewAnnual(report.Lang(s.newPage(r, "stats.annual.title", nil).L.Lang), fig)
	s.writeStatsFile(w, r, "annual-"+strconv.Itoa(year)+".xlsx", a.Tables()...)
}

// parseAnnualQuery reads the year (this year when empty) and the rest of the filter; the year sets the period.
func (s *Server) parseAnnualQuery(r *http.Request) (int, ipr.StatsFilter, error) {
	q := r.URL.Query()
	f, err := report.ParseFilter(q)
	year := s.svc.Clock.Now().Year()
	if v := strings.TrimSpace(q.Get("year")); v != "" {
		n, yerr := strconv.Atoi(v)
		if yerr != nil || n < 1990 || n > 2200 {
			return 0, f, &ipr.Error{Code: ipr.EINVALID, Message: "the statistics filter is not valid",
				Fields: map[string]string{"year": "is not a year like 2026"}}
		}
		year = n
	}
	return year, f, err
}

// annualFigures counts the year and the year before with the same filter.
func (s *Server) annualFigures(ctx context.Context, user *ipr.User, year int, f ipr.StatsFilter) (report.AnnualFigures, error) {
	cur, prev := f, f
	cur.From = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	cur.To = cur.From.AddDate(1, 0, 0)
	prev.From, prev.To = cur.From.AddDate(-1, 0, 0), cur.From
	fig := report.AnnualFigures{Year: year, Currency: f.Profile.Currency()}
	var err error
	if fig.Totals, err = s.svc.StatsTotals(ctx, user, cur); err != nil {
		return fig, err
	}
	if fig.Previous, err = s.svc.StatsTotals(ctx, user, prev); err != nil {
		return fig, err
	}
	for _, q := range []struct {
		dim  ipr.StatsDimension
		f    ipr.StatsFilter
		rows *[]ipr.StatsRow
	}{{ipr.DimMonth, cur, &fig.Months}, {ipr.DimMonth, prev, &fig.Before}, {ipr.DimChannel, cur, &fig.Channels},
		{ipr.DimTransport, cur, &fig.Transports}, {ipr.DimProvince, cur, &fig.Provinces}, {ipr.DimCity, cur, &fig.Cities},
		{ipr.DimChapter, cur, &fig.Chapters}, {ipr.DimBrand, cur, &fig.Brands}} {
		if *q.rows, err = s.svc.Stats(ctx, user, q.dim, q.f); err != nil {
			return fig, err
		}
	}
	return fig, nil
}
