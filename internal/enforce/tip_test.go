package enforce_test

import (
	"fmt"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

const orbisEmail = "brand@orbis.example" // with Aurelia in Watches & Jewellery

func acmeTip(org int64) ipr.Tip {
	return ipr.Tip{OrgID: org, Title: "Acme consolidator ships fake hoodies", Consignees: []string{"Acme Trading Co., Ltd."},
		HSCodes: []string{"6110"}, Confidence: ipr.ConfidenceHigh, Expires: ipr.NewDate(2025, 12, 31)}
}

func TestTipBecomesRuleAndShowsPrecision(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		holder, officer := user(t, s, holderEmail), user(t, s, officerEmail)
		tip, err := s.SubmitTip(ctx, holder, acmeTip(0))
		if err != nil {
			t.Fatal(err)
		}
		if tip.OrgID != holder.OrgID || tip.Status != ipr.TipOpen || tip.CanReview || !tip.CanShare {
			t.Fatalf("submitted: got %+v", tip)
		}
		_, err = s.RuleFromTip(ctx, holder, tip.ID, enforce.TipRule{})
		wantError(t, err, ipr.EFORBIDDEN, "")

		oneAuditCount := count(t, s).events
		ruled, err := s.RuleFromTip(ctx, officer, tip.ID, enforce.TipRule{})
		if err != nil {
			t.Fatal(err)
		}
		if got := count(t, s).events - oneAuditCount; got != 2 {
			t.Errorf("got %d audit events, want 2 (rule.create, tip.rule)", got)
		}
		if ruled.Status != ipr.TipRuled || ruled.RuleID == 0 || ruled.Feedback == nil || ruled.Feedback.Flagged != 0 {
			t.Fatalf("ruled: got %+v feedback %+v", ruled.Tip, ruled.Feedback)
		}
		rule, err := s.Rule(ctx, officer, ruled.RuleID)
		if err != nil || rule.Weight != 60 || rule.Expires != tip.Expires || rule.Source != "tip "+itoa(tip.ID) {
			t.Fatalf("rule: got %+v, %v; want weight 60, the tip's expiry and source", rule, err)
		}
		_, err = s.RuleFromTip(ctx, officer, tip.ID, enforce.TipRule{})
		wantError(t, err, ipr.ECONFLICT, "")

		d := decl("TIP-1", "knitted hoodies", "611020", 0)
		d.Consignee, d.Quantity, d.Value = "ACME TRADING CO., LTD.", 500, 80_000
		other := decl("TIP-2", "knitted hoodies", "611020", 0)
		results, err := s.SubmitDeclarations(ctx, officer, []screen.Declaration{d, other})
		if err != nil {
			t.Fatal(err)
		}
		if len(results[0].Rules) != 1 || results[0].Rules[0].ID != ruled.RuleID || len(results[1].Rules) != 0 {
			t.Fatalf("screening: got rules %+v and %+v; want the tip's rule on TIP-1 only", results[0].Rules, results[1].Rules)
		}

		c, err := s.OpenCase(ctx, officer, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio,
			Office: "Yiwu Customs", HolderOrgID: holder.OrgID, DeclarationRef: "TIP-1", GoodsValue: workflow.Yuan(80_000)})
		if err != nil {
			t.Fatal(err)
		}
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})
		if c, err = s.PostBond(ctx, holder, c.ID, c.Version, true); err != nil {
			t.Fatal(err)
		}
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "investigate"})
		mid, _ := s.Tip(ctx, holder, tip.ID)
		if f := mid.Feedback; f == nil || f.Flagged != 1 || f.Cases != 1 || f.Confirmed != 0 {
			t.Errorf("before determination: got feedback %+v, want 1 flagged, 1 case, 0 confirmed", f)
		}
		act(t, s, officerEmail, c, workflow.Event{Kind: "determine", Determination: workflow.DetInfringing})

		for _, email := range []string{holderEmail, officerEmail} {
			v, err := s.Tip(ctx, user(t, s, email), tip.ID)
			if err != nil {
				t.Fatal(err)
			}
			if f := v.Feedback; f == nil || f.Flagged != 1 || f.Cases != 1 || f.Confirmed != 1 || f.Precision() != 1 {
				t.Errorf("%s: got feedback %+v, want 1 flagged, 1 case, 1 confirmed, precision 1", email, f)
			}
		}

		clock.Advance(100 * 24 * 3600e9)
		list, err := s.RuleFeedback(ctx, officer)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range list {
			if r.RuleID == ruled.RuleID && (r.Retire || r.TipID != tip.ID) {
				t.Errorf("tip's rule: got %+v, want kept and linked to tip %d", r, tip.ID)
			}
			if r.RuleID != ruled.RuleID && r.Confirmed == 0 && !r.Retire {
				t.Errorf("rule %s: never confirmed after 100 days, got not suggested for retirement", r.Name)
			}
		}
	})
}

func TestTipVisibilityAndSharing(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		aurelia, orbis, northwind := user(t, s, aureliaEmail), user(t, s, orbisEmail), user(t, s, holderEmail)
		tip, err := s.SubmitTip(ctx, aurelia, acmeTip(0))
		if err != nil {
			t.Fatal(err)
		}
		for _, email := range []string{orbisEmail, holderEmail, policeEmail, secretaryEmail} {
			_, err := s.Tip(ctx, user(t, s, email), tip.ID)
			wantError(t, err, ipr.ENOTFOUND, "tip")
		}
		watches := groupByName(t, s, "Watches & Jewellery")
		apparel := groupByName(t, s, "Apparel & Footwear")
		_, err = s.ShareTip(ctx, aurelia, tip.ID, apparel.ID, false)
		wantError(t, err, ipr.EFORBIDDEN, "group")
		_, err = s.ShareTip(ctx, orbis, tip.ID, watches.ID, false)
		wantError(t, err, ipr.ENOTFOUND, "tip")

		if _, err = s.ShareTip(ctx, aurelia, tip.ID, watches.ID, true); err != nil {
			t.Fatal(err)
		}
		v, err := s.Tip(ctx, orbis, tip.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !v.Anonymised || v.OrgID != 0 || v.OrgName != "" || v.Feedback != nil || v.CanShare || v.Consignees[0] != "Acme Trading Co., Ltd." {
			t.Errorf("anonymised: got %+v", v.Tip)
		}
		_, err = s.Tip(ctx, northwind, tip.ID)
		wantError(t, err, ipr.ENOTFOUND, "tip")
		page, err := s.Tips(ctx, northwind, ipr.TipFilter{})
		if err != nil || page.Total != 0 || len(page.Tips) != 0 {
			t.Errorf("northwind's list: got %d of %d, %v; want none", len(page.Tips), page.Total, err)
		}

		if _, err = s.ShareTip(ctx, aurelia, tip.ID, watches.ID, false); err != nil {
			t.Fatal(err)
		}
		if v, _ = s.Tip(ctx, orbis, tip.ID); v.Anonymised || v.OrgName != "Aurelia Maison" {
			t.Errorf("shared by name: got anonymised %v, holder %q", v.Anonymised, v.OrgName)
		}

		// Orbis reports the same consignee, spelt differently: the group sees two holders name it.
		second := acmeTip(0)
		second.Consignees = []string{"ACME trading co"}
		mine, err := s.SubmitTip(ctx, orbis, second)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ShareTip(ctx, orbis, mine.ID, watches.ID, true); err != nil {
			t.Fatal(err)
		}
		patterns, err := s.TipPatterns(ctx, orbis)
		if err != nil || len(patterns) == 0 {
			t.Fatalf("patterns: got %v, %v", patterns, err)
		}
		if p := patterns[0]; p.Kind != "consignee" || p.Holders != 2 || p.GroupID != watches.ID {
			t.Errorf("top pattern: got %+v, want a consignee named by 2 holders in Watches & Jewellery", p)
		}
		if patterns, _ := s.TipPatterns(ctx, northwind); len(patterns) != 0 {
			t.Errorf("northwind's patterns: got %+v, want none", patterns)
		}
	})
}

func TestTipValidationStoresNothing(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		holder := user(t, s, holderEmail)
		good := acmeTip(0)
		for _, tt := range []struct {
			name, field string
			change      func(*ipr.Tip)
		}{
			{"no title", "title", func(t *ipr.Tip) { t.Title = " " }},
			{"no intelligence", "intelligence", func(t *ipr.Tip) { t.Consignees, t.HSCodes = nil, nil }},
			{"bad confidence", "confidence", func(t *ipr.Tip) { t.Confidence = "certain" }},
			{"expired", "expires", func(t *ipr.Tip) { t.Expires = ipr.NewDate(2025, 1, 1) }},
			{"bad HS code", "hs_codes[0]", func(t *ipr.Tip) { t.HSCodes = []string{"61.10"} }},
			{"bad file", "files[0]", func(t *ipr.Tip) { t.Files = []string{"abc"} }},
			{"unknown file", "files[0]", func(t *ipr.Tip) { t.Files = []string{sha64} }},
			{"window backwards", "window_to", func(t *ipr.Tip) {
				t.WindowFrom, t.WindowTo = ipr.NewDate(2025, 5, 1), ipr.NewDate(2025, 4, 1)
			}},
			{"value backwards", "unit_value_max", func(t *ipr.Tip) { t.UnitValueMin, t.UnitValueMax = 10, 5 }},
		} {
			t.Run(tt.name, func(t *testing.T) {
				in := good
				tt.change(&in)
				before := count(t, s).events
				_, err := s.SubmitTip(t.Context(), holder, in)
				wantError(t, err, ipr.EINVALID, tt.field)
				if got := count(t, s).events; got != before {
					t.Errorf("got %d new audit events, want none", got-before)
				}
			})
		}
		page, err := s.Tips(t.Context(), user(t, s, officerEmail), ipr.TipFilter{})
		if err != nil || page.Total != 0 {
			t.Errorf("got %d tips stored, %v; want none", page.Total, err)
		}
		_, err = s.SubmitTip(t.Context(), holder, ipr.Tip{OrgID: user(t, s, aureliaEmail).OrgID, Title: "x"})
		wantError(t, err, ipr.EFORBIDDEN, "")
	})
}

const sha64 = "0000000000000000000000000000000000000000000000000000000000000000"

func itoa(n int64) string { return fmt.Sprint(n) }
