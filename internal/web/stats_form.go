package web

import (
	"net/http"
	"net/url"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/report"
)

// statsForm is the filter form every view shows: the months chosen and a
// drop-down per other field, with the choices the services offer this user.
type statsForm struct {
	Action   string
	From, To string
	Selects  []statsSelect
	Errs     statsErrors
}

// statsSelect is one drop-down of the filter.
type statsSelect struct {
	Name     string
	Label    string
	Any      bool // offers "any" as its first choice
	Options  []ipr.StatsOption
	Selected string
}

// statsForm builds the form for the request's view; fields are the filter's problems, if any.
func (s *Server) statsForm(r *http.Request, user *ipr.User, l *Catalog, q url.Values, fields map[string]string) (statsForm, error) {
	opts, err := s.svc.StatsOptions(r.Context(), user)
	if err != nil {
		return statsForm{}, err
	}
	lang := report.Lang(l.Lang)
	labelled := func(dim ipr.StatsDimension, keys []string) []ipr.StatsOption {
		out := make([]ipr.StatsOption, len(keys))
		for i, k := range keys {
			out[i] = ipr.StatsOption{Key: k, Label: report.ValueLabel(lang, dim, k, "")}
		}
		return out
	}
	named := func(dim ipr.StatsDimension, opts []ipr.StatsOption) []ipr.StatsOption {
		out := make([]ipr.StatsOption, len(opts))
		for i, o := range opts {
			out[i] = ipr.StatsOption{Key: o.Key, Label: report.OptionLabel(lang, dim, o)}
		}
		return out
	}
	measures := make([]ipr.StatsOption, len(report.Measures))
	for i, m := range report.Measures {
		measures[i] = ipr.StatsOption{Key: string(m), Label: report.Word(lang, string(m))}
	}
	form := statsForm{Action: r.URL.Path, From: q.Get("from"), To: q.Get("to"), Errs: statsErrors{L: l, Fields: fields}}
	for _, sel := range []statsSelect{
		{Name: "office", Any: true, Options: named(ipr.DimOffice, opts.Offices)},
		{Name: "channel", Any: true, Options: labelled(ipr.DimChannel, report.Channels)},
		{Name: "transport", Any: true, Options: labelled(ipr.DimTransport, report.Transports)},
		{Name: "group", Any: true, Options: named(ipr.DimGroup, opts.Groups)},
		{Name: "brand", Any: true, Options: opts.Brands},
		{Name: "province", Any: true, Options: named(ipr.DimProvince, opts.Provinces)},
		{Name: "profile", Any: true, Options: opts.Profiles},
		{Name: "holder", Any: true, Options: named("", opts.Holders)},
		{Name: "measure", Options: measures},
	} {
		if sel.Name == "holder" && len(sel.Options) < 2 && q.Get("holder") == "" {
			continue // a right holder sees only itself: nothing to choose
		}
		sel.Label, sel.Selected = l.T("stats.filter."+sel.Name), q.Get(sel.Name)
		if sel.Selected != "" && !slices.ContainsFunc(sel.Options, func(o ipr.StatsOption) bool { return o.Key == sel.Selected }) {
			sel.Options = append(sel.Options, ipr.StatsOption{Key: sel.Selected, Label: sel.Selected}) // keep a shared URL's value visible
		}
		form.Selects = append(form.Selects, sel)
	}
	return form, nil
}

// statsErrors are the filter's problems, each named by its field's label so
// the message is clear in either language ("From is not a month like 2026-03").
type statsErrors struct {
	L      *Catalog
	Fields map[string]string
}

// For is the problem of field name, or "".
func (e statsErrors) For(name string) string {
	msg := e.Fields[name]
	if msg == "" {
		return ""
	}
	if e.L.Lang == "zh" {
		return e.L.T("stats.filter."+name) + e.L.T("stats.problem."+name) + "（" + msg + "）"
	}
	return e.L.T("stats.filter."+name) + " " + msg
}

// Has reports whether field name has a problem, for aria-invalid.
func (e statsErrors) Has(name string) bool { return e.Fields[name] != "" }

// statsNav is the statistics link, for the roles that may see statistics
// (a right holder or agent sees its own brands' figures).
func statsNav(user *ipr.User) []navItem {
	if !ipr.Can(user, ipr.ActionViewStats, ipr.OrgResource("stats", user.OrgID)) {
		return nil
	}
	return []navItem{{Key: "nav.stats", Path: "/stats"}}
}
