package workflow_test

import (
	"testing"

	"bordermark/internal/ipr"
	wf "bordermark/internal/workflow"
)

var (
	euStd   = wf.Case{Profile: "EU", Mode: wf.OnApplication, GoodsValue: wf.Yuan(8_000)}
	euPer   = wf.Case{Profile: "EU", Mode: wf.OnApplication, Perishable: true}
	euSmall = wf.Case{Profile: "EU", Mode: wf.OnApplication, SmallConsignment: true}
	euExo   = wf.Case{Profile: "EU", Mode: wf.ExOfficio}
)

func withDeclarant(c wf.Case, answer string) wf.Case { c.Declarant = answer; return c }

func extended(c wf.Case) wf.Case { c.Extended = true; return c }

func TestEUTransitions(t *testing.T) {
	detainedStd := fx(within1(wf.Holder, "detention_notice"), within1(wf.Declarant, "detention_notice"), sc("confirmation", wd(10), "release"))
	extend := fx(wf.ExtendClock{Name: "confirmation", By: wd(10)})
	run(t, []step{
		{name: "open", c: euStd, e: ev("open"), want: wf.Detained, effects: detainedStd},
		{name: "open perishable", c: euPer, e: ev("open"), want: wf.Detained,
			effects: fx(within1(wf.Holder, "detention_notice"), within1(wf.Declarant, "detention_notice"), sc("confirmation", wd(3), "release"))},
		{name: "open small consignment", c: euSmall, e: ev("open"), want: wf.SmallDetained,
			effects: fx(within1(wf.Declarant, "detention_notice"), sc("declarant_views", wd(10), "destroy"))},
		{name: "open ex officio", c: euExo, e: ev("open"), want: wf.Suspended,
			effects: fx(within1(wf.Declarant, "suspension_notice"), within1(wf.Holder, "ex_officio_notice"), sc("application", wd(4), "release"))},
		{name: "holder applies", c: at(euExo, wf.Suspended, "application"), e: ev("apply"), want: wf.Detained,
			effects: append(fx(stop("application")), detainedStd...)},
		{name: "holder declines", c: at(euExo, wf.Suspended, "application"), e: ev("decline"), want: wf.Released,
			effects: fx(note(wf.Declarant, "release_notice"), stop("application"))},
		{name: "holder confirms", c: at(euStd, wf.Detained, "confirmation"), e: ev("confirm"), want: wf.Confirmed},
		{name: "holder confirms after declarant agreed", c: at(withDeclarant(euStd, wf.DeclarantAgreed), wf.Detained, "confirmation"),
			e: ev("confirm"), want: wf.Agreed, effects: fx(stop("confirmation"))},
		{name: "confirm twice", c: at(euStd, wf.Confirmed, "confirmation"), e: ev("confirm"), code: ipr.ECONFLICT},
		{name: "declarant agrees first", c: at(euStd, wf.Detained, "confirmation"), e: ev("agree"), want: wf.Detained},
		{name: "declarant agrees twice", c: at(withDeclarant(euStd, wf.DeclarantAgreed), wf.Detained, "confirmation"), e: ev("agree"), code: ipr.ECONFLICT},
		{name: "declarant objects after agreeing", c: at(withDeclarant(euStd, wf.DeclarantAgreed), wf.Detained, "confirmation"), e: ev("object"), code: ipr.ECONFLICT},
		{name: "declarant agrees after holder confirmed", c: at(euStd, wf.Confirmed, "confirmation"), e: ev("agree"), want: wf.Agreed,
			effects: fx(stop("confirmation"))},
		{name: "declarant agrees, small consignment", c: at(euSmall, wf.SmallDetained, "declarant_views"), e: ev("agree"), want: wf.Agreed,
			effects: fx(stop("declarant_views"))},
		{name: "declarant objects", c: at(euStd, wf.Detained, "confirmation"), e: ev("object"), want: wf.Objected,
			effects: fx(note(wf.Holder, "objection_notice"))},
		{name: "declarant objects after holder confirmed", c: at(euStd, wf.Confirmed, "confirmation"), e: ev("object"), want: wf.Objected,
			effects: fx(note(wf.Holder, "objection_notice"))},
		{name: "declarant objects, small consignment", c: at(euSmall, wf.SmallDetained, "declarant_views"), e: ev("object"), want: wf.Objected,
			effects: fx(stop("declarant_views"), note(wf.Holder, "objection_notice"), sc("proceedings", wd(10), "release"))},
		{name: "extend, detained", c: at(euStd, wf.Detained, "confirmation"), e: because("extend"), want: wf.Detained, effects: extend},
		{name: "extend, confirmed", c: at(euStd, wf.Confirmed, "confirmation"), e: because("extend"), want: wf.Confirmed, effects: extend},
		{name: "extend, objected", c: at(euStd, wf.Objected, "confirmation"), e: because("extend"), want: wf.Objected, effects: extend},
		{name: "extend perishables", c: at(euPer, wf.Detained, "confirmation"), e: because("extend"), code: ipr.ECONFLICT},
		{name: "extend twice", c: at(extended(euStd), wf.Detained, "confirmation"), e: because("extend"), code: ipr.ECONFLICT},
		{name: "extend without reason", c: at(euStd, wf.Detained, "confirmation"), e: ev("extend"), code: ipr.EINVALID, field: "reason"},
		{name: "extend small consignment", c: at(euSmall, wf.SmallDetained, "declarant_views"), e: because("extend"), code: ipr.ECONFLICT},
		{name: "extend small consignment's proceedings", c: at(euSmall, wf.Objected, "proceedings"), e: because("extend"), code: ipr.ECONFLICT},
		{name: "proceedings", c: at(euStd, wf.Objected, "confirmation"), e: ev("proceedings"), want: wf.Proceedings,
			effects: fx(stop("confirmation"), note(wf.Declarant, "proceedings_notice"))},
		{name: "proceedings, small consignment", c: at(euSmall, wf.Objected, "proceedings"), e: ev("proceedings"), want: wf.Proceedings,
			effects: fx(stop("proceedings"), note(wf.Declarant, "proceedings_notice"))},
		{name: "proceedings without objection", c: at(euStd, wf.Confirmed, "confirmation"), e: ev("proceedings"), code: ipr.ECONFLICT},
		{name: "withdraw, detained", c: at(euStd, wf.Detained, "confirmation"), e: ev("withdraw"), want: wf.Released,
			effects: fx(note(wf.Declarant, "release_notice"), stop("confirmation"))},
		{name: "withdraw, confirmed", c: at(euStd, wf.Confirmed, "confirmation"), e: ev("withdraw"), want: wf.Released,
			effects: fx(note(wf.Declarant, "release_notice"), stop("confirmation"))},
		{name: "withdraw, objected", c: at(euStd, wf.Objected, "confirmation"), e: ev("withdraw"), want: wf.Released,
			effects: fx(note(wf.Declarant, "release_notice"), stop("confirmation"))},
		{name: "destroy agreed goods", c: at(euStd, wf.Agreed), e: ev("destroy"), want: wf.Destroyed},
		{name: "destroy before consent", c: at(euStd, wf.Confirmed, "confirmation"), e: ev("destroy"), code: ipr.ECONFLICT},
		{name: "court orders destruction", c: at(euStd, wf.Proceedings), e: because("destroy"), want: wf.Destroyed},
		{name: "court orders destruction without reason", c: at(euStd, wf.Proceedings), e: ev("destroy"), code: ipr.EINVALID, field: "reason"},
		{name: "court orders release", c: at(euStd, wf.Proceedings), e: because("release"), want: wf.Released,
			effects: fx(note(wf.Declarant, "release_notice"))},
	})
}

func TestEUDeadlines(t *testing.T) {
	releaseBoth := fx(note(wf.Holder, "release_notice"), note(wf.Declarant, "release_notice"))
	run(t, []step{
		{name: "no application", c: at(euExo, wf.Suspended, "application"), e: expired("application"),
			want: wf.DefaultPending, effects: fx(await("application", "release"))},
		{name: "release confirmed, suspended", c: pending(euExo, wf.Suspended, "application", "release", "application"),
			e: ev(wf.EvConfirmDefault), want: wf.Released, effects: append(releaseBoth, stop("application"))},
		{name: "holder silent", c: at(euStd, wf.Detained, "confirmation"), e: expired("confirmation"),
			want: wf.DefaultPending, effects: fx(await("confirmation", "release"))},
		{name: "release confirmed, detained", c: pending(euStd, wf.Detained, "confirmation", "release", "confirmation"),
			e: ev(wf.EvConfirmDefault), want: wf.Released, effects: append(releaseBoth, stop("confirmation"))},
		{name: "declarant silent: deemed consent", c: at(euStd, wf.Confirmed, "confirmation"), e: expired("confirmation"),
			want: wf.DefaultPending, effects: fx(await("confirmation", "destroy"))},
		{name: "deemed consent confirmed", c: pending(euStd, wf.Confirmed, "confirmation", "destroy", "confirmation"),
			e: ev(wf.EvConfirmDefault), want: wf.Destroyed, effects: fx(note(wf.Declarant, "destruction_notice"), stop("confirmation"))},
		{name: "no proceedings after objection", c: at(euStd, wf.Objected, "confirmation"), e: expired("confirmation"),
			want: wf.DefaultPending, effects: fx(await("confirmation", "release"))},
		{name: "release confirmed, objected", c: pending(euStd, wf.Objected, "confirmation", "release", "confirmation"),
			e: ev(wf.EvConfirmDefault), want: wf.Released, effects: append(releaseBoth, stop("confirmation"))},
		{name: "small consignment, declarant silent", c: at(euSmall, wf.SmallDetained, "declarant_views"), e: expired("declarant_views"),
			want: wf.DefaultPending, effects: fx(await("declarant_views", "destroy"))},
		{name: "small consignment destruction confirmed", c: pending(euSmall, wf.SmallDetained, "declarant_views", "destroy", "declarant_views"),
			e: ev(wf.EvConfirmDefault), want: wf.Destroyed, effects: fx(note(wf.Declarant, "destruction_notice"), stop("declarant_views"))},
		{name: "small consignment, no proceedings", c: at(euSmall, wf.Objected, "proceedings"), e: expired("proceedings"),
			want: wf.DefaultPending, effects: fx(await("proceedings", "release"))},
	})
}
