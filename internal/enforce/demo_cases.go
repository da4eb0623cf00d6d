package enforce

import (
	"cmp"
	"context"
	"slices"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// The demo's detention cases: ten cases over the district's offices (and one
// each in the EU and US profiles), at every stage an officer or a holder meets.
// They are built through the services with a clock set back in time, so each
// step has its audit event, timeline entry, deadlines and notices, dated as if
// the cases had been worked over the last weeks.

// demoItem is one line of detained goods and what gives it away as counterfeit.
type demoItem struct {
	desc     string
	qty      int64
	value    int64 // in the case's currency, major units
	location string
	tell     string // the holder's reason when it answers "counterfeit"
}

// demoStep is one thing done on a case, some time after it was opened.
type demoStep struct {
	after time.Duration
	by    string // a demo user's e-mail; "" is the case's officer, demoByHolder its holder
	ev    workflow.Event
}

// Steps that are not workflow events sent with ActOnCase.
const (
	demoBondCash      = "demo:bond_cash"      // PostBond in cash
	demoBondGuarantee = "demo:bond_guarantee" // PostBond on the holder's general guarantee
	demoIdentify      = "demo:identify"       // RequestIdentification for every item; ev.Reason is the note
	demoAnswer        = "demo:answer"         // AnswerIdentification: every item counterfeit
	demoByHolder      = "holder"
)

// demoCase is one demo case and its story.
type demoCase struct {
	prefix, office, officer string
	holder, right           string // the holder's demo user and the demo right concerned
	profile                 ipr.Profile
	mode                    ipr.CaseMode
	channel                 string
	ago                     time.Duration // opened this long before the demo clock
	items                   []demoItem
	steps                   []demoStep
}

const (
	demoDay         = 24 * time.Hour
	yiwuOfficer     = "officer@yiwu.customs.example"
	postalOfficer   = "officer@postal.customs.example"
	districtChief   = "supervisor@hangzhou.customs.example"
	northwindHolder = "brand@northwind.example"
	// demoCaseMarker is the first demo case's first item: its presence means the cases are loaded.
	demoCaseMarker = "NORTHWIND Stratus Runner look-alike trail shoes, size 42-45"
)

// demoGuarantee is Northwind's general guarantee for the demo year, filed before the first case.
var demoGuarantee = struct {
	amount         int64
	issuer, bankID string
	ago            time.Duration
}{300_000, "Bank of Ningbo, Haishu Branch", "BON-LG-NW-0417", 55 * demoDay}

func demoEvent(kind string) workflow.Event { return workflow.Event{Kind: kind} }

var demoCases = []demoCase{
	{prefix: "YW", office: "Yiwu Customs", officer: yiwuOfficer, holder: northwindHolder, right: "DEMO-NORTHWIND",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "ecommerce", ago: 3 * time.Hour,
		items: []demoItem{{demoCaseMarker, 240, 9_600, "Yiwu bonded warehouse B, bay 14", ""}}},
	{prefix: "HZP", office: "Hangzhou Postal Customs", officer: postalOfficer, holder: northwindHolder, right: "DEMO-NORTHWIND",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "postal", ago: 28 * time.Hour,
		items: []demoItem{
			{"Parcel RB204518833CN: N0RTHW1ND hoodies", 6, 540, "Postal hall, cage 3", ""},
			{"Parcel RB204518847CN: NORTHWIND waterproof jackets", 4, 880, "Postal hall, cage 3", ""},
			{"Parcel RB204518855CN: 北风 sports socks", 30, 210, "Postal hall, cage 3", ""}},
		steps: []demoStep{
			{after: 2 * time.Hour, ev: demoEvent("notify_holder")},
			{after: 6 * time.Hour, ev: workflow.Event{Kind: demoIdentify, Reason: "Photos of the labels and swing tags attached; please check the logo and the care labels."}}}},
	{prefix: "YW", office: "Yiwu Customs", officer: yiwuOfficer, holder: northwindHolder, right: "DEMO-NORTHWIND",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "general", ago: 21 * demoDay,
		items: []demoItem{
			{"NORTHWIND caps, embroidered logo", 1_200, 14_400, "Yiwu bonded warehouse A, bay 3", ""},
			{"NORTHWIND backpacks", 300, 10_500, "Yiwu bonded warehouse A, bay 3", ""}},
		steps: []demoStep{{after: 3 * time.Hour, ev: demoEvent("notify_holder")}}}, // the holder never replied: overdue
	{prefix: "YW", office: "Yiwu Customs", officer: yiwuOfficer, holder: northwindHolder, right: "DEMO-NORTHWIND",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "general", ago: 12 * demoDay,
		items: []demoItem{
			{"NORTHWIND running shoes men, 20 cartons", 1_200, 96_000, "Yiwu bonded warehouse B, bay 2", "sole pattern is the 2019 model, not made since"},
			{"N0RTHW1ND sneakers, 8 cartons", 480, 38_400, "Yiwu bonded warehouse B, bay 2", "misspelt mark: zero and one for O and I"},
			{"NORTHWIND shoe boxes, flat-packed", 2_000, 25_600, "Yiwu bonded warehouse B, bay 2", "no hologram tag on the box end"}},
		steps: []demoStep{
			{after: 2 * time.Hour, ev: demoEvent("notify_holder")},
			{after: 3 * time.Hour, ev: workflow.Event{Kind: demoIdentify, Reason: "Samples photographed; originals can be inspected at the warehouse."}},
			{after: demoDay, by: demoByHolder, ev: demoEvent(demoAnswer)},
			{after: demoDay + 2*time.Hour, by: demoByHolder, ev: demoEvent(demoBondGuarantee)}}},
	{prefix: "HZ", office: "Hangzhou Customs", officer: districtChief, holder: northwindHolder, right: "DEMO-NORTHWIND",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "express", ago: 50 * demoDay,
		items: []demoItem{
			{"NORTHWIND down jackets", 150, 27_000, "Hangzhou airport cargo, cold room 1", "down fill is polyester wadding"},
			{"NORTHWIND fleece gloves", 600, 6_000, "Hangzhou airport cargo, cold room 1", "woven label has the old address"}},
		steps: []demoStep{
			{after: time.Hour, ev: demoEvent("notify_holder")},
			{after: 2 * time.Hour, ev: workflow.Event{Kind: demoIdentify, Reason: "Please confirm before the bond is due."}},
			{after: 20 * time.Hour, by: demoByHolder, ev: demoEvent(demoAnswer)},
			{after: demoDay, by: demoByHolder, ev: demoEvent(demoBondGuarantee)},
			{after: 2 * demoDay, ev: demoEvent("investigate")},
			{after: 15 * demoDay, ev: workflow.Event{Kind: "determine", Determination: workflow.DetInfringing,
				Reason: "Holder's identification and the consignor's own admission"}},
			{after: 25 * demoDay, ev: workflow.Event{Kind: "penalise", Amount: workflow.Yuan(3_000),
				Reason: "First offence; goods confiscated"}},
			{after: 30 * demoDay, ev: demoEvent("close")}}},
	{prefix: "WZ", office: "Wenzhou Customs", officer: districtChief, holder: "brand@voltis.example", right: "DEMO-VOLTIS",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "general", ago: 18 * demoDay,
		items: []demoItem{
			{"VOLTIS AirPulse wireless earbuds", 800, 28_000, "Wenzhou port warehouse 5", "charging case has no serial number"},
			{"V0LTIS fast chargers 20W", 400, 8_000, "Wenzhou port warehouse 5", "no CCC mark; wrong font"}},
		steps: []demoStep{
			{after: time.Hour, ev: demoEvent("notify_holder")},
			{after: 2 * time.Hour, ev: workflow.Event{Kind: demoIdentify}},
			{after: demoDay, by: demoByHolder, ev: demoEvent(demoAnswer)},
			{after: demoDay + 3*time.Hour, by: demoByHolder, ev: demoEvent(demoBondCash)},
			{after: 4 * demoDay, ev: demoEvent("investigate")}}},
	{prefix: "YW", office: "Yiwu Customs", officer: yiwuOfficer, holder: "brand@lumina.example", right: "DEMO-LUMINA",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "ecommerce", ago: 40 * demoDay,
		items: []demoItem{
			{"LUMINA face cream 50ml", 1_000, 12_000, "Yiwu bonded warehouse C, shelf 8", "batch code does not exist"},
			{"LUM1NA lipstick sets", 2_000, 12_000, "Yiwu bonded warehouse C, shelf 8", "misspelt mark"},
			{"LUMINA serum 30ml", 400, 4_000, "Yiwu bonded warehouse C, shelf 8", "dropper is not the holder's"}},
		steps: []demoStep{
			{after: 2 * time.Hour, ev: demoEvent("notify_holder")},
			{after: 3 * time.Hour, ev: workflow.Event{Kind: demoIdentify}},
			{after: demoDay, by: demoByHolder, ev: demoEvent(demoAnswer)},
			{after: demoDay + 4*time.Hour, by: demoByHolder, ev: demoEvent(demoBondCash)},
			{after: 3 * demoDay, ev: demoEvent("investigate")},
			{after: 20 * demoDay, ev: workflow.Event{Kind: "determine", Determination: workflow.DetInfringing,
				Reason: "Identification confirmed by laboratory test of the cream"}},
			{after: 30 * demoDay, ev: workflow.Event{Kind: "penalise", Amount: workflow.Yuan(4_200),
				Reason: "Cosmetics: a risk to health; second consignment of the same exporter"}}}},
	{prefix: "WZ", office: "Wenzhou Customs", officer: districtChief, holder: "brand@aurelia.example", right: "DEMO-AURELIA",
		profile: ipr.ProfileCN, mode: ipr.ModeExOfficio, channel: "general", ago: 9 * demoDay,
		items: []demoItem{{"women's handbags, PU leather, unbranded", 500, 15_000, "Wenzhou port warehouse 2", ""}},
		steps: []demoStep{{after: 4 * time.Hour, ev: workflow.Event{Kind: "dismiss",
			Reason: "Inspected: unbranded; the mark appeared only in the seller's listing title."}}}},
	{prefix: "FRA", office: "Hauptzollamt Frankfurt am Main", officer: districtChief, holder: "brand@orbis.example", right: "DEMO-ORBIS",
		profile: ipr.ProfileEU, mode: ipr.ModeOnApplication, channel: "express", ago: 6 * demoDay,
		items: []demoItem{
			{"ORBIS Meridian automatic watches", 60, 36_000, "Frankfurt airport, CargoCity Süd, cage 12", ""},
			{"ORBIS watch boxes with certificates", 60, 6_000, "Frankfurt airport, CargoCity Süd, cage 12", ""}},
		steps: []demoStep{{after: 2 * demoDay, by: demoByHolder, ev: workflow.Event{Kind: "confirm",
			Reason: "Movements are Asian clones; certificates carry unissued serial numbers."}}}},
	{prefix: "LAX", office: "CBP Port of Los Angeles", officer: districtChief, holder: "brand@voltis.example", right: "DEMO-VOLTIS",
		profile: ipr.ProfileUS, mode: ipr.ModeExOfficio, channel: "general", ago: 4 * demoDay,
		items: []demoItem{{"VOLTIS power banks 10000mAh", 1_500, 18_500, "Long Beach CES, row F", ""}},
		steps: []demoStep{{after: demoDay, ev: demoEvent("notify_importer")}}},
}

// ensureDemoCases files Northwind's general guarantee and works the demo
// cases, unless they are there already.
func (s *Service) ensureDemoCases(ctx context.Context, rep *DemoReport) error {
	var found int64
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		_, found, err = tx.Cases(ctx, ipr.CaseFilter{Search: demoCaseMarker, Limit: 1})
		return err
	})
	if err != nil || found > 0 {
		return err
	}
	now := s.Clock.Now()
	clock := ipr.NewFixedClock(now.Add(-demoGuarantee.ago))
	// The same world, back in time. Reminders are scheduled as for any case, but
	// no e-mail or webhook (Notify) goes out about history made up for the demo.
	past := &Service{DB: s.DB, Files: s.Files, Clock: clock, Log: s.Log, Jobs: s.Jobs}
	w := &demoWorld{s: past, clock: clock, users: map[string]*ipr.User{}, rep: rep}
	if err := w.fileGuarantee(ctx, now); err != nil {
		return err
	}
	type planned struct {
		at   time.Time
		i    int // the case
		step demoStep
	}
	var plan []planned
	for i, dc := range demoCases {
		opened := now.Add(-dc.ago)
		plan = append(plan, planned{opened, i, demoStep{ev: demoEvent("open")}})
		for _, st := range dc.steps {
			plan = append(plan, planned{opened.Add(st.after), i, st})
		}
	}
	// In time order, so the audit trail and the notices read as the weeks went by.
	slices.SortStableFunc(plan, func(a, b planned) int { return a.at.Compare(b.at) })
	w.cases = make([]*ipr.Case, len(demoCases))
	w.requests = make([]int64, len(demoCases))
	for _, p := range plan {
		clock.Advance(p.at.Sub(clock.Now()))
		if err := w.do(ctx, p.i, p.step); err != nil {
			return err
		}
		rep.Created++ // every step is one audit event
	}
	return nil
}

// demoWorld is the state of the demo cases while they are worked.
type demoWorld struct {
	s         *Service
	clock     *ipr.FixedClock
	users     map[string]*ipr.User
	rep       *DemoReport
	guarantee *ipr.Guarantee
	cases     []*ipr.Case
	requests  []int64 // each case's latest identification request
}

func (w *demoWorld) user(ctx context.Context, email string) (*ipr.User, error) {
	if u, ok := w.users[email]; ok {
		return u, nil
	}
	u, err := w.s.demoUser(ctx, email)
	if err == nil {
		w.users[email] = u
	}
	return u, err
}

// fileGuarantee files Northwind's general guarantee for the demo year, unless
// it is there (a demo load that stopped half way).
func (w *demoWorld) fileGuarantee(ctx context.Context, now time.Time) error {
	holder, err := w.user(ctx, northwindHolder)
	if err != nil {
		return err
	}
	year := now.In(ipr.ProfileCN.Location()).Year()
	err = w.s.DB.View(ctx, func(tx *store.Tx) (err error) {
		w.guarantee, err = tx.GuaranteeFor(ctx, holder.OrgID, year)
		return err
	})
	if err == nil || ipr.ErrorCode(err) != ipr.ENOTFOUND {
		return err
	}
	w.guarantee, err = w.s.FileGuarantee(ctx, holder, ipr.Guarantee{HolderOrgID: holder.OrgID, Year: year,
		Amount: workflow.Yuan(demoGuarantee.amount), Issuer: demoGuarantee.issuer, Reference: demoGuarantee.bankID})
	if err == nil {
		w.rep.Created++
	}
	return err
}

// do carries out one step of case i.
func (w *demoWorld) do(ctx context.Context, i int, st demoStep) error {
	dc := demoCases[i]
	email := cmp.Or(st.by, dc.officer)
	if st.by == demoByHolder {
		email = dc.holder
	}
	actor, err := w.user(ctx, email)
	if err != nil {
		return err
	}
	c := w.cases[i]
	switch st.ev.Kind {
	case "open":
		w.cases[i], err = w.open(ctx, actor, dc)
	case demoBondCash, demoBondGuarantee:
		// The guarantee covers its own year only: a bond posted before it began is paid in cash.
		onGuarantee := st.ev.Kind == demoBondGuarantee &&
			w.clock.Now().In(c.Profile.Location()).Year() == w.guarantee.Year
		w.cases[i], err = w.s.PostBond(ctx, actor, c.ID, c.Version, onGuarantee)
	case demoIdentify:
		var r *ipr.IdentificationRequest
		r, err = w.s.RequestIdentification(ctx, actor, c.ID, w.itemIDs(ctx, c.ID), st.ev.Reason)
		if err == nil {
			w.requests[i] = r.ID
		}
	case demoAnswer:
		_, err = w.s.AnswerIdentification(ctx, actor, w.requests[i], w.answers(ctx, c.ID, dc))
	default:
		w.cases[i], err = w.s.ActOnCase(ctx, actor, c.ID, c.Version, st.ev)
	}
	return err
}

func (w *demoWorld) open(ctx context.Context, officer *ipr.User, dc demoCase) (*ipr.Case, error) {
	holder, err := w.user(ctx, dc.holder)
	if err != nil {
		return nil, err
	}
	var right *ipr.Right
	if err := w.s.DB.View(ctx, func(tx *store.Tx) (err error) { right, err = tx.RightByRef(ctx, dc.right); return err }); err != nil {
		return nil, err
	}
	in := CaseInput{Profile: dc.profile, Mode: dc.mode, Office: dc.office, HolderOrgID: holder.OrgID,
		RightIDs: []int64{right.ID}, Channel: dc.channel, Currency: dc.profile.Currency(), RefPrefix: dc.prefix}
	for _, it := range dc.items {
		in.GoodsValue += workflow.Yuan(it.value)
		in.Items = append(in.Items, ipr.CaseItem{Description: it.desc, Quantity: it.qty,
			DeclaredValue: workflow.Yuan(it.value), Location: it.location})
	}
	return w.s.OpenCase(ctx, officer, in)
}

func (w *demoWorld) itemIDs(ctx context.Context, caseID int64) []int64 {
	var ids []int64
	_ = w.s.DB.View(ctx, func(tx *store.Tx) error {
		items, err := tx.CaseItems(ctx, caseID)
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		return err
	}) // an error leaves no items, which RequestIdentification refuses, naming them
	return ids
}

// answers says every item is counterfeit, for the reason the demo gives.
func (w *demoWorld) answers(ctx context.Context, caseID int64, dc demoCase) []ipr.IdentificationAnswer {
	var out []ipr.IdentificationAnswer
	for i, id := range w.itemIDs(ctx, caseID) {
		out = append(out, ipr.IdentificationAnswer{ItemID: id, Verdict: ipr.VerdictCounterfeit,
			Points: []string{dc.items[i].tell}})
	}
	return out
}
