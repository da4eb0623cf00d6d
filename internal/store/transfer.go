package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// CreateTransfer stores a proposed transfer with its first timeline entry
// and sets its ID and Version.
func (tx *Tx) CreateTransfer(ctx context.Context, t *ipr.Transfer) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if n, err := tx.count(ctx, `SELECT COUNT(*) FROM orgs WHERE id = $1 AND kind = $2`,
		t.PoliceOrgID, string(ipr.OrgPoliceUnit)); err != nil {
		return err
	} else if n == 0 {
		return &ipr.Error{Code: ipr.EINVALID, Message: "the transfer is not valid",
			Fields: map[string]string{"police_unit": "is not a police unit"}}
	}
	t.Version = 1
	err := tx.queryRow(ctx, `INSERT INTO transfers (case_id, police_org_id, state, reasons, thresholds, proposed_by,
		proposed_at, approval_due, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
		t.CaseID, t.PoliceOrgID, string(t.State), t.Reasons, strings.Join(t.Thresholds, ","), t.ProposedBy,
		t.ProposedAt.UTC(), t.ApprovalDue.UTC()).Scan(&t.ID)
	return tx.refreshAfter(ctx, t.CaseID, mapError(err, "case", ""))
}

// UpdateTransfer saves t's procedure fields provided it is still at
// expectedVersion, and bumps its Version; a stale version is a conflict.
func (tx *Tx) UpdateTransfer(ctx context.Context, t *ipr.Transfer, expectedVersion int) error {
	res, err := tx.exec(ctx, `UPDATE transfers SET state = $1, decided_by = $2, decided_at = $3, send_due = $4,
		first_sent_at = $5, sent_at = $6, police_due = $7, police_at = $8, accepted_at = $9, police_reason = $10,
		version = version + 1 WHERE id = $11 AND version = $12`,
		string(t.State), t.DecidedBy, nullTime(t.DecidedAt.UTC()), nullTime(t.SendDue.UTC()),
		nullTime(t.FirstSentAt.UTC()), nullTime(t.SentAt.UTC()), nullTime(t.PoliceDue.UTC()),
		nullTime(t.PoliceAt.UTC()), nullTime(t.AcceptedAt.UTC()), t.PoliceReason, t.ID, expectedVersion)
	if err != nil {
		return mapError(err, "transfer", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := tx.TransferByID(ctx, t.ID); err != nil {
			return err
		}
		return &ipr.Error{Code: ipr.ECONFLICT, Message: "the transfer was changed by someone else; reload it and try again",
			Fields: map[string]string{"version": "is no longer " + strconv.Itoa(expectedVersion)}}
	}
	t.Version = expectedVersion + 1
	return tx.RefreshCaseStats(ctx, t.CaseID)
}

const transferColumns = `t.id, t.case_id, c.ref, c.office, c.holder_org_id, t.police_org_id, t.state, t.reasons,
	t.thresholds, t.proposed_by, t.proposed_at, t.approval_due, t.decided_by, t.decided_at, t.send_due,
	t.first_sent_at, t.sent_at, t.police_due, t.police_at, t.accepted_at, t.police_reason, t.version`

const transferFrom = ` FROM transfers t JOIN cases c ON c.id = t.case_id`

func scanTransfer(row rowScanner) (*ipr.Transfer, error) {
	var t ipr.Transfer
	var state, thresholds string
	var decided, sendDue, firstSent, sent, policeDue, policeAt, accepted sql.NullTime
	err := row.Scan(&t.ID, &t.CaseID, &t.CaseRef, &t.Office, &t.HolderOrgID, &t.PoliceOrgID, &state, &t.Reasons,
		&thresholds, &t.ProposedBy, &t.ProposedAt, &t.ApprovalDue, &t.DecidedBy, &decided, &sendDue,
		&firstSent, &sent, &policeDue, &policeAt, &accepted, &t.PoliceReason, &t.Version)
	if err != nil {
		return nil, err
	}
	t.State = ipr.TransferState(state)
	if thresholds != "" {
		t.Thresholds = strings.Split(thresholds, ",")
	}
	t.ProposedAt, t.ApprovalDue = t.ProposedAt.UTC(), t.ApprovalDue.UTC()
	for _, f := range []struct {
		dst *time.Time
		src sql.NullTime
	}{{&t.DecidedAt, decided}, {&t.SendDue, sendDue}, {&t.FirstSentAt, firstSent}, {&t.SentAt, sent},
		{&t.PoliceDue, policeDue}, {&t.PoliceAt, policeAt}, {&t.AcceptedAt, accepted}} {
		if f.src.Valid {
			*f.dst = f.src.Time.UTC()
		}
	}
	return &t, nil
}

// TransferByID loads a transfer with its outcomes.
func (tx *Tx) TransferByID(ctx context.Context, id int64) (*ipr.Transfer, error) {
	t, err := scanTransfer(tx.queryRow(ctx, `SELECT `+transferColumns+transferFrom+` WHERE t.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("transfer", "transfer", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "transfer", "")
	}
	t.Outcomes, err = tx.TransferOutcomes(ctx, id)
	return t, err
}

// Transfers lists transfers matching f, those proposed longest ago first, and how many match.
func (tx *Tx) Transfers(ctx context.Context, f ipr.TransferFilter) ([]*ipr.Transfer, int64, error) {
	var w whereBuilder
	if f.PoliceOrgID != 0 {
		w.add("t.police_org_id = ?", f.PoliceOrgID)
	}
	if f.HolderOrgID != 0 {
		w.add("c.holder_org_id = ?", f.HolderOrgID)
	}
	if f.CaseID != 0 {
		w.add("t.case_id = ?", f.CaseID)
	}
	if f.State != "" {
		w.add("t.state = ?", string(f.State))
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*)`+transferFrom+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanTransfer, `SELECT `+transferColumns+transferFrom+where+
		` ORDER BY t.proposed_at, t.id`+limit, args...)
	return list, total, err
}

// waitingSince is when a transfer began to wait for its next hand-over: the
// latest one, by its state (the same instants ipr.Transfer.Clocks counts from).
const waitingSince = `CASE t.state WHEN 'proposed' THEN t.proposed_at WHEN 'approved' THEN t.decided_at
	WHEN 'sent' THEN t.sent_at ELSE t.police_at END`

// WaitingTransfers lists the transfers still waiting for someone to act (all but
// rejected and accepted ones), those waiting longest first, at most limit of
// them (500 at most), and how many wait in all. Ordering in SQL keeps the
// longest waits first however many transfers there are.
func (tx *Tx) WaitingTransfers(ctx context.Context, limit int) ([]*ipr.Transfer, int64, error) {
	where := ` WHERE t.state NOT IN ($1, $2)`
	args := []any{string(ipr.TransferRejected), string(ipr.TransferAccepted)}
	total, err := tx.count(ctx, `SELECT COUNT(*)`+transferFrom+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, page := page(args, limit, 0)
	list, err := queryAll(ctx, tx, scanTransfer, `SELECT `+transferColumns+transferFrom+where+
		` ORDER BY `+waitingSince+`, t.id`+page, args...)
	return list, total, err
}

// AddTransferEvent appends a timestamped entry to a transfer's timeline.
func (tx *Tx) AddTransferEvent(ctx context.Context, e *ipr.TransferEvent) error {
	err := tx.queryRow(ctx, `INSERT INTO transfer_events (transfer_id, at, actor_id, kind, from_state, to_state, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, e.TransferID, e.At.UTC(), e.ActorID, e.Kind,
		string(e.FromState), string(e.ToState), e.Note).Scan(&e.ID)
	return mapError(err, "transfer", "")
}

func scanTransferEvent(row rowScanner) (ipr.TransferEvent, error) {
	var e ipr.TransferEvent
	var from, to string
	err := row.Scan(&e.ID, &e.TransferID, &e.At, &e.ActorID, &e.Kind, &from, &to, &e.Note)
	e.At, e.FromState, e.ToState = e.At.UTC(), ipr.TransferState(from), ipr.TransferState(to)
	return e, err
}

// TransferEvents is a transfer's timeline, oldest first.
func (tx *Tx) TransferEvents(ctx context.Context, transferID int64) ([]ipr.TransferEvent, error) {
	return queryAll(ctx, tx, scanTransferEvent, `SELECT id, transfer_id, at, actor_id, kind, from_state, to_state, note
		FROM transfer_events WHERE transfer_id = $1 ORDER BY at, id`, transferID)
}

// AddTransferOutcome records a step of the criminal case.
func (tx *Tx) AddTransferOutcome(ctx context.Context, o *ipr.TransferOutcome) error {
	if err := o.Validate(); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO transfer_outcomes (transfer_id, kind, note, at, by_user)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, o.TransferID, string(o.Kind), o.Note, o.At.UTC(), o.By).Scan(&o.ID)
	return mapError(err, "transfer", "")
}

func scanOutcome(row rowScanner) (ipr.TransferOutcome, error) {
	var o ipr.TransferOutcome
	var kind string
	err := row.Scan(&o.ID, &o.TransferID, &kind, &o.Note, &o.At, &o.By)
	o.Kind, o.At = ipr.OutcomeKind(kind), o.At.UTC()
	return o, err
}

// TransferOutcomes lists a transfer's outcomes, oldest first.
func (tx *Tx) TransferOutcomes(ctx context.Context, transferID int64) ([]ipr.TransferOutcome, error) {
	return queryAll(ctx, tx, scanOutcome, `SELECT id, transfer_id, kind, note, at, by_user FROM transfer_outcomes
		WHERE transfer_id = $1 ORDER BY at, id`, transferID)
}

// TransferDossier is one stored version of a transfer's dossier.
type TransferDossier struct {
	TransferID int64
	Version    int
	Content    string // JSON
	SHA256     string
	CreatedAt  time.Time
	CreatedBy  int64
}

// AddDossier stores the next version of a transfer's dossier and sets d.Version.
func (tx *Tx) AddDossier(ctx context.Context, d *TransferDossier) error {
	var last sql.NullInt64
	if err := tx.queryRow(ctx, `SELECT MAX(version) FROM transfer_dossiers WHERE transfer_id = $1`,
		d.TransferID).Scan(&last); err != nil {
		return ipr.Internal(err)
	}
	d.Version = int(last.Int64) + 1
	_, err := tx.exec(ctx, `INSERT INTO transfer_dossiers (transfer_id, version, content, sha256, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6)`, d.TransferID, d.Version, d.Content, d.SHA256, d.CreatedAt.UTC(), d.CreatedBy)
	return mapError(err, "version", "another version was saved at the same time; try again")
}

// Dossier loads version of a transfer's dossier; version 0 is the latest.
func (tx *Tx) Dossier(ctx context.Context, transferID int64, version int) (*TransferDossier, error) {
	d := TransferDossier{TransferID: transferID}
	err := tx.queryRow(ctx, `SELECT version, content, sha256, created_at, created_by FROM transfer_dossiers
		WHERE transfer_id = $1 AND (version = $2 OR ($2 = 0 AND version = (SELECT MAX(version) FROM transfer_dossiers
		WHERE transfer_id = $1))) `, transferID, version).Scan(&d.Version, &d.Content, &d.SHA256, &d.CreatedAt, &d.CreatedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("dossier", "version", "of this transfer with that version")
	}
	if err != nil {
		return nil, mapError(err, "version", "")
	}
	d.CreatedAt = d.CreatedAt.UTC()
	return &d, nil
}

// TransferDurations are the hand-over times of every transfer proposed since,
// for the statistics.
func (tx *Tx) TransferDurations(ctx context.Context, since time.Time) ([]ipr.TransferDurations, error) {
	list, err := queryAll(ctx, tx, scanTransfer, `SELECT `+transferColumns+transferFrom+
		` WHERE t.proposed_at >= $1 ORDER BY t.proposed_at, t.id`, since.UTC())
	if err != nil {
		return nil, err
	}
	out := make([]ipr.TransferDurations, len(list))
	for i, t := range list {
		approved := t.DecidedAt
		if t.State == ipr.TransferRejected {
			approved = time.Time{}
		}
		out[i] = ipr.TransferDurations{TransferID: t.ID, Office: t.Office, PoliceOrgID: t.PoliceOrgID,
			ProposedAt: t.ProposedAt, ApprovedAt: approved, FirstSentAt: t.FirstSentAt, SentAt: t.SentAt, AcceptedAt: t.AcceptedAt}
	}
	return out, nil
}
