package web

import (
	"net/http"
	"slices"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// Printable documents of a case, each once the case has reached the step that issues it.
const (
	docHolderNotice  = "holder_notice"
	docDetention     = "detention"
	docDetermination = "determination"
	docPenalty       = "penalty"
)

// caseDocuments are the documents a case has issued, in the order they are issued.
func caseDocuments(d *enforce.CaseDetail) []string {
	var docs []string
	happened := func(kinds ...string) bool {
		return slices.ContainsFunc(d.Events, func(e ipr.CaseEvent) bool { return slices.Contains(kinds, e.Kind) })
	}
	if happened("notify_holder") {
		docs = append(docs, docHolderNotice)
	}
	if happened("apply", "post_bond") || slices.ContainsFunc(d.Events, func(e ipr.CaseEvent) bool { return e.ToState == "detained" }) {
		docs = append(docs, docDetention)
	}
	if d.Case.Determination != "" {
		docs = append(docs, docDetermination)
	}
	if happened("penalise") {
		docs = append(docs, docPenalty)
	}
	return docs
}

// caseDocumentData is a printable document, written once per language on the same page.
type caseDocumentData struct {
	Kind     string
	Case     *ipr.Case
	Items    []*ipr.CaseItem
	Holder   string
	Value    string
	Bond     string
	Fine     string
	Due      string // the holder's reply deadline, on the notice to the holder
	Issued   string
	Versions []*Catalog // English, then Chinese
}

// handleCaseDocument shows a case's notice or decision, bilingual, for printing.
func (s *Server) handleCaseDocument(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	var d *enforce.CaseDetail
	if err == nil {
		d, err = s.svc.CaseDetail(r.Context(), user, id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	kind := r.PathValue("kind")
	if !slices.Contains(caseDocuments(d), kind) {
		s.renderStatus(w, r, http.StatusNotFound, "document.not_issued")
		return
	}
	c := d.Case
	data := &caseDocumentData{Kind: kind, Case: c, Items: d.Items, Holder: s.holderNames(r, user)[c.HolderOrgID],
		Value: money(c.GoodsValue, c.Currency), Versions: []*Catalog{s.catalogs["en"], s.catalogs["zh"]},
		Issued: s.svc.Clock.Now().In(c.Profile.Location()).Format("2006-01-02")}
	if data.Holder == "" {
		data.Holder = holderName(nil, c.HolderOrgID)
	}
	if c.BondAmount > 0 {
		data.Bond = money(c.BondAmount, c.Currency)
	}
	data.Fine = money(c.Penalty.Fine, c.Currency)
	for _, dl := range d.Deadlines {
		if dl.Name == "holder_reply" {
			data.Due = dl.DueDate.String()
		}
	}
	s.render(w, r, http.StatusOK, "case_document", s.newPage(r, "document."+kind+".title", data))
}
