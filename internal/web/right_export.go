package web

import (
	"bytes"
	"net/http"
	"time"

	"bordermark/internal/ipr"
)

// handleRightExport downloads the rights the user may see as a register file in
// `bordermark rights import`'s format: customs everything but drafts, a right holder
// or agent its own portfolio.
func (s *Server) handleRightExport(w http.ResponseWriter, r *http.Request) {
	register, err := s.svc.ExportRights(r.Context(), userFrom(r), "")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var buf bytes.Buffer // whole, so that a failure is an error page rather than half a file
	if err := register.WriteCSV(&buf); err != nil {
		s.renderError(w, r, ipr.Internal(err))
		return
	}
	name := "rights-" + s.svc.Clock.Now().UTC().Format(time.DateOnly) + ".csv"
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	buf.WriteTo(w)
}
