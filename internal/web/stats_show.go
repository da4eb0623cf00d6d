package web

import (
	"html/template"
	"maps"
	"net/http"
	"net/url"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/report"
)

// statsPageData is a statistics page: the dashboard (no View) or one view,
// with the filter, the chart and its numbers.
type statsPageData struct {
	View       report.View
	Tabs       []statsTab
	Form       statsForm
	Restricted bool // a right holder's or agent's view: their own brands only

	Title     string
	Chart     template.HTML
	Table     report.Table
	Regions   []report.Region
	CSV, XLSX string

	Dashboard              bool
	Batches, Pieces, Value string
	Currency               string
	Cards                  []statsCard
	Annual                 string
}

// statsTab links one view with the current filter.
type statsTab struct {
	Key, Path string
	Current   bool
}

func statsTabs(current string, f ipr.StatsFilter, m report.Measure) []statsTab {
	tabs := []statsTab{{Key: "stats.title", Path: withQuery("/stats", report.FilterQuery(f)), Current: current == ""}}
	for _, v := range report.Views {
		tabs = append(tabs, statsTab{Key: "stats.view." + v.Name, Path: statsPath(v.Name, "", f, m), Current: v.Name == current})
	}
	return tabs
}

// handleStatsView shows one view (/stats/origin …) or downloads it as
// /stats/origin.csv or .xlsx, with the filter of the query string.
func (s *Server) handleStatsView(w http.ResponseWriter, r *http.Request) {
	name, format := r.PathValue("view"), ""
	for _, ext := range []string{".csv", ".xlsx"} {
		if base, ok := strings.CutSuffix(name, ext); ok {
			name, format = base, ext
		}
	}
	v, ok := report.ViewNamed(name)
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	user := userFrom(r)
	f, m, err := parseStatsQuery(r.URL.Query())
	if err != nil {
		s.renderStatsInvalid(w, r, v.Name, err)
		return
	}
	fig, err := s.statsFigures(r.Context(), user, v, f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "stats.view."+v.Name, nil)
	out := statsDraw(p.L, v, f, m, fig)
	if format != "" {
		s.writeStatsFile(w, r, v.Name+format, out.Table)
		return
	}
	form, err := s.statsForm(r, user, p.L, r.URL.Query(), nil)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p.Data = &statsPageData{View: v, Tabs: statsTabs(v.Name, f, m), Form: form, Title: out.Title, Chart: out.Chart,
		Table: out.Table, Regions: out.Regions, CSV: statsPath(v.Name, ".csv", f, ""), XLSX: statsPath(v.Name, ".xlsx", f, ""),
		Restricted: restrictedStats(user)}
	s.render(w, r, http.StatusOK, "stats", p)
}

// parseStatsQuery reads the filter and the measure a chart draws.
func parseStatsQuery(q url.Values) (ipr.StatsFilter, report.Measure, error) {
	f, err := report.ParseFilter(q)
	m, merr := report.ParseMeasure(q.Get("measure"))
	if err == nil && merr == nil {
		return f, m, nil
	}
	if ipr.ErrorCode(err) != ipr.EINVALID && err != nil {
		return f, m, err
	}
	fields := map[string]string{} // both fields' problems at once
	maps.Copy(fields, ipr.ErrorFields(err))
	maps.Copy(fields, ipr.ErrorFields(merr))
	return f, m, &ipr.Error{Code: ipr.EINVALID, Message: "the statistics filter is not valid", Fields: fields}
}

// renderStatsInvalid shows the view's page with the filter's problems named by field, and no figures.
func (s *Server) renderStatsInvalid(w http.ResponseWriter, r *http.Request, view string, err error) {
	if ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	p := s.newPage(r, "stats.title", nil)
	form, ferr := s.statsForm(r, user, p.L, r.URL.Query(), ipr.ErrorFields(err))
	if ferr != nil {
		s.renderError(w, r, ferr)
		return
	}
	p.Error, p.Fields = p.L.T("stats.invalid"), ipr.ErrorFields(err)
	v, _ := report.ViewNamed(view)
	p.Data = &statsPageData{View: v, Dashboard: view == "", Title: p.L.T("stats.title"), Tabs: statsTabs(view, ipr.StatsFilter{}, ""),
		Form: form, Restricted: restrictedStats(user)}
	s.render(w, r, http.StatusBadRequest, "stats", p)
}

// restrictedStats says whether the user's figures cover only their own brands.
func restrictedStats(u *ipr.User) bool {
	return u != nil && (u.Role == ipr.RoleRightHolder || u.Role == ipr.RoleAgent)
}
