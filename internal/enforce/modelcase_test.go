package enforce_test

import (
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store/storetest"
	"bordermark/internal/workflow"
)

func TestModelCaseAnonymises(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	officer, chief, holder := user(t, s, officerEmail), user(t, s, supervisorEmail), user(t, s, holderEmail)

	// The demo publishes one model case of its closed Hangzhou case.
	page, err := s.PublicModelCases(ctx, nil, ipr.ModelCaseFilter{})
	if err != nil || page.Total != 1 || strings.Contains(page.Cases[0].Snapshot.Summary, "Northwind") {
		t.Fatalf("demo model cases: got %+v, %v; want one, without the holder's name", page, err)
	}

	d := decl("MC-1", "NORTHWIND hoodies for Zhao Ming Trading", "6110", 0)
	d.Quantity, d.Consignee, d.Consignor = 400, "Zhao Ming Trading Co., Ltd.", "Qiantang Export Ltd"
	if _, err := s.SubmitDeclarations(ctx, officer, []screen.Declaration{d}); err != nil {
		t.Fatal(err)
	}
	c, err := s.OpenCase(ctx, officer, enforce.CaseInput{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio,
		HolderOrgID: holder.OrgID, RightIDs: []int64{demoRight(t, s, "DEMO-NORTHWIND").ID}, DeclarationRef: "MC-1"})
	if err != nil {
		t.Fatal(err)
	}
	in := ipr.ModelCaseInput{Title: "Hoodies for ZHAO MING TRADING",
		Summary: "Zhao Ming Trading (call +86 138 0013 8000 or zhao@zmt.example) ordered from Qiantang Export; " +
			"Northwind Apparel and Chen Jie handled case " + c.Ref + ".",
		Reveal: []ipr.ModelCaseField{ipr.MCChannel, ipr.MCGoods, ipr.MCQuantity, ipr.MCValueBand, ipr.MCTransport}}
	_, err = s.PublishModelCase(ctx, chief, c.ID, in)
	wantError(t, err, ipr.EINVALID, "case") // still open
	if c, err = s.ActOnCase(ctx, officer, c.ID, c.Version, workflow.Event{Kind: "dismiss", Reason: "parallel import"}); err != nil {
		t.Fatal(err)
	}
	_, err = s.PublishModelCase(ctx, officer, c.ID, in)
	wantError(t, err, ipr.EFORBIDDEN, "") // supervisors only

	before := count(t, s).events
	m, err := s.PublishModelCase(ctx, chief, c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if got := count(t, s).events - before; got != 1 {
		t.Errorf("publish: got %d audit events, want 1", got)
	}
	public, err := s.PublicModelCase(ctx, nil, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	text := public.Snapshot.Title + public.Snapshot.Summary + public.Snapshot.Lessons
	for _, f := range public.Snapshot.Facts {
		text += "\n" + f.Value
	}
	for _, secret := range []string{"Zhao", "ZHAO", "Qiantang", "Northwind", "NORTHWIND", "Chen Jie", "138", "zmt.example", c.Ref} {
		if strings.Contains(text, secret) {
			t.Errorf("the public model case contains %q:\n%s", secret, text)
		}
	}
	for _, want := range []string{"[company]", "[person]", "[phone]", "[e-mail]", "[case]", "[brand] hoodies", "400 pcs", "postal"} {
		if !strings.Contains(text, want) {
			t.Errorf("the public model case lacks %q:\n%s", want, text)
		}
	}
	if public.CaseID != 0 || public.Snapshot.Fact(ipr.MCOffice) != "" {
		t.Errorf("got case id %d and office %q, want neither in public", public.CaseID, public.Snapshot.Fact(ipr.MCOffice))
	}

	found, err := s.PublicModelCases(ctx, nil, ipr.ModelCaseFilter{Text: "hoodies"})
	if err != nil || found.Total != 1 {
		t.Errorf("search: got %+v, %v; want the new model case", found, err)
	}
	if err := s.WithdrawModelCase(ctx, chief, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PublicModelCase(ctx, nil, m.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
		t.Errorf("withdrawn: got %v, want not found", err)
	}
}
