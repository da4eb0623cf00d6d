package enforce_test

import (
	"strconv"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// transferCase opens a CN case of the demo holder on its first marks rights
// with goods of value, and moves it on to infringing.
func transferCase(t *testing.T, s *enforce.Service, marks int, value ipr.Money) *ipr.Case {
	t.Helper()
	holder := user(t, s, holderEmail)
	var rights []*ipr.Right
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		rights, _, err = tx.ListRights(t.Context(), ipr.RightFilter{HolderID: holder.OrgID})
		return err
	})
	for err == nil && len(rights) < marks { // a second mark of the holder, as a draft
		r := &ipr.Right{Ref: "T-NWD-" + strconv.Itoa(len(rights)), Kind: ipr.Trademark, Mark: "NWD SPORT", HolderID: holder.OrgID,
			NiceClasses: []int{25}, Goods: "clothing", Jurisdiction: "CN", RegOffice: "CNIPA", Status: ipr.StatusDraft,
			ValidFrom: ipr.NewDate(2016, 5, 14), ValidTo: ipr.NewDate(2036, 5, 13)}
		err = s.DB.Update(t.Context(), func(tx *store.Tx) error { return tx.CreateRight(t.Context(), r, start) })
		rights = append(rights, r)
	}
	if err != nil || len(rights) < marks {
		t.Fatalf("the demo holder's rights: got %d, %v; want at least %d", len(rights), err, marks)
	}
	ids := make([]int64, marks)
	for i := range ids {
		ids[i] = rights[i].ID
	}
	c, err := s.OpenCase(t.Context(), user(t, s, officerEmail), enforce.CaseInput{Profile: ipr.ProfileCN,
		Mode: ipr.ModeExOfficio, Office: "Yiwu Customs", HolderOrgID: holder.OrgID, RightIDs: ids, Channel: "cargo",
		GoodsValue: value, Items: []ipr.CaseItem{{Description: "hoodies", Quantity: 500, DeclaredValue: value}}})
	if err != nil {
		t.Fatalf("OpenCase: %v", err)
	}
	return c
}

func TestThresholdCheck(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		officer := user(t, s, officerEmail)
		tests := []struct {
			marks int
			value ipr.Money
			want  []string
		}{
			{1, workflow.Yuan(49_999), nil},
			{1, workflow.Yuan(50_000), []string{"counterfeit_mark"}},
			{2, workflow.Yuan(30_000), []string{"counterfeit_marks"}},
			{2, workflow.Yuan(29_999), nil},
			{1, workflow.Yuan(150_000), []string{"counterfeit_mark", "selling_counterfeit"}},
		}
		for _, tt := range tests {
			c := transferCase(t, s, tt.marks, tt.value)
			check, err := s.CheckThresholds(t.Context(), officer, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got := check.Codes(); !equalStrings(got, tt.want) || check.Suggest != (len(tt.want) > 0) {
				t.Errorf("%d mark(s), ¥%s: got %v suggest=%v, want %v", tt.marks, tt.value, got, check.Suggest, tt.want)
			}
		}

		// A new version effective later does not apply before its day, and applies from it.
		supervisor := user(t, s, supervisorEmail)
		later := ipr.DateOf(clock.Now(), ipr.ProfileCN.Location()).AddDate(0, 0, 10)
		_, err := s.AddThreshold(t.Context(), supervisor, ipr.Threshold{Jurisdiction: "CN", Code: "counterfeit_mark",
			Offence: "counterfeiting a registered trademark", MinMarks: 1, Volume: workflow.Yuan(80_000),
			Gains: workflow.Yuan(50_000), Currency: "CNY", EffectiveOn: later})
		if err != nil {
			t.Fatalf("AddThreshold: %v", err)
		}
		c := transferCase(t, s, 1, workflow.Yuan(60_000))
		for _, step := range []struct {
			advance time.Duration
			want    []string
		}{{0, []string{"counterfeit_mark"}}, {11 * 24 * time.Hour, nil}} {
			clock.Advance(step.advance)
			check, err := s.CheckThresholds(t.Context(), officer, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got := check.Codes(); !equalStrings(got, step.want) {
				t.Errorf("on %s: got %v, want %v", check.On, got, step.want)
			}
		}
		history, err := s.Thresholds(t.Context(), officer, "CN")
		if err != nil || len(history) != 4 {
			t.Errorf("history: got %d versions, %v; want 4", len(history), err)
		}
		_, err = s.AddThreshold(t.Context(), officer, ipr.Threshold{})
		wantError(t, err, ipr.EFORBIDDEN, "")
	})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// move sends event to transfer tr as the user with email and fails the test on error.
func move(t *testing.T, s *enforce.Service, email string, tr *ipr.Transfer, event, reason string) *ipr.Transfer {
	t.Helper()
	next, err := s.ActOnTransfer(t.Context(), user(t, s, email), tr.ID, tr.Version, event, reason)
	if err != nil {
		t.Fatalf("%s by %s: %v", event, email, err)
	}
	if next.State != mustNext(t, tr.State, event) {
		t.Fatalf("%s: got state %s", event, next.State)
	}
	return next
}

func mustNext(t *testing.T, from ipr.TransferState, event string) ipr.TransferState {
	next, err := ipr.NextTransferState(from, event, "reason")
	if err != nil {
		t.Fatal(err)
	}
	return next
}

// otherPolice adds a second police unit with one investigator.
func otherPolice(t *testing.T, s *enforce.Service) *ipr.User {
	t.Helper()
	u := &ipr.User{Email: "investigator@jiangsu.police.example", Name: "Li Ming", Role: ipr.RolePolice}
	err := s.DB.Update(t.Context(), func(tx *store.Tx) error {
		o := &ipr.Org{Name: "Jiangsu Police IP Crime Unit", NameZH: "江苏省公安厅", Kind: ipr.OrgPoliceUnit}
		if err := tx.CreateOrg(t.Context(), o, start); err != nil {
			return err
		}
		u.OrgID = o.ID
		return tx.CreateUser(t.Context(), u, "a long password here", "$argon2id$not-checked", start)
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestTransferPath(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		police := user(t, s, policeEmail)
		c := transferCase(t, s, 1, workflow.Yuan(60_000))
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "notify_holder"})
		c, err := s.PostBond(ctx, user(t, s, holderEmail), c.ID, c.Version, true)
		if err != nil {
			t.Fatal(err)
		}
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "investigate"})
		c = act(t, s, officerEmail, c, workflow.Event{Kind: "determine", Determination: workflow.DetInfringing})

		var tr *ipr.Transfer
		oneAudit(t, s, "transfer.propose", func() {
			tr, err = s.ProposeTransfer(ctx, user(t, s, officerEmail), c.ID, enforce.TransferInput{PoliceOrgID: police.OrgID})
			if err != nil {
				t.Fatal(err)
			}
		})
		proposed := clock.Now()
		if tr.State != ipr.TransferProposed || !equalStrings(tr.Thresholds, []string{"counterfeit_mark"}) ||
			!tr.ApprovalDue.Equal(proposed.Add(72*time.Hour)) {
			t.Fatalf("proposed: got %s %v due %s", tr.State, tr.Thresholds, tr.ApprovalDue)
		}
		_, err = s.ProposeTransfer(ctx, user(t, s, officerEmail), c.ID, enforce.TransferInput{PoliceOrgID: police.OrgID})
		wantError(t, err, ipr.ECONFLICT, "case")
		_, err = s.ActOnTransfer(ctx, user(t, s, officerEmail), tr.ID, tr.Version, "approve", "")
		wantError(t, err, ipr.EFORBIDDEN, "")

		clock.Advance(4 * 24 * time.Hour) // the head of office is a day late
		tr = move(t, s, supervisorEmail, tr, "approve", "")
		clock.Advance(2 * time.Hour)
		tr = move(t, s, officerEmail, tr, "send", "")
		if !tr.SendDue.Equal(tr.DecidedAt.Add(24*time.Hour)) || !tr.PoliceDue.Equal(clock.Now().Add(72*time.Hour)) {
			t.Errorf("sent: got send due %s, police due %s", tr.SendDue, tr.PoliceDue)
		}
		if got := detail(t, s, officerEmail, c.ID).Case.State; got != "transferred" {
			t.Errorf("case after sending: got %s, want transferred", got)
		}
		v := view(t, s, officerEmail, tr.ID)
		wantClocks(t, v.Clocks, map[string]bool{"approval": true, "sending": false, "police_decision": false})

		clock.Advance(24 * time.Hour)
		tr = move(t, s, policeEmail, tr, "return", "the valuation report is missing")
		_, err = s.ActOnTransfer(ctx, police, tr.ID, tr.Version, "resubmit", "")
		wantError(t, err, ipr.EFORBIDDEN, "")
		clock.Advance(5 * 24 * time.Hour)
		w := stats(t, s).Waiting // after the demo's transfers, which wait longer
		if len(w) == 0 || w[len(w)-1].Transfer.ID != tr.ID || w[len(w)-1].Days != 5 {
			t.Errorf("waiting: got %+v, want this transfer last, for 5 days", w)
		}
		tr = move(t, s, officerEmail, tr, "resubmit", "")
		if !tr.PoliceDue.Equal(clock.Now().Add(72 * time.Hour)) {
			t.Errorf("resubmitted: got police due %s, want 3 days from now (the clock restarts)", tr.PoliceDue)
		}
		v = view(t, s, policeEmail, tr.ID)
		wantClocks(t, v.Clocks, map[string]bool{"approval": true, "sending": false, "police_decision": false})
		clock.Advance(4 * 24 * time.Hour)
		v = view(t, s, policeEmail, tr.ID)
		wantClocks(t, v.Clocks, map[string]bool{"approval": true, "sending": false, "police_decision": true})
		if len(v.Allowed) != 3 || v.DossierLatest != 1 {
			t.Errorf("police view: got allowed %v, dossier v%d; want accept, request_evidence, return and v1", v.Allowed, v.DossierLatest)
		}
		tr = move(t, s, policeEmail, tr, "accept", "")

		_, err = s.RecordOutcome(ctx, police, tr.ID, ipr.TransferOutcome{Kind: "arrests", Note: "3 suspects detained"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.RecordOutcome(ctx, user(t, s, officerEmail), tr.ID, ipr.TransferOutcome{Kind: "judgment"})
		wantError(t, err, ipr.EFORBIDDEN, "")

		// The holder of the case sees the outcome, but not the timeline or the dossier.
		hv := view(t, s, holderEmail, tr.ID)
		if len(hv.Transfer.Outcomes) != 1 || hv.Transfer.Outcomes[0].Kind != ipr.OutcomeArrests || hv.Events != nil {
			t.Errorf("holder's view: got outcomes %v, %d events; want the arrests and no timeline", hv.Transfer.Outcomes, len(hv.Events))
		}
		_, err = s.Dossier(ctx, user(t, s, holderEmail), tr.ID, 0)
		wantError(t, err, ipr.ENOTFOUND, "")
		_, err = s.Transfer(ctx, user(t, s, "brand@aurelia.example"), tr.ID)
		wantError(t, err, ipr.ENOTFOUND, "transfer")

		// Police of another unit do not know the transfer exists.
		stranger := otherPolice(t, s)
		_, err = s.Transfer(ctx, stranger, tr.ID)
		wantError(t, err, ipr.ENOTFOUND, "transfer")
		_, err = s.Dossier(ctx, stranger, tr.ID, 1)
		wantError(t, err, ipr.ENOTFOUND, "transfer")
		list, total, err := s.Transfers(ctx, stranger, ipr.TransferFilter{})
		if err != nil || total != 0 || len(list) != 0 {
			t.Errorf("another unit's list: got %d (%d), %v; want none", len(list), total, err)
		}
		if list, _, _ := s.Transfers(ctx, police, ipr.TransferFilter{}); len(list) != demoTransferCount+1 {
			t.Errorf("its unit's list: got %d, want 1 and the demo's %d", len(list), demoTransferCount)
		}

		d, err := s.Dossier(ctx, police, tr.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if d.Version != 1 || d.Content.Case.Ref != c.Ref || len(d.Content.Goods) != 1 || len(d.Content.LegalBasis) == 0 {
			t.Errorf("dossier: got v%d %+v", d.Version, d.Content.Case)
		}
		v = view(t, s, officerEmail, tr.ID)
		kinds := make([]string, len(v.Events))
		for i, e := range v.Events {
			kinds[i] = e.Kind
		}
		want := []string{"propose", "approve", "send", "return", "resubmit", "accept", "outcome"}
		if !equalStrings(kinds, want) {
			t.Errorf("timeline: got %v, want %v", kinds, want)
		}
	})
}

func TestTransferDossierVersions(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer, police := user(t, s, officerEmail), user(t, s, policeEmail)
		c := transferCase(t, s, 1, workflow.Yuan(10_000))
		_, err := s.ProposeTransfer(ctx, officer, c.ID, enforce.TransferInput{PoliceOrgID: police.OrgID})
		wantError(t, err, ipr.EINVALID, "reasons")
		tr, err := s.ProposeTransfer(ctx, officer, c.ID, enforce.TransferInput{PoliceOrgID: police.OrgID,
			Reasons: "the consignee ships fakes every week"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.RefreshDossier(ctx, officer, tr.ID)
		wantError(t, err, ipr.ECONFLICT, "transfer")
		tr = move(t, s, supervisorEmail, tr, "approve", "")
		tr = move(t, s, officerEmail, tr, "send", "")
		if got := detail(t, s, officerEmail, c.ID).Case.State; got != "suspected" {
			t.Errorf("a suspected case sent: got %s, want it left suspected", got)
		}
		if v, err := s.RefreshDossier(ctx, officer, tr.ID); err != nil || v != 1 {
			t.Errorf("refresh without change: got v%d, %v; want v1", v, err)
		}
		if _, err := s.AddCaseItems(ctx, officer, c.ID, []ipr.CaseItem{{Description: "caps", Quantity: 10}}); err != nil {
			t.Fatal(err)
		}
		if v, err := s.RefreshDossier(ctx, officer, tr.ID); err != nil || v != 2 {
			t.Errorf("refresh after a change: got v%d, %v; want v2", v, err)
		}
		first, err := s.Dossier(ctx, police, tr.ID, 1)
		if err != nil || len(first.Content.Goods) != 1 {
			t.Errorf("version 1 kept: got %v, %v", first, err)
		}
		_, err = s.Dossier(ctx, police, tr.ID, 3)
		wantError(t, err, ipr.ENOTFOUND, "version")
	})
}

func TestTransferStats(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx := t.Context()
		officer, police := user(t, s, officerEmail), user(t, s, policeEmail)
		// Approval after 1, 2, 3 and 5 days; sending 1 day later; acceptance 2 days after.
		for _, approvalDays := range []int{1, 2, 3, 5} {
			c := transferCase(t, s, 1, workflow.Yuan(60_000))
			tr, err := s.ProposeTransfer(ctx, officer, c.ID, enforce.TransferInput{PoliceOrgID: police.OrgID})
			if err != nil {
				t.Fatal(err)
			}
			clock.Advance(time.Duration(approvalDays) * 24 * time.Hour)
			tr = move(t, s, supervisorEmail, tr, "approve", "")
			clock.Advance(24 * time.Hour)
			tr = move(t, s, officerEmail, tr, "send", "")
			clock.Advance(2 * 24 * time.Hour)
			move(t, s, policeEmail, tr, "accept", "")
		}
		st := stats(t, s)
		if len(st.Offices) != 1 || len(st.Units) != 1 {
			t.Fatalf("got %d offices and %d units, want 1 and 1", len(st.Offices), len(st.Units))
		}
		o := st.Offices[0]
		if o.Name != "Yiwu Customs" || o.Transfers != 4 ||
			o.ProposalToApproval != (enforce.Spread{N: 4, Median: 2.5, P90: 4.4}) ||
			o.ApprovalToSending != (enforce.Spread{N: 4, Median: 1, P90: 1}) ||
			o.SendingToAcceptance != (enforce.Spread{N: 4, Median: 2, P90: 2}) {
			t.Errorf("office: got %+v", o)
		}
		if u := st.Units[0]; u.Name != "Zhejiang Police IP Crime Unit" || u.ProposalToApproval.Median != 2.5 {
			t.Errorf("unit: got %+v", u)
		}
		_, err := s.TransferStats(ctx, police, time.Time{})
		wantError(t, err, ipr.EFORBIDDEN, "")
	})
}

func view(t *testing.T, s *enforce.Service, email string, id int64) *enforce.TransferView {
	t.Helper()
	v, err := s.Transfer(t.Context(), user(t, s, email), id)
	if err != nil {
		t.Fatalf("Transfer as %s: %v", email, err)
	}
	return v
}

func stats(t *testing.T, s *enforce.Service) *enforce.TransferStats {
	t.Helper()
	st, err := s.TransferStats(t.Context(), user(t, s, supervisorEmail), start) // those of the test, not the demo's
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// wantClocks checks which clocks are shown and which are overdue.
func wantClocks(t *testing.T, clocks []ipr.TransferClock, overdue map[string]bool) {
	t.Helper()
	if len(clocks) != len(overdue) {
		t.Fatalf("got %d clocks %+v, want %d", len(clocks), clocks, len(overdue))
	}
	for _, c := range clocks {
		if want, ok := overdue[c.Name]; !ok || c.Overdue != want || c.DueAt.IsZero() {
			t.Errorf("clock %s: got overdue %v due %s, want overdue %v", c.Name, c.Overdue, c.DueAt, want)
		}
	}
}
