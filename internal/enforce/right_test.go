package enforce_test

import (
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func draftInput() *ipr.Right {
	return &ipr.Right{Kind: ipr.Trademark, Mark: "NORTHWIND TRAIL", Variants: []string{"北风越野"}, NiceClasses: []int{25},
		Jurisdiction: "CN", ValidFrom: ipr.NewDate(2020, 1, 1), ValidTo: ipr.NewDate(2040, 1, 1)}
}

func TestRecordationThroughTheServices(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		holder, supervisor, officer := user(t, s, holderEmail), user(t, s, supervisorEmail), user(t, s, officerEmail)
		other := user(t, s, "brand@voltis.example")

		r, err := s.FileRight(ctx, holder, draftInput())
		if err != nil || r.Status != ipr.StatusDraft || r.HolderID != holder.OrgID {
			t.Fatalf("file: got %+v, %v", r, err)
		}
		if _, err := s.Right(ctx, other, r.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("another holder reads the draft: got %v, want ENOTFOUND", err)
		}
		if _, err := s.Right(ctx, officer, r.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("customs read a draft: got %v, want ENOTFOUND", err)
		}
		if _, err := s.UpdateRight(ctx, other, r.ID, r.Version, draftInput()); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("another holder edits the draft: got %v, want ENOTFOUND", err)
		}
		edit := draftInput()
		edit.NiceClasses = []int{99}
		before := count(t, s)
		if _, err := s.UpdateRight(ctx, holder, r.ID, r.Version, edit); ipr.ErrorFields(err)["nice_classes"] == "" {
			t.Errorf("class 99: got %v, want nice_classes named", err)
		}
		if after := count(t, s); after != before {
			t.Errorf("bad edit wrote something: %+v → %+v", before, after)
		}
		if _, err := s.UpdateRight(ctx, holder, r.ID, r.Version+5, draftInput()); ipr.ErrorCode(err) != ipr.ECONFLICT {
			t.Errorf("stale version: got %v, want ECONFLICT", err)
		}
		if _, err := s.SubmitRight(ctx, holder, r.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ApproveRight(ctx, officer, r.ID); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("officer approves: got %v, want EFORBIDDEN", err)
		}
		if _, err := s.RejectRight(ctx, supervisor, r.ID, ""); ipr.ErrorFields(err)["reason"] == "" {
			t.Errorf("reject without reason: got %v", err)
		}
		if _, err := s.RejectRight(ctx, supervisor, r.ID, "certificate missing"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SubmitRight(ctx, holder, r.ID); err != nil {
			t.Fatal(err)
		}
		clock.Advance(48 * 3600e9)
		got, err := s.ApproveRight(ctx, supervisor, r.ID)
		if err != nil || got.Status != ipr.StatusApproved || got.RecordFrom.IsZero() {
			t.Fatalf("approve: got %+v, %v", got, err)
		}
		if ev := lastEvent(t, s); ev.Action != "right.approve" || ev.ObjectOrg != holder.OrgID {
			t.Errorf("last audit event: got %s about org %d, want right.approve about the holder", ev.Action, ev.ObjectOrg)
		}
		if _, err := s.UpdateRight(ctx, holder, r.ID, got.Version, draftInput()); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("edit an approved recordation: got %v, want EFORBIDDEN (amend it instead)", err)
		}
		if n, err := s.VerifyAudit(ctx, ipr.SystemUser()); err != nil || n == 0 {
			t.Errorf("audit chain: got %d, %v", n, err)
		}
	})
}

func TestAmendmentAndRenewal(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	aurelia, supervisor := user(t, s, "brand@aurelia.example"), user(t, s, supervisorEmail)
	agent := user(t, s, agentEmail)
	page, err := s.ListRights(ctx, aurelia, ipr.RightFilter{})
	if err != nil || len(page.Rights) != 1 {
		t.Fatalf("Aurelia's rights: got %v, %v", page, err)
	}
	r := page.Rights[0]
	renewal, err := s.FileAmendment(ctx, agent, r.ID, &ipr.Amendment{Kind: ipr.AmendRenewal, ValidTo: ipr.NewDate(2046, 5, 13)})
	if err != nil {
		t.Fatalf("the agent files a renewal in the last 6 months: %v", err)
	}
	if _, err := s.DecideAmendment(ctx, aurelia, renewal.ID, true, ""); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
		t.Errorf("holder approves its own renewal: got %v, want EFORBIDDEN", err)
	}
	if _, err := s.DecideAmendment(ctx, supervisor, renewal.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	d, err := s.Right(ctx, aurelia, r.ID)
	if err != nil || !d.RecordTo.After(r.RecordTo) || len(d.Amendments) != 1 || d.Amendments[0].Status != ipr.StatusApproved {
		t.Errorf("after renewal: got record to %s (was %s) and %d amendments, %v", d.RecordTo, r.RecordTo, len(d.Amendments), err)
	}
	if _, err := s.DecideAmendment(ctx, supervisor, renewal.ID, false, "twice"); ipr.ErrorCode(err) != ipr.ECONFLICT {
		t.Errorf("decide twice: got %v, want ECONFLICT", err)
	}
	if _, err := s.FileAmendment(ctx, agent, r.ID, &ipr.Amendment{Kind: ipr.AmendRenewal}); ipr.ErrorFields(err)["kind"] == "" {
		t.Errorf("renew again years before the end: got %v, want kind named", err)
	}
	northwind := user(t, s, holderEmail)
	if _, err := s.FileAmendment(ctx, northwind, r.ID, &ipr.Amendment{Kind: ipr.AmendOwner, Owner: "Thief"}); ipr.ErrorCode(err) != ipr.ENOTFOUND {
		t.Errorf("another holder amends: got %v, want ENOTFOUND", err)
	}
}

func TestListRightsIsScoped(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	cases := []struct {
		email string
		want  int64
	}{
		{officerEmail, 11},                           // everything but the draft
		{supervisorEmail, 11},                        //
		{holderEmail, 1},                             // its own
		{"brand@goldfield.example", 1},               // its own draft
		{agentEmail, 3},                              // its three clients
		{secretaryEmail, 8},                          // approved only
		{"investigator@zhejiang.police.example", -1}, // not at all
	}
	for _, c := range cases {
		page, err := s.ListRights(ctx, user(t, s, c.email), ipr.RightFilter{})
		if c.want < 0 {
			if ipr.ErrorCode(err) != ipr.EFORBIDDEN {
				t.Errorf("%s: got %v, want EFORBIDDEN", c.email, err)
			}
			continue
		}
		if err != nil || page.Total != c.want {
			t.Errorf("%s: got %v rights, %v; want %d", c.email, page, err, c.want)
		}
	}
}

func TestReviewQueueAndPortfolio(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	q, err := s.ReviewQueue(ctx, user(t, s, supervisorEmail), 50, 0)
	if err != nil || q.Total != 2 || len(q.Amendments) != 1 {
		t.Errorf("review queue: got %+v, %v; want 2 recordations and 1 amendment", q, err)
	}
	if _, err := s.ReviewQueue(ctx, user(t, s, officerEmail), 50, 0); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
		t.Errorf("officer's review queue: got %v, want EFORBIDDEN", err)
	}
	p, err := s.Portfolio(ctx, user(t, s, "brand@aurelia.example"))
	if err != nil || len(p.RenewalsDue) != 1 {
		t.Errorf("Aurelia's portfolio: got %+v, %v; want one renewal due", p, err)
	}
	p, err = s.Portfolio(ctx, user(t, s, "brand@medora.example"))
	if err != nil || len(p.Rejected) != 1 || p.Rejected[0].RejectReason == "" {
		t.Errorf("Medora's portfolio: got %+v, %v; want one rejection with its reason", p, err)
	}
	var _ *enforce.Portfolio = p
}

// An agent that acts for no one must see no one's rights: an empty client list is not "no restriction".
func TestAgentWithoutClientsSeesNothing(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	admin := ipr.SystemUser()
	if _, err := s.AddOrg(ctx, admin, enforce.NewOrg{Name: "Empty Chambers", Kind: "agent"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddUser(ctx, admin, enforce.NewUser{Email: "lonely@chambers.example", Password: "a-long-password", Role: "agent", Org: "Empty Chambers"}); err != nil {
		t.Fatal(err)
	}
	lonely := user(t, s, "lonely@chambers.example")
	lonely.ActsFor = nil // as a caller that built the user by hand would have it
	page, err := s.ListRights(ctx, lonely, ipr.RightFilter{})
	if err != nil || page.Total != 0 {
		t.Errorf("agent without clients: got %d rights, %v; want 0", page.Total, err)
	}
	p, err := s.Portfolio(ctx, lonely)
	if err != nil || p.Total != 0 {
		t.Errorf("agent without clients' portfolio: got %+v, %v; want empty", p, err)
	}
}

// Licensees of an approved recordation change only through a reviewed amendment; other parties directly.
func TestLicenseesOfApprovedRightNeedAnAmendment(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	holder := user(t, s, holderEmail)
	page, err := s.ListRights(ctx, holder, ipr.RightFilter{Status: ipr.StatusApproved})
	if err != nil || len(page.Rights) != 1 {
		t.Fatalf("Northwind's approved right: got %v, %v", page, err)
	}
	id := page.Rights[0].ID
	before := count(t, s)
	if _, err := s.AddParty(ctx, holder, id, ipr.Party{Role: ipr.PartyLicensee, Name: "Quick Licence Ltd"}); ipr.ErrorCode(err) != ipr.ECONFLICT || ipr.ErrorFields(err)["role"] == "" {
		t.Errorf("add a licensee directly: got %v, want ECONFLICT naming role", err)
	}
	if after := count(t, s); after != before {
		t.Errorf("refused licensee wrote something: %+v → %+v", before, after)
	}
	if _, err := s.AddParty(ctx, holder, id, ipr.Party{Role: ipr.PartyExporter, Name: "Ningbo Northwind Export Co."}); err != nil {
		t.Errorf("add an exporter: got %v, want it added", err)
	}
}
