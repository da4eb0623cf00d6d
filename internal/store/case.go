package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// CreateCase stores a new case, gives it the next number for prefix and the year
// it was opened (HZ-2026-000123; "" uses the profile, CN-2026-000001), and sets
// its ID, Ref and Version.
func (tx *Tx) CreateCase(ctx context.Context, c *ipr.Case, prefix string) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if prefix == "" {
		prefix = string(c.Profile)
	}
	if err := ipr.CheckRefPrefix(prefix); err != nil {
		return err
	}
	if err := tx.checkCaseLinks(ctx, c); err != nil {
		return err
	}
	year := c.OpenedAt.UTC().Year()
	var seq int64
	err := tx.queryRow(ctx, `INSERT INTO case_counters (prefix, year, last_seq) VALUES ($1, $2, 1)
		ON CONFLICT (prefix, year) DO UPDATE SET last_seq = case_counters.last_seq + 1 RETURNING last_seq`,
		prefix, year).Scan(&seq)
	if err != nil {
		return mapError(err, "prefix", "")
	}
	c.Ref, c.Version = ipr.CaseRef(prefix, year, seq), 1
	err = tx.queryRow(ctx, `INSERT INTO cases (ref, profile, mode, declaration_id, opened_by, opened_at, version,
		state, office, holder_org_id, channel, goods_value, currency, perishable, small_consignment, patent, closed_at,
		determination, fine, fine_tier, fine_reason, bond_amount, bond_source, bond_guarantee_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, `+numbered(8, 17)+`) RETURNING id`,
		append([]any{c.Ref, string(c.Profile), string(c.Mode), nullID(c.DeclarationID), c.OpenedBy, c.OpenedAt.UTC(),
			c.Version}, caseChangeable(c)...)...).Scan(&c.ID)
	if err != nil {
		return mapError(err, "ref", "a case with this number already exists")
	}
	return tx.refreshAfter(ctx, c.ID, tx.putCaseRights(ctx, c))
}

// caseChangeable are the values of the columns UpdateCase may change, in order.
func caseChangeable(c *ipr.Case) []any {
	return []any{c.State, c.Office, c.HolderOrgID, c.Channel, int64(c.GoodsValue), c.Currency, c.Perishable,
		c.SmallConsignment, c.Patent, nullTime(c.ClosedAt.UTC()), string(c.Determination), int64(c.Penalty.Fine),
		c.Penalty.Tier, c.Penalty.Reason, int64(c.BondAmount), string(c.BondSource), nullID(c.BondGuaranteeID)}
}

// UpdateCase saves c provided it is still at expectedVersion, and bumps its
// Version. A case saved by someone else meanwhile is a conflict: the caller
// reloads it and tries again, so no change is silently lost. The number,
// profile, mode, declaration and opening stay as they were.
func (tx *Tx) UpdateCase(ctx context.Context, c *ipr.Case, expectedVersion int) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := tx.checkCaseLinks(ctx, c); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE cases SET state = $1, office = $2, holder_org_id = $3, channel = $4,
		goods_value = $5, currency = $6, perishable = $7, small_consignment = $8, patent = $9, closed_at = $10,
		determination = $11, fine = $12, fine_tier = $13, fine_reason = $14, bond_amount = $15, bond_source = $16,
		bond_guarantee_id = $17, version = version + 1 WHERE id = $18 AND version = $19`,
		append(caseChangeable(c), c.ID, expectedVersion)...)
	if err != nil {
		return mapError(err, "case", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := tx.CaseByID(ctx, c.ID); err != nil {
			return err
		}
		return &ipr.Error{Code: ipr.ECONFLICT, Message: "the case was changed by someone else; reload it and try again",
			Fields: map[string]string{"version": "is no longer " + strconv.Itoa(expectedVersion)}}
	}
	c.Version = expectedVersion + 1
	if _, err := tx.exec(ctx, `DELETE FROM case_rights WHERE case_id = $1`, c.ID); err != nil {
		return ipr.Internal(err)
	}
	return tx.refreshAfter(ctx, c.ID, tx.putCaseRights(ctx, c))
}

func (tx *Tx) putCaseRights(ctx context.Context, c *ipr.Case) error {
	for _, id := range c.RightIDs {
		if _, err := tx.exec(ctx, `INSERT INTO case_rights (case_id, right_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
			c.ID, id); err != nil {
			return mapError(err, "rights", "")
		}
	}
	return nil
}

// checkCaseLinks names the field of a case that refers to something missing or
// foreign: the holder must be a right holder, the rights its own, the guarantee its own.
func (tx *Tx) checkCaseLinks(ctx context.Context, c *ipr.Case) error {
	p := ipr.Problems{}
	if n, err := tx.count(ctx, `SELECT COUNT(*) FROM orgs WHERE id = $1 AND kind = $2`,
		c.HolderOrgID, string(ipr.OrgRightHolder)); err != nil {
		return err
	} else if n == 0 {
		p.Add("holder", "is not a right holder")
	}
	for i, id := range c.RightIDs {
		n, err := tx.count(ctx, `SELECT COUNT(*) FROM rights WHERE id = $1 AND holder_id = $2`, id, c.HolderOrgID)
		if err != nil {
			return err
		}
		if n == 0 {
			p.Add(fmt.Sprintf("rights[%d]", i), "is not a right of the holder")
		}
	}
	if c.DeclarationID != 0 {
		if n, err := tx.count(ctx, `SELECT COUNT(*) FROM declarations WHERE id = $1`, c.DeclarationID); err != nil {
			return err
		} else if n == 0 {
			p.Add("declaration", "no such declaration")
		}
	}
	if c.BondGuaranteeID != 0 {
		n, err := tx.count(ctx, `SELECT COUNT(*) FROM guarantees WHERE id = $1 AND holder_org_id = $2`,
			c.BondGuaranteeID, c.HolderOrgID)
		if err != nil {
			return err
		}
		if n == 0 {
			p.Add("bond_guarantee", "is not a guarantee of the holder")
		}
	}
	return p.Err("the case refers to something it cannot")
}

const caseColumns = `c.id, c.ref, c.profile, c.mode, c.state, c.office, c.holder_org_id, COALESCE(c.declaration_id, 0),
	c.channel, c.goods_value, c.currency, c.perishable, c.small_consignment, c.patent, c.opened_by, c.opened_at,
	c.closed_at, c.version, c.determination, c.fine, c.fine_tier, c.fine_reason, c.bond_amount, c.bond_source,
	COALESCE(c.bond_guarantee_id, 0)`

func scanCase(row rowScanner) (*ipr.Case, error) {
	var c ipr.Case
	var profile, mode, determination, bondSource string
	var closed sql.NullTime
	err := row.Scan(&c.ID, &c.Ref, &profile, &mode, &c.State, &c.Office, &c.HolderOrgID, &c.DeclarationID,
		&c.Channel, &c.GoodsValue, &c.Currency, &c.Perishable, &c.SmallConsignment, &c.Patent, &c.OpenedBy,
		&c.OpenedAt, &closed, &c.Version, &determination, &c.Penalty.Fine, &c.Penalty.Tier, &c.Penalty.Reason,
		&c.BondAmount, &bondSource, &c.BondGuaranteeID)
	if err != nil {
		return nil, err
	}
	c.Profile, c.Mode, c.Determination = ipr.Profile(profile), ipr.CaseMode(mode), ipr.Determination(determination)
	c.BondSource, c.OpenedAt = ipr.BondSource(bondSource), c.OpenedAt.UTC()
	if closed.Valid {
		c.ClosedAt = closed.Time.UTC()
	}
	return &c, nil
}

// CaseByID returns the case with id and its rights.
func (tx *Tx) CaseByID(ctx context.Context, id int64) (*ipr.Case, error) {
	c, err := scanCase(tx.queryRow(ctx, `SELECT `+caseColumns+` FROM cases c WHERE c.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("case", "case", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "case", "")
	}
	return c, tx.loadCaseDetails(ctx, []*ipr.Case{c})
}

// openStates is the SQL list of ipr.OpenDeadlineStates.
var openStates = func() string {
	quoted := make([]string, len(ipr.OpenDeadlineStates))
	for i, s := range ipr.OpenDeadlineStates {
		quoted[i] = "'" + string(s) + "'"
	}
	return "(" + strings.Join(quoted, ", ") + ")"
}()

// Cases returns a page of cases and how many match in all: those with the
// earliest open deadline first (so overdue ones lead), then those without one, newest first.
func (tx *Tx) Cases(ctx context.Context, f ipr.CaseFilter) ([]*ipr.Case, int64, error) {
	where, args := caseWhere(f)
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM cases c`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	next := `(SELECT MIN(d.due_at) FROM deadlines d WHERE d.case_id = c.id AND d.state IN ` + openStates + `)`
	list, err := queryAll(ctx, tx, scanCase, `SELECT `+caseColumns+` FROM cases c`+where+
		` ORDER BY CASE WHEN `+next+` IS NULL THEN 1 ELSE 0 END, `+next+`, c.opened_at DESC, c.id DESC`+limit, args...)
	if err != nil {
		return nil, 0, err
	}
	return list, total, tx.loadCaseDetails(ctx, list)
}

func caseWhere(f ipr.CaseFilter) (string, []any) {
	var w whereBuilder
	if o := strings.TrimSpace(f.Office); o != "" {
		w.add("c.office = ?", o)
	}
	if s := strings.TrimSpace(f.State); s != "" {
		w.add("c.state = ?", s)
	}
	if f.HolderOrgID != 0 {
		w.add("c.holder_org_id = ?", f.HolderOrgID)
	}
	if !f.OverdueAt.IsZero() {
		w.add(`EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.state IN `+openStates+
			` AND d.due_at < ?)`, f.OverdueAt.UTC())
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		w.add(`(LOWER(c.ref) LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM case_items i WHERE i.case_id = c.id
			AND LOWER(i.description) LIKE ? ESCAPE '\'))`, "%"+likeEscaper.Replace(strings.ToLower(s))+"%")
	}
	return w.sql()
}

// loadCaseDetails fills the rights and the next open deadline of cases.
func (tx *Tx) loadCaseDetails(ctx context.Context, cases []*ipr.Case) error {
	if len(cases) == 0 {
		return nil
	}
	byID := make(map[int64]*ipr.Case, len(cases))
	ids := make([]int64, 0, len(cases))
	for _, c := range cases {
		byID[c.ID], c.RightIDs, c.NextDue, c.NextProvisional = c, nil, time.Time{}, false
		ids = append(ids, c.ID)
	}
	var w whereBuilder
	w.in("case_id", ids)
	where, args := w.sql()
	pairs, err := queryAll(ctx, tx, scanIDPair, `SELECT case_id, right_id FROM case_rights`+where+
		` ORDER BY case_id, right_id`, args...)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		byID[p[0]].RightIDs = append(byID[p[0]].RightIDs, p[1])
	}
	dues, err := queryAll(ctx, tx, scanCaseDue, `SELECT case_id, due_at, provisional FROM deadlines`+where+
		` AND state IN `+openStates, args...)
	if err != nil {
		return err
	}
	for _, d := range dues {
		if c := byID[d.caseID]; c.NextDue.IsZero() || d.due.Before(c.NextDue) {
			c.NextDue, c.NextProvisional = d.due, d.provisional
		}
	}
	return nil
}

func scanIDPair(row rowScanner) ([2]int64, error) {
	var p [2]int64
	err := row.Scan(&p[0], &p[1])
	return p, err
}

type caseDue struct {
	caseID      int64
	due         time.Time
	provisional bool
}

func scanCaseDue(row rowScanner) (caseDue, error) {
	var d caseDue
	err := row.Scan(&d.caseID, &d.due, &d.provisional)
	d.due = d.due.UTC()
	return d, err
}

// PutDeadline stores a case's clock, or replaces the one of the same name (a
// recomputation after a calendar changed, a state change, a reminder sent), and sets its ID.
func (tx *Tx) PutDeadline(ctx context.Context, d *ipr.Deadline) error {
	if err := d.Validate(); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO deadlines (case_id, name, started_at, due_date, due_at, provisional,
		calendar_version, state, reminded_soon, reminded_overdue) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		ON CONFLICT (case_id, name) DO UPDATE SET started_at = excluded.started_at, due_date = excluded.due_date,
		due_at = excluded.due_at, provisional = excluded.provisional, calendar_version = excluded.calendar_version,
		state = excluded.state, reminded_soon = excluded.reminded_soon, reminded_overdue = excluded.reminded_overdue
		RETURNING id`, d.CaseID, d.Name, d.StartedAt.UTC(), d.DueDate.String(), d.DueAt.UTC(), d.Provisional,
		d.CalendarVersion, string(d.State), d.RemindedSoon, d.RemindedOverdue).Scan(&d.ID)
	return mapError(err, "case", "")
}

const deadlineColumns = `id, case_id, name, started_at, due_date, due_at, provisional, calendar_version, state,
	reminded_soon, reminded_overdue`

func scanDeadline(row rowScanner) (*ipr.Deadline, error) {
	var d ipr.Deadline
	var dueDate, state string
	err := row.Scan(&d.ID, &d.CaseID, &d.Name, &d.StartedAt, &dueDate, &d.DueAt, &d.Provisional, &d.CalendarVersion,
		&state, &d.RemindedSoon, &d.RemindedOverdue)
	if err != nil {
		return nil, err
	}
	d.StartedAt, d.DueAt, d.State = d.StartedAt.UTC(), d.DueAt.UTC(), ipr.DeadlineState(state)
	d.DueDate, err = ipr.ParseDate(dueDate)
	return &d, err
}

// Deadlines returns a case's clocks, the earliest due first.
func (tx *Tx) Deadlines(ctx context.Context, caseID int64) ([]*ipr.Deadline, error) {
	return queryAll(ctx, tx, scanDeadline, `SELECT `+deadlineColumns+` FROM deadlines WHERE case_id = $1
		ORDER BY due_at, id`, caseID)
}

// DeadlinesDue returns the open deadlines (running, expired or awaiting a
// supervisor) of every case that run out before before, the earliest first:
// the "due soon" and "overdue" lists and the reminder scan.
func (tx *Tx) DeadlinesDue(ctx context.Context, before time.Time) ([]*ipr.Deadline, error) {
	return queryAll(ctx, tx, scanDeadline, `SELECT `+deadlineColumns+` FROM deadlines WHERE state IN `+openStates+
		` AND due_at < $1 ORDER BY due_at, id`, before.UTC())
}
