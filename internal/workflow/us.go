package workflow

// The US profile: 19 CFR 133.21-133.25 and 19 U.S.C. 1499(c). CBP detains suspect goods and
// must notify the importer within 5 business days of the decision to detain; the importer has
// 7 business days from the notice to show the goods do not infringe, after which CBP may
// disclose information to the right holder. Goods neither released nor seized within 30 days
// are treated as excluded. Simplification: the 30 days run from the case's opening, which the
// caller should date to the goods' presentation for examination.
var us = register(&profile{
	name:   "US",
	title:  "United States: detention of goods bearing recorded marks",
	source: "19 CFR 133.21-133.25; 19 U.S.C. 1499(c)",
	modes:  []Mode{ExOfficio},
	clocks: []clock{
		{name: "importer_notice", period: wd(5), doc: "CBP notifies the importer of the detention (133.21(b)(1)); no legal default"},
		{name: "importer_reply", period: wd(7), doc: "importer shows the goods do not infringe before disclosure to the holder (133.21(b)(2)-(3))"},
		{name: "exclusion", period: days(30), doc: "goods not released within 30 days are treated as excluded (19 U.S.C. 1499(c)(5))"},
	},
	expiries: []expiry{
		{from: states(ImporterNotified), clock: "importer_reply", event: "disclose"},
		{from: states(Detained, ImporterNotified, Reviewing, Disclosed), clock: "exclusion", event: "exclude"},
	},
	rules: []rule{
		{from: states(New), event: "open", to: Detained, effects: []Effect{start("importer_notice"), start("exclusion")}},
		{from: states(Detained), event: "notify_importer", to: ImporterNotified,
			effects: []Effect{stop("importer_notice"), notify(Importer, "detention_notice"), start("importer_reply")}},
		{from: states(ImporterNotified), event: "reply", to: Reviewing, effects: []Effect{stop("importer_reply")}},
		{from: states(Reviewing), event: "disclose", reason: true, to: Disclosed,
			effects: []Effect{notify(Holder, "disclosure_notice")}},
		{from: states(ImporterNotified), event: "disclose", legalDefault: true, to: Disclosed,
			effects: []Effect{stop("importer_reply"), notify(Holder, "disclosure_notice")}},
		{from: states(Detained, ImporterNotified, Reviewing, Disclosed), event: "release", reason: true, to: Released,
			effects: []Effect{notify(Importer, "release_notice")}},
		{from: states(Detained, ImporterNotified, Reviewing, Disclosed, Excluded), event: "seize", reason: true, to: Seized,
			effects: []Effect{notify(Importer, "seizure_notice"), notify(Holder, "seizure_notice")}},
		{from: states(Detained, ImporterNotified, Reviewing, Disclosed), event: "exclude", legalDefault: true, to: Excluded,
			effects: []Effect{stop("importer_notice"), stop("importer_reply"), notify(Importer, "exclusion_notice")}},
	},
})
