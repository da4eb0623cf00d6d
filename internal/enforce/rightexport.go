package enforce

import (
	"context"
	"io"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// RightRegister is the part of the register one export gives, in the import's format.
type RightRegister struct {
	Rights    []*ipr.Right
	Exporters map[int64][]string // right ID → authorised exporters' names
}

// WriteCSV writes the register as a rights file that ImportRights reads back.
func (g *RightRegister) WriteCSV(w io.Writer) error { return WriteRightsCSV(w, g.Rights, g.Exporters) }

// ExportRights returns the recordations actor may see, for a download: the command
// line everything; customs everything but drafts; right holders and agents their
// own portfolio, as ListRights scopes them. status, when set, narrows the export.
// (The file has no status column: importing it records every row as approved.)
func (s *Service) ExportRights(ctx context.Context, actor *ipr.User, status ipr.RecordStatus) (*RightRegister, error) {
	f := ipr.RightFilter{Status: status}
	switch {
	case actor == nil:
		return nil, ipr.Authorize(actor, ipr.ActionExportRights, ipr.Anything)
	case actor.IsSystem():
	case ipr.Can(actor, ipr.ActionExportRights, ipr.Anything):
		f.NotDraft = true
	case actor.Role == ipr.RoleRightHolder:
		f.HolderIDs = []int64{actor.OrgID}
	case actor.Role == ipr.RoleAgent:
		f.HolderIDs = actor.ActsFor
	default:
		return nil, ipr.Authorize(actor, ipr.ActionExportRights, ipr.Anything)
	}
	g := &RightRegister{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if g.Rights, err = tx.AllRights(ctx, f); err != nil {
			return err
		}
		g.Exporters, err = tx.PartyNames(ctx, ipr.PartyExporter, f)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, r := range g.Rights { // belt and braces: the supply chain is customs' and the holder's
		if !ipr.Can(actor, ipr.ActionViewCatalogue, ipr.OrgResource("catalogue", r.HolderID)) {
			delete(g.Exporters, r.ID)
		}
	}
	for id, names := range g.Exporters {
		slices.Sort(names) // byte order on both engines, whatever the database's collation
		g.Exporters[id] = names
	}
	return g, nil
}
