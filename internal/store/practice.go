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

// CreatePracticeNote stores a validated best-practice note and sets its ID.
func (tx *Tx) CreatePracticeNote(ctx context.Context, n *ipr.PracticeNote, now time.Time) error {
	n.CreatedAt, n.UpdatedAt = now, now
	err := tx.queryRow(ctx, `INSERT INTO practice_notes (org_id, title, body, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, n.OrgID, n.Title, n.Body, n.CreatedBy, now, now).Scan(&n.ID)
	if err != nil {
		return mapError(err, "note", "")
	}
	return tx.savePracticeTags(ctx, n)
}

// UpdatePracticeNote changes a note's title, body and tags.
func (tx *Tx) UpdatePracticeNote(ctx context.Context, n *ipr.PracticeNote, now time.Time) error {
	res, err := tx.exec(ctx, `UPDATE practice_notes SET title = $1, body = $2, updated_at = $3 WHERE id = $4`,
		n.Title, n.Body, now, n.ID)
	if err != nil {
		return mapError(err, "note", "")
	}
	if c, _ := res.RowsAffected(); c == 0 {
		return practiceNotFound(n.ID)
	}
	n.UpdatedAt = now
	if _, err := tx.exec(ctx, `DELETE FROM practice_tags WHERE note_id = $1`, n.ID); err != nil {
		return mapError(err, "tags", "")
	}
	return tx.savePracticeTags(ctx, n)
}

func (tx *Tx) savePracticeTags(ctx context.Context, n *ipr.PracticeNote) error {
	for _, t := range n.Tags {
		if _, err := tx.exec(ctx, `INSERT INTO practice_tags (note_id, tag) VALUES ($1, $2)`, n.ID, t); err != nil {
			return mapError(err, "tags", "is given twice")
		}
	}
	return nil
}

func practiceNotFound(id int64) error {
	return notFound("note", "note", "with id "+strconv.FormatInt(id, 10))
}

const practiceColumns = `n.id, n.org_id, o.name, n.title, n.body, n.created_by, n.created_at, n.updated_at`

const practiceFrom = ` FROM practice_notes n JOIN orgs o ON o.id = n.org_id`

func scanPracticeNote(row rowScanner) (*ipr.PracticeNote, error) {
	var n ipr.PracticeNote
	if err := row.Scan(&n.ID, &n.OrgID, &n.OrgName, &n.Title, &n.Body, &n.CreatedBy, &n.CreatedAt, &n.UpdatedAt); err != nil {
		return nil, err
	}
	n.CreatedAt, n.UpdatedAt = n.CreatedAt.UTC(), n.UpdatedAt.UTC()
	return &n, nil
}

// PracticeNoteByID returns the note with id, with its tags.
func (tx *Tx) PracticeNoteByID(ctx context.Context, id int64) (*ipr.PracticeNote, error) {
	n, err := scanPracticeNote(tx.queryRow(ctx, `SELECT `+practiceColumns+practiceFrom+` WHERE n.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, practiceNotFound(id)
	}
	if err != nil {
		return nil, mapError(err, "note", "")
	}
	return n, tx.loadPracticeTags(ctx, []*ipr.PracticeNote{n})
}

// ListPracticeNotes returns a page of notes, newest first, and how many match.
// The query matches part of the title or the body, ignoring case (ASCII), and
// % and _ in it match themselves.
func (tx *Tx) ListPracticeNotes(ctx context.Context, f ipr.PracticeFilter) ([]*ipr.PracticeNote, int64, error) {
	var w whereBuilder
	if q := strings.TrimSpace(f.Query); q != "" {
		w.add(`(LOWER(n.title) LIKE ? ESCAPE '\' OR LOWER(n.body) LIKE ? ESCAPE '\')`,
			"%"+likeEscaper.Replace(strings.ToLower(q))+"%")
	}
	if f.Tag != "" {
		w.add("EXISTS (SELECT 1 FROM practice_tags t WHERE t.note_id = n.id AND t.tag = ?)", f.Tag)
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*)`+practiceFrom+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanPracticeNote, `SELECT `+practiceColumns+practiceFrom+where+` ORDER BY n.id DESC`+limit, args...)
	if err != nil {
		return nil, 0, err
	}
	return list, total, tx.loadPracticeTags(ctx, list)
}

func (tx *Tx) loadPracticeTags(ctx context.Context, list []*ipr.PracticeNote) error {
	if len(list) == 0 {
		return nil
	}
	byID := map[int64]*ipr.PracticeNote{}
	ids := make([]int64, len(list))
	for i, n := range list {
		byID[n.ID], ids[i] = n, n.ID
		n.Tags = nil
	}
	return tx.eachPair(ctx, `SELECT note_id, tag FROM practice_tags`, "note_id", ids, ` ORDER BY note_id, tag`,
		func(id int64, tag string) { byID[id].Tags = append(byID[id].Tags, tag) })
}
