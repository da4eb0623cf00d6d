package workflow

import "fmt"

// The CN profile: Regulations of the PRC on Customs Protection of Intellectual Property
// Rights (2018) and the General Administration of Customs' implementing measures.
// Ex officio: customs find suspected goods and notify the holder in writing; the holder has
// 3 working days to apply and post a bond (else release); customs detain, investigate within
// 30 working days and determine. On application: the holder applies and posts a bond equal to
// the goods' value; customs detain; the holder has 20 working days to bring a court's
// assistance notice (else release). Customs do not investigate goods detained on application.
var cn = register(&profile{
	name:   "CN",
	title:  "China: customs protection of IPR",
	source: "Regulations on Customs Protection of IPR (2018) Arts. 12-20, 24, 27; implementing measures Arts. 14, 21-26",
	modes:  []Mode{ExOfficio, OnApplication},
	clocks: []clock{
		{name: "holder_reply", period: wd(3), doc: "holder applies for detention and posts the bond after the written notice"},
		{name: "investigation", mode: ExOfficio, period: wd(30), doc: "customs investigate and determine after detention; no legal default"},
		{name: "court_notice", mode: ExOfficio, period: wd(50), doc: "court's assistance notice; release when customs cannot determine (Regs Art. 24(2))"},
		{name: "court_notice", mode: OnApplication, period: wd(20), doc: "court's assistance notice after detention on application, else release (Regs Art. 24(1))"},
	},
	expiries: []expiry{
		{from: states(HolderNotified), clock: "holder_reply", event: "release"},
		{mode: ExOfficio, from: states(Undetermined), clock: "court_notice", event: "release"},
		{mode: OnApplication, from: states(Detained), clock: "court_notice", event: "release"},
	},
	rules: []rule{
		{from: states(New), event: "open", mode: ExOfficio, to: Suspected},
		{from: states(New), event: "open", mode: OnApplication, to: Applied},
		{from: states(Suspected), event: "notify_holder", to: HolderNotified,
			effects: []Effect{notify(Holder, "suspicion_notice"), start("holder_reply")}},
		{from: states(Suspected), event: "dismiss", reason: true, to: Released},
		{from: states(HolderNotified), event: "apply", apply: postBond, to: Detained,
			effects: []Effect{stop("holder_reply"), HoldBond{}, notify(Holder, "detention_notice"),
				notify(Consignee, "detention_notice"), start("investigation"), start("court_notice")}},
		{from: states(HolderNotified), event: "decline", to: Released,
			effects: []Effect{notify(Consignee, "release_notice")}},
		{from: states(HolderNotified), event: "release", legalDefault: true, to: Released,
			effects: []Effect{notify(Consignee, "release_notice")}},
		{from: states(Applied), event: "post_bond", apply: postBond, to: Detained,
			effects: []Effect{HoldBond{}, notify(Holder, "detention_notice"), notify(Consignee, "detention_notice"), start("court_notice")}},
		{from: states(Applied), event: "withdraw", to: Released},
		{from: states(Detained), event: "investigate", mode: ExOfficio, to: Investigating},
		{from: states(Investigating), event: "determine", routeBy: "determination", note: DetInfringing,
			when: determination(DetInfringing), apply: recordDetermination, to: Infringing,
			effects: []Effect{stop("investigation"), stop("court_notice"),
				notify(Holder, "determination_notice"), notify(Consignee, "determination_notice")}},
		{from: states(Investigating), event: "determine", routeBy: "determination", note: DetNotInfringing,
			when: determination(DetNotInfringing), apply: recordDetermination, to: Released,
			effects: []Effect{notify(Holder, "determination_notice"), notify(Consignee, "determination_notice")}},
		{from: states(Investigating), event: "determine", routeBy: "determination", note: DetCannotDetermine,
			when: determination(DetCannotDetermine), apply: recordDetermination, to: Undetermined,
			effects: []Effect{stop("investigation"), notify(Holder, "cannot_determine_notice"), notify(Consignee, "cannot_determine_notice")}},
		{from: states(Detained, Investigating, Undetermined), event: "court_notice", to: CourtOrdered,
			effects: []Effect{notify(Consignee, "court_assistance_notice")}},
		{from: states(Detained, Investigating, Undetermined), event: "counter_guarantee", allowed: patentOnly,
			apply: counterGuarantee, to: Released, effects: []Effect{notify(Holder, "release_notice")}},
		{from: states(Detained, Investigating, Undetermined), event: "withdraw", to: Released,
			effects: []Effect{notify(Consignee, "release_notice")}},
		{from: states(Detained, Undetermined), event: "release", legalDefault: true, to: Released,
			effects: []Effect{notify(Holder, "release_notice"), notify(Consignee, "release_notice")}},
		{from: states(Infringing), event: "penalise", apply: penalise, to: Penalised,
			effects: []Effect{notify(Consignee, "penalty_decision")}},
		{from: states(Infringing, Penalised), event: "transfer", reason: true, to: Transferred,
			effects: []Effect{notify(Police, "transfer_notice")}},
		{from: states(Penalised), event: "destroy", to: Destroyed},
		{from: states(Penalised), event: "close", to: Closed},
	},
})

func determination(d string) func(Case, Event) bool {
	return func(_ Case, e Event) bool { return e.Determination == d }
}

func recordDetermination(c *Case, e Event) error { c.Determination = e.Determination; return nil }

// postBond checks the holder's bond against what the law requires for the case.
func postBond(c *Case, e Event) error {
	if need := CNRequiredBond(c.Mode, c.GoodsValue); e.Amount < need {
		return invalid("the bond is too small", "amount",
			fmt.Sprintf("must be at least %s for goods worth %s", need, c.GoodsValue))
	}
	c.Bond = e.Amount
	return nil
}

func patentOnly(c Case) error {
	if !c.Patent {
		return conflict("a counter-guarantee releases only goods suspected of infringing a patent")
	}
	return nil
}

// counterGuarantee checks the consignee's counter-guarantee: at least the goods' value.
func counterGuarantee(c *Case, e Event) error {
	if e.Amount < c.GoodsValue {
		return invalid("the counter-guarantee is too small", "amount",
			fmt.Sprintf("must be at least the goods' value, %s", c.GoodsValue))
	}
	c.CounterGuarantee = e.Amount
	return nil
}

func penalise(c *Case, e Event) error {
	p, err := CNPenalty(c.GoodsValue, e.Amount, e.Reason)
	if err != nil {
		return err
	}
	c.Penalty, c.Reason = p, p.Reason
	return nil
}
