package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// CreateExhibit stores a new exhibit and sets its ID and version. Its photos
// must be files its holder uploaded.
func (tx *Tx) CreateExhibit(ctx context.Context, e *ipr.Exhibit, now time.Time) error {
	points, err := tx.checkExhibit(ctx, e)
	if err != nil {
		return err
	}
	e.Version, e.CreatedAt, e.UpdatedAt = 1, now, now
	err = tx.queryRow(ctx, `INSERT INTO exhibits (holder_id, right_id, group_id, title, title_zh, body, genuine_photo,
		fake_photo, points_json, status, reject_reason, version, created_by, created_at, updated_at, submitted_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $13, $13, $14) RETURNING id`,
		e.HolderID, e.RightID, e.GroupID, e.Title, e.TitleZH, e.Body, e.GenuinePhoto, e.FakePhoto, points,
		string(e.Status), e.RejectReason, e.CreatedBy, now, nullTime(e.SubmittedAt.UTC())).Scan(&e.ID)
	return mapError(err, "exhibit", "")
}

// UpdateExhibit saves the working copy, its status and review, and, when
// published is not nil, the new public version. It refuses a stale version.
func (tx *Tx) UpdateExhibit(ctx context.Context, e *ipr.Exhibit, expectedVersion int, now time.Time) error {
	points, err := tx.checkExhibit(ctx, e)
	if err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE exhibits SET right_id = $1, group_id = $2, title = $3, title_zh = $4, body = $5,
		genuine_photo = $6, fake_photo = $7, points_json = $8, status = $9, reject_reason = $10, version = version + 1,
		updated_at = $11, submitted_at = $12, decided_by = $13, decided_at = $14 WHERE id = $15 AND version = $16`,
		e.RightID, e.GroupID, e.Title, e.TitleZH, e.Body, e.GenuinePhoto, e.FakePhoto, points, string(e.Status),
		e.RejectReason, now, nullTime(e.SubmittedAt.UTC()), e.DecidedBy, nullTime(e.DecidedAt.UTC()), e.ID, expectedVersion)
	if err != nil {
		return mapError(err, "exhibit", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := tx.ExhibitByID(ctx, e.ID); err != nil {
			return err
		}
		return &ipr.Error{Code: ipr.ECONFLICT, Message: "the exhibit was changed meanwhile; reload it and try again",
			Fields: map[string]string{"version": "is not the current version"}}
	}
	e.Version, e.UpdatedAt = expectedVersion+1, now
	return nil
}

// PublishExhibit makes snap the exhibit's public version.
func (tx *Tx) PublishExhibit(ctx context.Context, id int64, snap *ipr.ExhibitSnapshot) error {
	b, err := json.Marshal(snap)
	if err != nil {
		return ipr.Internal(err)
	}
	_, err = tx.exec(ctx, `UPDATE exhibits SET published_json = $1, published_at = $2, pub_right_id = $3, pub_group_id = $4
		WHERE id = $5`, string(b), snap.ApprovedAt.UTC(), snap.RightID, snap.GroupID, id)
	return mapError(err, "exhibit", "")
}

// checkExhibit checks the exhibit's links and returns its points as JSON.
func (tx *Tx) checkExhibit(ctx context.Context, e *ipr.Exhibit) (string, error) {
	for field, sha := range map[string]string{"genuine_photo": e.GenuinePhoto, "fake_photo": e.FakePhoto} {
		if sha == "" {
			continue
		}
		if ok, err := tx.FileBelongsTo(ctx, sha, e.HolderID); err != nil {
			return "", err
		} else if !ok {
			return "", &ipr.Error{Code: ipr.EINVALID, Message: "the exhibit is not valid",
				Fields: map[string]string{field: "is not a picture the holder uploaded"}}
		}
	}
	if e.Points == nil {
		e.Points = []ipr.ExhibitPoint{}
	}
	b, err := json.Marshal(e.Points)
	if err != nil {
		return "", ipr.Internal(err)
	}
	return string(b), nil
}

const exhibitColumns = `e.id, e.holder_id, o.name, e.right_id, r.mark, e.group_id, COALESCE(g.name, ''), COALESCE(g.name_zh, ''),
	e.title, e.title_zh, e.body, e.genuine_photo, e.fake_photo, e.points_json, e.status, e.reject_reason, e.version,
	e.created_by, e.created_at, e.updated_at, e.submitted_at, e.decided_by, e.decided_at, e.published_json`

const exhibitFrom = ` FROM exhibits e JOIN orgs o ON o.id = e.holder_id JOIN rights r ON r.id = e.right_id
	LEFT JOIN working_groups g ON g.id = e.group_id`

func scanExhibit(row rowScanner) (*ipr.Exhibit, error) {
	var e ipr.Exhibit
	var points, status, published string
	var submitted, decided sql.NullTime
	err := row.Scan(&e.ID, &e.HolderID, &e.HolderName, &e.RightID, &e.Brand, &e.GroupID, &e.GroupName, &e.GroupNameZH,
		&e.Title, &e.TitleZH, &e.Body, &e.GenuinePhoto, &e.FakePhoto, &points, &status, &e.RejectReason, &e.Version,
		&e.CreatedBy, &e.CreatedAt, &e.UpdatedAt, &submitted, &e.DecidedBy, &decided, &published)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(points), &e.Points); err != nil {
		return nil, err
	}
	if published != "" {
		e.Published = &ipr.ExhibitSnapshot{}
		if err := json.Unmarshal([]byte(published), e.Published); err != nil {
			return nil, err
		}
		e.Published.ApprovedAt = e.Published.ApprovedAt.UTC()
	}
	e.Status = ipr.ExhibitStatus(status)
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC()
	if submitted.Valid {
		e.SubmittedAt = submitted.Time.UTC()
	}
	if decided.Valid {
		e.DecidedAt = decided.Time.UTC()
	}
	return &e, nil
}

func exhibitNotFound(id int64) error {
	return notFound("exhibit", "exhibit", "with id "+strconv.FormatInt(id, 10))
}

// ExhibitByID returns an exhibit's working copy, with its public version if it has one.
func (tx *Tx) ExhibitByID(ctx context.Context, id int64) (*ipr.Exhibit, error) {
	e, err := scanExhibit(tx.queryRow(ctx, `SELECT `+exhibitColumns+exhibitFrom+` WHERE e.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, exhibitNotFound(id)
	}
	if err != nil {
		return nil, mapError(err, "exhibit", "")
	}
	return e, nil
}

// ListExhibits returns a page of working copies, newest first, and how many match in all.
func (tx *Tx) ListExhibits(ctx context.Context, f ipr.ExhibitFilter) ([]*ipr.Exhibit, int64, error) {
	var w whereBuilder
	if f.HolderIDs != nil {
		w.in("e.holder_id", f.HolderIDs)
	}
	if f.Status != "" {
		w.add("e.status = ?", string(f.Status))
	}
	if f.NotDraft {
		w.add("e.status <> ?", string(ipr.ExhibitDraft))
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM exhibits e`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanExhibit, `SELECT `+exhibitColumns+exhibitFrom+where+` ORDER BY e.id DESC`+limit, args...)
	return list, total, err
}

// PublishedExhibit returns the public version of an exhibit; an exhibit never
// approved is not found.
func (tx *Tx) PublishedExhibit(ctx context.Context, id int64) (*ipr.PublicExhibit, error) {
	p, err := scanPublicExhibit(tx.queryRow(ctx, `SELECT id, published_json FROM exhibits
		WHERE id = $1 AND published_at IS NOT NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, exhibitNotFound(id)
	}
	return p, mapError(err, "exhibit", "")
}

func scanPublicExhibit(row rowScanner) (*ipr.PublicExhibit, error) {
	var p ipr.PublicExhibit
	var snap string
	if err := row.Scan(&p.ID, &snap); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(snap), &p.ExhibitSnapshot); err != nil {
		return nil, err
	}
	p.ApprovedAt = p.ApprovedAt.UTC()
	return &p, nil
}

// PublishedExhibits returns a page of the exhibition, last approved first, and how many match.
func (tx *Tx) PublishedExhibits(ctx context.Context, f ipr.PublicExhibitFilter) ([]*ipr.PublicExhibit, int64, error) {
	w := whereBuilder{conds: []string{"published_at IS NOT NULL"}}
	if f.RightID != 0 {
		w.add("pub_right_id = ?", f.RightID)
	}
	if f.GroupID != 0 {
		w.add("pub_group_id = ?", f.GroupID)
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM exhibits`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanPublicExhibit, `SELECT id, published_json FROM exhibits`+where+
		` ORDER BY published_at DESC, id DESC`+limit, args...)
	return list, total, err
}

// ExhibitFacets returns the brands (by right) and working groups of the
// published exhibits, with how many each has, for the exhibition's filters.
// Names come from the published versions, never from the live register.
func (tx *Tx) ExhibitFacets(ctx context.Context) (brands, groups []ipr.ExhibitFacet, err error) {
	list, err := queryAll(ctx, tx, scanPublicExhibit, `SELECT id, published_json FROM exhibits
		WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC LIMIT 2000`)
	if err != nil {
		return nil, nil, err
	}
	brandAt, groupAt := map[int64]int{}, map[int64]int{}
	for _, p := range list {
		if i, ok := brandAt[p.RightID]; ok {
			brands[i].Count++
		} else {
			brandAt[p.RightID] = len(brands)
			brands = append(brands, ipr.ExhibitFacet{ID: p.RightID, Name: p.Brand, Count: 1})
		}
		if p.GroupID == 0 {
			continue
		}
		if i, ok := groupAt[p.GroupID]; ok {
			groups[i].Count++
		} else {
			groupAt[p.GroupID] = len(groups)
			groups = append(groups, ipr.ExhibitFacet{ID: p.GroupID, Name: p.GroupName, NameZH: p.GroupNameZH, Count: 1})
		}
	}
	return brands, groups, nil
}

// HolderGroups returns the working groups a right holder is a member of, by name.
func (tx *Tx) HolderGroups(ctx context.Context, holderID int64) ([]*ipr.WorkingGroup, error) {
	return queryAll(ctx, tx, func(row rowScanner) (*ipr.WorkingGroup, error) {
		var g ipr.WorkingGroup
		err := row.Scan(&g.ID, &g.OrgID, &g.Name, &g.NameZH)
		return &g, err
	}, `SELECT g.id, g.org_id, g.name, g.name_zh FROM working_groups g
		JOIN working_group_members m ON m.group_id = g.id WHERE m.holder_id = $1 ORDER BY g.name, g.id`, holderID)
}
