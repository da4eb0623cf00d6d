package enforce

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
)

// MaxDeclarationBatch is the most declarations one submission may carry.
const MaxDeclarationBatch = 10000

// Values a declaration's coded fields may take; empty is allowed.
var (
	DeclarationChannels   = []string{"general", "ecommerce", "postal", "express"}
	DeclarationDirections = []string{"export", "import", "transit"}
	DeclarationTransports = []string{"sea", "air", "road", "rail", "post", "express"}
)

var declarationIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$`)

// ValidateDeclaration checks one declaration as a declaring system sends it;
// problems name the field in its JSON spelling.
func ValidateDeclaration(d *screen.Declaration) error {
	p := ipr.Problems{}
	switch {
	case d.ID == "":
		p.Add("id", "is required")
	case !declarationIDPattern.MatchString(d.ID):
		p.Add("id", "use up to 100 letters, digits and . _ : -, starting with a letter or digit")
	}
	if d.DeclaredAt.IsZero() {
		p.Add("declared_at", "is required, e.g. 2026-03-06T09:30:00+08:00")
	}
	if strings.TrimSpace(d.Description) == "" {
		p.Add("description", "is required")
	}
	for _, c := range []struct {
		field, value string
		allowed      []string
	}{{"channel", d.Channel, DeclarationChannels}, {"direction", d.Direction, DeclarationDirections},
		{"transport", d.Transport, DeclarationTransports}} {
		if c.value != "" && !slices.Contains(c.allowed, c.value) {
			p.Add(c.field, fmt.Sprintf("%q is not one of %s", c.value, strings.Join(c.allowed, ", ")))
		}
	}
	if d.HSCode != "" && (!digits(d.HSCode) || len(d.HSCode) > 10) {
		p.Add("hs_code", "use the tariff code's digits, up to 10")
	}
	if d.Currency != "" && len(d.Currency) != 3 {
		p.Add("currency", "use a three-letter code such as USD or CNY")
	}
	for f, v := range map[string]float64{"quantity": d.Quantity, "weight_kg": d.WeightKg, "value": d.Value} {
		if v < 0 || v > 1e15 || v != v {
			p.Add(f, "must be a number from 0 up")
		}
	}
	checkLengths(d, p)
	return p.Err("the declaration is not valid")
}

func checkLengths(d *screen.Declaration, p ipr.Problems) {
	for f, v := range map[string]string{"description": d.Description, "brand": d.Brand, "consignor": d.Consignor,
		"consignee": d.Consignee, "consignor_address": d.ConsignorAddress, "consignee_address": d.ConsigneeAddress,
		"customs_office": d.CustomsOffice, "origin": d.Origin, "destination": d.Destination, "route": d.Route,
		"port": d.Port} {
		if len(v) > 2000 {
			p.Add(f, "must be at most 2000 bytes")
		}
	}
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validateBatch checks every declaration and that no id comes twice. Problems
// in a batch are named "declarations[i].field" and the message says which one.
func validateBatch(decls []screen.Declaration) error {
	if len(decls) == 0 {
		return &ipr.Error{Code: ipr.EINVALID, Message: "nothing to screen", Fields: map[string]string{"declarations": "send at least one declaration"}}
	}
	if len(decls) > MaxDeclarationBatch {
		return &ipr.Error{Code: ipr.EINVALID, Message: "too many declarations",
			Fields: map[string]string{"declarations": fmt.Sprintf("send at most %d at a time", MaxDeclarationBatch)}}
	}
	seen := make(map[string]int, len(decls))
	for i := range decls {
		err := ValidateDeclaration(&decls[i])
		if j, dup := seen[decls[i].ID]; dup && err == nil {
			err = &ipr.Error{Code: ipr.EINVALID, Message: "the declaration is not valid",
				Fields: map[string]string{"id": fmt.Sprintf("%q is also the id of declaration %d", decls[i].ID, j+1)}}
		}
		if err != nil {
			return inBatch(err, "declaration", "declarations", i, len(decls))
		}
		seen[decls[i].ID] = i
	}
	return nil
}

// inBatch names the member of a list at fault when there are several: the
// message says "declaration 2 of 3", the fields "declarations[1].…".
func inBatch(err error, noun, list string, i, n int) error {
	e, ok := err.(*ipr.Error)
	if !ok || n == 1 {
		return err
	}
	out := &ipr.Error{Code: e.Code, Message: fmt.Sprintf("%s %d of %d: %s", noun, i+1, n, e.Message), Fields: map[string]string{}}
	for f, problem := range e.Fields {
		out.Fields[list+"["+strconv.Itoa(i)+"]."+f] = problem
	}
	return out
}

// SubmitDeclarations screens declarations and stores them with their results
// in one transaction: when it returns without error, every one is stored.
// Results come in the order given. A declaration id may be used once: sending
// the same declaration again (a retry) returns the stored result, while
// different content under a stored id is a conflict.
func (s *Service) SubmitDeclarations(ctx context.Context, actor *ipr.User, decls []screen.Declaration) ([]screen.Result, error) {
	if err := ipr.Authorize(actor, ipr.ActionSubmitDeclaration, ipr.Anything); err != nil {
		return nil, err
	}
	if err := validateBatch(decls); err != nil {
		return nil, err
	}
	engine, err := s.Engine(ctx)
	if err != nil {
		return nil, err
	}
	results := screenAll(engine, decls) // outside the transaction: the writer is not kept waiting
	now := s.Clock.Now().UTC().Truncate(time.Microsecond)
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		fresh, err := s.storedResults(ctx, tx, decls, results)
		if err != nil || len(fresh) == 0 {
			return err
		}
		rows := make([]*ipr.Declaration, len(fresh))
		for k, i := range fresh {
			rows[k] = storedDeclaration(&decls[i], &results[i], actor, now)
		}
		if err := tx.InsertDeclarations(ctx, rows); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "declaration.submit", ObjectType: "declaration",
			ObjectID: rows[0].ID, ObjectOrg: actor.OrgID, After: batchSummary(rows)})
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// screenAll screens every declaration with one screener.
func screenAll(e *screen.Engine, decls []screen.Declaration) []screen.Result {
	sc := e.Screener()
	out := make([]screen.Result, len(decls))
	for i := range decls {
		out[i] = sc.Screen(&decls[i])
		if out[i].Hits == nil { // [] rather than null for clients
			out[i].Hits = []screen.Hit{}
		}
		if out[i].Rules == nil {
			out[i].Rules = []screen.RuleHit{}
		}
	}
	return out
}

// storedResults replaces the results of declarations already stored with the
// stored ones, refusing different content under a stored id, and returns the
// indexes of the declarations still to store.
func (s *Service) storedResults(ctx context.Context, tx *store.Tx, decls []screen.Declaration, results []screen.Result) ([]int, error) {
	refs := make([]string, len(decls))
	for i := range decls {
		refs[i] = decls[i].ID
	}
	stored, err := tx.DeclarationsByRefs(ctx, refs)
	if err != nil {
		return nil, err
	}
	fresh := make([]int, 0, len(decls))
	for i := range decls {
		old, ok := stored[decls[i].ID]
		if !ok {
			fresh = append(fresh, i)
			continue
		}
		if !sameDeclaration(screenDeclaration(old), normalised(&decls[i])) {
			return nil, inBatch(&ipr.Error{Code: ipr.ECONFLICT, Message: "declaration " + strconv.Quote(decls[i].ID) +
				" is already stored with different content",
				Fields: map[string]string{"id": "is already used; a declaration id may be used once"}}, "declaration", "declarations", i, len(decls))
		}
		results[i] = screenResult(old)
	}
	return fresh, nil
}

func sameDeclaration(a, b screen.Declaration) bool {
	at, bt := a.DeclaredAt, b.DeclaredAt
	a.DeclaredAt, b.DeclaredAt = time.Time{}, time.Time{}
	return a == b && at.Equal(bt)
}

// normalised is a declaration as it comes back from storage: times in UTC to the microsecond.
func normalised(d *screen.Declaration) screen.Declaration {
	out := *d
	out.DeclaredAt = d.DeclaredAt.UTC().Truncate(time.Microsecond)
	return out
}

func storedDeclaration(d *screen.Declaration, r *screen.Result, actor *ipr.User, now time.Time) *ipr.Declaration {
	n := normalised(d)
	out := &ipr.Declaration{Ref: n.ID, Channel: n.Channel, Direction: n.Direction, DeclaredAt: n.DeclaredAt,
		CustomsOffice: n.CustomsOffice, Origin: n.Origin, Destination: n.Destination, Transport: n.Transport,
		Route: n.Route, Port: n.Port, Consignor: n.Consignor, ConsignorAddress: n.ConsignorAddress,
		Consignee: n.Consignee, ConsigneeAddress: n.ConsigneeAddress, HSCode: n.HSCode, Description: n.Description,
		Brand: n.Brand, Quantity: n.Quantity, WeightKg: n.WeightKg, Value: n.Value, Currency: n.Currency,
		ReceivedAt: now, SubmittedBy: actor.ID, Risk: r.Risk, Status: ipr.DeclarationClear}
	if r.Flagged() {
		out.Status = ipr.DeclarationFlagged
	}
	for _, h := range r.Hits {
		out.Hits = append(out.Hits, ipr.DeclarationHit{RightRef: h.RightID, Mark: h.Mark, Matched: h.Matched,
			Field: h.Field, Start: h.Start, End: h.End, Method: h.Method, Score: h.Score, Authorised: h.Authorised,
			Reasons: h.Reasons})
	}
	for _, rh := range r.Rules {
		out.Rules = append(out.Rules, ipr.DeclarationRule{RuleID: rh.ID, Name: rh.Name, Weight: rh.Weight, Reason: rh.Reason})
	}
	return out
}

// screenDeclaration is a stored declaration as it was sent.
func screenDeclaration(d *ipr.Declaration) screen.Declaration {
	return screen.Declaration{ID: d.Ref, Channel: d.Channel, Direction: d.Direction, DeclaredAt: d.DeclaredAt,
		CustomsOffice: d.CustomsOffice, Origin: d.Origin, Destination: d.Destination, Transport: d.Transport,
		Route: d.Route, Port: d.Port, Consignor: d.Consignor, ConsignorAddress: d.ConsignorAddress,
		Consignee: d.Consignee, ConsigneeAddress: d.ConsigneeAddress, HSCode: d.HSCode, Description: d.Description,
		Brand: d.Brand, Quantity: d.Quantity, WeightKg: d.WeightKg, Value: d.Value, Currency: d.Currency}
}

// screenResult is a stored declaration's screening result.
func screenResult(d *ipr.Declaration) screen.Result {
	r := screen.Result{ID: d.Ref, Risk: d.Risk, Hits: []screen.Hit{}, Rules: []screen.RuleHit{}}
	for _, h := range d.Hits {
		r.Hits = append(r.Hits, screen.Hit{RightID: h.RightRef, Mark: h.Mark, Matched: h.Matched, Field: h.Field,
			Start: h.Start, End: h.End, Method: h.Method, Score: h.Score, Authorised: h.Authorised, Reasons: h.Reasons})
	}
	for _, rh := range d.Rules {
		r.Rules = append(r.Rules, screen.RuleHit{ID: rh.RuleID, Name: rh.Name, Weight: rh.Weight, Reason: rh.Reason})
	}
	return r
}

// batchSummary says what a submission stored, for the audit log.
func batchSummary(rows []*ipr.Declaration) string {
	flagged := 0
	for _, d := range rows {
		if d.Status == ipr.DeclarationFlagged {
			flagged++
		}
	}
	ids := rows[0].Ref
	if len(rows) > 1 {
		ids += " … " + rows[len(rows)-1].Ref
	}
	return fmt.Sprintf("%d declarations (%s), %d flagged", len(rows), ids, flagged)
}

// DeclarationView is a stored declaration as an officer sees it: what was
// declared, what screening found, and what has been decided.
type DeclarationView struct {
	Declaration    screen.Declaration
	Result         screen.Result
	HitRights      []int64 // the database id of each hit's right, in Result.Hits order; 0 when not in the register
	Status         ipr.DeclarationStatus
	ReceivedAt     time.Time
	DecidedBy      int64
	DecidedByName  string
	DecidedAt      time.Time // zero until decided
	DecisionReason string
}

// Decided reports whether an officer has dismissed or inspected it.
func (v *DeclarationView) Decided() bool {
	return v.Status == ipr.DeclarationDismissed || v.Status == ipr.DeclarationInspection
}

func declarationView(d *ipr.Declaration) *DeclarationView {
	v := &DeclarationView{Declaration: screenDeclaration(d), Result: screenResult(d), Status: d.Status,
		ReceivedAt: d.ReceivedAt, DecidedBy: d.DecidedBy, DecidedByName: d.DecidedByName, DecidedAt: d.DecidedAt,
		DecisionReason: d.DecisionReason}
	for _, h := range d.Hits {
		v.HitRights = append(v.HitRights, h.RightID)
	}
	return v
}

// Declaration returns the stored declaration with the declaring system's id.
func (s *Service) Declaration(ctx context.Context, actor *ipr.User, id string) (*DeclarationView, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewDeclaration, ipr.Anything); err != nil {
		return nil, err
	}
	var d *ipr.Declaration
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		d, err = tx.DeclarationByRef(ctx, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return declarationView(d), nil
}

// QueuePage is one page of the officer's queue.
type QueuePage struct {
	Declarations []*DeclarationView
	Total        int64
}

// ScreeningQueue lists declarations for officers: by default those screening
// flagged, undecided ones first, then by risk.
func (s *Service) ScreeningQueue(ctx context.Context, actor *ipr.User, f ipr.QueueFilter) (*QueuePage, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewDeclaration, ipr.Anything); err != nil {
		return nil, err
	}
	if err := checkQueueFilter(f); err != nil {
		return nil, err
	}
	page := &QueuePage{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, total, err := tx.ListDeclarations(ctx, f)
		page.Total = total
		for _, d := range list {
			page.Declarations = append(page.Declarations, declarationView(d))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

func checkQueueFilter(f ipr.QueueFilter) error {
	p := ipr.Problems{}
	if f.Status != "" && !slices.Contains(ipr.DeclarationStatuses, f.Status) {
		p.Add("status", fmt.Sprintf("%q is not one of flagged, inspection, dismissed, clear", f.Status))
	}
	if f.Channel != "" && !slices.Contains(DeclarationChannels, f.Channel) {
		p.Add("channel", fmt.Sprintf("%q is not one of %s", f.Channel, strings.Join(DeclarationChannels, ", ")))
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		p.Add("to", "is before from")
	}
	if f.MinRisk < 0 || f.MinRisk > 100 {
		p.Add("min_risk", "must be from 0 to 100")
	}
	return p.Err("the filter is not valid")
}

// DismissDeclaration records that a flag was unfounded. The reason is kept
// and counts against the rules and marks that raised the flag.
func (s *Service) DismissDeclaration(ctx context.Context, actor *ipr.User, id, reason string) (*DeclarationView, error) {
	return s.decide(ctx, actor, id, ipr.DeclarationDismissed, reason)
}

// MarkForInspection sends a declaration's goods to inspection, with an optional note.
func (s *Service) MarkForInspection(ctx context.Context, actor *ipr.User, id, note string) (*DeclarationView, error) {
	return s.decide(ctx, actor, id, ipr.DeclarationInspection, note)
}

func (s *Service) decide(ctx context.Context, actor *ipr.User, id string, status ipr.DeclarationStatus, reason string) (*DeclarationView, error) {
	if err := ipr.Authorize(actor, ipr.ActionDecideDeclaration, ipr.Anything); err != nil {
		return nil, err
	}
	var d *ipr.Declaration
	err := s.DB.Update(ctx, func(tx *store.Tx) (err error) {
		if d, err = tx.DeclarationByRef(ctx, id); err != nil {
			return err
		}
		before := d.Status
		if err := d.Decide(status, actor.ID, s.Clock.Now().UTC().Truncate(time.Microsecond), reason); err != nil {
			return err
		}
		if err := tx.DecideDeclaration(ctx, d, before); err != nil {
			return err
		}
		d.DecidedByName = actor.Name
		after := string(d.Status)
		if d.DecisionReason != "" {
			after += ": " + d.DecisionReason
		}
		return s.audit(ctx, tx, actor, change{Action: "declaration." + decisionVerb[status], ObjectType: "declaration",
			ObjectID: d.ID, ObjectOrg: actor.OrgID, Before: d.Ref + " " + string(before), After: after})
	})
	if err != nil {
		return nil, err
	}
	return declarationView(d), nil
}

var decisionVerb = map[ipr.DeclarationStatus]string{ipr.DeclarationDismissed: "dismiss", ipr.DeclarationInspection: "inspect"}
