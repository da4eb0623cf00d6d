package enforce

import (
	"context"
	"slices"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// The demo's transfers to the police: nine CN cases over the threshold,
// determined infringing, each transferred to the Zhejiang police unit and left
// in one state of the procedure, three of them overdue. Like the demo cases
// they are worked through the services with a clock set back in time, and the
// hand-overs take different times, so the transfer figures have a spread.

const (
	demoPolice = "investigator@zhejiang.police.example"
	// demoTransferMarker is the first transfer case's item: its presence means the transfers are loaded.
	demoTransferMarker = "NORTHWIND trail jackets, 60 cartons (transfer demo)"
	demoPoliceBy       = "police"
	demoProposeStep    = "propose"
	demoOutcomeStep    = "outcome:" // followed by the outcome kind; the reason is its note
)

// demoTransferStep is one hand-over, some time after the proposal.
type demoTransferStep struct {
	after  time.Duration
	event  string // a transfer event, or demoOutcomeStep + kind
	reason string
}

// demoTransfer is one transfer and the case it is about.
type demoTransfer struct {
	prefix, office, officer string
	holder, right           string
	item                    demoItem
	proposed                time.Duration // proposed this long before the demo clock
	steps                   []demoTransferStep
}

// demoCaseLead is how long before the proposal each transfer case was opened:
// it is notified, bonded, investigated and determined infringing in between.
const demoCaseLead = 4 * demoDay

func days10(tenths int) time.Duration { return time.Duration(tenths) * demoDay / 10 }

var demoTransfers = []demoTransfer{
	{prefix: "YWT", office: "Yiwu Customs", officer: yiwuOfficer, holder: northwindHolder, right: "DEMO-NORTHWIND",
		item:     demoItem{demoTransferMarker, 1_800, 126_000, "Yiwu bonded warehouse A, bay 9", "zip pullers are unbranded"},
		proposed: 5 * demoDay}, // the head of office has not decided: overdue
	{prefix: "WZT", office: "Wenzhou Customs", officer: districtChief, holder: "brand@voltis.example", right: "DEMO-VOLTIS",
		item:     demoItem{"VOLTIS smart watches, 40 cartons", 2_000, 90_000, "Wenzhou port warehouse 3", "firmware is not the holder's"},
		proposed: 6 * demoDay,
		steps:    []demoTransferStep{{after: days10(15), event: "approve"}}}, // not sent: overdue
	{prefix: "YWT", office: "Yiwu Customs", officer: yiwuOfficer, holder: "brand@lumina.example", right: "DEMO-LUMINA",
		item:     demoItem{"LUMINA perfume 100ml, 25 cartons", 3_000, 150_000, "Yiwu bonded warehouse C, shelf 2", "no batch code on the bottle"},
		proposed: 12 * demoDay,
		steps: []demoTransferStep{{after: 2 * demoDay, event: "approve"},
			{after: days10(25), event: "send"}}}, // the police have not decided: overdue
	{prefix: "HZT", office: "Hangzhou Customs", officer: districtChief, holder: northwindHolder, right: "DEMO-NORTHWIND",
		item:     demoItem{"NORTHWIND ski jackets", 700, 84_000, "Hangzhou airport cargo, bay 6", "seam tape is glued, not welded"},
		proposed: 20 * demoDay,
		steps: []demoTransferStep{{after: days10(2), event: "approve"}, {after: days10(5), event: "send"},
			{after: days10(25), event: "return", reason: "The exporter's identity is not established; name the consignor's bank account."}}},
	{prefix: "WZT", office: "Wenzhou Customs", officer: districtChief, holder: "brand@voltis.example", right: "DEMO-VOLTIS",
		item:     demoItem{"VOLTIS laptop chargers 65W", 3_500, 105_000, "Wenzhou port warehouse 1", "no CCC mark"},
		proposed: 15 * demoDay,
		steps: []demoTransferStep{{after: demoDay, event: "approve"}, {after: days10(11), event: "send"},
			{after: days10(26), event: "request_evidence", reason: "Add the holder's written identification report and a valuation of the goods."}}},
	{prefix: "YWT", office: "Yiwu Customs", officer: yiwuOfficer, holder: northwindHolder, right: "DEMO-NORTHWIND",
		item:     demoItem{"NORTHWIND football shirts", 4_000, 72_000, "Yiwu bonded warehouse B, bay 7", "crest is printed, not embroidered"},
		proposed: 10 * demoDay,
		steps: []demoTransferStep{{after: days10(5), event: "approve"}, {after: days10(7), event: "send"},
			{after: days10(32), event: "return", reason: "The valuation report is missing."},
			{after: days10(92), event: "resubmit"}}}, // the police's clock runs again
	{prefix: "HZT", office: "Hangzhou Customs", officer: districtChief, holder: northwindHolder, right: "DEMO-NORTHWIND",
		item:     demoItem{"NORTHWIND hiking boots", 1_100, 99_000, "Hangzhou airport cargo, bay 2", "sole has no vulcanised stamp"},
		proposed: 30 * demoDay,
		steps: []demoTransferStep{{after: days10(45), event: "approve"}, {after: days10(53), event: "send"},
			{after: days10(63), event: "accept"}}},
	{prefix: "YWT", office: "Yiwu Customs", officer: yiwuOfficer, holder: "brand@lumina.example", right: "DEMO-LUMINA",
		item:     demoItem{"LUMINA eye shadow palettes", 6_000, 180_000, "Yiwu bonded warehouse C, shelf 5", "palette hinge is not the holder's"},
		proposed: 40 * demoDay,
		steps: []demoTransferStep{{after: days10(25), event: "approve"}, {after: days10(41), event: "send"},
			{after: days10(69), event: "accept"},
			{after: 9 * demoDay, event: demoOutcomeStep + string(ipr.OutcomeCaseOpened), reason: "Criminal case ZJ-IP-2025-031 opened"},
			{after: 20 * demoDay, event: demoOutcomeStep + string(ipr.OutcomeArrests), reason: "Two arrests at the Yiwu workshop"}}},
	{prefix: "WZT", office: "Wenzhou Customs", officer: districtChief, holder: "brand@voltis.example", right: "DEMO-VOLTIS",
		item:     demoItem{"VOLTIS phone cases", 9_000, 54_000, "Wenzhou port warehouse 4", "logo is a sticker"},
		proposed: 25 * demoDay,
		steps: []demoTransferStep{{after: days10(15), event: "reject",
			reason: "A first offence of a small trader: the administrative penalty suffices."}}},
}

// demoCasePrep is how each transfer case reaches infringing, after it is opened.
var demoCasePrep = []demoStep{
	{after: time.Hour, ev: demoEvent("notify_holder")},
	{after: 3 * time.Hour, by: demoByHolder, ev: demoEvent(demoBondCash)},
	{after: demoDay, ev: demoEvent("investigate")},
	{after: 3 * demoDay, ev: workflow.Event{Kind: "determine", Determination: workflow.DetInfringing,
		Reason: "Holder's identification; goods over the criminal threshold"}},
}

// ensureDemoTransfers works the transfer cases and their transfers, unless they are there already.
func (s *Service) ensureDemoTransfers(ctx context.Context, rep *DemoReport) error {
	var found int64
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		_, found, err = tx.Cases(ctx, ipr.CaseFilter{Search: demoTransferMarker, Limit: 1})
		return err
	})
	if err != nil || found > 0 {
		return err
	}
	now := s.Clock.Now()
	type planned struct {
		at   time.Time
		i    int
		prep *demoStep         // a step of the case
		step *demoTransferStep // or of its transfer
	}
	var plan []planned
	for i, dt := range demoTransfers {
		proposed := now.Add(-dt.proposed)
		opened := proposed.Add(-demoCaseLead)
		plan = append(plan, planned{at: opened, i: i, prep: &demoStep{ev: demoEvent("open")}},
			planned{at: proposed, i: i, step: &demoTransferStep{event: demoProposeStep}})
		for _, st := range demoCasePrep {
			plan = append(plan, planned{at: opened.Add(st.after), i: i, prep: &st})
		}
		for _, st := range dt.steps {
			plan = append(plan, planned{at: proposed.Add(st.after), i: i, step: &st})
		}
	}
	slices.SortStableFunc(plan, func(a, b planned) int { return a.at.Compare(b.at) })
	clock := ipr.NewFixedClock(plan[0].at)
	past := &Service{DB: s.DB, Files: s.Files, Clock: clock, Log: s.Log, Jobs: s.Jobs}
	w := &demoTransferWorld{demoWorld: demoWorld{s: past, clock: clock, users: map[string]*ipr.User{}, rep: rep},
		cases: make([]*ipr.Case, len(demoTransfers)), transfers: make([]*ipr.Transfer, len(demoTransfers))}
	before, err := auditCount(ctx, s.DB)
	if err != nil {
		return err
	}
	for _, p := range plan {
		clock.Advance(p.at.Sub(clock.Now()))
		if p.prep != nil {
			err = w.prepare(ctx, p.i, *p.prep)
		} else {
			err = w.hand(ctx, p.i, *p.step)
		}
		if err != nil {
			return err
		}
	}
	// Sending also moves the case and stores a dossier: count every audit event made.
	after, err := auditCount(ctx, s.DB)
	rep.Created += int(after - before)
	return err
}

func auditCount(ctx context.Context, db *store.DB) (n int64, err error) {
	err = db.View(ctx, func(tx *store.Tx) error {
		n, err = tx.CountAudit(ctx, ipr.AuditFilter{})
		return err
	})
	return n, err
}

// demoTransferWorld is the state of the transfer cases while they are worked.
type demoTransferWorld struct {
	demoWorld
	cases     []*ipr.Case
	transfers []*ipr.Transfer
}

// prepare carries out one step of transfer case i before its transfer.
func (w *demoTransferWorld) prepare(ctx context.Context, i int, st demoStep) error {
	dt := demoTransfers[i]
	email := dt.officer
	if st.by == demoByHolder {
		email = dt.holder
	}
	actor, err := w.user(ctx, email)
	if err != nil {
		return err
	}
	c := w.cases[i]
	switch st.ev.Kind {
	case "open":
		w.cases[i], err = w.open(ctx, actor, demoCase{prefix: dt.prefix, office: dt.office, holder: dt.holder,
			right: dt.right, profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "general", items: []demoItem{dt.item}})
	case demoBondCash:
		w.cases[i], err = w.s.PostBond(ctx, actor, c.ID, c.Version, false)
	default:
		w.cases[i], err = w.s.ActOnCase(ctx, actor, c.ID, c.Version, st.ev)
	}
	return err
}

// hand carries out one step of transfer i: its proposal, a hand-over or an outcome.
func (w *demoTransferWorld) hand(ctx context.Context, i int, st demoTransferStep) error {
	dt := demoTransfers[i]
	police, err := w.user(ctx, demoPolice)
	if err != nil {
		return err
	}
	email := dt.officer
	switch st.event {
	case "approve", "reject":
		email = districtChief
	case "accept", "return", "request_evidence":
		email = demoPolice
	}
	if kind, ok := strings.CutPrefix(st.event, demoOutcomeStep); ok {
		o := ipr.TransferOutcome{Kind: ipr.OutcomeKind(kind), Note: st.reason}
		_, err = w.s.RecordOutcome(ctx, police, w.transfers[i].ID, o)
		return err
	}
	actor, err := w.user(ctx, email)
	if err != nil {
		return err
	}
	if st.event == demoProposeStep {
		w.transfers[i], err = w.s.ProposeTransfer(ctx, actor, w.cases[i].ID, TransferInput{PoliceOrgID: police.OrgID})
		return err
	}
	tr := w.transfers[i]
	w.transfers[i], err = w.s.ActOnTransfer(ctx, actor, tr.ID, tr.Version, st.event, st.reason)
	return err
}
