package workflow

import "strings"

// The EU profile: Regulation (EU) No 608/2013. Customs notify the holder and the declarant
// within 1 working day of detaining goods. The holder has 10 working days (3 for perishable
// goods) to confirm the infringement and agree to destruction; the declarant's consent is
// deemed given if it does not object in that period. If the declarant objects, the holder must
// start proceedings in the same period, else the goods are released. The period may be
// extended once by 10 working days, never for perishable goods. Small consignments (Art. 26)
// are destroyed without the holder when the declarant agrees or does not object within
// 10 working days; if it objects, the holder has 10 working days to start proceedings.
// Ex officio (Art. 18): customs suspend release and the holder has 4 working days to apply.
// Simplification: after an ex officio suspension the confirmation period runs from the
// application's grant, and the small-consignment procedure applies only on application.
var eu = register(&profile{
	name:   "EU",
	title:  "European Union: customs enforcement of IPR",
	source: "Regulation (EU) No 608/2013 Arts. 2(19), 17, 18, 23, 26",
	modes:  []Mode{OnApplication, ExOfficio},
	clocks: []clock{
		{name: "application", mode: ExOfficio, period: wd(4), doc: "holder applies for action after an ex officio suspension (Art. 18(3))"},
		{name: "confirmation", period: wd(10), perishable: wd(3),
			doc: "holder confirms infringement and agrees to destruction, or starts proceedings (Art. 23(1), (5)); extendable once by 10 working days, not for perishables (Art. 23(4))"},
		{name: "declarant_views", period: wd(10), doc: "small consignment: declarant agrees or objects (Art. 26(4)-(5))"},
		{name: "proceedings", period: wd(10), doc: "small consignment: holder starts proceedings after the declarant objected (Art. 26(9))"},
	},
	expiries: []expiry{
		{from: states(Suspended), clock: "application", event: "release"},
		{from: states(Detained, Objected), clock: "confirmation", event: "release"},
		{from: states(Confirmed), clock: "confirmation", event: "destroy"}, // deemed consent
		{from: states(SmallDetained), clock: "declarant_views", event: "destroy"},
		{from: states(Objected), clock: "proceedings", event: "release"},
	},
	rules: []rule{
		{from: states(New), event: "open", mode: ExOfficio, to: Suspended,
			effects: []Effect{within(wd(1), Declarant, "suspension_notice"), within(wd(1), Holder, "ex_officio_notice"), start("application")}},
		{from: states(New), event: "open", mode: OnApplication, note: "small consignment",
			when: func(c Case, _ Event) bool { return c.SmallConsignment }, to: SmallDetained,
			effects: []Effect{within(wd(1), Declarant, "detention_notice"), start("declarant_views")}},
		{from: states(New), event: "open", mode: OnApplication, to: Detained,
			effects: []Effect{within(wd(1), Holder, "detention_notice"), within(wd(1), Declarant, "detention_notice"), start("confirmation")}},
		{from: states(Suspended), event: "apply", to: Detained,
			effects: []Effect{stop("application"), within(wd(1), Holder, "detention_notice"), within(wd(1), Declarant, "detention_notice"), start("confirmation")}},
		{from: states(Suspended), event: "decline", to: Released, effects: []Effect{notify(Declarant, "release_notice")}},
		{from: states(Suspended, Detained, Objected), event: "release", legalDefault: true, to: Released,
			effects: []Effect{notify(Holder, "release_notice"), notify(Declarant, "release_notice")}},
		{from: states(Detained), event: "confirm", note: "declarant agreed",
			when: func(c Case, _ Event) bool { return c.Declarant == DeclarantAgreed }, apply: holderConfirms, to: Agreed,
			effects: []Effect{stop("confirmation")}},
		{from: states(Detained), event: "confirm", apply: holderConfirms, to: Confirmed},
		{from: states(Detained), event: "agree", allowed: declarantUndecided, apply: declarant(DeclarantAgreed)},
		{from: states(Confirmed), event: "agree", allowed: declarantUndecided, apply: declarant(DeclarantAgreed), to: Agreed,
			effects: []Effect{stop("confirmation")}},
		{from: states(SmallDetained), event: "agree", allowed: declarantUndecided, apply: declarant(DeclarantAgreed), to: Agreed,
			effects: []Effect{stop("declarant_views")}},
		{from: states(Detained, Confirmed), event: "object", allowed: declarantUndecided, apply: declarant(DeclarantObjected), to: Objected,
			effects: []Effect{notify(Holder, "objection_notice")}},
		{from: states(SmallDetained), event: "object", allowed: declarantUndecided, apply: declarant(DeclarantObjected), to: Objected,
			effects: []Effect{stop("declarant_views"), notify(Holder, "objection_notice"), start("proceedings")}},
		{from: states(Detained, Confirmed, Objected), event: "extend", allowed: extendable, reason: true,
			apply:   func(c *Case, _ Event) error { c.Extended = true; return nil },
			effects: []Effect{ExtendClock{Name: "confirmation", By: wd(10)}}},
		{from: states(Objected), event: "proceedings", to: Proceedings,
			effects: []Effect{stop("confirmation"), stop("proceedings"), notify(Declarant, "proceedings_notice")}},
		{from: states(Detained, Confirmed, Objected), event: "withdraw", to: Released,
			effects: []Effect{notify(Declarant, "release_notice")}},
		{from: states(Confirmed, SmallDetained), event: "destroy", legalDefault: true, to: Destroyed,
			effects: []Effect{notify(Declarant, "destruction_notice")}},
		{from: states(Agreed), event: "destroy", to: Destroyed},
		{from: states(Proceedings), event: "destroy", reason: true, to: Destroyed},
		{from: states(Proceedings), event: "release", reason: true, to: Released,
			effects: []Effect{notify(Declarant, "release_notice")}},
	},
})

func holderConfirms(c *Case, _ Event) error { c.HolderConfirmed = true; return nil }

func declarant(answer string) func(*Case, Event) error {
	return func(c *Case, _ Event) error { c.Declarant = answer; return nil }
}

func declarantUndecided(c Case) error {
	if c.Declarant != "" {
		return conflict("the declarant has already %s", c.Declarant)
	}
	return nil
}

func extendable(c Case) error {
	switch {
	case !c.Running("confirmation"):
		return conflict("only the holder's confirmation period can be extended")
	case c.Perishable:
		return conflict("the period for perishable goods cannot be extended")
	case c.Extended:
		return conflict("the period has already been extended once")
	}
	return nil
}

// EUSmallConsignment reports whether a consignment is small (Art. 2(19)): sent by post or
// express courier, with at most 3 units or a gross weight under 2 kg.
func EUSmallConsignment(channel string, units int, grossKg float64) bool {
	switch strings.ToLower(strings.TrimSpace(channel)) {
	case "postal", "express":
		return units <= 3 || grossKg < 2
	}
	return false
}
