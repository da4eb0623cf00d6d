package api

import (
	"math"
	"net/http"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// transferJSON is a transfer to the police (schema Transfer). Instants not yet
// reached are left out.
type transferJSON struct {
	ID           int64                 `json:"id"`
	CaseID       int64                 `json:"case_id"`
	CaseRef      string                `json:"case_ref"`
	Office       string                `json:"office"`
	HolderID     int64                 `json:"holder_id"`
	PoliceUnitID int64                 `json:"police_unit_id"`
	State        ipr.TransferState     `json:"state"`
	Reasons      string                `json:"reasons"`
	Thresholds   []string              `json:"thresholds_met"`
	ProposedAt   time.Time             `json:"proposed_at"`
	ApprovalDue  time.Time             `json:"approval_due"`
	DecidedAt    *time.Time            `json:"decided_at,omitempty"`
	SendDue      *time.Time            `json:"send_due,omitempty"`
	FirstSentAt  *time.Time            `json:"first_sent_at,omitempty"`
	SentAt       *time.Time            `json:"sent_at,omitempty"`
	PoliceDue    *time.Time            `json:"police_due,omitempty"`
	PoliceAt     *time.Time            `json:"police_decided_at,omitempty"`
	AcceptedAt   *time.Time            `json:"accepted_at,omitempty"`
	PoliceReason string                `json:"police_reason,omitempty"`
	Outcomes     []transferOutcomeJSON `json:"outcomes"`
	Version      int                   `json:"version"`
}

type transferOutcomeJSON struct {
	Kind ipr.OutcomeKind `json:"kind"`
	Note string          `json:"note"`
	At   time.Time       `json:"at"`
}

func instant(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func newTransferJSON(t *ipr.Transfer) transferJSON {
	out := transferJSON{ID: t.ID, CaseID: t.CaseID, CaseRef: t.CaseRef, Office: t.Office, HolderID: t.HolderOrgID,
		PoliceUnitID: t.PoliceOrgID, State: t.State, Reasons: t.Reasons, Thresholds: t.Thresholds,
		ProposedAt: t.ProposedAt, ApprovalDue: t.ApprovalDue, DecidedAt: instant(t.DecidedAt), SendDue: instant(t.SendDue),
		FirstSentAt: instant(t.FirstSentAt), SentAt: instant(t.SentAt), PoliceDue: instant(t.PoliceDue),
		PoliceAt: instant(t.PoliceAt), AcceptedAt: instant(t.AcceptedAt), PoliceReason: t.PoliceReason,
		Outcomes: []transferOutcomeJSON{}, Version: t.Version}
	if out.Thresholds == nil {
		out.Thresholds = []string{}
	}
	for _, o := range t.Outcomes {
		out.Outcomes = append(out.Outcomes, transferOutcomeJSON{Kind: o.Kind, Note: o.Note, At: o.At})
	}
	return out
}

// transferViewJSON is a transfer with its clocks and timeline (schema TransferDetail).
type transferViewJSON struct {
	transferJSON
	PoliceUnit     string              `json:"police_unit"`
	Clocks         []transferClockJSON `json:"clocks"`
	Events         []transferEventJSON `json:"events"`
	Check          *thresholdCheckJSON `json:"threshold_check,omitempty"`
	DossierVersion int                 `json:"dossier_version"`
	Allowed        []string            `json:"allowed"`
}

type transferClockJSON struct {
	Name      string     `json:"name"`
	StartedAt time.Time  `json:"started_at"`
	DueAt     time.Time  `json:"due_at"`
	MetAt     *time.Time `json:"met_at,omitempty"`
	Overdue   bool       `json:"overdue"`
}

type transferEventJSON struct {
	At      time.Time `json:"at"`
	ActorID int64     `json:"actor_id"`
	Kind    string    `json:"kind"`
	From    string    `json:"from_state"`
	To      string    `json:"to_state"`
	Note    string    `json:"note"`
}

func newTransferViewJSON(v *enforce.TransferView) transferViewJSON {
	out := transferViewJSON{transferJSON: newTransferJSON(v.Transfer), PoliceUnit: v.PoliceUnit,
		Clocks: []transferClockJSON{}, Events: []transferEventJSON{}, DossierVersion: v.DossierLatest, Allowed: v.Allowed}
	if out.Allowed == nil {
		out.Allowed = []string{}
	}
	for _, c := range v.Clocks {
		out.Clocks = append(out.Clocks, transferClockJSON{Name: c.Name, StartedAt: c.StartedAt, DueAt: c.DueAt,
			MetAt: instant(c.MetAt), Overdue: c.Overdue})
	}
	for _, e := range v.Events {
		out.Events = append(out.Events, transferEventJSON{At: e.At, ActorID: e.ActorID, Kind: e.Kind,
			From: string(e.FromState), To: string(e.ToState), Note: e.Note})
	}
	if v.Check != nil {
		c := newThresholdCheckJSON(v.Check)
		out.Check = &c
	}
	return out
}

// transferFields are the service's field names as the API's bodies name them.
var transferFields = map[string]string{"police_unit": "police_unit_id"}

func (a *API) handleTransferList(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "state", "case_id", "limit", "offset")
	f := ipr.TransferFilter{State: ipr.TransferState(c.text("state")), CaseID: int64(c.number("case_id", 1, math.MaxInt, 0)),
		Limit: c.number("limit", 1, 500, 50), Offset: c.number("offset", 0, 1<<30, 0)}
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	list, total, err := a.svc.Transfers(r.Context(), userFrom(r), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := struct {
		Transfers []transferJSON `json:"transfers"`
		Total     int64          `json:"total"`
	}{Transfers: make([]transferJSON, len(list)), Total: total}
	for i, t := range list {
		out.Transfers[i] = newTransferJSON(t)
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) handleTransferShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeTransfer(w, r, http.StatusOK, id)
}

func (a *API) writeTransfer(w http.ResponseWriter, r *http.Request, status int, id int64) {
	v, err := a.svc.Transfer(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, status, newTransferViewJSON(v))
}

// handleTransferPropose proposes the case's transfer to a police unit (POST /cases/{id}/transfer).
func (a *API) handleTransferPropose(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body struct {
		PoliceUnitID int64  `json:"police_unit_id"`
		Reasons      string `json:"reasons"`
	}
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	t, err := a.svc.ProposeTransfer(r.Context(), userFrom(r), id, enforce.TransferInput{PoliceOrgID: body.PoliceUnitID,
		Reasons: body.Reasons})
	if err != nil {
		a.fail(w, r, renamed(err, transferFields))
		return
	}
	a.writeTransfer(w, r, http.StatusCreated, t.ID)
}

// handleCaseTransfer is what the case says about transfer: the thresholds met
// today and the case's transfers (GET /cases/{id}/transfer).
func (a *API) handleCaseTransfer(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	check, list, err := a.svc.CaseTransfers(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := struct {
		Check     thresholdCheckJSON `json:"threshold_check"`
		Transfers []transferJSON     `json:"transfers"`
	}{Check: newThresholdCheckJSON(check), Transfers: make([]transferJSON, len(list))}
	for i, t := range list {
		out.Transfers[i] = newTransferJSON(t)
	}
	writeJSON(w, http.StatusOK, out)
}

// handleTransferEvent sends approve, reject, send, accept, return,
// request_evidence or resubmit to a transfer read at version.
func (a *API) handleTransferEvent(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body struct {
		Event   string `json:"event"`
		Reason  string `json:"reason"`
		Version int    `json:"version"`
	}
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	p := ipr.Problems{}
	checkVersion(p, body.Version)
	if err := p.Err("the event is not valid"); err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.ActOnTransfer(r.Context(), userFrom(r), id, body.Version, body.Event, body.Reason); err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeTransfer(w, r, http.StatusOK, id)
}

// handleTransferOutcome records a step of the criminal case (the police unit).
func (a *API) handleTransferOutcome(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body struct {
		Kind ipr.OutcomeKind `json:"kind"`
		Note string          `json:"note"`
	}
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.RecordOutcome(r.Context(), userFrom(r), id, ipr.TransferOutcome{Kind: body.Kind, Note: body.Note}); err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeTransfer(w, r, http.StatusCreated, id)
}

// handleDossierShow answers with a version of the dossier (?version=N, the latest when absent).
func (a *API) handleDossierShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	c := newQueryChecker(r.URL.Query(), "version")
	version := c.number("version", 1, math.MaxInt32, 0)
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	d, err := a.svc.Dossier(r.Context(), userFrom(r), id, version)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		TransferID int64                  `json:"transfer_id"`
		Version    int                    `json:"version"`
		SHA256     string                 `json:"sha256"`
		CreatedAt  time.Time              `json:"created_at"`
		Content    enforce.DossierContent `json:"content"`
	}{d.TransferID, d.Version, d.SHA256, d.CreatedAt, d.Content})
}

// handleDossierRefresh makes a new dossier version when the case changed since the latest.
func (a *API) handleDossierRefresh(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.RefreshDossier(r.Context(), userFrom(r), id); err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeTransfer(w, r, http.StatusOK, id)
}

// handleTransferStats answers with the link's medians and 90th percentiles (?since=YYYY-MM-DD).
func (a *API) handleTransferStats(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "since")
	var since time.Time
	if c.text("since") != "" {
		since = c.date("since").Time()
	}
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	st, err := a.svc.TransferStats(r.Context(), userFrom(r), since)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newTransferStatsJSON(st))
}
