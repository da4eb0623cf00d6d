package api

import (
	"net/http"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// thresholdJSON is one version of a criminal threshold (schema Threshold).
type thresholdJSON struct {
	ID           int64     `json:"id"`
	Jurisdiction string    `json:"jurisdiction"`
	Code         string    `json:"code"`
	Offence      string    `json:"offence"`
	LegalBasis   string    `json:"legal_basis"`
	MinMarks     int       `json:"min_marks"`
	Volume       ipr.Money `json:"volume"`
	Sales        ipr.Money `json:"sales"`
	Gains        ipr.Money `json:"gains"`
	Unsold       ipr.Money `json:"unsold"`
	Currency     string    `json:"currency"`
	EffectiveOn  ipr.Date  `json:"effective_on"`
}

func newThresholdJSON(th *ipr.Threshold) thresholdJSON {
	return thresholdJSON{ID: th.ID, Jurisdiction: th.Jurisdiction, Code: th.Code, Offence: th.Offence,
		LegalBasis: th.LegalBasis, MinMarks: th.MinMarks, Volume: th.Volume, Sales: th.Sales, Gains: th.Gains,
		Unsold: th.Unsold, Currency: th.Currency, EffectiveOn: th.EffectiveOn}
}

// thresholdCheckJSON is what the thresholds in force say about a case (schema ThresholdCheck).
type thresholdCheckJSON struct {
	Jurisdiction string             `json:"jurisdiction"`
	On           ipr.Date           `json:"on"`
	Marks        int                `json:"marks"`
	Volume       ipr.Money          `json:"volume"`
	Unsold       ipr.Money          `json:"unsold"`
	Currency     string             `json:"currency"`
	Met          []thresholdMetJSON `json:"met"`
	Suggest      bool               `json:"suggest_transfer"`
}

type thresholdMetJSON struct {
	Threshold thresholdJSON `json:"threshold"`
	Test      string        `json:"test"`
}

func newThresholdCheckJSON(c *enforce.ThresholdCheck) thresholdCheckJSON {
	out := thresholdCheckJSON{Jurisdiction: c.Jurisdiction, On: c.On, Marks: c.Facts.Marks, Volume: c.Facts.Volume,
		Unsold: c.Facts.Unsold, Currency: c.Facts.Currency, Met: []thresholdMetJSON{}, Suggest: c.Suggest}
	for _, m := range c.Met {
		out.Met = append(out.Met, thresholdMetJSON{Threshold: newThresholdJSON(m.Threshold), Test: m.Test})
	}
	return out
}

// transferStatsJSON is the link's figures (schema TransferStats).
type transferStatsJSON struct {
	Offices []linkStatsJSON `json:"offices"`
	Units   []linkStatsJSON `json:"police_units"`
	Waiting []waitingJSON   `json:"waiting"`
}

type linkStatsJSON struct {
	Name                string     `json:"name"`
	PoliceUnitID        int64      `json:"police_unit_id,omitempty"`
	Transfers           int        `json:"transfers"`
	ProposalToApproval  spreadJSON `json:"proposal_to_approval"`
	ApprovalToSending   spreadJSON `json:"approval_to_sending"`
	SendingToAcceptance spreadJSON `json:"sending_to_acceptance"`
}

// spreadJSON is a median and 90th percentile in days, of n durations.
type spreadJSON struct {
	N      int     `json:"n"`
	Median float64 `json:"median_days"`
	P90    float64 `json:"p90_days"`
}

func newSpreadJSON(s enforce.Spread) spreadJSON {
	return spreadJSON{N: s.N, Median: s.Median, P90: s.P90}
}

type waitingJSON struct {
	Transfer transferJSON `json:"transfer"`
	Since    time.Time    `json:"since"`
	Days     float64      `json:"days"`
	Overdue  bool         `json:"overdue"`
}

func newTransferStatsJSON(st *enforce.TransferStats) transferStatsJSON {
	out := transferStatsJSON{Offices: []linkStatsJSON{}, Units: []linkStatsJSON{}, Waiting: []waitingJSON{}}
	for _, l := range st.Offices {
		out.Offices = append(out.Offices, newLinkStatsJSON(l))
	}
	for _, l := range st.Units {
		out.Units = append(out.Units, newLinkStatsJSON(l))
	}
	for _, w := range st.Waiting {
		out.Waiting = append(out.Waiting, waitingJSON{Transfer: newTransferJSON(w.Transfer), Since: w.Since, Days: w.Days, Overdue: w.Overdue})
	}
	return out
}

func newLinkStatsJSON(l enforce.LinkStats) linkStatsJSON {
	return linkStatsJSON{Name: l.Name, PoliceUnitID: l.OrgID, Transfers: l.Transfers,
		ProposalToApproval: newSpreadJSON(l.ProposalToApproval), ApprovalToSending: newSpreadJSON(l.ApprovalToSending),
		SendingToAcceptance: newSpreadJSON(l.SendingToAcceptance)}
}

func (a *API) handleThresholdList(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "jurisdiction")
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	list, err := a.svc.Thresholds(r.Context(), userFrom(r), c.text("jurisdiction"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := struct {
		Thresholds []thresholdJSON `json:"thresholds"`
	}{Thresholds: make([]thresholdJSON, len(list))}
	for i, th := range list {
		out.Thresholds[i] = newThresholdJSON(th)
	}
	writeJSON(w, http.StatusOK, out)
}

// handleThresholdAdd stores a new version of a threshold, effective from its date.
func (a *API) handleThresholdAdd(w http.ResponseWriter, r *http.Request) {
	var body thresholdJSON
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	th, err := a.svc.AddThreshold(r.Context(), userFrom(r), ipr.Threshold{Jurisdiction: body.Jurisdiction, Code: body.Code,
		Offence: body.Offence, LegalBasis: body.LegalBasis, MinMarks: body.MinMarks, Volume: body.Volume, Sales: body.Sales,
		Gains: body.Gains, Unsold: body.Unsold, Currency: body.Currency, EffectiveOn: body.EffectiveOn})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newThresholdJSON(th))
}
