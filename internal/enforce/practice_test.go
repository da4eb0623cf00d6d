package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store/storetest"
)

func TestPracticeNotes(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	officer, holder, agent := user(t, s, officerEmail), user(t, s, holderEmail), user(t, s, agentEmail)

	// Notes are for members and customs, not the public or the police.
	_, err := s.PracticeNotes(ctx, nil, ipr.PracticeFilter{})
	wantError(t, err, ipr.EUNAUTHENTICATED, "")
	_, err = s.PracticeNotes(ctx, user(t, s, policeEmail), ipr.PracticeFilter{})
	wantError(t, err, ipr.EFORBIDDEN, "")

	page, err := s.PracticeNotes(ctx, agent, ipr.PracticeFilter{Query: "SPLIT shipments"})
	if err != nil || page.Total != 1 || page.Notes[0].CanEdit {
		t.Fatalf("agent's search: got %+v, %v; want the officer's demo note, read only", page, err)
	}

	before := count(t, s)
	_, err = s.WritePracticeNote(ctx, holder, ipr.PracticeNote{Title: "Label checks", Body: " "})
	wantError(t, err, ipr.EINVALID, "body")
	if got := count(t, s); got != before {
		t.Errorf("refused note: got %+v, want %+v", got, before)
	}
	n, err := s.WritePracticeNote(ctx, holder, ipr.PracticeNote{Title: "Label checks", Body: "Fakes print the care label.",
		Tags: []string{"Apparel"}})
	if err != nil || n.OrgID != holder.OrgID || !n.CanEdit || n.Tags[0] != "apparel" {
		t.Fatalf("WritePracticeNote: got %+v, %v", n, err)
	}
	if ev := lastEvent(t, s); ev.Action != "practice.create" || ev.ObjectOrg != holder.OrgID {
		t.Errorf("got last event %s of org %d, want practice.create of %d", ev.Action, ev.ObjectOrg, holder.OrgID)
	}
	_, err = s.UpdatePracticeNote(ctx, officer, n.ID, ipr.PracticeNote{Title: "Mine now", Body: "b"})
	wantError(t, err, ipr.EFORBIDDEN, "")
	got, err := s.UpdatePracticeNote(ctx, holder, n.ID, ipr.PracticeNote{Title: "Care label checks", Body: "Fakes print it."})
	if err != nil || got.Title != "Care label checks" {
		t.Errorf("UpdatePracticeNote: got %+v, %v", got, err)
	}
	if page, _ := s.PracticeNotes(ctx, officer, ipr.PracticeFilter{Query: "care label"}); page.Total != 1 {
		t.Errorf("officer's search for the changed note: got %d, want 1", page.Total)
	}
}
