package workflow_test

import (
	"testing"

	"bordermark/internal/ipr"
	wf "bordermark/internal/workflow"
)

var usCase = wf.Case{Profile: "US", Mode: wf.ExOfficio, GoodsValue: wf.Yuan(12_000)}

func TestUSTransitions(t *testing.T) {
	steps := []step{
		{name: "open", c: usCase, e: ev("open"), want: wf.Detained,
			effects: fx(sc("importer_notice", wd(5), ""), sc("exclusion", wf.Period{N: 30, Unit: wf.CalendarDays}, "exclude"))},
		{name: "on application", c: wf.Case{Profile: "US", Mode: wf.OnApplication}, e: ev("open"), code: ipr.EINVALID, field: "mode"},
		{name: "notify importer", c: at(usCase, wf.Detained, "importer_notice", "exclusion"), e: ev("notify_importer"), want: wf.ImporterNotified,
			effects: fx(stop("importer_notice"), note(wf.Importer, "detention_notice"), sc("importer_reply", wd(7), "disclose"))},
		{name: "importer replies", c: at(usCase, wf.ImporterNotified, "exclusion", "importer_reply"), e: ev("reply"), want: wf.Reviewing,
			effects: fx(stop("importer_reply"))},
		{name: "reply before notice", c: at(usCase, wf.Detained, "importer_notice", "exclusion"), e: ev("reply"), code: ipr.ECONFLICT},
		{name: "disclose after review", c: at(usCase, wf.Reviewing, "exclusion"), e: because("disclose"), want: wf.Disclosed,
			effects: fx(note(wf.Holder, "disclosure_notice"))},
		{name: "disclose without reason", c: at(usCase, wf.Reviewing, "exclusion"), e: ev("disclose"), code: ipr.EINVALID, field: "reason"},
		{name: "disclose before the importer's time is up", c: at(usCase, wf.ImporterNotified, "exclusion", "importer_reply"),
			e: because("disclose"), code: ipr.ECONFLICT},
		{name: "seize excluded goods", c: at(usCase, wf.Excluded), e: because("seize"), want: wf.Seized,
			effects: fx(note(wf.Importer, "seizure_notice"), note(wf.Holder, "seizure_notice"))},
		{name: "release excluded goods", c: at(usCase, wf.Excluded), e: because("release"), code: ipr.ECONFLICT},
		{name: "seize without reason", c: at(usCase, wf.Detained, "exclusion"), e: ev("seize"), code: ipr.EINVALID, field: "reason"},
	}
	for _, s := range []wf.State{wf.Detained, wf.ImporterNotified, wf.Reviewing, wf.Disclosed} {
		steps = append(steps,
			step{name: "release from " + string(s), c: at(usCase, s, "exclusion"), e: because("release"), want: wf.Released,
				effects: fx(note(wf.Importer, "release_notice"), stop("exclusion"))},
			step{name: "seize from " + string(s), c: at(usCase, s, "exclusion"), e: because("seize"), want: wf.Seized,
				effects: fx(note(wf.Importer, "seizure_notice"), note(wf.Holder, "seizure_notice"), stop("exclusion"))},
			step{name: "30 days run out, " + string(s), c: at(usCase, s, "exclusion"), e: expired("exclusion"),
				want: wf.DefaultPending, effects: fx(await("exclusion", "exclude"))},
			step{name: "exclusion confirmed, " + string(s), c: pending(usCase, s, "exclusion", "exclude", "exclusion"),
				e: ev(wf.EvConfirmDefault), want: wf.Excluded, effects: fx(note(wf.Importer, "exclusion_notice"), stop("exclusion"))},
		)
	}
	run(t, steps)
}

func TestUSDeadlines(t *testing.T) {
	run(t, []step{
		{name: "importer silent", c: at(usCase, wf.ImporterNotified, "exclusion", "importer_reply"), e: expired("importer_reply"),
			want: wf.DefaultPending, effects: fx(await("importer_reply", "disclose"))},
		{name: "disclosure confirmed", c: pending(usCase, wf.ImporterNotified, "importer_reply", "disclose", "exclusion", "importer_reply"),
			e: ev(wf.EvConfirmDefault), want: wf.Disclosed, effects: fx(stop("importer_reply"), note(wf.Holder, "disclosure_notice"))},
		{name: "exclusion stops the importer's clocks", c: pending(usCase, wf.Detained, "exclusion", "exclude", "importer_notice", "exclusion"),
			e: ev(wf.EvConfirmDefault), want: wf.Excluded,
			effects: fx(stop("importer_notice"), note(wf.Importer, "exclusion_notice"), stop("exclusion"))},
		{name: "notice overdue: a reminder only", c: at(usCase, wf.Detained, "importer_notice", "exclusion"), e: expired("importer_notice"),
			want: wf.Detained, effects: fx(stop("importer_notice"))},
	})
}
