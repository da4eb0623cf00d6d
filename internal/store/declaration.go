package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// Rows per multi-row statement: 10,000 placeholders at most, well under maxParams.
const (
	declarationChunk = 400
	hitChunk         = 750
)

const declarationInsertColumns = `ref, channel, direction, declared_at, customs_office, origin, destination,
	transport, route, port, consignor, consignor_address, consignee, consignee_address, hs_code, description,
	brand, quantity, weight_kg, value, currency, received_at, submitted_by, risk, status`

const declarationValueCount = 25

func declarationValues(d *ipr.Declaration) []any {
	return []any{d.Ref, d.Channel, d.Direction, d.DeclaredAt.UTC(), d.CustomsOffice, d.Origin, d.Destination,
		d.Transport, d.Route, d.Port, d.Consignor, d.ConsignorAddress, d.Consignee, d.ConsigneeAddress, d.HSCode,
		d.Description, d.Brand, d.Quantity, d.WeightKg, d.Value, d.Currency, d.ReceivedAt.UTC(), d.SubmittedBy,
		d.Risk, string(d.Status)}
}

// InsertDeclarations stores screened declarations with their hits and rules and
// sets their IDs. Rows go in multi-row statements, so a batch of a thousand
// costs a handful of round trips. A reference already stored is a conflict.
func (tx *Tx) InsertDeclarations(ctx context.Context, decls []*ipr.Declaration) error {
	for start := 0; start < len(decls); start += declarationChunk {
		if err := tx.insertDeclarationRows(ctx, decls[start:min(start+declarationChunk, len(decls))]); err != nil {
			return err
		}
	}
	if err := tx.insertHits(ctx, decls); err != nil {
		return err
	}
	return tx.countRulesAfter(ctx, decls, tx.insertDeclarationRules(ctx, decls))
}

func (tx *Tx) insertDeclarationRows(ctx context.Context, decls []*ipr.Declaration) error {
	rows := make([]string, len(decls))
	args := make([]any, 0, len(decls)*declarationValueCount)
	byRef := make(map[string]*ipr.Declaration, len(decls))
	for i, d := range decls {
		rows[i] = "(" + tx.params(len(args)+1, declarationValueCount) + ")"
		args = append(args, declarationValues(d)...)
		byRef[d.Ref] = d
	}
	list, err := queryAll(ctx, tx, scanIDRef, `INSERT INTO declarations (`+declarationInsertColumns+`) VALUES `+
		strings.Join(rows, ", ")+` RETURNING id, ref`, args...)
	if err != nil {
		return mapError(unwrapInternal(err), "id", "a declaration with this id is already stored")
	}
	for _, v := range list {
		byRef[v.ref].ID = v.id
	}
	return nil
}

// params returns n placeholders numbered from from; plain "?" on SQLite, as
// placeholders (rightimport.go) does and for the same reason.
func (tx *Tx) params(from, n int) string {
	if tx.dialect == SQLite {
		return strings.Repeat("?, ", n-1) + "?"
	}
	return numbered(from, n)
}

type idRef struct {
	id  int64
	ref string
}

func scanIDRef(row rowScanner) (idRef, error) {
	var v idRef
	err := row.Scan(&v.id, &v.ref)
	return v, err
}

// unwrapInternal undoes queryAll's wrapping, so that mapError sees the driver's code.
func unwrapInternal(err error) error {
	var ie *ipr.Error
	if errors.As(err, &ie) && ie.Code == ipr.EINTERNAL && ie.Err != nil {
		return ie.Err
	}
	return err
}

// insertHits stores every declaration's hits; a hit's right is found by its reference.
func (tx *Tx) insertHits(ctx context.Context, decls []*ipr.Declaration) error {
	var rows []string
	var args []any
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := tx.exec(ctx, `INSERT INTO declaration_hits (declaration_id, position, right_id, right_ref, mark,
			matched, field, start_byte, end_byte, method, score, authorised, reasons) VALUES `+strings.Join(rows, ", "), args...)
		rows, args = rows[:0], args[:0]
		return mapError(err, "hits", "")
	}
	for _, d := range decls {
		for i, h := range d.Hits {
			reasons, err := json.Marshal(nonNil(h.Reasons))
			if err != nil {
				return ipr.Internal(err)
			}
			p := len(args) + 1
			// right_id by reference: the register, not the caller, says which right it is
			rows = append(rows, "("+tx.params(p, 2)+", (SELECT id FROM rights WHERE ref = "+tx.params(p+2, 1)+"), "+
				tx.params(p+3, 10)+")")
			args = append(args, d.ID, i, h.RightRef, h.RightRef, h.Mark, h.Matched, h.Field, h.Start, h.End, h.Method,
				h.Score, h.Authorised, string(reasons))
			if len(rows) == hitChunk {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

func (tx *Tx) insertDeclarationRules(ctx context.Context, decls []*ipr.Declaration) error {
	var rows []string
	var args []any
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := tx.exec(ctx, `INSERT INTO declaration_rules (declaration_id, rule_id, name, weight, reason) VALUES `+
			strings.Join(rows, ", "), args...)
		rows, args = rows[:0], args[:0]
		return mapError(err, "rules", "a rule is listed twice")
	}
	for _, d := range decls {
		for _, r := range d.Rules {
			rows = append(rows, "("+tx.params(len(args)+1, 5)+")")
			args = append(args, d.ID, r.RuleID, r.Name, r.Weight, r.Reason)
			if len(rows) == hitChunk {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	return flush()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

const declarationColumns = `d.id, d.ref, d.channel, d.direction, d.declared_at, d.customs_office, d.origin,
	d.destination, d.transport, d.route, d.port, d.consignor, d.consignor_address, d.consignee, d.consignee_address,
	d.hs_code, d.description, d.brand, d.quantity, d.weight_kg, d.value, d.currency, d.received_at, d.submitted_by,
	d.risk, d.status, d.decided_by, COALESCE(u.name, ''), d.decided_at, d.decision_reason`
const declarationFrom = ` FROM declarations d LEFT JOIN users u ON u.id = d.decided_by AND d.decided_by <> 0 `

func scanDeclaration(row rowScanner) (*ipr.Declaration, error) {
	var d ipr.Declaration
	var status string
	var decided sql.NullTime
	err := row.Scan(&d.ID, &d.Ref, &d.Channel, &d.Direction, &d.DeclaredAt, &d.CustomsOffice, &d.Origin,
		&d.Destination, &d.Transport, &d.Route, &d.Port, &d.Consignor, &d.ConsignorAddress, &d.Consignee,
		&d.ConsigneeAddress, &d.HSCode, &d.Description, &d.Brand, &d.Quantity, &d.WeightKg, &d.Value, &d.Currency,
		&d.ReceivedAt, &d.SubmittedBy, &d.Risk, &status, &d.DecidedBy, &d.DecidedByName, &decided, &d.DecisionReason)
	if err != nil {
		return nil, err
	}
	d.Status = ipr.DeclarationStatus(status)
	d.DeclaredAt, d.ReceivedAt, d.DecidedAt = d.DeclaredAt.UTC(), d.ReceivedAt.UTC(), decided.Time.UTC()
	if !decided.Valid {
		d.DecidedAt = time.Time{}
	}
	return &d, nil
}

// DeclarationByRef returns the declaration with the declaring system's id ref,
// with its hits and rules.
func (tx *Tx) DeclarationByRef(ctx context.Context, ref string) (*ipr.Declaration, error) {
	d, err := scanDeclaration(tx.queryRow(ctx, `SELECT `+declarationColumns+declarationFrom+`WHERE d.ref = $1`, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("declaration", "id", strconv.Quote(ref))
	}
	if err != nil {
		return nil, mapError(err, "declaration", "")
	}
	return d, tx.loadFindings(ctx, []*ipr.Declaration{d})
}

// DeclarationsByRefs returns, by reference, those of refs already stored, with
// their hits and rules.
func (tx *Tx) DeclarationsByRefs(ctx context.Context, refs []string) (map[string]*ipr.Declaration, error) {
	out := map[string]*ipr.Declaration{}
	var found []*ipr.Declaration
	for start := 0; start < len(refs); start += hitChunk {
		part := refs[start:min(start+hitChunk, len(refs))]
		args := make([]any, len(part))
		for i, r := range part {
			args[i] = r
		}
		list, err := queryAll(ctx, tx, scanDeclaration, `SELECT `+declarationColumns+declarationFrom+
			`WHERE d.ref IN (`+tx.params(1, len(part))+`)`, args...)
		if err != nil {
			return nil, err
		}
		found = append(found, list...)
	}
	for _, d := range found {
		out[d.Ref] = d
	}
	return out, tx.loadFindings(ctx, found)
}

// loadFindings fills the hits and rules of decls.
func (tx *Tx) loadFindings(ctx context.Context, decls []*ipr.Declaration) error {
	if len(decls) == 0 {
		return nil
	}
	byID := make(map[int64]*ipr.Declaration, len(decls))
	ids := make([]int64, 0, len(decls))
	for _, d := range decls {
		byID[d.ID] = d
		ids = append(ids, d.ID)
		d.Hits, d.Rules = nil, nil
	}
	for start := 0; start < len(ids); start += hitChunk {
		part := ids[start:min(start+hitChunk, len(ids))]
		if err := tx.loadHits(ctx, part, byID); err != nil {
			return err
		}
		if err := tx.loadRuleHits(ctx, part, byID); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) loadHits(ctx context.Context, ids []int64, byID map[int64]*ipr.Declaration) error {
	var w whereBuilder
	w.in("declaration_id", ids)
	where, args := w.sql()
	rows, err := tx.query(ctx, `SELECT declaration_id, COALESCE(right_id, 0), right_ref, mark, matched, field,
		start_byte, end_byte, method, score, authorised, reasons FROM declaration_hits`+where+
		` ORDER BY declaration_id, position`, args...)
	if err != nil {
		return ipr.Internal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var h ipr.DeclarationHit
		var reasons string
		if err := rows.Scan(&id, &h.RightID, &h.RightRef, &h.Mark, &h.Matched, &h.Field, &h.Start, &h.End,
			&h.Method, &h.Score, &h.Authorised, &reasons); err != nil {
			return ipr.Internal(err)
		}
		if err := json.Unmarshal([]byte(reasons), &h.Reasons); err != nil {
			return ipr.Internal(err)
		}
		byID[id].Hits = append(byID[id].Hits, h)
	}
	return mapError(rows.Err(), "hits", "")
}

func (tx *Tx) loadRuleHits(ctx context.Context, ids []int64, byID map[int64]*ipr.Declaration) error {
	var w whereBuilder
	w.in("declaration_id", ids)
	where, args := w.sql()
	rows, err := tx.query(ctx, `SELECT declaration_id, rule_id, name, weight, reason FROM declaration_rules`+where+
		` ORDER BY declaration_id, weight DESC, rule_id`, args...)
	if err != nil {
		return ipr.Internal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r ipr.DeclarationRule
		if err := rows.Scan(&id, &r.RuleID, &r.Name, &r.Weight, &r.Reason); err != nil {
			return ipr.Internal(err)
		}
		byID[id].Rules = append(byID[id].Rules, r)
	}
	return mapError(rows.Err(), "rules", "")
}

// ListDeclarations returns a page of the officer's queue, with hits and rules,
// and how many declarations match in all. Flagged ones come first, then by risk.
func (tx *Tx) ListDeclarations(ctx context.Context, f ipr.QueueFilter) ([]*ipr.Declaration, int64, error) {
	where, args := declarationWhere(f)
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM declarations d`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	order := ` ORDER BY d.risk DESC, d.id DESC`
	if f.Status == "" {
		order = ` ORDER BY CASE d.status WHEN 'flagged' THEN 0 WHEN 'inspection' THEN 1 ELSE 2 END, d.risk DESC, d.id DESC`
	}
	list, err := queryAll(ctx, tx, scanDeclaration, `SELECT `+declarationColumns+declarationFrom+where+order+limit, args...)
	if err != nil {
		return nil, 0, err
	}
	return list, total, tx.loadFindings(ctx, list)
}

func declarationWhere(f ipr.QueueFilter) (string, []any) {
	var w whereBuilder
	if f.Status == "" {
		w.add("d.status <> ?", string(ipr.DeclarationClear))
	} else {
		w.add("d.status = ?", string(f.Status))
	}
	if o := strings.TrimSpace(f.Office); o != "" {
		w.add("d.customs_office = ?", o)
	}
	if c := strings.TrimSpace(f.Channel); c != "" {
		w.add("d.channel = ?", c)
	}
	if b := strings.TrimSpace(f.Brand); b != "" {
		w.add(`(LOWER(d.brand) LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM declaration_hits h WHERE h.declaration_id = d.id
			AND (LOWER(h.right_ref) LIKE ? ESCAPE '\' OR LOWER(h.mark) LIKE ? ESCAPE '\')))`,
			"%"+likeEscaper.Replace(strings.ToLower(b))+"%")
	}
	if !f.From.IsZero() {
		w.add("d.declared_at >= ?", f.From.Time())
	}
	if !f.To.IsZero() {
		w.add("d.declared_at < ?", f.To.AddDate(0, 0, 1).Time())
	}
	if f.MinRisk > 0 {
		w.add("d.risk >= ?", f.MinRisk)
	}
	return w.sql()
}

// DecideDeclaration saves an officer's decision on d, provided it still had
// status from: two officers deciding at once do not overwrite each other.
func (tx *Tx) DecideDeclaration(ctx context.Context, d *ipr.Declaration, from ipr.DeclarationStatus) error {
	res, err := tx.exec(ctx, `UPDATE declarations SET status = $1, decided_by = $2, decided_at = $3, decision_reason = $4
		WHERE id = $5 AND status = $6`, string(d.Status), d.DecidedBy, nullTime(d.DecidedAt.UTC()), d.DecisionReason,
		d.ID, string(from))
	if err != nil {
		return mapError(err, "declaration", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ipr.Errorf(ipr.ECONFLICT, "declaration %s was decided by someone else meanwhile; reload it", d.Ref)
	}
	return nil
}

// CountDeclarations counts declarations with status ("" for all).
func (tx *Tx) CountDeclarations(ctx context.Context, status ipr.DeclarationStatus) (int64, error) {
	return tx.count(ctx, `SELECT COUNT(*) FROM declarations WHERE ($1 = '' OR status = $1)`, string(status))
}
