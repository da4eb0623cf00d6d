package enforce_test

import (
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

func TestIdentificationRequestAndAnswers(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		c := caseAt(t, s, clock, qingming)
		items := detail(t, s, officerEmail, c.ID).Items
		ids := []int64{items[0].ID, items[1].ID}

		_, err := s.RequestIdentification(ctx, user(t, s, holderEmail), c.ID, ids, "")
		wantError(t, err, ipr.EFORBIDDEN, "")
		// No holder_reply clock runs yet: 3 CN working days, past Qingming.
		r, err := s.RequestIdentification(ctx, user(t, s, officerEmail), c.ID, ids, "")
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2025, 4, 8, 16, 0, 0, 0, time.UTC); !r.Due.Equal(want) {
			t.Errorf("got due %s, want %s", r.Due, want)
		}

		holder := user(t, s, holderEmail)
		tests := []struct {
			name    string
			actor   *ipr.User
			answers []ipr.IdentificationAnswer
			code    string
			field   string
		}{
			{"another holder", user(t, s, "brand@aurelia.example"), []ipr.IdentificationAnswer{
				{ItemID: ids[0], Verdict: ipr.VerdictGenuine}, {ItemID: ids[1], Verdict: ipr.VerdictGenuine}}, ipr.ENOTFOUND, ""},
			{"an officer", user(t, s, officerEmail), []ipr.IdentificationAnswer{
				{ItemID: ids[0], Verdict: ipr.VerdictGenuine}, {ItemID: ids[1], Verdict: ipr.VerdictGenuine}}, ipr.EFORBIDDEN, ""},
			{"an item left out", holder, []ipr.IdentificationAnswer{{ItemID: ids[0], Verdict: ipr.VerdictGenuine}},
				ipr.EINVALID, "items"},
			{"counterfeit without points", holder, []ipr.IdentificationAnswer{
				{ItemID: ids[0], Verdict: ipr.VerdictCounterfeit}, {ItemID: ids[1], Verdict: ipr.VerdictGenuine}},
				ipr.EINVALID, "items[0].points"},
		}
		for _, tt := range tests {
			before := count(t, s).events
			_, err := s.AnswerIdentification(ctx, tt.actor, r.ID, tt.answers)
			if ipr.ErrorCode(err) != tt.code || (tt.field != "" && ipr.ErrorFields(err)[tt.field] == "") {
				t.Errorf("%s: got %v (fields %v), want %s naming %q", tt.name, err, ipr.ErrorFields(err), tt.code, tt.field)
			}
			if got := count(t, s).events; got != before {
				t.Errorf("%s: got %d audit events, want 0", tt.name, got-before)
			}
		}

		clock.Advance(26 * time.Hour)
		answers := []ipr.IdentificationAnswer{
			{ItemID: ids[0], Verdict: ipr.VerdictCounterfeit, Points: []string{"logo stitching"}},
			{ItemID: ids[1], Verdict: ipr.VerdictCannotTell}}
		oneAudit(t, s, "identification.answer", func() {
			if r, err = s.AnswerIdentification(ctx, holder, r.ID, answers); err != nil {
				t.Fatal(err)
			}
		})
		if !r.AnsweredAt.Equal(clock.Now()) || len(r.Answers) != 2 || r.Answers[0].AnsweredBy != holder.ID {
			t.Errorf("got answered at %s with %d answers, want now with 2", r.AnsweredAt, len(r.Answers))
		}
		_, err = s.AnswerIdentification(ctx, holder, r.ID, answers)
		wantError(t, err, ipr.ECONFLICT, "")

		for _, tc := range []struct {
			email string
			want  int // holders listed
		}{{officerEmail, 1}, {holderEmail, 1}, {"brand@aurelia.example", 0}} {
			times, err := s.ResponseTimes(ctx, user(t, s, tc.email), qingming)
			if err != nil || len(times) != tc.want || tc.want == 1 && (times[0].AvgHours != 26 || times[0].HolderOrgID != holder.OrgID) {
				t.Errorf("response times as %s: got %+v, %v; want %d holder(s), 26 hours", tc.email, times, err, tc.want)
			}
		}
		_, err = s.ResponseTimes(ctx, nil, qingming)
		wantError(t, err, ipr.EUNAUTHENTICATED, "")
	})
}

func TestBondGuaranteeTooSmallThenCash(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		clock.Advance(qingming.Sub(clock.Now()))
		holder := user(t, s, holderEmail)
		held := guarantee(t, s, holder.OrgID).Held // the demo's ¥300,000 guarantee, partly drawn by its cases
		// On application the bond is the goods' full value: ¥300,000, more than the guarantee's balance.
		c, err := s.OpenCase(ctx, user(t, s, officerEmail), enforce.CaseInput{Profile: ipr.ProfileCN,
			Mode: ipr.ModeOnApplication, Office: "Yiwu Customs", HolderOrgID: holder.OrgID,
			GoodsValue: workflow.Yuan(300_000), Items: []ipr.CaseItem{{Description: "watches", Quantity: 50}}})
		if err != nil {
			t.Fatal(err)
		}
		if c.State != "applied" {
			t.Fatalf("got state %s, want applied", c.State)
		}
		before := count(t, s).events
		_, err = s.PostBond(ctx, holder, c.ID, c.Version, true)
		wantError(t, err, ipr.EINVALID, "amount")
		if got := count(t, s).events; got != before {
			t.Errorf("refused bond: got %d audit events, want 0", got-before)
		}
		if g := guarantee(t, s, holder.OrgID); g.Held != held {
			t.Errorf("refused bond: got %s held, want the %s held before", g.Held, held)
		}
		_, err = s.ActOnCase(ctx, holder, c.ID, c.Version, workflow.Event{Kind: "post_bond", Amount: workflow.Yuan(300_000)})
		wantError(t, err, ipr.EINVALID, "event")

		oneAudit(t, s, "case.post_bond", func() {
			if c, err = s.PostBond(ctx, holder, c.ID, c.Version, false); err != nil {
				t.Fatal(err)
			}
		})
		if c.State != "detained" || c.BondSource != ipr.BondCash || c.BondAmount != workflow.Yuan(300_000) {
			t.Errorf("got %s with bond %s %q, want detained with 300000.00 in cash", c.State, c.BondAmount, c.BondSource)
		}
		_, err = s.PostBond(ctx, holder, c.ID, c.Version, false)
		wantError(t, err, ipr.ECONFLICT, "")
	})
}
