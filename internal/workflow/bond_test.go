package workflow_test

import (
	"testing"

	"bordermark/internal/ipr"
	wf "bordermark/internal/workflow"
)

func money(t *testing.T, s string) wf.Money {
	t.Helper()
	m, err := ipr.ParseMoney(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestCNBond(t *testing.T) {
	tests := []struct{ value, want string }{
		{"0", "0"},
		{"5000", "5000"},
		{"19999.99", "19999.99"},
		{"20000", "20000"},
		{"39999.99", "20000"},
		{"40000", "20000"},
		{"40000.01", "20000.01"}, // half, rounded up to the fen
		{"150000", "75000"},
		{"200000", "100000"},
		{"200000.01", "100000"},
		{"5000000", "100000"},
	}
	for _, tt := range tests {
		if got, want := wf.CNBond(money(t, tt.value)), money(t, tt.want); got != want {
			t.Errorf("CNBond(%s): got %s, want %s", tt.value, got, want)
		}
	}
	if got, want := wf.CNRequiredBond(wf.OnApplication, wf.Yuan(300_000)), wf.Yuan(300_000); got != want {
		t.Errorf("on application: got %s, want the goods' value %s", got, want)
	}
	if got, want := wf.CNRequiredBond(wf.ExOfficio, wf.Yuan(300_000)), wf.Yuan(100_000); got != want {
		t.Errorf("ex officio: got %s, want %s", got, want)
	}
}

func TestCNPenalty(t *testing.T) {
	value := wf.Yuan(100_000)
	tests := []struct {
		fine   string
		reason string
		tier   string
		field  string // the field the error names; "" for none
	}{
		{"0", "confiscation only", wf.TierUnder10, ""},
		{"9999.99", "first offence", wf.TierUnder10, ""},
		{"10000", "repeat", wf.Tier10To20, ""},
		{"19999.99", "repeat", wf.Tier10To20, ""},
		{"20000", "organised", wf.Tier20To30, ""},
		{"30000", "organised", wf.Tier20To30, ""},
		{"30000.01", "organised", "", "fine"},
		{"5000", "  ", "", "reason"},
	}
	for _, tt := range tests {
		p, err := wf.CNPenalty(value, money(t, tt.fine), tt.reason)
		if tt.field != "" {
			if _, ok := ipr.ErrorFields(err)[tt.field]; !ok || ipr.ErrorCode(err) != ipr.EINVALID {
				t.Errorf("fine %s: got error %v, want EINVALID naming %q", tt.fine, err, tt.field)
			}
			continue
		}
		if err != nil || p.Tier != tt.tier || p.Fine != money(t, tt.fine) || p.Reason != tt.reason {
			t.Errorf("fine %s: got %+v, %v, want tier %s", tt.fine, p, err, tt.tier)
		}
	}
	if _, err := wf.CNPenalty(value, -1, "x"); ipr.ErrorFields(err)["fine"] == "" {
		t.Errorf("negative fine: got %v, want an error naming fine", err)
	}
}

func TestTreatedAsGoods(t *testing.T) {
	tests := []struct {
		channel  string
		quantity int
		limit    int
		want     bool
	}{
		{"general", 1, 0, true},
		{"ecommerce", 1, 0, true},
		{"postal", wf.DefaultPersonalLimit, 0, false},
		{"postal", wf.DefaultPersonalLimit + 1, 0, true},
		{"Express", 5, 10, false},
		{"passenger", 11, 10, true},
	}
	for _, tt := range tests {
		if got := wf.TreatedAsGoods(tt.channel, tt.quantity, tt.limit); got != tt.want {
			t.Errorf("TreatedAsGoods(%q, %d, %d): got %v, want %v", tt.channel, tt.quantity, tt.limit, got, tt.want)
		}
	}
}

func TestEUSmallConsignment(t *testing.T) {
	tests := []struct {
		channel string
		units   int
		kg      float64
		want    bool
	}{
		{"postal", 3, 10, true},
		{"express", 4, 1.99, true},
		{"express", 4, 2, false},
		{"postal", 100, 5, false},
		{"general", 1, 0.1, false},
	}
	for _, tt := range tests {
		if got := wf.EUSmallConsignment(tt.channel, tt.units, tt.kg); got != tt.want {
			t.Errorf("EUSmallConsignment(%q, %d, %v): got %v, want %v", tt.channel, tt.units, tt.kg, got, tt.want)
		}
	}
}
