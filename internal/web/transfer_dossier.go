package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// transferDossierData is a dossier version, written once per language on the same page for printing.
type transferDossierData struct {
	D        *enforce.Dossier
	Path     string // the transfer's page
	Created  string
	Versions []*Catalog // English, then Chinese
}

// handleTransferDossier shows a transfer's dossier (?version=N, the latest by
// default) to customs and the police unit it went to.
func (s *Server) handleTransferDossier(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	version := 0
	if v := r.URL.Query().Get("version"); err == nil && v != "" {
		if version, err = strconv.Atoi(v); err != nil || version < 1 {
			err = &ipr.Error{Code: ipr.EINVALID, Message: "the dossier version is not valid",
				Fields: map[string]string{"version": "must be a whole number from 1"}}
		}
	}
	var d *enforce.Dossier
	if err == nil {
		d, err = s.svc.Dossier(r.Context(), userFrom(r), id, version)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := &transferDossierData{D: d, Path: transferPath(id), Created: transferTime(d.CreatedAt),
		Versions: []*Catalog{s.catalogs["en"], s.catalogs["zh"]}}
	s.render(w, r, http.StatusOK, "transfer_dossier", s.newPage(r, "transfer.dossier.title", data))
}
