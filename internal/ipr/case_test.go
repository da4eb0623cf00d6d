package ipr_test

import (
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
)

var opened = time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)

func validCase() *ipr.Case {
	return &ipr.Case{Profile: ipr.ProfileCN, Mode: ipr.ModeExOfficio, State: "suspected", Office: " Yiwu ",
		HolderOrgID: 4, RightIDs: []int64{1}, GoodsValue: 1_250_00, OpenedBy: 2, OpenedAt: opened}
}

func TestCaseValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ipr.Case)
		field  string // "" for valid
	}{
		{"valid", func(*ipr.Case) {}, ""},
		{"unknown profile", func(c *ipr.Case) { c.Profile = "JP" }, "profile"},
		{"unknown mode", func(c *ipr.Case) { c.Mode = "whim" }, "mode"},
		{"no state", func(c *ipr.Case) { c.State = " " }, "state"},
		{"no office", func(c *ipr.Case) { c.Office = "" }, "office"},
		{"no holder", func(c *ipr.Case) { c.HolderOrgID = 0 }, "holder"},
		{"bad currency", func(c *ipr.Case) { c.Currency = "yuan" }, "currency"},
		{"negative value", func(c *ipr.Case) { c.GoodsValue = -1 }, "goods_value"},
		{"negative fine", func(c *ipr.Case) { c.Penalty.Fine = -1 }, "penalty.fine"},
		{"negative bond", func(c *ipr.Case) { c.BondAmount = -5 }, "bond_amount"},
		{"unknown determination", func(c *ipr.Case) { c.Determination = "maybe" }, "determination"},
		{"unknown bond source", func(c *ipr.Case) { c.BondSource = "iou" }, "bond_source"},
		{"guarantee bond without guarantee", func(c *ipr.Case) { c.BondSource = ipr.BondGuarantee }, "bond_guarantee"},
		{"cash bond with guarantee", func(c *ipr.Case) { c.BondSource, c.BondGuaranteeID = ipr.BondCash, 3 }, "bond_guarantee"},
		{"bad right", func(c *ipr.Case) { c.RightIDs = []int64{1, 0} }, "rights[1]"},
		{"not opened", func(c *ipr.Case) { c.OpenedAt = time.Time{} }, "opened_at"},
	}
	for _, tt := range tests {
		c := validCase()
		tt.change(c)
		err := c.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: got %v, want valid", tt.name, err)
			}
			continue
		}
		if got := ipr.ErrorCode(err); got != ipr.EINVALID || ipr.ErrorFields(err)[tt.field] == "" {
			t.Errorf("%s: got %v (%s), want a problem for %q", tt.name, err, got, tt.field)
		}
	}
}

func TestCaseValidateNormalises(t *testing.T) {
	for _, tt := range []struct {
		profile ipr.Profile
		want    string
	}{{ipr.ProfileCN, "CNY"}, {ipr.ProfileEU, "EUR"}, {ipr.ProfileUS, "USD"}} {
		c := validCase()
		c.Profile = tt.profile
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		if c.Currency != tt.want || c.Office != "Yiwu" {
			t.Errorf("%s: got currency %q office %q, want %q and \"Yiwu\"", tt.profile, c.Currency, c.Office, tt.want)
		}
	}
}

func TestCaseRef(t *testing.T) {
	if got, want := ipr.CaseRef("HZ", 2026, 123), "HZ-2026-000123"; got != want {
		t.Errorf("CaseRef: got %q, want %q", got, want)
	}
	for _, tt := range []struct {
		prefix string
		ok     bool
	}{{"HZ", true}, {"YW2", true}, {"", false}, {"hz", false}, {"H-Z", false}, {"ABCDEFGHI", false}} {
		if got := ipr.CheckRefPrefix(tt.prefix) == nil; got != tt.ok {
			t.Errorf("CheckRefPrefix(%q): got ok %v, want %v", tt.prefix, got, tt.ok)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		want ipr.Money
		ok   bool
	}{
		{"0", 0, true},
		{"1234", 1234_00, true},
		{"1234.5", 1234_50, true},
		{"1,234.56", 1234_56, true},
		{" ¥200,000 ", 200_000_00, true},
		{"€0.07", 7, true},
		{"", 0, false},
		{"-5", 0, false},
		{"1.234", 0, false},
		{"1.", 0, false},
		{".5", 0, false},
		{"12a", 0, false},
		{"1e5", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, err := ipr.ParseMoney(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseMoney(%q): got %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		m    ipr.Money
		want string
	}{{0, "0.00"}, {7, "0.07"}, {200_000_00, "200000.00"}, {-150, "-1.50"}} {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Money(%d).String(): got %q, want %q", tt.m, got, tt.want)
		}
	}
}

// Whatever ParseMoney accepts is non-negative and reads back the same from its String.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"0", "1,234.56", "¥200,000", "1.5", "abc", "1..2", "９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ipr.ParseMoney(s)
		if err != nil {
			return
		}
		if m < 0 {
			t.Fatalf("ParseMoney(%q) = %d, negative", s, m)
		}
		again, err := ipr.ParseMoney(m.String())
		if err != nil || again != m {
			t.Fatalf("ParseMoney(%q) = %d, but its String %q reads back as %d, %v", s, m, m.String(), again, err)
		}
	})
}

func TestCaseItemValidate(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	tests := []struct {
		name   string
		change func(*ipr.CaseItem)
		field  string
	}{
		{"valid", func(*ipr.CaseItem) {}, ""},
		{"no description", func(it *ipr.CaseItem) { it.Description = " " }, "description"},
		{"no quantity", func(it *ipr.CaseItem) { it.Quantity = 0 }, "quantity"},
		{"negative value", func(it *ipr.CaseItem) { it.DeclaredValue = -1 }, "declared_value"},
		{"negative storage", func(it *ipr.CaseItem) { it.StorageCostPerDay = -1 }, "storage_cost_per_day"},
		{"bad file", func(it *ipr.CaseItem) { it.Files = []string{sha, "ABC"} }, "files[1]"},
		{"upper-case sha", func(it *ipr.CaseItem) { it.Files = []string{strings.ToUpper(sha)} }, "files[0]"},
	}
	for _, tt := range tests {
		it := &ipr.CaseItem{Description: "sports shoes", Quantity: 40, Files: []string{sha}}
		tt.change(it)
		err := it.Validate()
		if tt.field == "" {
			if err != nil || it.Unit != "pcs" {
				t.Errorf("%s: got %v, unit %q; want valid, unit pcs", tt.name, err, it.Unit)
			}
			continue
		}
		if ipr.ErrorFields(err)[tt.field] == "" {
			t.Errorf("%s: got %v, want a problem for %q", tt.name, err, tt.field)
		}
	}
}

func TestDeadlineValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ipr.Deadline)
		field  string
	}{
		{"valid", func(*ipr.Deadline) {}, ""},
		{"no name", func(d *ipr.Deadline) { d.Name = "" }, "name"},
		{"not started", func(d *ipr.Deadline) { d.StartedAt = time.Time{} }, "started_at"},
		{"due before start", func(d *ipr.Deadline) { d.DueAt = opened.Add(-time.Hour) }, "due_at"},
		{"unknown state", func(d *ipr.Deadline) { d.State = "paused" }, "state"},
	}
	for _, tt := range tests {
		d := &ipr.Deadline{Name: "identification", StartedAt: opened, DueAt: opened.Add(72 * time.Hour),
			State: ipr.DeadlineRunning}
		tt.change(d)
		err := d.Validate()
		if (err == nil) != (tt.field == "") || (tt.field != "" && ipr.ErrorFields(err)[tt.field] == "") {
			t.Errorf("%s: got %v, want a problem for %q", tt.name, err, tt.field)
		}
	}
}

func TestGuaranteeValidate(t *testing.T) {
	tests := []struct {
		name   string
		g      ipr.Guarantee
		field  string
		wanted ipr.Money
	}{
		{"the least", ipr.Guarantee{HolderOrgID: 1, Year: 2026, Amount: 200_000_00}, "", 200_000_00},
		{"too small", ipr.Guarantee{HolderOrgID: 1, Year: 2026, Amount: 199_999_99}, "amount", 0},
		{"no holder", ipr.Guarantee{Year: 2026, Amount: 300_000_00}, "holder", 0},
		{"bad year", ipr.Guarantee{HolderOrgID: 1, Year: 26, Amount: 300_000_00}, "year", 0},
		{"already held", ipr.Guarantee{HolderOrgID: 1, Year: 2026, Amount: 300_000_00, Held: 1}, "held", 0},
	}
	for _, tt := range tests {
		err := tt.g.Validate()
		if (err == nil) != (tt.field == "") || (tt.field != "" && ipr.ErrorFields(err)[tt.field] == "") {
			t.Errorf("%s: got %v, want a problem for %q", tt.name, err, tt.field)
		}
		if tt.field == "" && tt.g.Balance() != tt.wanted {
			t.Errorf("%s: got balance %s, want %s", tt.name, tt.g.Balance(), tt.wanted)
		}
	}
}

func TestCustodyAndCalendarValidate(t *testing.T) {
	m := &ipr.Custody{At: opened, To: " "}
	if ipr.ErrorFields(m.Validate())["to"] == "" {
		t.Errorf("custody without destination: got %v, want a problem for \"to\"", m.Validate())
	}
	c := &ipr.CalendarVersion{Jurisdiction: " cn ", Year: 2026, Version: "国办发明电〔2025〕7号", Content: "2026-01-01 holiday"}
	if err := c.Validate(); err != nil || c.Jurisdiction != "CN" {
		t.Errorf("calendar: got %v, jurisdiction %q; want valid, CN", err, c.Jurisdiction)
	}
	c.Content = ""
	if ipr.ErrorFields(c.Validate())["content"] == "" {
		t.Errorf("empty calendar: got %v, want a problem for content", c.Validate())
	}
}
