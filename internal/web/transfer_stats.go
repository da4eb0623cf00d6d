package web

import (
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// transferStatsData is the figures of the link between customs and the police.
type transferStatsData struct {
	Stats   *enforce.TransferStats
	Since   string
	Days    int
	Waiting []waitingRow
}

type waitingRow struct {
	Path, CasePath, CaseRef string
	Office, Unit            string
	State                   ipr.TransferState
	Since                   string
	Days                    string
	Overdue                 bool
}

// Fmt formats the median (or the 90th percentile) in of days to two decimals; "—" when there is nothing to measure.
func (transferStatsData) Fmt(sp enforce.Spread, p90 bool) string {
	if sp.N == 0 {
		return "—"
	}
	if p90 {
		return strconv.FormatFloat(sp.P90, 'f', 2, 64)
	}
	return strconv.FormatFloat(sp.Median, 'f', 2, 64)
}

// handleTransferStats shows, per office and per police unit, the median and
// 90th percentile days of each hand-over, and the transfers waiting longest.
func (s *Server) handleTransferStats(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	days := 365
	if v := r.URL.Query().Get("days"); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 1 && n <= 3650 {
			days = n
		}
	}
	since := s.svc.Clock.Now().Add(-time.Duration(days) * 24 * time.Hour)
	stats, err := s.svc.TransferStats(r.Context(), user, since)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	_, units := s.policeUnits(r, user)
	data := &transferStatsData{Stats: stats, Since: transferTime(since), Days: days}
	for i, u := range stats.Units {
		if u.Name == "" {
			stats.Units[i].Name = unitName(units, u.OrgID)
		}
	}
	for _, wt := range stats.Waiting {
		t := wt.Transfer
		data.Waiting = append(data.Waiting, waitingRow{Path: transferPath(t.ID), CasePath: casePath(t.CaseID),
			CaseRef: t.CaseRef, Office: t.Office, Unit: unitName(units, t.PoliceOrgID), State: t.State,
			Since: transferTime(wt.Since), Days: strconv.FormatFloat(wt.Days, 'f', 2, 64), Overdue: wt.Overdue})
	}
	s.render(w, r, http.StatusOK, "transfer_stats", s.newPage(r, "transfer.stats.title", data))
}
