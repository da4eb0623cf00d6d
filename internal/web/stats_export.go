package web

import (
	"bytes"
	"net/http"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/report"
)

// writeStatsFile sends tables as a download named name: CSV for one table, or an XLSX workbook.
func (s *Server) writeStatsFile(w http.ResponseWriter, r *http.Request, name string, tables ...report.Table) {
	var buf bytes.Buffer // whole, so that a failure is an error page rather than half a file
	var err error
	contentType := "text/csv; charset=utf-8"
	if strings.HasSuffix(name, ".xlsx") {
		contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		err = report.WriteXLSX(&buf, tables...)
	} else {
		err = report.WriteCSV(&buf, tables[0])
	}
	if err != nil {
		s.renderError(w, r, ipr.Internal(err))
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="stats-`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	buf.WriteTo(w)
}
