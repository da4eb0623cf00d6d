package web

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/workflow"
)

// casePath is a case's page, where its forms post.
func casePath(id int64) string { return "/cases/" + strconv.FormatInt(id, 10) }

// clockParty is who must act before each legal clock runs out; a clock not
// listed is customs' own.
var clockParty = map[string]string{
	"holder_reply": "holder", "court_notice": "holder", "application": "holder", "confirmation": "holder",
	"proceedings": "holder", "declarant_views": "declarant", "importer_reply": "importer",
}

// deadlineRow is a legal clock as the pages show it.
type deadlineRow struct {
	Name        string
	DueDate     string // the last day, in the office's calendar
	Left        int    // working days left; negative when overdue
	Provisional bool
	State       ipr.DeadlineState
	Overdue     bool
	Open        bool // still asks someone to act
	Party       string
	Calendar    string
}

func newDeadlineRow(d enforce.DeadlineView, now time.Time) deadlineRow {
	open := slices.Contains(ipr.OpenDeadlineStates, d.State)
	party := clockParty[d.Name]
	if party == "" {
		party = "customs"
	}
	if d.State == ipr.DeadlineDefaultPending {
		party = "supervisor"
	}
	return deadlineRow{Name: d.Name, DueDate: d.DueDate.String(), Left: d.WorkingDaysLeft, Provisional: d.Provisional,
		State: d.State, Open: open, Party: party, Calendar: d.CalendarVersion,
		Overdue: open && (d.State != ipr.DeadlineRunning || d.WorkingDaysLeft < 0 || d.DueAt.Before(now))}
}

// nextDeadline is the open deadline that runs out first, or nil.
func nextDeadline(rows []deadlineRow, views []enforce.DeadlineView) *deadlineRow {
	var next *deadlineRow
	var at time.Time
	for i := range rows {
		if rows[i].Open && (next == nil || views[i].DueAt.Before(at)) {
			next, at = &rows[i], views[i].DueAt
		}
	}
	return next
}

// money shows an amount with its currency, e.g. 50000.00 CNY.
func money(m ipr.Money, currency string) string {
	if currency == "" {
		return m.String()
	}
	return m.String() + " " + currency
}

// holderNames are the names of the right holders user may see, by id. A
// failure only leaves the names out: the case is what the page is about.
func (s *Server) holderNames(r *http.Request, user *ipr.User) map[int64]string {
	names := map[int64]string{}
	orgs, err := s.svc.ListOrgs(r.Context(), user)
	if err != nil {
		if ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			s.log.Warn("organisation names", "request_id", enforce.RequestID(r.Context()), "err", err)
		}
		return names
	}
	lang := langFrom(r)
	for _, o := range orgs {
		names[o.ID] = o.Name
		if lang == "zh" && o.NameZH != "" {
			names[o.ID] = o.NameZH
		}
	}
	return names
}

// holderName is the name of org, or its number when it is not known.
func holderName(names map[int64]string, org int64) string {
	if n := names[org]; n != "" {
		return n
	}
	return "#" + strconv.FormatInt(org, 10)
}

// eventNeeds says which inputs an event's form shows: a reason, an amount, a determination.
type eventNeeds struct{ Reason, Amount, Determination bool }

// needsOf reads from the profile's tables what an event asks for.
func needsOf(profile ipr.Profile, event string) eventNeeds {
	n := eventNeeds{}
	switch event {
	case "penalise":
		n.Reason, n.Amount = true, true
	case "counter_guarantee":
		n.Amount = true
	case "determine":
		n.Determination = true
	case workflow.EvCancelDefault:
		n.Reason = true
	}
	if p, err := workflow.Describe(string(profile)); err == nil {
		for _, rule := range p.Transitions {
			if rule.Event == event && rule.Reason && !rule.LegalDefault {
				n.Reason = true
			}
		}
	}
	return n
}

// determinationChoices are what an officer may determine after investigation.
var determinationChoices = []string{workflow.DetInfringing, workflow.DetNotInfringing, workflow.DetCannotDetermine}

// dangerEvents end a case without action against the goods, or give up on it: shown in red.
var dangerEvents = []string{"dismiss", "decline", "withdraw", "release", workflow.EvConfirmDefault}

// daysLeftText says how many working days are left, or how many a deadline is overdue by.
func daysLeftText(l *Catalog, left int) string {
	switch {
	case left < 0:
		return l.T("case.days_over", -left)
	case left == 0:
		return l.T("case.days_today")
	}
	return l.T("case.days_left", left)
}

// LeftText says the working days left in the page language.
func (r caseRow) LeftText(l *Catalog) string { return daysLeftText(l, r.Left) }

// LeftText says the working days left in the page language.
func (r deadlineRow) LeftText(l *Catalog) string { return daysLeftText(l, r.Left) }
