package api

import (
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// rightJSON is a recordation as the API shows it (schema Right in openapi.json).
type rightJSON struct {
	ID            int64            `json:"id"`
	Ref           string           `json:"ref"`
	HolderID      int64            `json:"holder_id"`
	HolderName    string           `json:"holder_name"`
	Kind          ipr.RightKind    `json:"kind"`
	RegNumber     string           `json:"reg_number"`
	RegOffice     string           `json:"reg_office"`
	Jurisdiction  string           `json:"jurisdiction"`
	Owner         string           `json:"owner"`
	Mark          string           `json:"mark"`
	Variants      []string         `json:"variants"`
	NiceClasses   []int            `json:"nice_classes"`
	Goods         string           `json:"goods"`
	ValidFrom     ipr.Date         `json:"valid_from,omitzero"`
	ValidTo       ipr.Date         `json:"valid_to,omitzero"`
	Status        ipr.RecordStatus `json:"status"`
	DisplayStatus string           `json:"display_status"` // "expired" for an approved recordation that ran out
	RejectReason  string           `json:"reject_reason,omitempty"`
	SubmittedAt   time.Time        `json:"submitted_at,omitzero"`
	DecisionDue   ipr.Date         `json:"decision_due,omitzero"`
	DueInCalendar bool             `json:"due_in_calendar_days"`
	DecidedAt     time.Time        `json:"decided_at,omitzero"`
	RecordFrom    ipr.Date         `json:"record_from,omitzero"`
	RecordTo      ipr.Date         `json:"record_to,omitzero"`
	Version       int              `json:"version"`
	CreatedAt     time.Time        `json:"created_at"`
	UpdatedAt     time.Time        `json:"updated_at"`
	Parties       []partyJSON      `json:"authorised_parties,omitempty"` // GET /rights/{id} only
}

// partyJSON is a company of the right's authorised supply chain.
type partyJSON struct {
	ID      int64         `json:"id"`
	Role    ipr.PartyRole `json:"role"`
	Name    string        `json:"name"`
	Address string        `json:"address"`
	RegCode string        `json:"reg_code"`
}

func newRightJSON(r *ipr.Right, today ipr.Date) rightJSON {
	return rightJSON{ID: r.ID, Ref: r.Ref, HolderID: r.HolderID, HolderName: r.HolderName, Kind: r.Kind,
		RegNumber: r.RegNumber, RegOffice: r.RegOffice, Jurisdiction: r.Jurisdiction, Owner: r.Owner,
		Mark: r.Mark, Variants: orEmpty(r.Variants), NiceClasses: orEmpty(r.NiceClasses), Goods: r.Goods,
		ValidFrom: r.ValidFrom, ValidTo: r.ValidTo, Status: r.Status, DisplayStatus: r.DisplayStatus(today),
		RejectReason: r.RejectReason, SubmittedAt: r.SubmittedAt, DecisionDue: r.DecisionDue,
		DueInCalendar: r.DueInCalendar, DecidedAt: r.DecidedAt, RecordFrom: r.RecordFrom, RecordTo: r.RecordTo,
		Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

func newRightDetailJSON(d *enforce.RightDetail, today ipr.Date) rightJSON {
	out := newRightJSON(d.Right, today)
	for _, p := range d.Parties {
		out.Parties = append(out.Parties, partyJSON{ID: p.ID, Role: p.Role, Name: p.Name, Address: p.Address, RegCode: p.RegCode})
	}
	return out
}

// orEmpty makes a nil list an empty one, so that JSON shows [] rather than null.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// rightListJSON is a page of a register search (schema RightList).
type rightListJSON struct {
	Rights []rightJSON `json:"rights"`
	Total  int64       `json:"total"`
}

// rightInput is the body of POST /rights (schema RightInput) and of PUT /rights/{id}
// (schema RightUpdate). One type, so that decoding errors name the JSON field; each
// handler refuses the fields that are not its own.
type rightInput struct {
	Ref          string   `json:"ref"`       // POST only
	HolderID     int64    `json:"holder_id"` // POST only
	Version      int      `json:"version"`   // PUT only: the version the fields were read at
	Kind         string   `json:"kind"`
	RegNumber    string   `json:"reg_number"`
	RegOffice    string   `json:"reg_office"`
	Jurisdiction string   `json:"jurisdiction"`
	Owner        string   `json:"owner"`
	Mark         string   `json:"mark"`
	Variants     []string `json:"variants"`
	NiceClasses  []int    `json:"nice_classes"`
	Goods        string   `json:"goods"`
	ValidFrom    string   `json:"valid_from"`
	ValidTo      string   `json:"valid_to"`
}

// notHere refuses, on update, the fields only a new recordation has, and on
// creation the version.
func (f *rightInput) notHere(update bool) error {
	p := ipr.Problems{}
	if update && f.Ref != "" {
		p.Add("ref", "cannot be changed")
	}
	if update && f.HolderID != 0 {
		p.Add("holder_id", "cannot be changed")
	}
	if !update && f.Version != 0 {
		p.Add("version", "is only for updates")
	}
	return p.Err("the request body is not valid")
}

// right converts the fields; kind and dates are checked here so that their problems
// name the JSON field, the rest by ipr's validation when the right is saved.
func (f *rightInput) right() (*ipr.Right, error) {
	p := ipr.Problems{}
	r := &ipr.Right{RegNumber: f.RegNumber, RegOffice: f.RegOffice, Jurisdiction: f.Jurisdiction, Owner: f.Owner,
		Mark: f.Mark, Variants: f.Variants, NiceClasses: f.NiceClasses, Goods: f.Goods}
	if strings.TrimSpace(f.Kind) == "" {
		p.Add("kind", "is required: one of trademark, copyright, invention_patent, utility_model, design_patent")
	} else if kind, err := ipr.ParseRightKind(f.Kind); err != nil {
		p.Add("kind", ipr.ErrorFields(err)["kind"])
	} else {
		r.Kind = kind
	}
	var err error
	if r.ValidFrom, err = ipr.ParseDate(strings.TrimSpace(f.ValidFrom)); err != nil {
		p.Add("valid_from", err.Error())
	}
	if r.ValidTo, err = ipr.ParseDate(strings.TrimSpace(f.ValidTo)); err != nil {
		p.Add("valid_to", err.Error())
	}
	if err := p.Err("the right is not valid"); err != nil {
		return nil, err
	}
	return r, nil
}

// rejectInput is the body of POST /rights/{id}/reject.
type rejectInput struct {
	Reason string `json:"reason"`
}
