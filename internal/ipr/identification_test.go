package ipr_test

import (
	"testing"
	"time"

	"bordermark/internal/ipr"
)

func TestIdentificationRequestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ipr.IdentificationRequest)
		field  string
	}{
		{"valid", func(*ipr.IdentificationRequest) {}, ""},
		{"no case", func(r *ipr.IdentificationRequest) { r.CaseID = 0 }, "case"},
		{"no items", func(r *ipr.IdentificationRequest) { r.ItemIDs = nil }, "items"},
		{"item twice", func(r *ipr.IdentificationRequest) { r.ItemIDs = []int64{5, 6, 5} }, "items[2]"},
		{"due before sent", func(r *ipr.IdentificationRequest) { r.Due = opened.Add(-time.Hour) }, "due"},
	}
	for _, tt := range tests {
		r := &ipr.IdentificationRequest{CaseID: 1, ItemIDs: []int64{5, 6}, SentAt: opened, Due: opened.Add(72 * time.Hour)}
		tt.change(r)
		err := r.Validate()
		if (err == nil) != (tt.field == "") || (tt.field != "" && ipr.ErrorFields(err)[tt.field] == "") {
			t.Errorf("%s: got %v, want a problem for %q", tt.name, err, tt.field)
		}
	}
}

func TestCheckAnswers(t *testing.T) {
	fake := func(item int64) ipr.IdentificationAnswer {
		return ipr.IdentificationAnswer{ItemID: item, Verdict: ipr.VerdictCounterfeit, GuidePointIDs: []int64{3}}
	}
	genuine := func(item int64) ipr.IdentificationAnswer {
		return ipr.IdentificationAnswer{ItemID: item, Verdict: ipr.VerdictGenuine}
	}
	tests := []struct {
		name    string
		answers []ipr.IdentificationAnswer
		field   string // "" for valid
	}{
		{"all answered", []ipr.IdentificationAnswer{fake(5), genuine(6), {ItemID: 7, Verdict: ipr.VerdictCannotTell}}, ""},
		{"reasons in words", []ipr.IdentificationAnswer{genuine(5), genuine(6),
			{ItemID: 7, Verdict: ipr.VerdictCounterfeit, Points: []string{"stitching uneven"}}}, ""},
		{"item not requested", []ipr.IdentificationAnswer{genuine(5), genuine(6), genuine(7), genuine(9)}, "items[3].item"},
		{"item twice", []ipr.IdentificationAnswer{genuine(5), genuine(6), genuine(5), genuine(7)}, "items[2].item"},
		{"unknown verdict", []ipr.IdentificationAnswer{genuine(5), {ItemID: 6, Verdict: "fake"}, genuine(7)}, "items[1].verdict"},
		{"counterfeit without points", []ipr.IdentificationAnswer{genuine(5), genuine(6),
			{ItemID: 7, Verdict: ipr.VerdictCounterfeit, Points: []string{" "}}}, "items[2].points"},
		{"item left out", []ipr.IdentificationAnswer{genuine(5), genuine(6)}, "items"},
	}
	for _, tt := range tests {
		r := &ipr.IdentificationRequest{ID: 1, CaseID: 1, ItemIDs: []int64{5, 6, 7}}
		err := r.CheckAnswers(tt.answers)
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

func TestCheckAnswersTwice(t *testing.T) {
	r := &ipr.IdentificationRequest{ID: 1, CaseID: 1, ItemIDs: []int64{5}, AnsweredAt: opened}
	err := r.CheckAnswers([]ipr.IdentificationAnswer{{ItemID: 5, Verdict: ipr.VerdictGenuine}})
	if got := ipr.ErrorCode(err); got != ipr.ECONFLICT {
		t.Errorf("answering an answered request: got %q (%v), want %q", got, err, ipr.ECONFLICT)
	}
}
