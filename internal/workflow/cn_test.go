package workflow_test

import (
	"testing"

	"bordermark/internal/ipr"
	wf "bordermark/internal/workflow"
)

var (
	cnExo = wf.Case{Profile: "CN", Mode: wf.ExOfficio, GoodsValue: wf.Yuan(50_000)}     // bond ¥25,000
	cnApp = wf.Case{Profile: "CN", Mode: wf.OnApplication, GoodsValue: wf.Yuan(50_000)} // bond ¥50,000
	cnPat = wf.Case{Profile: "CN", Mode: wf.ExOfficio, GoodsValue: wf.Yuan(50_000), Patent: true}
)

func amount(kind string, m wf.Money) wf.Event { return wf.Event{Kind: kind, Amount: m} }

func determine(d string) wf.Event { return wf.Event{Kind: "determine", Determination: d} }

func TestCNTransitions(t *testing.T) {
	detainedExo := fx(stop("holder_reply"), wf.HoldBond{Amount: wf.Yuan(25_000)},
		note(wf.Holder, "detention_notice"), note(wf.Consignee, "detention_notice"),
		sc("investigation", wd(30), ""), sc("court_notice", wd(50), ""))
	fine := wf.Event{Kind: "penalise", Amount: wf.Yuan(5_000), Reason: "first offence, small quantity"}
	run(t, []step{
		{name: "open ex officio", c: cnExo, e: ev("open"), want: wf.Suspected},
		{name: "open on application", c: cnApp, e: ev("open"), want: wf.Applied},
		{name: "open twice", c: at(cnExo, wf.Suspected), e: ev("open"), code: ipr.ECONFLICT},
		{name: "notify holder", c: at(cnExo, wf.Suspected), e: ev("notify_holder"), want: wf.HolderNotified,
			effects: fx(note(wf.Holder, "suspicion_notice"), sc("holder_reply", wd(3), "release"))},
		{name: "dismiss", c: at(cnExo, wf.Suspected), e: because("dismiss"), want: wf.Released},
		{name: "dismiss without reason", c: at(cnExo, wf.Suspected), e: ev("dismiss"), code: ipr.EINVALID, field: "reason"},
		{name: "apply before notice", c: at(cnExo, wf.Suspected), e: amount("apply", wf.Yuan(25_000)), code: ipr.ECONFLICT},
		{name: "apply with bond", c: at(cnExo, wf.HolderNotified, "holder_reply"), e: amount("apply", wf.Yuan(25_000)),
			want: wf.Detained, effects: detainedExo},
		{name: "apply with bond too small", c: at(cnExo, wf.HolderNotified, "holder_reply"), e: amount("apply", wf.Yuan(25_000)-1),
			code: ipr.EINVALID, field: "amount"},
		{name: "holder declines", c: at(cnExo, wf.HolderNotified, "holder_reply"), e: ev("decline"), want: wf.Released,
			effects: fx(note(wf.Consignee, "release_notice"), stop("holder_reply"))},
		{name: "release only as a default", c: at(cnExo, wf.HolderNotified, "holder_reply"), e: ev("release"), code: ipr.ECONFLICT},
		{name: "post bond on application", c: at(cnApp, wf.Applied), e: amount("post_bond", wf.Yuan(50_000)), want: wf.Detained,
			effects: fx(wf.HoldBond{Amount: wf.Yuan(50_000)}, note(wf.Holder, "detention_notice"),
				note(wf.Consignee, "detention_notice"), sc("court_notice", wd(20), "release"))},
		{name: "post bond below the goods' value", c: at(cnApp, wf.Applied), e: amount("post_bond", wf.Yuan(25_000)),
			code: ipr.EINVALID, field: "amount"},
		{name: "withdraw application", c: at(cnApp, wf.Applied), e: ev("withdraw"), want: wf.Released},
		{name: "investigate", c: at(cnExo, wf.Detained, "investigation", "court_notice"), e: ev("investigate"), want: wf.Investigating},
		{name: "investigate on application", c: at(cnApp, wf.Detained, "court_notice"), e: ev("investigate"), code: ipr.ECONFLICT},
		{name: "determine infringing", c: at(cnExo, wf.Investigating, "investigation", "court_notice"),
			e: determine(wf.DetInfringing), want: wf.Infringing,
			effects: fx(stop("investigation"), stop("court_notice"), note(wf.Holder, "determination_notice"), note(wf.Consignee, "determination_notice"))},
		{name: "determine not infringing", c: at(cnExo, wf.Investigating, "investigation", "court_notice"),
			e: determine(wf.DetNotInfringing), want: wf.Released,
			effects: fx(note(wf.Holder, "determination_notice"), note(wf.Consignee, "determination_notice"), stop("investigation"), stop("court_notice"))},
		{name: "cannot determine", c: at(cnExo, wf.Investigating, "investigation", "court_notice"),
			e: determine(wf.DetCannotDetermine), want: wf.Undetermined,
			effects: fx(stop("investigation"), note(wf.Holder, "cannot_determine_notice"), note(wf.Consignee, "cannot_determine_notice"))},
		{name: "determine nonsense", c: at(cnExo, wf.Investigating), e: determine("maybe"), code: ipr.EINVALID, field: "determination"},
		{name: "determine nothing", c: at(cnExo, wf.Investigating), e: determine(""), code: ipr.EINVALID, field: "determination"},
		{name: "determine before investigating", c: at(cnExo, wf.Detained), e: determine(wf.DetInfringing), code: ipr.ECONFLICT},
		{name: "court notice while detained", c: at(cnApp, wf.Detained, "court_notice"), e: ev("court_notice"), want: wf.CourtOrdered,
			effects: fx(note(wf.Consignee, "court_assistance_notice"), stop("court_notice"))},
		{name: "court notice while investigating", c: at(cnExo, wf.Investigating, "investigation", "court_notice"), e: ev("court_notice"),
			want: wf.CourtOrdered, effects: fx(note(wf.Consignee, "court_assistance_notice"), stop("investigation"), stop("court_notice"))},
		{name: "court notice when undetermined", c: at(cnExo, wf.Undetermined, "court_notice"), e: ev("court_notice"),
			want: wf.CourtOrdered, effects: fx(note(wf.Consignee, "court_assistance_notice"), stop("court_notice"))},
		{name: "counter-guarantee, detained", c: at(cnPat, wf.Detained, "investigation", "court_notice"), e: amount("counter_guarantee", wf.Yuan(50_000)),
			want: wf.Released, effects: fx(note(wf.Holder, "release_notice"), stop("investigation"), stop("court_notice"))},
		{name: "counter-guarantee, investigating", c: at(cnPat, wf.Investigating), e: amount("counter_guarantee", wf.Yuan(60_000)), want: wf.Released,
			effects: fx(note(wf.Holder, "release_notice"))},
		{name: "counter-guarantee, undetermined", c: at(cnPat, wf.Undetermined), e: amount("counter_guarantee", wf.Yuan(50_000)), want: wf.Released,
			effects: fx(note(wf.Holder, "release_notice"))},
		{name: "counter-guarantee too small", c: at(cnPat, wf.Detained), e: amount("counter_guarantee", wf.Yuan(50_000)-1),
			code: ipr.EINVALID, field: "amount"},
		{name: "counter-guarantee without patent", c: at(cnExo, wf.Detained), e: amount("counter_guarantee", wf.Yuan(50_000)), code: ipr.ECONFLICT},
		{name: "withdraw, detained", c: at(cnApp, wf.Detained, "court_notice"), e: ev("withdraw"), want: wf.Released,
			effects: fx(note(wf.Consignee, "release_notice"), stop("court_notice"))},
		{name: "withdraw, investigating", c: at(cnExo, wf.Investigating), e: ev("withdraw"), want: wf.Released,
			effects: fx(note(wf.Consignee, "release_notice"))},
		{name: "withdraw, undetermined", c: at(cnExo, wf.Undetermined), e: ev("withdraw"), want: wf.Released,
			effects: fx(note(wf.Consignee, "release_notice"))},
		{name: "withdraw after determination", c: at(cnExo, wf.Infringing), e: ev("withdraw"), code: ipr.ECONFLICT},
		{name: "penalise", c: at(cnExo, wf.Infringing), e: fine, want: wf.Penalised, effects: fx(note(wf.Consignee, "penalty_decision"))},
		{name: "penalise over 30%", c: at(cnExo, wf.Infringing), e: wf.Event{Kind: "penalise", Amount: wf.Yuan(15_000) + 1, Reason: "x"},
			code: ipr.EINVALID, field: "fine"},
		{name: "penalise without reason", c: at(cnExo, wf.Infringing), e: amount("penalise", wf.Yuan(5_000)), code: ipr.EINVALID, field: "reason"},
		{name: "penalise twice", c: at(cnExo, wf.Penalised), e: fine, code: ipr.ECONFLICT},
		{name: "transfer", c: at(cnExo, wf.Infringing), e: because("transfer"), want: wf.Transferred, effects: fx(note(wf.Police, "transfer_notice"))},
		{name: "transfer after penalty", c: at(cnExo, wf.Penalised), e: because("transfer"), want: wf.Transferred,
			effects: fx(note(wf.Police, "transfer_notice"))},
		{name: "transfer without reason", c: at(cnExo, wf.Infringing), e: ev("transfer"), code: ipr.EINVALID, field: "reason"},
		{name: "transfer before determination", c: at(cnExo, wf.Investigating), e: because("transfer"), code: ipr.ECONFLICT},
		{name: "destroy", c: at(cnExo, wf.Penalised), e: ev("destroy"), want: wf.Destroyed},
		{name: "close", c: at(cnExo, wf.Penalised), e: ev("close"), want: wf.Closed},
		{name: "close a closed case", c: at(cnExo, wf.Closed), e: ev("close"), code: ipr.ECONFLICT},
		{name: "unknown event", c: at(cnExo, wf.Detained), e: ev("frobnicate"), code: ipr.ECONFLICT},
		{name: "unknown profile", c: wf.Case{Profile: "XX", Mode: wf.ExOfficio}, e: ev("open"), code: ipr.EINVALID, field: "profile"},
		{name: "unknown mode", c: wf.Case{Profile: "CN", Mode: "whim"}, e: ev("open"), code: ipr.EINVALID, field: "mode"},
	})
}

func TestCNDeadlines(t *testing.T) {
	run(t, []step{
		{name: "holder does not reply", c: at(cnExo, wf.HolderNotified, "holder_reply"), e: expired("holder_reply"),
			want: wf.DefaultPending, effects: fx(await("holder_reply", "release"))},
		{name: "release confirmed", c: pending(cnExo, wf.HolderNotified, "holder_reply", "release", "holder_reply"),
			e: ev(wf.EvConfirmDefault), want: wf.Released, effects: fx(note(wf.Consignee, "release_notice"), stop("holder_reply"))},
		{name: "no court notice, undetermined", c: at(cnExo, wf.Undetermined, "court_notice"), e: expired("court_notice"),
			want: wf.DefaultPending, effects: fx(await("court_notice", "release"))},
		{name: "release confirmed, undetermined", c: pending(cnExo, wf.Undetermined, "court_notice", "release", "court_notice"),
			e: ev(wf.EvConfirmDefault), want: wf.Released,
			effects: fx(note(wf.Holder, "release_notice"), note(wf.Consignee, "release_notice"), stop("court_notice"))},
		{name: "no court notice, on application", c: at(cnApp, wf.Detained, "court_notice"), e: expired("court_notice"),
			want: wf.DefaultPending, effects: fx(await("court_notice", "release"))},
		{name: "release confirmed, on application", c: pending(cnApp, wf.Detained, "court_notice", "release", "court_notice"),
			e: ev(wf.EvConfirmDefault), want: wf.Released,
			effects: fx(note(wf.Holder, "release_notice"), note(wf.Consignee, "release_notice"), stop("court_notice"))},
		// Ex officio, the 50-day release applies only once customs cannot determine.
		{name: "court clock runs out while investigating", c: at(cnExo, wf.Investigating, "investigation", "court_notice"),
			e: expired("court_notice"), want: wf.Investigating, effects: fx(stop("court_notice"))},
		{name: "investigation overdue", c: at(cnExo, wf.Investigating, "investigation", "court_notice"), e: expired("investigation"),
			want: wf.Investigating, effects: fx(stop("investigation"))},
		{name: "no clock named", c: at(cnExo, wf.HolderNotified, "holder_reply"), e: ev(wf.EvDeadlineExpired), code: ipr.EINVALID, field: "clock"},
		{name: "clock not running", c: at(cnExo, wf.HolderNotified), e: expired("holder_reply"), code: ipr.ECONFLICT},
		{name: "confirm with nothing pending", c: at(cnExo, wf.HolderNotified, "holder_reply"), e: ev(wf.EvConfirmDefault), code: ipr.ECONFLICT},
		{name: "cancel without reason", c: pending(cnExo, wf.HolderNotified, "holder_reply", "release", "holder_reply"),
			e: ev(wf.EvCancelDefault), code: ipr.EINVALID, field: "reason"},
		{name: "cancel", c: pending(cnExo, wf.HolderNotified, "holder_reply", "release", "holder_reply"),
			e: because(wf.EvCancelDefault), want: wf.HolderNotified},
		{name: "cancel with nothing pending", c: at(cnExo, wf.HolderNotified), e: because(wf.EvCancelDefault), code: ipr.ECONFLICT},
		{name: "apply while default pending", c: pending(cnExo, wf.HolderNotified, "holder_reply", "release", "holder_reply"),
			e: amount("apply", wf.Yuan(25_000)), code: ipr.ECONFLICT},
		{name: "same clock again while pending", c: pending(cnExo, wf.HolderNotified, "holder_reply", "release", "holder_reply"),
			e: expired("holder_reply"), code: ipr.ECONFLICT},
		{name: "second clock while pending", c: pending(cnExo, wf.Undetermined, "court_notice", "release", "court_notice", "investigation"),
			e: expired("investigation"), want: wf.DefaultPending, effects: fx(stop("investigation"))},
	})
}

// Transition records what the events carry and leaves the caller's snapshot alone.
func TestCNRecordsEventData(t *testing.T) {
	c := at(cnExo, wf.HolderNotified, "holder_reply")
	got, _, err := wf.Transition(c, amount("apply", wf.Yuan(30_000)), now)
	if err != nil {
		t.Fatal(err)
	}
	if got.Bond != wf.Yuan(30_000) || got.Changed != now {
		t.Errorf("got bond %s changed %v, want 30000.00 and %v", got.Bond, got.Changed, now)
	}
	if len(c.Clocks) != 1 || c.Clocks[0] != "holder_reply" || c.State != wf.HolderNotified {
		t.Errorf("got caller's case %v %v, want it unchanged", c.State, c.Clocks)
	}
	got, _, err = wf.Transition(at(cnExo, wf.Infringing), wf.Event{Kind: "penalise", Amount: wf.Yuan(12_000), Reason: " repeat "}, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := (wf.Penalty{Fine: wf.Yuan(12_000), Tier: wf.Tier20To30, Reason: "repeat"}); got.Penalty != want {
		t.Errorf("got penalty %+v, want %+v", got.Penalty, want)
	}
	got, _, _ = wf.Transition(pending(cnExo, wf.HolderNotified, "holder_reply", "release", "holder_reply"), because(wf.EvCancelDefault), now)
	if got.Pending != (wf.Pending{}) || !got.Running("holder_reply") {
		t.Errorf("after cancel got pending %+v clocks %v, want none and holder_reply running", got.Pending, got.Clocks)
	}
}
