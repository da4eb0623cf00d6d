package api

import (
	"net/http"

	"bordermark/internal/ipr"
	"bordermark/internal/report"
)

// statsRowJSON is one group of detentions (schema StatsRow); value in major units as a decimal string.
type statsRowJSON struct {
	Key     string    `json:"key"`
	Label   string    `json:"label"`
	Batches int64     `json:"batches"`
	Pieces  int64     `json:"pieces"`
	Value   ipr.Money `json:"value"`
}

type statsRuleJSON struct {
	RuleID    int64   `json:"rule_id"`
	Name      string  `json:"name"`
	Flagged   int64   `json:"flagged"`
	Cases     int64   `json:"cases"`
	Confirmed int64   `json:"confirmed"`
	Precision float64 `json:"precision"`
}

type statsSpreadJSON struct {
	Key    string                 `json:"key"`
	Label  string                 `json:"label"`
	Stages []statsSpreadStageJSON `json:"stages"`
}

type statsSpreadStageJSON struct {
	Stage  string  `json:"stage"`
	Count  int64   `json:"count"`
	Median float64 `json:"median"`
	P90    float64 `json:"p90"`
}

// statsViewJSON is one statistics view (schema StatsView): only the list that fits the view is set.
type statsViewJSON struct {
	View     string            `json:"view"`
	Filter   map[string]string `json:"filter"`
	Currency string            `json:"currency"`
	Rows     []statsRowJSON    `json:"rows,omitempty"`
	Cities   []statsRowJSON    `json:"cities,omitempty"`
	Rules    []statsRuleJSON   `json:"rules,omitempty"`
	Spreads  []statsSpreadJSON `json:"spreads,omitempty"`
	Unit     string            `json:"unit,omitempty"`
}

// handleStatsView serves GET /api/v1/stats/{view} with the web pages' filter
// parameters; the service restricts right holders to their own brands.
func (a *API) handleStatsView(w http.ResponseWriter, r *http.Request) {
	v, ok := report.ViewNamed(r.PathValue("view"))
	if !ok {
		a.fail(w, r, ipr.Errorf(ipr.ENOTFOUND, "no statistics view %q", r.PathValue("view")))
		return
	}
	f, err := report.ParseFilter(r.URL.Query())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := statsViewJSON{View: v.Name, Filter: map[string]string{}, Currency: f.Profile.Currency()}
	for k, vals := range report.FilterQuery(f) {
		out.Filter[k] = vals[0]
	}
	if err := a.statsFill(r, v, f, &out); err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) statsFill(r *http.Request, v report.View, f ipr.StatsFilter, out *statsViewJSON) error {
	ctx, user := r.Context(), userFrom(r)
	switch v.Kind {
	case report.KindRules:
		rows, err := a.svc.StatsRules(ctx, user, f, 20)
		out.Rules = make([]statsRuleJSON, len(rows))
		for i, x := range rows {
			out.Rules[i] = statsRuleJSON{x.RuleID, x.Name, x.Flagged, x.Cases, x.Confirmed, x.Precision}
		}
		return err
	case report.KindResponse:
		rows, err := a.svc.StatsResponseTimes(ctx, user, f)
		out.Spreads, out.Unit = statsSpreads(rows, ipr.StatsResponseStages), "hours"
		return err
	case report.KindTransfer:
		rows, err := a.svc.StatsTransferTimes(ctx, user, f)
		out.Spreads, out.Unit = statsSpreads(rows, ipr.StatsTransferStages), "days"
		return err
	case report.KindRegions:
		rows, err := a.svc.Stats(ctx, user, ipr.DimProvince, f)
		if err != nil {
			return err
		}
		cities, err := a.svc.Stats(ctx, user, ipr.DimCity, f)
		out.Rows, out.Cities = statsRows(rows), statsRows(cities)
		return err
	}
	rows, err := a.svc.Stats(ctx, user, v.Dim, f)
	out.Rows = statsRows(rows)
	return err
}

func statsRows(rows []ipr.StatsRow) []statsRowJSON {
	out := make([]statsRowJSON, len(rows))
	for i, x := range rows {
		out[i] = statsRowJSON{x.Key, x.Label, x.Batches, x.Pieces, x.Value}
	}
	return out
}

func statsSpreads(rows []ipr.StatsSpreadRow, stages []string) []statsSpreadJSON {
	out := make([]statsSpreadJSON, len(rows))
	for i, x := range rows {
		out[i] = statsSpreadJSON{Key: x.Key, Label: x.Label, Stages: make([]statsSpreadStageJSON, 0, len(stages))}
		for k, st := range stages {
			if k < len(x.Stages) {
				s := x.Stages[k]
				out[i].Stages = append(out[i].Stages, statsSpreadStageJSON{st, s.Count, s.Median, s.P90})
			}
		}
	}
	return out
}
