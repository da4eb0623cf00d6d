package api

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/workflow"
)

// caseJSON is a detention case (schema Case in openapi.json). Amounts are
// strings with two decimals, "19999.99", in the case's currency.
type caseJSON struct {
	ID               int64             `json:"id"`
	Ref              string            `json:"ref"`
	Profile          ipr.Profile       `json:"profile"`
	Mode             ipr.CaseMode      `json:"mode"`
	State            string            `json:"state"`
	Office           string            `json:"office"`
	HolderID         int64             `json:"holder_id"`
	RightIDs         []int64           `json:"right_ids"`
	Channel          string            `json:"channel"`
	GoodsValue       ipr.Money         `json:"goods_value"`
	Currency         string            `json:"currency"`
	Perishable       bool              `json:"perishable"`
	SmallConsignment bool              `json:"small_consignment"`
	Patent           bool              `json:"patent"`
	OpenedBy         int64             `json:"opened_by"`
	OpenedAt         time.Time         `json:"opened_at"`
	ClosedAt         time.Time         `json:"closed_at,omitzero"`
	Version          int               `json:"version"`
	Determination    ipr.Determination `json:"determination,omitempty"`
	Penalty          *penaltyJSON      `json:"penalty,omitempty"`
	Bond             *bondJSON         `json:"bond,omitempty"`
	NextDue          time.Time         `json:"next_due,omitzero"` // lists only
	NextProvisional  bool              `json:"next_provisional,omitempty"`
}

type penaltyJSON struct {
	Fine   ipr.Money `json:"fine"`
	Tier   string    `json:"tier"`
	Reason string    `json:"reason"`
}

type bondJSON struct {
	Amount      ipr.Money      `json:"amount"`
	Source      ipr.BondSource `json:"source"`
	GuaranteeID int64          `json:"guarantee_id,omitzero"`
}

func newCaseJSON(c *ipr.Case) caseJSON {
	out := caseJSON{ID: c.ID, Ref: c.Ref, Profile: c.Profile, Mode: c.Mode, State: c.State, Office: c.Office,
		HolderID: c.HolderOrgID, RightIDs: orEmpty(c.RightIDs), Channel: c.Channel, GoodsValue: c.GoodsValue,
		Currency: c.Currency, Perishable: c.Perishable, SmallConsignment: c.SmallConsignment, Patent: c.Patent,
		OpenedBy: c.OpenedBy, OpenedAt: c.OpenedAt, ClosedAt: c.ClosedAt, Version: c.Version,
		Determination: c.Determination, NextDue: c.NextDue, NextProvisional: c.NextProvisional}
	if c.Penalty != (ipr.Penalty{}) {
		out.Penalty = &penaltyJSON{Fine: c.Penalty.Fine, Tier: c.Penalty.Tier, Reason: c.Penalty.Reason}
	}
	if c.BondSource != ipr.BondNone || c.BondAmount > 0 {
		out.Bond = &bondJSON{Amount: c.BondAmount, Source: c.BondSource, GuaranteeID: c.BondGuaranteeID}
	}
	return out
}

// caseListJSON is a page of cases (schema CaseList).
type caseListJSON struct {
	Cases []caseJSON `json:"cases"`
	Total int64      `json:"total"`
}

// caseDetailJSON is a case with everything its page shows (schema CaseDetail).
type caseDetailJSON struct {
	caseJSON
	Items           []caseItemJSON       `json:"items"`
	Deadlines       []deadlineJSON       `json:"deadlines"`
	Timeline        []caseEventJSON      `json:"timeline"`
	Identifications []identificationJSON `json:"identifications"`
	AllowedEvents   []string             `json:"allowed_events"` // what the caller may send now
}

type caseItemJSON struct {
	ID                int64     `json:"id"`
	Position          int       `json:"position"`
	Description       string    `json:"description"`
	Quantity          int64     `json:"quantity"`
	Unit              string    `json:"unit"`
	DeclaredValue     ipr.Money `json:"declared_value"`
	AssessedValue     ipr.Money `json:"assessed_value"`
	Location          string    `json:"location"`
	StorageCostPerDay ipr.Money `json:"storage_cost_per_day"`
	Files             []string  `json:"files"`
}

// deadlineJSON is a legal clock of the case, counted in its office's calendar.
type deadlineJSON struct {
	Name            string            `json:"name"`
	State           ipr.DeadlineState `json:"state"`
	StartedAt       time.Time         `json:"started_at"`
	DueDate         ipr.Date          `json:"due_date"`
	DueAt           time.Time         `json:"due_at"`
	Provisional     bool              `json:"provisional"`
	CalendarVersion string            `json:"calendar_version"`
	WorkingDaysLeft int               `json:"working_days_left"`
}

type caseEventJSON struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	ActorID   int64     `json:"actor_id"`
	Kind      string    `json:"kind"`
	FromState string    `json:"from_state"`
	ToState   string    `json:"to_state"`
	Note      string    `json:"note"`
}

func newCaseDetailJSON(d *enforce.CaseDetail) caseDetailJSON {
	out := caseDetailJSON{caseJSON: newCaseJSON(d.Case), Items: make([]caseItemJSON, len(d.Items)),
		Deadlines: make([]deadlineJSON, len(d.Deadlines)), Timeline: make([]caseEventJSON, len(d.Events)),
		Identifications: make([]identificationJSON, len(d.Identifications)), AllowedEvents: orEmpty(d.Allowed)}
	for i, it := range d.Items {
		out.Items[i] = caseItemJSON{ID: it.ID, Position: it.Position, Description: it.Description, Quantity: it.Quantity,
			Unit: it.Unit, DeclaredValue: it.DeclaredValue, AssessedValue: it.AssessedValue, Location: it.Location,
			StorageCostPerDay: it.StorageCostPerDay, Files: orEmpty(it.Files)}
	}
	for i, dl := range d.Deadlines {
		out.Deadlines[i] = deadlineJSON{Name: dl.Name, State: dl.State, StartedAt: dl.StartedAt, DueDate: dl.DueDate,
			DueAt: dl.DueAt, Provisional: dl.Provisional, CalendarVersion: dl.CalendarVersion,
			WorkingDaysLeft: dl.WorkingDaysLeft}
	}
	for i, e := range d.Events {
		out.Timeline[i] = caseEventJSON{ID: e.ID, At: e.At, ActorID: e.ActorID, Kind: e.Kind, FromState: e.FromState,
			ToState: e.ToState, Note: e.Note}
	}
	for i, r := range d.Identifications {
		out.Identifications[i] = newIdentificationJSON(r)
	}
	return out
}

// caseInput is the body of POST /cases (schema CaseInput). Amounts are strings
// so that a problem with one names its field.
type caseInput struct {
	Profile          string          `json:"profile"`
	Mode             string          `json:"mode"`
	Office           string          `json:"office"`
	HolderID         int64           `json:"holder_id"`
	RightIDs         []int64         `json:"right_ids"`
	DeclarationRef   string          `json:"declaration_ref"`
	Channel          string          `json:"channel"`
	GoodsValue       string          `json:"goods_value"`
	Currency         string          `json:"currency"`
	Perishable       bool            `json:"perishable"`
	SmallConsignment bool            `json:"small_consignment"`
	Patent           bool            `json:"patent"`
	Items            []caseItemInput `json:"items"`
	RefPrefix        string          `json:"ref_prefix"`
}

type caseItemInput struct {
	Description       string   `json:"description"`
	Quantity          int64    `json:"quantity"`
	Unit              string   `json:"unit"`
	DeclaredValue     string   `json:"declared_value"`
	Location          string   `json:"location"`
	StorageCostPerDay string   `json:"storage_cost_per_day"`
	Files             []string `json:"files"`
}

// caseFields maps the fields the services name in a case's problems to the
// request's.
var caseFields = map[string]string{"holder": "holder_id", "rights": "right_ids",
	"prefix": "ref_prefix", "declaration": "declaration_ref"}

// input converts the body; amounts and items are checked here so that their
// problems name the JSON field, the rest by the services.
func (in *caseInput) input() (enforce.CaseInput, error) {
	p := ipr.Problems{}
	out := enforce.CaseInput{Profile: ipr.Profile(strings.ToUpper(strings.TrimSpace(in.Profile))),
		Mode: ipr.CaseMode(strings.TrimSpace(in.Mode)), Office: in.Office, HolderOrgID: in.HolderID,
		RightIDs: in.RightIDs, DeclarationRef: in.DeclarationRef, Channel: in.Channel,
		GoodsValue: money(p, "goods_value", in.GoodsValue), Currency: in.Currency, Perishable: in.Perishable,
		SmallConsignment: in.SmallConsignment, Patent: in.Patent, RefPrefix: strings.TrimSpace(in.RefPrefix)}
	for i, it := range in.Items {
		field := fmt.Sprintf("items[%d].", i)
		item := ipr.CaseItem{Description: it.Description, Quantity: it.Quantity, Unit: it.Unit,
			DeclaredValue: money(p, field+"declared_value", it.DeclaredValue), Location: it.Location,
			StorageCostPerDay: money(p, field+"storage_cost_per_day", it.StorageCostPerDay), Files: it.Files}
		for f, problem := range ipr.ErrorFields(item.Validate()) {
			p.Add(field+f, problem)
		}
		out.Items = append(out.Items, item)
	}
	return out, p.Err("the case is not valid")
}

// money reads an amount such as "19999.99"; "" is 0.
func money(p ipr.Problems, field, s string) ipr.Money {
	if strings.TrimSpace(s) == "" {
		return 0
	}
	m, err := ipr.ParseMoney(s)
	if err != nil {
		p.Add(field, err.Error()+`: send a string such as "19999.99"`)
	}
	return m
}

// eventInput is the body of POST /cases/{id}/events (schema CaseEventInput).
type eventInput struct {
	Event         string `json:"event"`
	Version       int    `json:"version"` // the version the case was read at
	Clock         string `json:"clock"`
	Determination string `json:"determination"`
	Reason        string `json:"reason"`
	Amount        string `json:"amount"`
}

// eventFields maps the workflow's names to the request's: a penalty's fine is the amount.
var eventFields = map[string]string{"fine": "amount"}

func (in *eventInput) event() (workflow.Event, error) {
	p := ipr.Problems{}
	if strings.TrimSpace(in.Event) == "" {
		p.Add("event", "is required: one of the case's allowed_events")
	}
	checkVersion(p, in.Version)
	ev := workflow.Event{Kind: strings.TrimSpace(in.Event), Clock: strings.TrimSpace(in.Clock),
		Determination: strings.TrimSpace(in.Determination), Reason: in.Reason, Amount: money(p, "amount", in.Amount)}
	return ev, p.Err("the event is not valid")
}

func checkVersion(p ipr.Problems, v int) {
	if v <= 0 {
		p.Add("version", "is required: the case's version as you read it")
	}
}

// bondInput is the body of POST /cases/{id}/bond (schema BondInput).
type bondInput struct {
	Version       int  `json:"version"`
	FromGuarantee bool `json:"from_guarantee"`
}

// bondFields names the guarantee's problems by the request's choice to draw on it.
var bondFields = map[string]string{"guarantee": "from_guarantee", "amount": "from_guarantee"}

// renamed returns err with its fields named as the request names them. Each
// part of a field ("items[2].item") is looked up in names without its index.
func renamed(err error, names map[string]string) error {
	var e *ipr.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	out := &ipr.Error{Code: e.Code, Message: e.Message, Err: e.Err, Fields: map[string]string{}}
	for field, problem := range e.Fields {
		parts := strings.Split(field, ".")
		for i, part := range parts {
			name, index, _ := strings.Cut(part, "[")
			if to, ok := names[name]; ok {
				parts[i] = to
				if index != "" {
					parts[i] += "[" + index
				}
			}
		}
		out.Fields[strings.Join(parts, ".")] = problem
	}
	return out
}
