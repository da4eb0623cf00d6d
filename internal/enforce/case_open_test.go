package enforce_test

import (
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
)

func TestCaseOpenFromDeclaration(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		bulk, personal := decl("CASE-1", "hoodies", "6110", 0), decl("CASE-2", "a hoodie", "6110", 0)
		bulk.Quantity = 20
		if _, err := s.SubmitDeclarations(ctx, officer, []screen.Declaration{bulk, personal}); err != nil {
			t.Fatal(err)
		}
		in := enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio, HolderOrgID: user(t, s, holderEmail).OrgID,
			DeclarationRef: "CASE-1"}
		c, err := s.OpenCase(ctx, officer, in)
		if err != nil {
			t.Fatal(err)
		}
		if c.DeclarationID == 0 || c.Office != "Yiwu" || c.Channel != "postal" || c.GoodsValue != 8000 || c.Currency != "CNY" {
			t.Errorf("got declaration %d, office %q, channel %q, value %s %s; want the declaration's Yiwu, postal, 80.00 CNY",
				c.DeclarationID, c.Office, c.Channel, c.GoodsValue, c.Currency)
		}
		if items := detail(t, s, officerEmail, c.ID).Items; len(items) != 1 || items[0].Description != "hoodies" || items[0].Quantity != 20 {
			t.Errorf("got items %+v, want the declared 20 hoodies", items)
		}

		tests := []struct {
			name  string
			actor *ipr.User
			in    enforce.CaseInput
			code  string
			field string
		}{
			{"a holder", user(t, s, holderEmail), in, ipr.EFORBIDDEN, ""},
			{"unknown declaration", officer, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio,
				HolderOrgID: in.HolderOrgID, DeclarationRef: "NOPE"}, ipr.ENOTFOUND, ""},
			{"no items", officer, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio,
				HolderOrgID: in.HolderOrgID, Office: "Yiwu Customs"}, ipr.EINVALID, "items"},
			{"personal quantities by post", officer, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio,
				HolderOrgID: in.HolderOrgID, DeclarationRef: "CASE-2"}, ipr.EINVALID, "items"},
			{"no office", officer, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio,
				HolderOrgID: in.HolderOrgID, Items: []ipr.CaseItem{{Description: "caps", Quantity: 1}}}, ipr.EINVALID, "office"},
		}
		for _, tt := range tests {
			before := count(t, s).events
			_, err := s.OpenCase(ctx, tt.actor, tt.in)
			if ipr.ErrorCode(err) != tt.code || (tt.field != "" && ipr.ErrorFields(err)[tt.field] == "") {
				t.Errorf("%s: got %v (fields %v), want %s naming %q", tt.name, err, ipr.ErrorFields(err), tt.code, tt.field)
			}
			if got := count(t, s).events; got != before {
				t.Errorf("%s: got %d audit events, want 0", tt.name, got-before)
			}
		}
	})
}
