package ipr_test

import (
	"testing"
	"time"

	"bordermark/internal/ipr"
)

func validRight() *ipr.Right {
	return &ipr.Right{Kind: ipr.Trademark, Mark: "NORTHWIND", NiceClasses: []int{25, 18, 25}, Jurisdiction: "cn",
		ValidFrom: ipr.NewDate(2016, 5, 14), ValidTo: ipr.NewDate(2036, 5, 13), Status: ipr.StatusDraft}
}

func TestRightValidateNamesEachBadField(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*ipr.Right)
		field string
	}{
		{"no mark", func(r *ipr.Right) { r.Mark = "  " }, "mark"},
		{"unknown kind", func(r *ipr.Right) { r.Kind = "brand" }, "kind"},
		{"class 99", func(r *ipr.Right) { r.NiceClasses = []int{99} }, "nice_classes"},
		{"trademark without class", func(r *ipr.Right) { r.NiceClasses = nil }, "nice_classes"},
		{"no jurisdiction", func(r *ipr.Right) { r.Jurisdiction = "" }, "jurisdiction"},
		{"no expiry", func(r *ipr.Right) { r.ValidTo = ipr.Date{} }, "valid_to"},
		{"ends before it starts", func(r *ipr.Right) { r.ValidTo = ipr.NewDate(2010, 1, 1) }, "valid_to"},
		{"bad ref", func(r *ipr.Right) { r.Ref = "has spaces" }, "ref"},
	}
	for _, c := range cases {
		r := validRight()
		c.edit(r)
		err := r.Validate()
		if _, ok := ipr.ErrorFields(err)[c.field]; !ok || ipr.ErrorCode(err) != ipr.EINVALID {
			t.Errorf("%s: got %v, want EINVALID naming %q", c.name, err, c.field)
		}
	}
	r := validRight()
	if err := r.Validate(); err != nil {
		t.Fatalf("valid right: got %v", err)
	}
	if r.Jurisdiction != "CN" || len(r.NiceClasses) != 2 || r.NiceClasses[0] != 18 {
		t.Errorf("normalised: got jurisdiction %q classes %v, want CN and [18 25]", r.Jurisdiction, r.NiceClasses)
	}
}

func TestRecordationWorkflow(t *testing.T) {
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	r := validRight()
	if err := r.Approve(now); ipr.ErrorCode(err) != ipr.ECONFLICT {
		t.Errorf("approve a draft: got %v, want ECONFLICT", err)
	}
	if err := r.Submit(now); err != nil {
		t.Fatal(err)
	}
	if got, want := r.DecisionDue, ipr.NewDate(2026, 12, 29); got != want || !r.DueInCalendar {
		t.Errorf("decision due: got %s (calendar %v), want %s counted in calendar days", got, r.DueInCalendar, want)
	}
	if err := r.Reject(now, " "); ipr.ErrorFields(err)["reason"] == "" {
		t.Errorf("reject without reason: got %v, want the reason field named", err)
	}
	if err := r.Reject(now, "certificate missing"); err != nil || r.Status != ipr.StatusRejected {
		t.Fatalf("reject: got %v, status %s", err, r.Status)
	}
	if err := r.Submit(now.AddDate(0, 0, 2)); err != nil || r.RejectReason != "" {
		t.Fatalf("resubmit: got %v, reason %q kept", err, r.RejectReason)
	}
	if err := r.Approve(now.AddDate(0, 0, 5)); err != nil {
		t.Fatal(err)
	}
	if got, want := r.RecordTo, ipr.NewDate(2036, 5, 13); got != want {
		t.Errorf("ten years capped at the right's expiry: got %s, want %s", got, want)
	}
}

func TestRecordationTenYears(t *testing.T) {
	r := validRight()
	r.ValidTo = ipr.NewDate(2050, 1, 1)
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	r.Submit(now)
	if err := r.Approve(now); err != nil {
		t.Fatal(err)
	}
	if got, want := r.RecordTo, ipr.NewDate(2036, 2, 29); got != want {
		t.Errorf("recordation end: got %s, want %s (ten years less a day)", got, want)
	}
	cases := []struct {
		day                              ipr.Date
		protecting, renewalOpen, expired bool
	}{
		{ipr.NewDate(2026, 2, 28), false, false, false},
		{ipr.NewDate(2026, 3, 1), true, false, false},
		{ipr.NewDate(2035, 8, 28), true, false, false},
		{ipr.NewDate(2035, 8, 29), true, true, false},
		{ipr.NewDate(2036, 2, 29), true, true, false},
		{ipr.NewDate(2036, 3, 1), false, false, true},
	}
	for _, c := range cases {
		if got := r.Protecting(c.day); got != c.protecting {
			t.Errorf("Protecting(%s): got %v, want %v", c.day, got, c.protecting)
		}
		if got := r.RenewalOpen(c.day); got != c.renewalOpen {
			t.Errorf("RenewalOpen(%s): got %v, want %v", c.day, got, c.renewalOpen)
		}
		if got := r.DisplayStatus(c.day) == "expired"; got != c.expired {
			t.Errorf("expired on %s: got %v, want %v", c.day, got, c.expired)
		}
	}
	if err := r.Renew(ipr.Date{}); err != nil || r.RecordTo != ipr.NewDate(2046, 2, 28) {
		t.Errorf("renew: got %v, end %s, want end 2046-02-28", err, r.RecordTo)
	}
	r.ValidTo = r.RecordTo
	if err := r.Renew(ipr.Date{}); ipr.ErrorFields(err)["valid_to"] == "" {
		t.Errorf("renew past the right's expiry: got %v, want valid_to named", err)
	}
}

func TestApproveExpiredRightRefused(t *testing.T) {
	r := validRight()
	r.ValidFrom, r.ValidTo = ipr.NewDate(2001, 1, 1), ipr.NewDate(2011, 1, 1)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r.Submit(now)
	if err := r.Approve(now); ipr.ErrorFields(err)["valid_to"] == "" {
		t.Errorf("approve an expired right: got %v, want valid_to named", err)
	}
}

func TestParseNiceClasses(t *testing.T) {
	cases := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{"25 18", 2, false}, {"9", 1, false}, {"", 0, false}, {"3,14;18", 3, false},
		{"46", 0, true}, {"0", 0, true}, {"x", 0, true}, {"1e1", 0, true}, {"-3", 0, true},
	}
	for _, c := range cases {
		got, err := ipr.ParseNiceClasses(c.in)
		if (err != nil) != c.wantErr || len(got) != c.want {
			t.Errorf("ParseNiceClasses(%q): got %v, %v; want %d classes, error %v", c.in, got, err, c.want, c.wantErr)
		}
	}
}

func TestDate(t *testing.T) {
	d, err := ipr.ParseDate("2026-02-28")
	if err != nil || d.String() != "2026-02-28" || d.AddDate(0, 0, 1).String() != "2026-03-01" {
		t.Errorf("ParseDate: got %v %v", d, err)
	}
	for _, bad := range []string{"2026-2-28", "28/02/2026", "2026-02-30"} {
		if _, err := ipr.ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q): got nil error, want one", bad)
		}
	}
	if got := ipr.DateOf(time.Date(2026, 11, 28, 20, 0, 0, 0, time.UTC), time.FixedZone("CST", 8*3600)); got.String() != "2026-11-29" {
		t.Errorf("DateOf in UTC+8: got %s, want 2026-11-29", got)
	}
	if got := ipr.MinDate(ipr.Date{}, ipr.NewDate(2030, 1, 1)); got.String() != "2030-01-01" {
		t.Errorf("MinDate with a zero date: got %s", got)
	}
}
