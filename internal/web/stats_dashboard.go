package web

import (
	"context"
	"html/template"
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
	"bordermark/internal/report"
)

// statsCard is one small chart on the dashboard.
type statsCard struct {
	Title, Path string
	Chart       template.HTML
}

// handleStatsDashboard shows /stats: totals, then origin, channels by transport,
// the monthly trend and product lines, all with the query's filter.
func (s *Server) handleStatsDashboard(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	f, m, err := parseStatsQuery(r.URL.Query())
	if err != nil {
		s.renderStatsInvalid(w, r, "", err)
		return
	}
	totals, err := s.svc.StatsTotals(r.Context(), user, f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "stats.title", nil)
	cards, err := s.statsCards(r.Context(), user, p.L, f, m)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	form, err := s.statsForm(r, user, p.L, r.URL.Query(), nil)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	year := s.svc.Clock.Now().Year()
	if !f.From.IsZero() {
		year = f.From.Year()
	}
	p.Data = &statsPageData{Dashboard: true, Title: p.L.T("stats.title"), Tabs: statsTabs("", f, m), Form: form, Batches: report.Int(totals.Batches).Display(),
		Pieces: report.Int(totals.Pieces).Display(), Value: report.Amount(totals.Value).Display(), Currency: f.Profile.Currency(),
		Cards: cards, Annual: "/stats/annual?year=" + strconv.Itoa(year), Restricted: restrictedStats(user)}
	s.render(w, r, http.StatusOK, "stats", p)
}

// dashboardViews are the count views the dashboard draws small, in order.
var dashboardViews = []string{"origin", "trend", "category", "mode"}

func (s *Server) statsCards(ctx context.Context, user *ipr.User, l *Catalog, f ipr.StatsFilter, m report.Measure) ([]statsCard, error) {
	var cards []statsCard
	for i, name := range dashboardViews {
		v, _ := report.ViewNamed(name)
		fig, err := s.statsFigures(ctx, user, v, f)
		if err != nil {
			return nil, err
		}
		out := statsDraw(l, v, f, m, fig)
		cards = append(cards, statsCard{Title: out.Title, Path: statsPath(name, "", f, m), Chart: out.Chart})
		if i == 0 { // channels split by transport mode, second
			stack, err := s.channelsByTransport(ctx, user, l, f, m)
			if err != nil {
				return nil, err
			}
			cards = append(cards, stack)
		}
	}
	return cards, nil
}

// channelsByTransport counts channels once per transport mode, stacked.
func (s *Server) channelsByTransport(ctx context.Context, user *ipr.User, l *Catalog, f ipr.StatsFilter, m report.Measure) (statsCard, error) {
	var parts []report.Slice
	for _, t := range report.Transports {
		if f.Transport != "" && f.Transport != t {
			continue
		}
		g := f
		g.Transport = t
		rows, err := s.svc.Stats(ctx, user, ipr.DimChannel, g)
		if err != nil {
			return statsCard{}, err
		}
		parts = append(parts, report.Slice{Key: t, Rows: rows})
	}
	lang := report.Lang(l.Lang)
	chart := report.Stacked(lang, ipr.DimChannel, ipr.DimTransport, parts, m)
	chart.ID, chart.Title, chart.Empty = "chart-channel-transport", l.T("stats.channel_transport"), l.T("stats.none")
	chart.Axis = report.Word(lang, string(m))
	return statsCard{Title: chart.Title, Path: statsPath("channel", "", f, m), Chart: svgHTML(chart.SVG())}, nil
}
