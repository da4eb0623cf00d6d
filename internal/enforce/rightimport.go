package enforce

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// ImportOptions control a register import.
type ImportOptions struct {
	SkipInvalid bool                  // import the valid rows of a file that has invalid ones
	Progress    func(done, total int) // called as rights are written; may be nil
}

// ImportReport says what an import found and did.
type ImportReport struct {
	Rows           int // data rows in the file
	Created        int
	Updated        int
	Unchanged      int
	Skipped        int // invalid rows not imported (with SkipInvalid)
	HoldersCreated int
	SHA256         string // of the file, as read
	Problems       []LineProblem
}

func (rep *ImportReport) String() string {
	return fmt.Sprintf("%d rows: %d created, %d updated, %d unchanged, %d skipped; %d holders created; sha256 %s",
		rep.Rows, rep.Created, rep.Updated, rep.Unchanged, rep.Skipped, rep.HoldersCreated, rep.SHA256)
}

// importBatch is how many rights are written between two progress reports.
const importBatch = 1000

// ImportRights imports a rights register file (see RightsCSVHeader). Each row is a
// recordation already on customs' register: it is stored approved, recorded from
// valid_from to valid_to. Rows are matched to stored rights by id (the Ref), so
// importing a file again changes nothing. Every row is checked before anything is
// written; a file with problems imports nothing unless opts.SkipInvalid. The import
// is one transaction with one audit event.
func (s *Service) ImportRights(ctx context.Context, actor *ipr.User, src io.Reader, opts ImportOptions) (*ImportReport, error) {
	if err := ipr.Authorize(actor, ipr.ActionImportRights, ipr.Anything); err != nil {
		return nil, err
	}
	hash := sha256.New()
	tee := io.TeeReader(src, hash)
	file, err := ParseRightsCSV(tee)
	if err == nil {
		_, err = io.Copy(io.Discard, tee) // the hash is of the whole file, even after a bad header
	}
	if err != nil {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "cannot read the file", Fields: map[string]string{"file": err.Error()}, Err: err}
	}
	rep := &ImportReport{Rows: len(file.Rows) + file.Invalid, Skipped: file.Invalid,
		SHA256: hex.EncodeToString(hash.Sum(nil)), Problems: file.Problems}
	if file.Unusable {
		return rep, &ipr.Error{Code: ipr.EINVALID, Message: "the file cannot be read as a rights register; nothing was imported"}
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		plan, err := s.planImport(ctx, tx, file.Rows, rep)
		if err != nil {
			return err
		}
		if len(rep.Problems) > 0 && !opts.SkipInvalid {
			return &ipr.Error{Code: ipr.EINVALID, Message: fmt.Sprintf("%d of %d rows have errors; nothing was imported", rep.Skipped, rep.Rows)}
		}
		if err := plan.write(ctx, tx, opts.Progress); err != nil {
			return err
		}
		if rep.Created+rep.Updated+rep.HoldersCreated == 0 {
			return nil // nothing changed: nothing to record
		}
		return s.audit(ctx, tx, actor, change{Action: "right.import", ObjectType: "right_import", After: rep.String()})
	})
	if err != nil {
		rep.Created, rep.Updated, rep.Unchanged, rep.HoldersCreated = 0, 0, 0, 0
		return rep, err
	}
	if rep.Created+rep.Updated > 0 {
		s.registerChanged(ctx)
	}
	return rep, nil
}

// importPlan is what an import will write.
type importPlan struct {
	now       time.Time
	holders   []*ipr.Org
	created   []*ipr.Right
	updated   []*ipr.Right
	exporters map[*ipr.Right][]string // of created and updated rights
	holderOf  map[*ipr.Right]*ipr.Org // the same; a new holder has its ID only once written
}

// planImport compares the rows with the register: it resolves holders (refusing
// organisations that are not right holders) and sorts rows into new, changed and unchanged.
func (s *Service) planImport(ctx context.Context, tx *store.Tx, rows []ImportRow, rep *ImportReport) (*importPlan, error) {
	orgs, err := tx.OrgsByName(ctx)
	if err != nil {
		return nil, err
	}
	stored, err := tx.AllRights(ctx, ipr.RightFilter{})
	if err != nil {
		return nil, err
	}
	storedExporters, err := tx.PartyNames(ctx, ipr.PartyExporter, ipr.RightFilter{})
	if err != nil {
		return nil, err
	}
	byRef := make(map[string]*ipr.Right, len(stored))
	for _, r := range stored {
		byRef[r.Ref] = r
	}
	p := &importPlan{now: s.Clock.Now(), exporters: map[*ipr.Right][]string{}, holderOf: map[*ipr.Right]*ipr.Org{}}
	var late []LineProblem // problems only the register reveals
	for _, row := range rows {
		holder := orgs[row.Right.HolderName]
		if holder == nil {
			holder = &ipr.Org{Name: row.Right.HolderName, Kind: ipr.OrgRightHolder}
			orgs[holder.Name] = holder
			p.holders = append(p.holders, holder)
		} else if holder.Kind != ipr.OrgRightHolder {
			late = append(late, LineProblem{row.Line, "holder", fmt.Sprintf("%q is a %s, not a right holder", holder.Name, holder.Kind)})
			continue
		}
		want := p.recordation(row, holder, byRef[row.Right.Ref])
		exporters := slices.Sorted(slices.Values(row.Exporters))
		switch old := byRef[row.Right.Ref]; {
		case old == nil:
			p.created = append(p.created, want)
		case sameRecordation(old, want) && slices.Equal(exporters, slices.Sorted(slices.Values(storedExporters[old.ID]))):
			rep.Unchanged++
			continue
		default:
			p.updated = append(p.updated, want)
		}
		p.exporters[want], p.holderOf[want] = exporters, holder
	}
	rep.Created, rep.Updated, rep.HoldersCreated = len(p.created), len(p.updated), len(p.holders)
	if len(late) > 0 {
		rep.Skipped += len(late)
		rep.Problems = append(rep.Problems, late...)
		slices.SortStableFunc(rep.Problems, func(a, b LineProblem) int { return a.Line - b.Line })
	}
	return p, nil
}

// recordation is the right a row describes: old (nil for a new right) brought up to
// the row, approved and recorded for the right's validity.
func (p *importPlan) recordation(row ImportRow, holder *ipr.Org, old *ipr.Right) *ipr.Right {
	in := row.Right
	r := in // a new right: the row as it is, owned by the holder
	if old != nil {
		r = *old // keep what the file does not carry: owner, registration, goods, history
		r.Kind, r.Mark, r.Variants, r.NiceClasses = in.Kind, in.Mark, in.Variants, in.NiceClasses
		r.Jurisdiction, r.ValidFrom, r.ValidTo = in.Jurisdiction, in.ValidFrom, in.ValidTo
	}
	r.HolderID, r.HolderName = holder.ID, holder.Name
	if r.Status != ipr.StatusApproved {
		r.Status, r.RejectReason, r.DecidedAt = ipr.StatusApproved, "", p.now
	}
	r.RecordFrom, r.RecordTo = in.ValidFrom, in.ValidTo
	return &r
}

// sameRecordation reports whether a stored right already says what the file says:
// an approved recordation with the same columns. Its recordation dates are then
// kept, so that a register exported and imported again stays as it was.
func sameRecordation(a, b *ipr.Right) bool {
	return a.Status == ipr.StatusApproved && a.HolderID == b.HolderID && a.HolderName == b.HolderName &&
		a.Kind == b.Kind && a.Mark == b.Mark && slices.Equal(a.Variants, b.Variants) &&
		slices.Equal(a.NiceClasses, b.NiceClasses) && a.Jurisdiction == b.Jurisdiction &&
		a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo
}

// write stores the plan in batches, reporting progress after each.
func (p *importPlan) write(ctx context.Context, tx *store.Tx, progress func(done, total int)) error {
	if err := tx.CreateOrgs(ctx, p.holders, p.now); err != nil {
		return err
	}
	for r, holder := range p.holderOf {
		r.HolderID = holder.ID
	}
	total, done := len(p.created)+len(p.updated), 0
	report := func(n int) {
		if done += n; progress != nil {
			progress(done, total)
		}
	}
	err := inBatches(p.created, importBatch, func(batch []*ipr.Right) error {
		if err := tx.InsertRights(ctx, batch, p.now); err != nil {
			return err
		}
		if err := p.replaceExporters(ctx, tx, batch); err != nil {
			return err
		}
		report(len(batch))
		return nil
	})
	if err != nil {
		return err
	}
	return inBatches(p.updated, importBatch, func(batch []*ipr.Right) error {
		if err := tx.UpdateRights(ctx, batch, p.now); err != nil {
			return err
		}
		if err := p.replaceExporters(ctx, tx, batch); err != nil {
			return err
		}
		report(len(batch))
		return nil
	})
}

func (p *importPlan) replaceExporters(ctx context.Context, tx *store.Tx, rights []*ipr.Right) error {
	ids := make([]int64, len(rights))
	var parties []*ipr.Party
	for i, r := range rights {
		ids[i] = r.ID
		for _, name := range p.exporters[r] {
			parties = append(parties, &ipr.Party{RightID: r.ID, Role: ipr.PartyExporter, Name: name})
		}
	}
	return tx.ReplaceParties(ctx, ipr.PartyExporter, ids, parties)
}

// inBatches calls fn with consecutive slices of at most size items.
func inBatches[T any](items []T, size int, fn func([]T) error) error {
	for len(items) > 0 {
		n := min(size, len(items))
		if err := fn(items[:n]); err != nil {
			return err
		}
		items = items[n:]
	}
	return nil
}
