package enforce_test

import (
	"bytes"
	"io"
	"slices"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// itemsCase opens a CN case for the demo holder with two parcels, at the clock's time.
func itemsCase(t *testing.T, s *enforce.Service) *ipr.Case {
	t.Helper()
	c, err := s.OpenCase(t.Context(), user(t, s, officerEmail), enforce.CaseInput{Profile: ipr.ProfileCN,
		Mode: ipr.ModeExOfficio, Office: "Yiwu Customs", HolderOrgID: user(t, s, holderEmail).OrgID, Channel: "postal",
		GoodsValue: workflow.Yuan(10_000), Items: []ipr.CaseItem{
			{Description: "parcel 1: sneakers", Quantity: 12, DeclaredValue: workflow.Yuan(6_000)},
			{Description: "parcel 2: caps", Quantity: 30, DeclaredValue: workflow.Yuan(4_000)}}})
	if err != nil {
		t.Fatalf("OpenCase: %v", err)
	}
	return c
}

func caseItems(t *testing.T, s *enforce.Service, email string, caseID int64) *enforce.ItemsView {
	t.Helper()
	v, err := s.CaseItems(t.Context(), user(t, s, email), caseID)
	if err != nil {
		t.Fatalf("CaseItems as %s: %v", email, err)
	}
	return v
}

// unchanged runs step, which must fail, and checks that it wrote no audit event.
func unchanged(t *testing.T, s *enforce.Service, step func()) {
	t.Helper()
	before := count(t, s)
	step()
	if after := count(t, s); after != before {
		t.Errorf("a refused change wrote: %+v → %+v", before, after)
	}
}

func TestCaseItemsAddAndUpdate(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx, officer := t.Context(), user(t, s, officerEmail)
		c := itemsCase(t, s)
		var added []*ipr.CaseItem
		oneAudit(t, s, "case.items_add", func() {
			var err error
			added, err = s.AddCaseItems(ctx, officer, c.ID, []ipr.CaseItem{
				{Description: "parcel 3: belts", Quantity: 5, DeclaredValue: workflow.Yuan(500)},
				{Description: "parcel 4: bags", Quantity: 2, Unit: "boxes"}})
			if err != nil {
				t.Fatal(err)
			}
		})
		if len(added) != 2 || added[0].Position != 3 || added[1].Position != 4 || added[1].Unit != "boxes" {
			t.Fatalf("added: got %+v, want positions 3 and 4", added)
		}
		unchanged(t, s, func() {
			_, err := s.AddCaseItems(ctx, officer, c.ID, []ipr.CaseItem{
				{Description: "parcel 5", Quantity: 1}, {Description: "parcel 6", Quantity: 0}})
			wantError(t, err, ipr.EINVALID, "items[1].quantity")
		})
		items := caseItems(t, s, officerEmail, c.ID).Items
		if len(items) != 4 {
			t.Fatalf("after a refused batch: got %d items, want 4", len(items))
		}

		third := *items[2].CaseItem
		third.AssessedValue = -1
		unchanged(t, s, func() {
			_, err := s.UpdateCaseItem(ctx, officer, third)
			wantError(t, err, ipr.EINVALID, "items[2].assessed_value")
		})
		third.AssessedValue, third.Location, third.StorageCostPerDay = workflow.Yuan(450), "Yiwu bonded store, bay 3", 250
		third.Description = "renamed" // not changed by an update
		oneAudit(t, s, "case.item_update", func() {
			if _, err := s.UpdateCaseItem(ctx, officer, third); err != nil {
				t.Fatal(err)
			}
		})
		got := caseItems(t, s, holderEmail, c.ID).Items[2]
		if got.AssessedValue != workflow.Yuan(450) || got.Location != "Yiwu bonded store, bay 3" ||
			got.StorageCostPerDay != 250 || got.Description != "parcel 3: belts" || got.DeclaredValue != workflow.Yuan(500) {
			t.Errorf("updated: got %+v, want assessed 450.00 in bay 3 at 2.50 a day, description and declared value kept", got.CaseItem)
		}
		if after := detail(t, s, officerEmail, c.ID).Case.Version; after != c.Version {
			t.Errorf("case version: got %d, want %d: items bump nothing else", after, c.Version)
		}

		holder := user(t, s, holderEmail)
		if _, err := s.AddCaseItems(ctx, holder, c.ID, []ipr.CaseItem{{Description: "x", Quantity: 1}}); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("AddCaseItems by the holder: got %v, want forbidden", err)
		}
		if _, err := s.UpdateCaseItem(ctx, holder, third); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("UpdateCaseItem by the holder: got %v, want forbidden", err)
		}
	})
}

func TestItemFileAttach(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx, officer := t.Context(), user(t, s, officerEmail)
		c := itemsCase(t, s)
		item := caseItems(t, s, officerEmail, c.ID).Items[1]
		photo := pngOf(t, picture(30, 20, red, blue))
		unchanged(t, s, func() {
			_, err := s.AttachItemFile(ctx, officer, item.ID, "label.png", bytes.NewReader(exe))
			wantError(t, err, ipr.EINVALID, "file")
		})
		if _, err := s.AttachItemFile(ctx, user(t, s, holderEmail), item.ID, "p.png", bytes.NewReader(photo)); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("attach by the holder: got %v, want forbidden", err)
		}
		f, err := s.AttachItemFile(ctx, officer, item.ID, `C:\photos\seized.png`, bytes.NewReader(photo))
		if err != nil {
			t.Fatal(err)
		}
		if f.SHA256 != sha(photo) || f.Name != "seized.png" || f.OrgID != c.HolderOrgID {
			t.Errorf("file: got %s %q of org %d, want %s seized.png of the holder %d", f.SHA256, f.Name, f.OrgID, sha(photo), c.HolderOrgID)
		}
		if got := lastEvent(t, s).Action; got != "case.item_file" {
			t.Errorf("audit: got %q, want case.item_file", got)
		}
		pdf := []byte("%PDF-1.4\nwaybill\n%%EOF\n")
		if _, err := s.AttachItemFile(ctx, officer, item.ID, "waybill.pdf", bytes.NewReader(pdf)); err != nil {
			t.Fatal(err)
		}
		got := caseItems(t, s, holderEmail, c.ID).Items[1]
		if !slices.Equal(got.CaseItem.Files, []string{sha(photo), sha(pdf)}) || len(got.Files) != 2 ||
			got.Files[1].ContentType != "application/pdf" {
			t.Fatalf("item files: got %v, want the photo then the PDF", got.CaseItem.Files)
		}
		for _, email := range []string{officerEmail, holderEmail} {
			_, body, err := s.OpenFile(ctx, user(t, s, email), sha(photo), false)
			if err != nil {
				t.Fatalf("OpenFile as %s: %v", email, err)
			}
			data, _ := io.ReadAll(body)
			body.Close()
			if !bytes.Equal(data, photo) {
				t.Errorf("download as %s: got %d bytes, want the %d uploaded", email, len(data), len(photo))
			}
		}
		if _, _, err := s.OpenFile(ctx, user(t, s, "brand@aurelia.example"), sha(photo), false); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("download by another holder: got %v, want not found", err)
		}
	})
}

func TestCustodyMoveGoods(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		ctx, officer := t.Context(), user(t, s, officerEmail)
		c := itemsCase(t, s)
		items := caseItems(t, s, officerEmail, c.ID).Items
		clock.Advance(2 * time.Hour)
		oneAudit(t, s, "case.custody", func() {
			if _, err := s.MoveGoods(ctx, officer, c.ID, ipr.Custody{From: "Yiwu postal hall", To: "Warehouse A",
				Received: "Wang Fang"}); err != nil {
				t.Fatal(err)
			}
		})
		clock.Advance(time.Hour)
		lab, err := s.MoveGoods(ctx, officer, c.ID, ipr.Custody{ItemID: items[1].ID, To: "Inspection lab",
			At: clock.Now().Add(-30 * time.Minute), Note: "for the holder's identification"})
		if err != nil {
			t.Fatal(err)
		}
		if lab.From != "Warehouse A" || lab.By != officer.ID {
			t.Errorf("second move: got from %q by %d, want from Warehouse A (where it was) by %d", lab.From, lab.By, officer.ID)
		}
		unchanged(t, s, func() {
			_, err := s.MoveGoods(ctx, officer, c.ID, ipr.Custody{To: "Later", At: clock.Now().Add(time.Hour)})
			wantError(t, err, ipr.EINVALID, "at")
		})
		unchanged(t, s, func() {
			_, err := s.MoveGoods(ctx, officer, c.ID, ipr.Custody{To: " "})
			wantError(t, err, ipr.EINVALID, "to")
		})

		log, err := s.CustodyLog(ctx, user(t, s, holderEmail), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range log {
			got = append(got, m.From+" → "+m.To)
		}
		if want := []string{"Yiwu postal hall → Warehouse A", "Warehouse A → Inspection lab"}; !slices.Equal(got, want) {
			t.Errorf("custody log: got %v, want %v", got, want)
		}
		v := caseItems(t, s, officerEmail, c.ID)
		if v.Items[0].Location != "Warehouse A" || v.Items[1].Location != "Inspection lab" || len(v.Custody) != 2 {
			t.Errorf("locations: got %q and %q, %d moves; want Warehouse A, Inspection lab, 2", v.Items[0].Location,
				v.Items[1].Location, len(v.Custody))
		}
		if _, err := s.MoveGoods(ctx, user(t, s, holderEmail), c.ID, ipr.Custody{To: "Home"}); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
			t.Errorf("MoveGoods by the holder: got %v, want forbidden", err)
		}
	})
}

// Another holder learns nothing of a case's goods: every call is not found.
func TestCaseItemsOtherHolder(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx, other := t.Context(), user(t, s, "brand@aurelia.example")
		c := itemsCase(t, s)
		item := *caseItems(t, s, officerEmail, c.ID).Items[0].CaseItem
		for name, call := range map[string]func() error{
			"CaseItems":  func() error { _, err := s.CaseItems(ctx, other, c.ID); return err },
			"CustodyLog": func() error { _, err := s.CustodyLog(ctx, other, c.ID); return err },
			"MoveGoods":  func() error { _, err := s.MoveGoods(ctx, other, c.ID, ipr.Custody{To: "x"}); return err },
			"AddItems": func() error {
				_, err := s.AddCaseItems(ctx, other, c.ID, []ipr.CaseItem{{Description: "x", Quantity: 1}})
				return err
			},
			"UpdateItem": func() error { _, err := s.UpdateCaseItem(ctx, other, item); return err },
			"AttachFile": func() error {
				_, err := s.AttachItemFile(ctx, other, item.ID, "a.png", bytes.NewReader(nil))
				return err
			},
			"AttachNoone": func() error { _, err := s.AttachItemFile(ctx, nil, item.ID, "a.png", bytes.NewReader(nil)); return err },
		} {
			want := ipr.ENOTFOUND
			if name == "AttachNoone" {
				want = ipr.EUNAUTHENTICATED
			}
			if err := call(); ipr.ErrorCode(err) != want {
				t.Errorf("%s by another holder: got %v, want %s", name, err, want)
			}
		}
	})
}

func TestStorageCost(t *testing.T) {
	opened := time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)
	items := []*ipr.CaseItem{{StorageCostPerDay: 1250}, {StorageCostPerDay: 300}, {}}
	for _, tc := range []struct {
		name  string
		until time.Time
		days  int64
		total ipr.Money
	}{
		{"at opening", opened, 0, 0},
		{"before opening", opened.Add(-time.Hour), 0, 0},
		{"a minute in", opened.Add(time.Minute), 1, 1550},
		{"ten days", opened.Add(240 * time.Hour), 10, 15500},
		{"ten days and a second", opened.Add(240*time.Hour + time.Second), 11, 17050},
	} {
		got := enforce.StorageCost(items, opened, tc.until)
		if got.Days != tc.days || got.Total != tc.total || len(got.PerItem) != 3 || got.PerItem[2] != 0 {
			t.Errorf("%s: got %d days, total %s, per item %v; want %d days, total %s", tc.name, got.Days, got.Total,
				got.PerItem, tc.days, tc.total)
		}
	}
	huge := enforce.StorageCost([]*ipr.CaseItem{{StorageCostPerDay: 1e16}, {StorageCostPerDay: 1e16}}, opened, opened.AddDate(30, 0, 0))
	if huge.Total <= 0 {
		t.Errorf("overflowing cost: got total %d, want it to stop at the largest amount", huge.Total)
	}
}

// Storage accrues per begun day at each item's cost, from the case's opening.
func TestStorageCostAccrued(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, clock := demo(t, db)
		officer := user(t, s, officerEmail)
		c := itemsCase(t, s)
		for i, perDay := range []ipr.Money{1250, 300} {
			it := *caseItems(t, s, officerEmail, c.ID).Items[i].CaseItem
			it.StorageCostPerDay = perDay
			if _, err := s.UpdateCaseItem(t.Context(), officer, it); err != nil {
				t.Fatal(err)
			}
		}
		clock.Advance(10 * 24 * time.Hour)
		v := caseItems(t, s, holderEmail, c.ID)
		if v.Storage.Days != 10 || v.Items[0].Accrued != 12500 || v.Items[1].Accrued != 3000 || v.Storage.Total != 15500 {
			t.Errorf("after 10 days: got %d days, %s + %s = %s; want 10 days, 125.00 + 30.00 = 155.00",
				v.Storage.Days, v.Items[0].Accrued, v.Items[1].Accrued, v.Storage.Total)
		}
		if v.CanEdit || v.CanMove {
			t.Errorf("holder's view: got may edit %v, may move %v; want neither", v.CanEdit, v.CanMove)
		}
		if v := caseItems(t, s, officerEmail, c.ID); !v.CanEdit || !v.CanMove {
			t.Errorf("officer's view: got may edit %v, may move %v; want both", v.CanEdit, v.CanMove)
		}
	})
}
