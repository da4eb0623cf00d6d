package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// caseTransferLink is what the case page shows of the transfer to the police:
// whether a threshold is met, and the link to the transfer page.
type caseTransferLink struct {
	Path    string
	Suggest bool
	Met     []string // the codes of the thresholds met
	Count   int      // the case's transfers
}

// caseTransferLink is nil for anyone but customs, or when the check fails.
func (s *Server) caseTransferLink(r *http.Request, user *ipr.User, c *ipr.Case) *caseTransferLink {
	if user == nil || !user.Role.IsCustoms() {
		return nil
	}
	check, list, err := s.svc.CaseTransfers(r.Context(), user, c.ID)
	if err != nil {
		s.log.Warn("case transfers", "request_id", enforce.RequestID(r.Context()), "err", err)
		return nil
	}
	return &caseTransferLink{Path: casePath(c.ID) + "/transfer", Suggest: check.Suggest, Met: check.Codes(), Count: len(list)}
}

// transferCaseData is a case's transfer page: the threshold check, the case's
// transfers and the form to propose one.
type transferCaseData struct {
	Case         *ipr.Case
	Path         string
	Value        string
	Check        *enforce.ThresholdCheck
	Transfers    []transferRow
	Units        []*ipr.Org
	CanPropose   bool
	TypedUnit    int64
	TypedReasons string
	Errs         fieldErrors
}

// handleTransferCase shows the threshold check of a case and the proposal form.
func (s *Server) handleTransferCase(w http.ResponseWriter, r *http.Request) {
	s.showTransferCase(w, r, http.StatusOK, 0, "", nil)
}

func (s *Server) showTransferCase(w http.ResponseWriter, r *http.Request, status int, unit int64, reasons string, failed error) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	var d *enforce.CaseDetail
	if err == nil {
		d, err = s.svc.CaseDetail(r.Context(), user, id)
	}
	var check *enforce.ThresholdCheck
	var list []*ipr.Transfer
	if err == nil {
		check, list, err = s.svc.CaseTransfers(r.Context(), user, id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	c := d.Case
	units, names := s.policeUnits(r, user)
	data := &transferCaseData{Case: c, Path: casePath(c.ID), Value: money(c.GoodsValue, c.Currency), Check: check,
		Units: units, CanPropose: ipr.Can(user, ipr.ActionProposeTransfer, c.Resource()), TypedUnit: unit, TypedReasons: reasons}
	now := s.svc.Clock.Now()
	for _, t := range list {
		data.Transfers = append(data.Transfers, newTransferRow(t, names, now))
	}
	p := s.newPage(r, "transfer.case.title", data)
	if failed != nil {
		p.Error, p.Fields = ipr.ErrorMessage(failed), ipr.ErrorFields(failed)
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "transfer_case", p)
}

// handleTransferPropose proposes the case's transfer to a police unit.
func (s *Server) handleTransferPropose(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	unit, _ := strconv.ParseInt(formValue(r, "police_unit"), 10, 64)
	reasons := formValue(r, "reasons")
	t, err := s.svc.ProposeTransfer(r.Context(), userFrom(r), id, enforce.TransferInput{PoliceOrgID: unit, Reasons: reasons})
	switch ipr.ErrorCode(err) {
	case "":
		http.Redirect(w, r, transferPath(t.ID)+"?done=propose", http.StatusSeeOther)
	case ipr.EINVALID, ipr.ECONFLICT:
		s.showTransferCase(w, r, ipr.HTTPStatus(err), unit, reasons, err)
	default:
		s.renderError(w, r, err)
	}
}
