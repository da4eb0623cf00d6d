package web

import (
	"net/http"
	"slices"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// transferShowData is a transfer's page: its clocks, its timeline, the forms
// of the events the user may send now, and the outcomes of the criminal case.
type transferShowData struct {
	T            *ipr.Transfer
	View         *enforce.TransferView
	Path         string
	CasePath     string
	Full         bool // customs or the police unit; the holder sees the outcome part only
	Clocks       []clockRow
	Overdue      bool
	Events       []transferEventRow
	Forms        []transferForm
	CanOutcome   bool
	OutcomeKinds []ipr.OutcomeKind
	Outcomes     []outcomeRow
	Done         string
	Conflict     bool
	Errs         fieldErrors
}

// transferForm is the form of one transfer event; reasons where it needs them.
type transferForm struct {
	Event       string
	Reason      bool
	Danger      bool
	Failed      bool
	TypedReason string
}

type transferEventRow struct{ At, Kind, From, To, Note string }

type outcomeRow struct {
	At   string
	Kind ipr.OutcomeKind
	Note string
}

// eventsWithReasons are the events whose form asks for reasons (reasons are optional elsewhere).
var eventsWithReasons = []string{"reject", "return", "request_evidence", "resubmit"}

// transferFailure is a refused transfer form: which one, what was typed and why.
type transferFailure struct {
	event, reason string
	err           error
}

func (s *Server) handleTransferShow(w http.ResponseWriter, r *http.Request) {
	s.showTransfer(w, r, http.StatusOK, nil)
}

func (s *Server) showTransfer(w http.ResponseWriter, r *http.Request, status int, failed *transferFailure) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	var v *enforce.TransferView
	if err == nil {
		v, err = s.svc.Transfer(r.Context(), user, id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := newTransferShowData(user, v)
	p := s.newPage(r, "transfer.title", data)
	if done := r.URL.Query().Get("done"); done != "" {
		if key := "transfer.done." + done; p.L.T(key) != key {
			data.Done = p.L.T(key)
		}
	}
	if failed != nil {
		p.Error, p.Fields = ipr.ErrorMessage(failed.err), ipr.ErrorFields(failed.err)
		if ipr.ErrorCode(failed.err) == ipr.ECONFLICT && p.Fields["version"] != "" {
			data.Conflict, p.Error = true, p.L.T("transfer.conflict")
		}
		for i := range data.Forms {
			if data.Forms[i].Event == failed.event {
				data.Forms[i].Failed, data.Forms[i].TypedReason = true, failed.reason
			}
		}
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "transfer", p)
}

func newTransferShowData(user *ipr.User, v *enforce.TransferView) *transferShowData {
	t := v.Transfer
	data := &transferShowData{T: t, View: v, Path: transferPath(t.ID), CasePath: casePath(t.CaseID),
		Full: ipr.Can(user, ipr.ActionViewTransfer, t.Resource()), Clocks: clockRows(v.Clocks),
		CanOutcome:   t.State == ipr.TransferAccepted && ipr.Can(user, ipr.ActionRecordOutcome, t.Resource()),
		OutcomeKinds: ipr.OutcomeKinds}
	data.Overdue = anyOverdue(data.Clocks)
	for _, e := range v.Events {
		data.Events = append(data.Events, transferEventRow{At: transferTime(e.At), Kind: e.Kind,
			From: string(e.FromState), To: string(e.ToState), Note: e.Note})
	}
	for _, ev := range v.Allowed {
		data.Forms = append(data.Forms, transferForm{Event: ev, Reason: slices.Contains(eventsWithReasons, ev),
			Danger: ev == "reject" || ev == "return"})
	}
	for _, o := range t.Outcomes {
		data.Outcomes = append(data.Outcomes, outcomeRow{At: transferTime(o.At), Kind: o.Kind, Note: o.Note})
	}
	return data
}
