package web

import (
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// transferTimeFormat is how the transfer pages show a hand-over: to the minute,
// in China's time, the time of the offices and police units concerned.
const transferTimeFormat = "2006-01-02 15:04"

func transferPath(id int64) string { return "/transfers/" + strconv.FormatInt(id, 10) }

// transferTime shows t in China's time, "" when it did not happen.
func transferTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(ipr.ProfileCN.Location()).Format(transferTimeFormat)
}

// clockRow is one clock of a transfer as a page shows it.
type clockRow struct {
	Name, Started, Due, Met string
	Overdue                 bool
	Running                 bool // not met yet
}

func clockRows(clocks []ipr.TransferClock) []clockRow {
	out := make([]clockRow, len(clocks))
	for i, c := range clocks {
		out[i] = clockRow{Name: c.Name, Started: transferTime(c.StartedAt), Due: transferTime(c.DueAt),
			Met: transferTime(c.MetAt), Overdue: c.Overdue, Running: c.MetAt.IsZero()}
	}
	return out
}

// anyOverdue reports whether a running clock is past its due time.
func anyOverdue(rows []clockRow) bool {
	for _, c := range rows {
		if c.Overdue && c.Running {
			return true
		}
	}
	return false
}

// transferRow is a transfer in a list.
type transferRow struct {
	ID                    int64
	Path, CasePath        string
	CaseRef, Office, Unit string
	State                 ipr.TransferState
	Proposed              string
	Clocks                []clockRow
	Overdue               bool
}

func newTransferRow(t *ipr.Transfer, units map[int64]string, now time.Time) transferRow {
	row := transferRow{ID: t.ID, Path: transferPath(t.ID), CasePath: casePath(t.CaseID), CaseRef: t.CaseRef,
		Office: t.Office, Unit: unitName(units, t.PoliceOrgID), State: t.State, Proposed: transferTime(t.ProposedAt),
		Clocks: clockRows(t.Clocks(now))}
	row.Overdue = anyOverdue(row.Clocks)
	return row
}

// policeUnits are the police units user may see, by id; a failure only loses the names.
func (s *Server) policeUnits(r *http.Request, user *ipr.User) ([]*ipr.Org, map[int64]string) {
	orgs, err := s.svc.ListOrgs(r.Context(), user)
	if err != nil {
		s.log.Warn("police units", "request_id", enforce.RequestID(r.Context()), "err", err)
	}
	var list []*ipr.Org
	names := map[int64]string{}
	for _, o := range orgs {
		if o.Kind == ipr.OrgPoliceUnit {
			list, names[o.ID] = append(list, o), o.Name
		}
	}
	return list, names
}

func unitName(units map[int64]string, id int64) string {
	if n := units[id]; n != "" {
		return n
	}
	return "#" + strconv.FormatInt(id, 10)
}
