package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"bordermark/internal/ipr"
)

// AddCaseItem stores an item as the last of its case and sets its ID and Position.
// Its files must be uploaded already.
func (tx *Tx) AddCaseItem(ctx context.Context, it *ipr.CaseItem) error {
	if err := it.Validate(); err != nil {
		return err
	}
	if err := tx.checkItemFiles(ctx, it.Files); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO case_items (case_id, position, description, quantity, unit, declared_value,
		assessed_value, location, storage_cost_per_day)
		VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM case_items WHERE case_id = $1), $2, $3, $4, $5, $6, $7, $8)
		RETURNING id, position`, it.CaseID, it.Description, it.Quantity, it.Unit, int64(it.DeclaredValue),
		int64(it.AssessedValue), it.Location, int64(it.StorageCostPerDay)).Scan(&it.ID, &it.Position)
	if err != nil {
		return mapError(err, "case", "")
	}
	return tx.refreshAfter(ctx, it.CaseID, tx.putItemFiles(ctx, it))
}

// UpdateCaseItem saves an item's description, quantity, values, location and files.
func (tx *Tx) UpdateCaseItem(ctx context.Context, it *ipr.CaseItem) error {
	if err := it.Validate(); err != nil {
		return err
	}
	if err := tx.checkItemFiles(ctx, it.Files); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE case_items SET description = $1, quantity = $2, unit = $3, declared_value = $4,
		assessed_value = $5, location = $6, storage_cost_per_day = $7 WHERE id = $8 AND case_id = $9`,
		it.Description, it.Quantity, it.Unit, int64(it.DeclaredValue), int64(it.AssessedValue), it.Location,
		int64(it.StorageCostPerDay), it.ID, it.CaseID)
	if err != nil {
		return mapError(err, "item", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("item", "item", "with id "+strconv.FormatInt(it.ID, 10)+" in this case")
	}
	if _, err := tx.exec(ctx, `DELETE FROM case_item_files WHERE item_id = $1`, it.ID); err != nil {
		return ipr.Internal(err)
	}
	return tx.refreshAfter(ctx, it.CaseID, tx.putItemFiles(ctx, it))
}

// checkItemFiles names the first file of an item that was never uploaded.
func (tx *Tx) checkItemFiles(ctx context.Context, shas []string) error {
	found, err := tx.Files(ctx, shas)
	if err != nil {
		return err
	}
	p := ipr.Problems{}
	for i, sha := range shas {
		if found[sha] == nil {
			p.Add(fmt.Sprintf("files[%d]", i), "no uploaded file has this SHA-256")
		}
	}
	return p.Err("the item refers to a missing file")
}

func (tx *Tx) putItemFiles(ctx context.Context, it *ipr.CaseItem) error {
	for i, sha := range it.Files {
		if _, err := tx.exec(ctx, `INSERT INTO case_item_files (item_id, position, sha256) VALUES ($1, $2, $3)`,
			it.ID, i, sha); err != nil {
			return mapError(err, fmt.Sprintf("files[%d]", i), "")
		}
	}
	return nil
}

const itemColumns = `id, case_id, position, description, quantity, unit, declared_value, assessed_value, location,
	storage_cost_per_day`

func scanItem(row rowScanner) (*ipr.CaseItem, error) {
	var it ipr.CaseItem
	err := row.Scan(&it.ID, &it.CaseID, &it.Position, &it.Description, &it.Quantity, &it.Unit, &it.DeclaredValue,
		&it.AssessedValue, &it.Location, &it.StorageCostPerDay)
	return &it, err
}

// CaseItems returns the items of a case in order, with their files.
func (tx *Tx) CaseItems(ctx context.Context, caseID int64) ([]*ipr.CaseItem, error) {
	items, err := queryAll(ctx, tx, scanItem, `SELECT `+itemColumns+` FROM case_items WHERE case_id = $1
		ORDER BY position`, caseID)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*ipr.CaseItem, len(items))
	for _, it := range items {
		byID[it.ID] = it
	}
	files, err := queryAll(ctx, tx, scanItemFile, `SELECT f.item_id, f.sha256 FROM case_item_files f
		JOIN case_items i ON i.id = f.item_id WHERE i.case_id = $1 ORDER BY f.item_id, f.position`, caseID)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		byID[f.itemID].Files = append(byID[f.itemID].Files, f.sha)
	}
	return items, nil
}

// CaseItemByID returns one item with its files.
func (tx *Tx) CaseItemByID(ctx context.Context, id int64) (*ipr.CaseItem, error) {
	it, err := scanItem(tx.queryRow(ctx, `SELECT `+itemColumns+` FROM case_items WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("item", "item", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "item", "")
	}
	files, err := queryAll(ctx, tx, scanItemFile, `SELECT item_id, sha256 FROM case_item_files WHERE item_id = $1
		ORDER BY position`, id)
	for _, f := range files {
		it.Files = append(it.Files, f.sha)
	}
	return it, err
}

type itemFile struct {
	itemID int64
	sha    string
}

func scanItemFile(row rowScanner) (itemFile, error) {
	var f itemFile
	err := row.Scan(&f.itemID, &f.sha)
	return f, err
}

// AddCaseEvent appends an entry to a case's timeline and sets its ID.
func (tx *Tx) AddCaseEvent(ctx context.Context, e *ipr.CaseEvent) error {
	if e.Kind == "" || e.At.IsZero() {
		return &ipr.Error{Code: ipr.EINVALID, Message: "the event is not valid",
			Fields: map[string]string{"kind": "kind and time are required"}}
	}
	err := tx.queryRow(ctx, `INSERT INTO case_events (case_id, occurred_at, actor_id, kind, from_state, to_state, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, e.CaseID, e.At.UTC(), e.ActorID, e.Kind, e.FromState,
		e.ToState, e.Note).Scan(&e.ID)
	return mapError(err, "case", "")
}

// CaseEvents returns a case's timeline, oldest first.
func (tx *Tx) CaseEvents(ctx context.Context, caseID int64) ([]ipr.CaseEvent, error) {
	return queryAll(ctx, tx, func(row rowScanner) (ipr.CaseEvent, error) {
		var e ipr.CaseEvent
		err := row.Scan(&e.ID, &e.CaseID, &e.At, &e.ActorID, &e.Kind, &e.FromState, &e.ToState, &e.Note)
		e.At = e.At.UTC()
		return e, err
	}, `SELECT id, case_id, occurred_at, actor_id, kind, from_state, to_state, note FROM case_events
		WHERE case_id = $1 ORDER BY occurred_at, id`, caseID)
}

// AddCustody records a move of a case's goods and sets its ID.
func (tx *Tx) AddCustody(ctx context.Context, m *ipr.Custody) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.ItemID != 0 {
		if n, err := tx.count(ctx, `SELECT COUNT(*) FROM case_items WHERE id = $1 AND case_id = $2`, m.ItemID, m.CaseID); err != nil {
			return err
		} else if n == 0 {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the custody entry is not valid",
				Fields: map[string]string{"item": "is not an item of this case"}}
		}
	}
	err := tx.queryRow(ctx, `INSERT INTO custody (case_id, item_id, moved_at, moved_by, from_place, to_place, note,
		received) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, m.CaseID, nullID(m.ItemID), m.At.UTC(), m.By,
		m.From, m.To, m.Note, m.Received).Scan(&m.ID)
	return mapError(err, "case", "")
}

// CustodyLog returns the moves of a case's goods, oldest first.
func (tx *Tx) CustodyLog(ctx context.Context, caseID int64) ([]ipr.Custody, error) {
	return queryAll(ctx, tx, func(row rowScanner) (ipr.Custody, error) {
		var m ipr.Custody
		err := row.Scan(&m.ID, &m.CaseID, &m.ItemID, &m.At, &m.By, &m.From, &m.To, &m.Note, &m.Received)
		m.At = m.At.UTC()
		return m, err
	}, `SELECT id, case_id, COALESCE(item_id, 0), moved_at, moved_by, from_place, to_place, note, received
		FROM custody WHERE case_id = $1 ORDER BY moved_at, id`, caseID)
}
