package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"bordermark/internal/ipr"
)

// SaveFile records an uploaded file and that it belongs to f.OrgID. The content is
// stored once, so uploading it again (by the same or another organisation) keeps
// the first row and only adds the organisation. It reports whether the row is new.
func (tx *Tx) SaveFile(ctx context.Context, f *ipr.File) (bool, error) {
	res, err := tx.exec(ctx, `INSERT INTO files (sha256, content_type, size, name, org_id, uploaded_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO NOTHING`,
		f.SHA256, f.ContentType, f.Size, f.Name, f.OrgID, f.UploadedBy, f.CreatedAt)
	if err != nil {
		return false, mapError(err, "file", "")
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, ipr.Internal(err)
	}
	_, err = tx.exec(ctx, `INSERT INTO file_orgs (sha256, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, f.SHA256, f.OrgID)
	return n > 0, mapError(err, "file", "")
}

// FileBySHA returns the file with the given SHA-256, as first uploaded.
func (tx *Tx) FileBySHA(ctx context.Context, sha string) (*ipr.File, error) {
	var f ipr.File
	err := tx.queryRow(ctx, `SELECT sha256, content_type, size, name, org_id, uploaded_by, created_at
		FROM files WHERE sha256 = $1`, sha).
		Scan(&f.SHA256, &f.ContentType, &f.Size, &f.Name, &f.OrgID, &f.UploadedBy, &f.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("file", "file", sha)
	}
	f.CreatedAt = f.CreatedAt.UTC()
	return &f, mapError(err, "file", "")
}

// FileOrgs returns the organisations a file belongs to: those who may see it.
func (tx *Tx) FileOrgs(ctx context.Context, sha string) ([]int64, error) {
	rows, err := tx.query(ctx, `SELECT org_id FROM file_orgs WHERE sha256 = $1 ORDER BY org_id`, sha)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, ipr.Internal(err)
		}
		ids = append(ids, id)
	}
	return ids, mapError(rows.Err(), "file", "")
}

// FileBelongsTo reports whether the file is recorded as belonging to organisation org.
func (tx *Tx) FileBelongsTo(ctx context.Context, sha string, org int64) (bool, error) {
	n, err := tx.count(ctx, `SELECT COUNT(*) FROM file_orgs WHERE sha256 = $1 AND org_id = $2`, sha, org)
	return n > 0, err
}

// Files returns the files with the given SHA-256s, by SHA-256; unknown ones are left out.
func (tx *Tx) Files(ctx context.Context, shas []string) (map[string]*ipr.File, error) {
	found := map[string]*ipr.File{}
	if len(shas) == 0 {
		return found, nil
	}
	marks := make([]string, len(shas))
	args := make([]any, len(shas))
	for i, sha := range shas {
		marks[i], args[i] = "$"+itoa(i+1), sha
	}
	rows, err := tx.query(ctx, `SELECT sha256, content_type, size, name, org_id, uploaded_by, created_at
		FROM files WHERE sha256 IN (`+strings.Join(marks, ", ")+`)`, args...)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var f ipr.File
		if err := rows.Scan(&f.SHA256, &f.ContentType, &f.Size, &f.Name, &f.OrgID, &f.UploadedBy, &f.CreatedAt); err != nil {
			return nil, ipr.Internal(err)
		}
		f.CreatedAt = f.CreatedAt.UTC()
		found[f.SHA256] = &f
	}
	return found, mapError(rows.Err(), "file", "")
}
