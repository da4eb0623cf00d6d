package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// The statistics' fact table (migration 0012) is written here only: every save
// of a case, its items, identification answers or transfers refreshes the
// case's rows, and the cubes summed from them, in the same transaction; and
// RebuildStats recomputes them all.

// caseFacts is what one case contributes to stats_facts, before it is split by brand.
type caseFacts struct {
	caseID, holder, declaration                   int64
	profile, mode, office, channel, month, origin string
	transport, hsCode, determination              string
	goodsValue, itemsValue, pieces                int64
	brands                                        []string
	answer, approval, sending, acceptance         sql.NullInt64
}

// refreshAfter refreshes case id's statistics when err, the result of the save
// just made, is nil; it lets each save path refresh with one call.
func (tx *Tx) refreshAfter(ctx context.Context, caseID int64, err error) error {
	if err != nil {
		return err
	}
	return tx.RefreshCaseStats(ctx, caseID)
}

// RefreshCaseStats recomputes one case's facts from the normalised tables and
// applies the difference to the cubes (stats_cube.go).
func (tx *Tx) RefreshCaseStats(ctx context.Context, caseID int64) error {
	old, err := tx.caseFactRows(ctx, caseID)
	if err != nil {
		return err
	}
	facts, err := tx.loadCaseFacts(ctx, "c.id = $1", caseID)
	if err != nil {
		return err
	}
	var rows []factRow
	for _, f := range facts {
		rows = append(rows, f.rows()...)
	}
	if sameFacts(old, rows) {
		return nil // most saves change nothing the statistics count
	}
	if _, err := tx.exec(ctx, `DELETE FROM stats_facts WHERE case_id = $1`, caseID); err != nil {
		return ipr.Internal(err)
	}
	if err := tx.insertFacts(ctx, rows); err != nil {
		return err
	}
	return tx.applyCubeDelta(ctx, old, rows)
}

// RebuildStats recomputes every case's facts, the cubes and every rule's flag
// counts: after the migration that adds them to a database with data, and
// after bulk loads. It then refreshes the planner's statistics of their tables.
func (tx *Tx) RebuildStats(ctx context.Context) error {
	for _, table := range append([]string{"stats_facts", "stats_rule_flags"}, cubeTables...) {
		if _, err := tx.exec(ctx, `DELETE FROM `+table); err != nil {
			return ipr.Internal(err)
		}
	}
	facts, err := tx.loadCaseFacts(ctx, "c.id > $1", 0)
	if err != nil {
		return err
	}
	var rows []factRow
	for _, f := range facts {
		rows = append(rows, f.rows()...)
		if len(rows) >= 4000 {
			if err := tx.insertFacts(ctx, rows); err != nil {
				return err
			}
			rows = rows[:0]
		}
	}
	if err := tx.insertFacts(ctx, rows); err != nil {
		return err
	}
	if err := tx.countRuleFlags(ctx, "", nil); err != nil {
		return err
	}
	if err := tx.rebuildCubes(ctx); err != nil {
		return err
	}
	return tx.analyze(ctx, append([]string{"stats_facts", "stats_rule_flags"}, cubeTables...)...)
}

// rebuildStatsAfter rebuilds the statistics when the migration adding them was just applied.
func (db *DB) rebuildStatsAfter(ctx context.Context, applied []string) error {
	if !slices.ContainsFunc(applied, func(name string) bool { return strings.HasPrefix(name, "0012_") }) {
		return nil
	}
	return db.Update(ctx, func(tx *Tx) error { return tx.RebuildStats(ctx) })
}

// loadCaseFacts loads the facts of the cases matching cond (on cases c, one argument).
func (tx *Tx) loadCaseFacts(ctx context.Context, cond string, arg int64) ([]*caseFacts, error) {
	rows, err := tx.query(ctx, `SELECT c.id, c.holder_org_id, COALESCE(c.declaration_id, 0), c.profile, c.mode, c.office,
		c.channel, c.opened_at, COALESCE(d.origin, ''), COALESCE(d.transport, ''), COALESCE(d.hs_code, ''),
		c.determination, c.goods_value
		FROM cases c LEFT JOIN declarations d ON d.id = c.declaration_id WHERE `+cond+` ORDER BY c.id`, arg)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	var list []*caseFacts
	byID := map[int64]*caseFacts{}
	for rows.Next() {
		f := &caseFacts{}
		var opened time.Time
		if err := rows.Scan(&f.caseID, &f.holder, &f.declaration, &f.profile, &f.mode, &f.office, &f.channel, &opened,
			&f.origin, &f.transport, &f.hsCode, &f.determination, &f.goodsValue); err != nil {
			rows.Close()
			return nil, ipr.Internal(err)
		}
		f.month = opened.UTC().Format("2006-01")
		list, byID[f.caseID] = append(list, f), f
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, ipr.Internal(err)
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, tx.loadFactDetails(ctx, cond, arg, byID)
}

// loadFactDetails adds the items, brands, first answer and latest transfer of the cases in byID.
func (tx *Tx) loadFactDetails(ctx context.Context, cond string, arg int64, byID map[int64]*caseFacts) error {
	var pieces, value int64
	err := eachFact(ctx, tx, byID, `SELECT c.id, COALESCE(SUM(i.quantity), 0),
		COALESCE(SUM(CASE WHEN i.assessed_value > 0 THEN i.assessed_value ELSE i.declared_value END), 0)
		FROM cases c JOIN case_items i ON i.case_id = c.id WHERE `+cond+` GROUP BY c.id`, arg,
		[]any{&pieces, &value}, func(f *caseFacts) { f.pieces, f.itemsValue = pieces, value })
	if err != nil {
		return err
	}
	var mark string
	err = eachFact(ctx, tx, byID, `SELECT DISTINCT c.id, r.mark FROM cases c JOIN case_rights cr ON cr.case_id = c.id
		JOIN rights r ON r.id = cr.right_id WHERE `+cond+` ORDER BY c.id, r.mark`, arg,
		[]any{&mark}, func(f *caseFacts) { f.brands = append(f.brands, mark) })
	if err != nil {
		return err
	}
	var sent, answered time.Time
	err = eachFact(ctx, tx, byID, `SELECT c.id, q.sent_at, q.answered_at FROM cases c
		JOIN identification_requests q ON q.case_id = c.id WHERE `+cond+` AND q.answered_at IS NOT NULL
		ORDER BY c.id, q.id`, arg, []any{&sent, &answered}, func(f *caseFacts) {
		if !f.answer.Valid { // the first request answered
			f.answer = minutes(sent, answered)
		}
	})
	if err != nil {
		return err
	}
	return tx.loadTransferFacts(ctx, cond, arg, byID)
}

// loadTransferFacts adds the hand-over times of each case's latest transfer,
// measured as TransferDurations measures them.
func (tx *Tx) loadTransferFacts(ctx context.Context, cond string, arg int64, byID map[int64]*caseFacts) error {
	var state string
	var proposed time.Time
	var decided, firstSent, sent, accepted sql.NullTime
	return eachFact(ctx, tx, byID, `SELECT c.id, t.state, t.proposed_at, t.decided_at, t.first_sent_at, t.sent_at,
		t.accepted_at FROM cases c JOIN transfers t ON t.case_id = c.id WHERE `+cond+` ORDER BY c.id, t.id`, arg,
		[]any{&state, &proposed, &decided, &firstSent, &sent, &accepted}, func(f *caseFacts) {
			approved := decided.Time
			if state == string(ipr.TransferRejected) || !decided.Valid {
				approved = time.Time{}
			}
			f.approval = minutes(proposed, approved)
			f.sending = minutes(approved, firstSent.Time)
			f.acceptance = minutes(sent.Time, accepted.Time)
		})
}

// eachFact runs query, whose first column is a case id and the others dest,
// and applies each row to its case's facts.
func eachFact(ctx context.Context, tx *Tx, byID map[int64]*caseFacts, query string, arg int64,
	dest []any, apply func(f *caseFacts)) error {
	rows, err := tx.query(ctx, query, arg)
	if err != nil {
		return ipr.Internal(err)
	}
	defer rows.Close()
	var id int64
	dest = append([]any{&id}, dest...)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return ipr.Internal(err)
		}
		if f := byID[id]; f != nil {
			apply(f)
		}
	}
	if err := rows.Err(); err != nil {
		return ipr.Internal(err)
	}
	return nil
}

// minutes is the whole minutes from start to end, null unless both happened in that order.
func minutes(start, end time.Time) sql.NullInt64 {
	if start.IsZero() || end.IsZero() || end.Before(start) {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: int64(end.Sub(start) / time.Minute), Valid: true}
}

const factColumns = `case_id, brand, lead_row, month, profile, office, channel, transport, mode, holder_org_id,
	declaration_id, province, city, chapter, pieces, value, confirmed, answer_minutes, approval_minutes,
	sending_minutes, acceptance_minutes`

const factColumnCount = 21

// factRow is one row of stats_facts: a case, or one of its brands.
type factRow struct {
	caseID                                           int64
	brand                                            string
	lead                                             int64
	month, profile, office, channel, transport, mode string
	holder, declaration                              int64
	province, city, chapter                          string
	pieces, value, confirmed                         int64
	minutes                                          [4]sql.NullInt64 // answer, approval, sending, acceptance
}

func (r *factRow) args() []any {
	return []any{r.caseID, r.brand, r.lead, r.month, r.profile, r.office, r.channel, r.transport, r.mode, r.holder,
		r.declaration, r.province, r.city, r.chapter, r.pieces, r.value, r.confirmed,
		r.minutes[0], r.minutes[1], r.minutes[2], r.minutes[3]}
}

func (r *factRow) dest() []any {
	return []any{&r.caseID, &r.brand, &r.lead, &r.month, &r.profile, &r.office, &r.channel, &r.transport, &r.mode,
		&r.holder, &r.declaration, &r.province, &r.city, &r.chapter, &r.pieces, &r.value, &r.confirmed,
		&r.minutes[0], &r.minutes[1], &r.minutes[2], &r.minutes[3]}
}

// rows splits a case's facts into its rows, one per brand, the first the lead row.
func (f *caseFacts) rows() []factRow {
	province, city := ipr.OriginRegion(f.origin)
	value := f.goodsValue
	if value <= 0 {
		value = f.itemsValue
	}
	confirmed := int64(0)
	if f.determination == string(ipr.DeterminationInfringing) {
		confirmed = 1
	}
	brands := f.brands
	if len(brands) == 0 {
		brands = []string{""}
	}
	out := make([]factRow, len(brands))
	for i, brand := range brands {
		out[i] = factRow{caseID: f.caseID, brand: brand, lead: int64(btoi(i == 0)), month: f.month, profile: f.profile,
			office: f.office, channel: f.channel, transport: f.transport, mode: f.mode, holder: f.holder,
			declaration: f.declaration, province: province, city: city, chapter: ipr.HSChapter(f.hsCode),
			pieces: f.pieces, value: value, confirmed: confirmed,
			minutes: [4]sql.NullInt64{f.answer, f.approval, f.sending, f.acceptance}}
	}
	return out
}

// caseFactRows reads a case's rows as stored.
func (tx *Tx) caseFactRows(ctx context.Context, caseID int64) ([]factRow, error) {
	var rows []factRow
	var r factRow
	err := eachRow(ctx, tx, `SELECT `+factColumns+` FROM stats_facts WHERE case_id = $1`,
		[]any{caseID}, r.dest(), func() { rows = append(rows, r) })
	return rows, err
}

// sameFacts reports whether a and b hold the same rows, in any order.
func sameFacts(a, b []factRow) bool {
	byBrand := func(x, y factRow) int { return strings.Compare(x.brand, y.brand) }
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, byBrand)
	slices.SortFunc(b, byBrand)
	return slices.Equal(a, b)
}

// insertFacts writes rows in multi-row statements.
func (tx *Tx) insertFacts(ctx context.Context, rows []factRow) error {
	for start := 0; start < len(rows); start += 400 {
		chunk := rows[start:min(start+400, len(rows))]
		values := make([]string, len(chunk))
		args := make([]any, 0, len(chunk)*factColumnCount)
		for i := range chunk {
			values[i] = "(" + tx.params(len(args)+1, factColumnCount) + ")"
			args = append(args, chunk[i].args()...)
		}
		_, err := tx.exec(ctx, `INSERT INTO stats_facts (`+factColumns+`) VALUES `+strings.Join(values, ", "), args...)
		if err != nil {
			return mapError(err, "case", "")
		}
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// monthOf is the SQL for the UTC month "2026-03" of a timestamp column.
func (tx *Tx) monthOf(column string) string {
	if tx.dialect == Postgres {
		return "to_char(" + column + ", 'YYYY-MM')"
	}
	return "substr(" + column + ", 1, 7)" // SQLite keeps times as UTC text
}

// countDeclarationRules adds the rules the newly stored decls met to the flag counts.
func (tx *Tx) countDeclarationRules(ctx context.Context, decls []*ipr.Declaration) error {
	var ids []int64
	for _, d := range decls {
		if len(d.Rules) > 0 {
			ids = append(ids, d.ID)
		}
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := tx.countRuleFlags(ctx, "d.id IN ("+tx.params(1, len(chunk))+")", args); err != nil {
			return err
		}
	}
	return nil
}

// countRuleFlags adds the declarations matching cond (on declarations d; every
// declaration when "") to the rule flag counts: once in total, and once for
// each holder whose rights the declaration hit.
func (tx *Tx) countRuleFlags(ctx context.Context, cond string, args []any) error {
	if cond == "" {
		cond = "1 = 1" // SQLite needs a WHERE before an upsert's ON CONFLICT
	}
	month := tx.monthOf("d.declared_at")
	keys := `dr.rule_id, ` + month + `, d.customs_office, d.channel, d.transport`
	for _, part := range []struct{ holder, join, group string }{
		{"0", "", ""},
		{"r.holder_id", ` JOIN declaration_hits dh ON dh.declaration_id = d.id JOIN rights r ON r.id = dh.right_id`,
			", r.holder_id"},
	} {
		_, err := tx.exec(ctx, `INSERT INTO stats_rule_flags (rule_id, month, office, channel, transport, holder_org_id,
			flagged) SELECT `+keys+`, `+part.holder+`, COUNT(DISTINCT d.id) FROM declaration_rules dr
			JOIN declarations d ON d.id = dr.declaration_id`+part.join+` WHERE `+cond+` GROUP BY `+keys+part.group+`
			ON CONFLICT (rule_id, holder_org_id, month, office, channel, transport)
			DO UPDATE SET flagged = stats_rule_flags.flagged + excluded.flagged`, args...)
		if err != nil {
			return ipr.Internal(err)
		}
	}
	return nil
}

// countRulesAfter counts the rules decls met once err, the result of storing them, is nil.
func (tx *Tx) countRulesAfter(ctx context.Context, decls []*ipr.Declaration, err error) error {
	if err != nil {
		return err
	}
	return tx.countDeclarationRules(ctx, decls)
}
