package enforce_test

import (
	"bytes"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// latestDossier is the latest dossier version of transfer id as the police see
// it; 0 when there is none yet.
func latestDossier(t *testing.T, s *enforce.Service, id int64) (int, *enforce.Dossier) {
	t.Helper()
	d, err := s.Dossier(t.Context(), user(t, s, policeEmail), id, 0)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return 0, nil
	}
	if err != nil {
		t.Fatalf("Dossier: %v", err)
	}
	return d.Version, d
}

// TestDossierFollowsEvidence: once a transfer was sent, every change of its
// case's evidence makes a new dossier version in the same transaction, and a
// change that leaves the content as it was makes none.
func TestDossierFollowsEvidence(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer, holder, police := user(t, s, officerEmail), user(t, s, holderEmail), user(t, s, policeEmail)
		c := transferCase(t, s, 1, workflow.Yuan(60_000))
		tr, err := s.ProposeTransfer(ctx, officer, c.ID, enforce.TransferInput{PoliceOrgID: police.OrgID})
		if err != nil {
			t.Fatal(err)
		}
		// Before sending, evidence changes make no dossier.
		if _, err := s.AddCaseItems(ctx, officer, c.ID, []ipr.CaseItem{{Description: "scarves", Quantity: 20}}); err != nil {
			t.Fatal(err)
		}
		if v, _ := latestDossier(t, s, tr.ID); v != 0 {
			t.Fatalf("before sending: got dossier v%d, want none", v)
		}
		tr = move(t, s, supervisorEmail, tr, "approve", "")
		tr = move(t, s, officerEmail, tr, "send", "")
		if v, _ := latestDossier(t, s, tr.ID); v != 1 {
			t.Fatalf("sent: got dossier v%d, want v1", v)
		}

		items, err := s.CaseItems(ctx, officer, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		first := items.Items[0].CaseItem
		steps := []struct {
			name    string
			change  func() error
			version int
			check   func(d *enforce.Dossier) bool
		}{
			{"item added", func() error {
				_, err := s.AddCaseItems(ctx, officer, c.ID, []ipr.CaseItem{{Description: "caps", Quantity: 10}})
				return err
			}, 2, func(d *enforce.Dossier) bool { return len(d.Content.Goods) == 3 }},
			{"item assessed", func() error {
				it := *first
				it.AssessedValue = workflow.Yuan(55_000)
				_, err := s.UpdateCaseItem(ctx, officer, it)
				return err
			}, 3, func(d *enforce.Dossier) bool {
				return d.Content.Goods[0].AssessedValue == workflow.Yuan(55_000).String()
			}},
			{"same assessment again", func() error {
				it := *first
				it.AssessedValue = workflow.Yuan(55_000)
				_, err := s.UpdateCaseItem(ctx, officer, it)
				return err
			}, 3, nil},
			{"photo attached", func() error {
				_, err := s.AttachItemFile(ctx, officer, first.ID, "seized.pdf", bytes.NewReader(pdf))
				return err
			}, 4, func(d *enforce.Dossier) bool {
				return len(d.Content.Evidence) == 1 && d.Content.Evidence[0].Name == "seized.pdf"
			}},
			{"goods moved", func() error {
				_, err := s.MoveGoods(ctx, officer, c.ID, ipr.Custody{To: "Yiwu bonded warehouse", Received: "Wang"})
				return err
			}, 5, func(d *enforce.Dossier) bool { return len(d.Content.Custody) == 1 }},
			{"identification answered", func() error {
				req, err := s.RequestIdentification(ctx, officer, c.ID, []int64{first.ID}, "")
				if err != nil {
					return err
				}
				_, err = s.AnswerIdentification(ctx, holder, req.ID, []ipr.IdentificationAnswer{
					{ItemID: first.ID, Verdict: ipr.VerdictCounterfeit, Points: []string{"logo stitching"}}})
				return err
			}, 6, func(d *enforce.Dossier) bool {
				return len(d.Content.Identification) == 1 && d.Content.Identification[0].Verdict == string(ipr.VerdictCounterfeit)
			}},
			{"case acted on", func() error {
				cur := detail(t, s, officerEmail, c.ID).Case
				_, err := s.ActOnCase(ctx, officer, c.ID, cur.Version, workflow.Event{Kind: "notify_holder"})
				return err
			}, 7, func(d *enforce.Dossier) bool { return d.Content.Case.State != "suspected" }},
		}
		for _, st := range steps {
			if err := st.change(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			v, d := latestDossier(t, s, tr.ID)
			if v != st.version {
				t.Fatalf("%s: got dossier v%d, want v%d", st.name, v, st.version)
			}
			if st.check != nil && !st.check(d) {
				t.Errorf("%s: dossier v%d does not show the change: %+v", st.name, v, d.Content)
			}
		}
		if got := lastEvent(t, s).Action; got != "case.notify_holder" {
			t.Errorf("last audit event: got %q, want the case's own", got)
		}
		if old, err := s.Dossier(ctx, police, tr.ID, 1); err != nil || len(old.Content.Goods) != 2 {
			t.Errorf("version 1 kept as sent: got %v, %v", old, err)
		}
	})
}
