package enforce

import (
	"context"
	"fmt"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// genBulks are the prepared bulk inserts of one chunk's transaction.
type genBulks struct {
	decls, hits, rules, cases, rights, items, requests, reqItems, answers, transfers *store.Bulk
}

func newGenBulks(ctx context.Context, tx *store.Tx) (*genBulks, []*store.Bulk, error) {
	b := &genBulks{}
	var all []*store.Bulk
	for _, t := range []struct {
		dst     **store.Bulk
		table   string
		columns []string
	}{
		{&b.decls, "declarations", []string{"id", "ref", "channel", "direction", "declared_at", "customs_office", "origin",
			"destination", "transport", "port", "consignor", "consignee", "hs_code", "description", "brand", "quantity",
			"weight_kg", "value", "currency", "received_at", "risk", "status"}},
		{&b.hits, "declaration_hits", []string{"declaration_id", "position", "right_id", "right_ref", "mark", "matched",
			"field", "start_byte", "end_byte", "method", "score", "authorised", "reasons"}},
		{&b.rules, "declaration_rules", []string{"declaration_id", "rule_id", "name", "weight", "reason"}},
		{&b.cases, "cases", []string{"id", "ref", "profile", "mode", "state", "office", "holder_org_id", "declaration_id",
			"channel", "goods_value", "currency", "opened_by", "opened_at", "closed_at", "determination", "fine"}},
		{&b.rights, "case_rights", []string{"case_id", "right_id"}},
		{&b.items, "case_items", []string{"id", "case_id", "position", "description", "quantity", "unit",
			"declared_value", "assessed_value"}},
		{&b.requests, "identification_requests", []string{"id", "case_id", "due", "sent_at", "sent_by", "answered_at"}},
		{&b.reqItems, "identification_request_items", []string{"request_id", "item_id"}},
		{&b.answers, "identification_answers", []string{"request_id", "item_id", "verdict", "answered_at"}},
		{&b.transfers, "transfers", []string{"id", "case_id", "police_org_id", "state", "reasons", "thresholds",
			"proposed_by", "proposed_at", "approval_due", "decided_by", "decided_at", "send_due", "first_sent_at",
			"sent_at", "police_due", "police_at", "accepted_at"}},
	} {
		bulk, err := tx.NewBulk(ctx, t.table, t.columns...)
		if err != nil {
			return nil, all, err
		}
		*t.dst, all = bulk, append(all, bulk)
	}
	return b, all, nil
}

// load generates declarations start to end and the cases among them, in one transaction.
func (g *generator) load(ctx context.Context, tx *store.Tx, start, end int) (err error) {
	b, all, err := newGenBulks(ctx, tx)
	defer func() {
		for _, bulk := range all {
			bulk.Close()
		}
	}()
	if err != nil {
		return err
	}
	for i := start; i < end; i++ {
		if err := g.declaration(b, i); err != nil {
			return err
		}
		if (i+1)%2000 != 0 && i+1 != end {
			continue
		}
		for _, bulk := range all { // parents first: the order newGenBulks made them in
			if err := bulk.Flush(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// declaration generates declaration i, its findings and, when it is one, its case.
func (g *generator) declaration(b *genBulks, i int) error {
	ch := genChannels.pick(g.rng)
	at, origin, office := g.when(), genOrigins.pick(g.rng), ch.offices.pick(g.rng)
	isCase := g.isCase(i)
	flagged := isCase || g.rng.Float64() < 0.05
	right := g.rights.pick(g.rng)
	chapter, brand, price := genPlainChapters.pick(g.rng), "", 40.0
	if flagged {
		gb := genBrands[right.Ref]
		chapter, brand, price = gb.chapters.pick(g.rng), right.Mark, gb.unitPrice*(0.05+0.15*g.rng.Float64())
	}
	pieces := ch.pieces[0] + g.rng.IntN(ch.pieces[1]-ch.pieces[0]+1)
	value := float64(pieces) * price
	status, risk := "clear", g.rng.IntN(20)
	if flagged {
		status, risk = "dismissed", 40+g.rng.IntN(60)
		if isCase {
			status = "inspection"
		}
	}
	id := g.id("declarations")
	err := b.decls.Add(id, fmt.Sprintf("GEN%09d", i), ch.code, "export", at, office, origin, "US", ch.transports.pick(g.rng),
		"CNNGB", origin[strings.LastIndex(origin, "-")+1:]+" Trading Co", "Consignee "+fmt.Sprint(g.rng.IntN(5000)), chapter+"0499",
		"goods of chapter "+chapter, brand, float64(pieces), float64(pieces)*0.4, value, "CNY", at, risk, status)
	if err != nil || !flagged {
		return err
	}
	if err := g.findings(b, id, right, isCase); err != nil {
		return err
	}
	if !isCase {
		return nil
	}
	return g.detention(b, id, at, office, ch.code, right, pieces, price)
}

// findings adds the hit on the right and the rules that flagged declaration id;
// rules earlier in the list are the sharper ones and flag cases more often.
func (g *generator) findings(b *genBulks, id int64, right store.GenerateRight, isCase bool) error {
	if err := b.hits.Add(id, 0, right.ID, right.Ref, right.Mark, right.Mark, "description", 0, len(right.Mark),
		"exact", 0.92, false, "[]"); err != nil {
		return err
	}
	n := 1 + g.rng.IntN(2)
	seen := map[int64]bool{}
	for range n {
		k := g.rng.IntN(len(g.rules))
		if isCase && g.rng.Float64() < 0.6 {
			k = g.rng.IntN(max(1, len(g.rules)/2))
		}
		r := g.rules[k]
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		if err := b.rules.Add(id, r.ID, r.Name, r.Weight, "generated history"); err != nil {
			return err
		}
	}
	return nil
}

// detention opens the case on declaration decl, with its items, the holder's
// identification and, for large infringing consignments, a transfer to the police.
func (g *generator) detention(b *genBulks, decl int64, at time.Time, office, channel string,
	right store.GenerateRight, pieces int, price float64) error {
	id, opened := g.id("cases"), at.Add(min(g.lognormal(6, 0.8), 20*time.Hour))
	prefix := genOfficePrefix[office]
	key := seqKey{prefix, opened.Year()}
	g.seqs[key]++
	mode := ipr.ModeExOfficio
	if g.rng.Float64() < 0.06 {
		mode = ipr.ModeOnApplication
	}
	det, state, closed := g.outcome(opened)
	unitFen := int64(price * 100)
	goods := int64(pieces) * unitFen
	var fine int64
	if det == ipr.DeterminationInfringing {
		fine = goods / 5
	}
	officer := g.officers[g.rng.IntN(len(g.officers))]
	transfer := det == ipr.DeterminationInfringing && goods > 30_000_000 && g.rng.Float64() < 0.5
	if transfer {
		state = "transferred"
	}
	if err := b.cases.Add(id, ipr.CaseRef(prefix, opened.Year(), g.seqs[key]), string(ipr.ProfileCN), string(mode),
		state, office, right.HolderID, decl, channel, goods, "CNY", officer, opened, closed, string(det), fine); err != nil {
		return err
	}
	if err := b.rights.Add(id, right.ID); err != nil {
		return err
	}
	item, err := g.items(b, id, pieces, unitFen)
	if err != nil {
		return err
	}
	if err := g.identification(b, id, item, opened, officer, genBrands[right.Ref].answerHours); err != nil {
		return err
	}
	if !transfer {
		return nil
	}
	return g.transfer(b, id, opened, officer)
}

// outcome is how a case opened then stands now: older cases are decided.
func (g *generator) outcome(opened time.Time) (ipr.Determination, string, any) {
	if g.now.Sub(opened) < 30*24*time.Hour && g.rng.Float64() < 0.7 {
		return "", "investigating", nil
	}
	closed := opened.Add(g.lognormal(24*35, 0.4))
	switch x := g.rng.Float64(); {
	case x < 0.86:
		return ipr.DeterminationInfringing, "penalised", closed
	case x < 0.93:
		return ipr.DeterminationNotInfringing, "released", closed
	case x < 0.96:
		return ipr.DeterminationUndetermined, "undetermined", nil
	default:
		return "", "released", closed // the holder declined to act
	}
}

// items splits the pieces over one to three item lines and returns the first line's id.
func (g *generator) items(b *genBulks, caseID int64, pieces int, unitFen int64) (int64, error) {
	lines := 1 + g.rng.IntN(min(3, pieces))
	first := int64(0)
	left := pieces
	for pos := 1; pos <= lines; pos++ {
		q := left
		if pos < lines {
			q = 1 + g.rng.IntN(left-(lines-pos))
		}
		left -= q
		id := g.id("case_items")
		if first == 0 {
			first = id
		}
		if err := b.items.Add(id, caseID, pos, fmt.Sprintf("line %d", pos), q, "pieces", int64(q)*unitFen,
			int64(q)*unitFen); err != nil {
			return 0, err
		}
	}
	return first, nil
}

// identification asks the holder about the first item; most answer, each holder at its own pace.
func (g *generator) identification(b *genBulks, caseID, item int64, opened time.Time,
	officer int64, medianHours float64) error {
	if g.rng.Float64() < 0.1 {
		return nil
	}
	id, sent := g.id("identification_requests"), opened.Add(g.lognormal(2, 0.5))
	var answered any
	if at := sent.Add(g.lognormal(medianHours, 0.6)); g.rng.Float64() < 0.92 && at.Before(g.now) {
		answered = at
	}
	if err := b.requests.Add(id, caseID, sent.Add(72*time.Hour), sent, officer, answered); err != nil {
		return err
	}
	if err := b.reqItems.Add(id, item); err != nil || answered == nil {
		return err
	}
	return b.answers.Add(id, item, string(ipr.VerdictCounterfeit), answered)
}

// transfer hands a case to the police: proposal, approval, sending and acceptance.
func (g *generator) transfer(b *genBulks, caseID int64, opened time.Time, officer int64) error {
	proposed := opened.Add(g.lognormal(24*20, 0.4))
	decided := proposed.Add(g.lognormal(40, 0.7))
	sent := decided.Add(g.lognormal(60, 0.6))
	accepted := sent.Add(g.lognormal(24*8, 0.5))
	state, at := "accepted", any(accepted)
	if accepted.After(g.now) {
		state, at = "sent", nil
	}
	return b.transfers.Add(g.id("transfers"), caseID, g.police, state, "value over the threshold", "counterfeit_mark",
		officer, proposed, proposed.Add(72*time.Hour), officer, decided, decided.Add(120*time.Hour), sent, sent,
		sent.Add(240*time.Hour), at, at)
}
