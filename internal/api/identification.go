package api

import (
	"net/http"
	"time"

	"bordermark/internal/ipr"
)

// identificationJSON is a request to the right holder to say whether detained
// items are genuine, with its answers once given (schema Identification).
type identificationJSON struct {
	ID         int64        `json:"id"`
	CaseID     int64        `json:"case_id"`
	ItemIDs    []int64      `json:"item_ids"`
	Due        time.Time    `json:"due"`
	SentAt     time.Time    `json:"sent_at"`
	SentBy     int64        `json:"sent_by"`
	AnsweredAt time.Time    `json:"answered_at,omitzero"`
	Answers    []answerJSON `json:"answers"`
}

type answerJSON struct {
	ItemID        int64       `json:"item_id"`
	Verdict       ipr.Verdict `json:"verdict"`
	GuidePointIDs []int64     `json:"guide_point_ids"`
	Points        []string    `json:"points"`
	AnsweredBy    int64       `json:"answered_by"`
	AnsweredAt    time.Time   `json:"answered_at"`
}

func newIdentificationJSON(r *ipr.IdentificationRequest) identificationJSON {
	out := identificationJSON{ID: r.ID, CaseID: r.CaseID, ItemIDs: orEmpty(r.ItemIDs), Due: r.Due, SentAt: r.SentAt,
		SentBy: r.SentBy, AnsweredAt: r.AnsweredAt, Answers: make([]answerJSON, len(r.Answers))}
	for i, a := range r.Answers {
		out.Answers[i] = answerJSON{ItemID: a.ItemID, Verdict: a.Verdict, GuidePointIDs: orEmpty(a.GuidePointIDs),
			Points: orEmpty(a.Points), AnsweredBy: a.AnsweredBy, AnsweredAt: a.AnsweredAt}
	}
	return out
}

// identificationInput is the body of POST /cases/{id}/identifications
// (schema IdentificationInput): no item_ids asks about every item of the case.
type identificationInput struct {
	ItemIDs []int64 `json:"item_ids"`
	Note    string  `json:"note"`
}

// answersInput is the body of POST /identifications/{id}/answers (schema
// AnswersInput): one answer per requested item, all at once.
type answersInput struct {
	Answers []answerInput `json:"answers"`
}

type answerInput struct {
	ItemID        int64    `json:"item_id"`
	Verdict       string   `json:"verdict"`
	GuidePointIDs []int64  `json:"guide_point_ids"`
	Points        []string `json:"points"`
}

// The services name a request's items "items[i]" and answers "items[i].item".
var (
	requestFields = map[string]string{"items": "item_ids"}
	answerFields  = map[string]string{"items": "answers", "item": "item_id", "guide_points": "guide_point_ids"}
)

// handleIdentificationRequest asks the case's holder to identify items (customs).
func (a *API) handleIdentificationRequest(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body identificationInput
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	items := body.ItemIDs
	if len(items) == 0 {
		d, err := a.svc.CaseDetail(r.Context(), userFrom(r), id)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		for _, it := range d.Items {
			items = append(items, it.ID)
		}
	}
	req, err := a.svc.RequestIdentification(r.Context(), userFrom(r), id, items, body.Note)
	if err != nil {
		a.fail(w, r, renamed(err, requestFields))
		return
	}
	writeJSON(w, http.StatusCreated, newIdentificationJSON(req))
}

// handleIdentificationAnswer records the holder's answers to a request.
func (a *API) handleIdentificationAnswer(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var body answersInput
	if err := decodeJSON(w, r, &body); err != nil {
		a.fail(w, r, err)
		return
	}
	answers := make([]ipr.IdentificationAnswer, len(body.Answers))
	for i, in := range body.Answers {
		answers[i] = ipr.IdentificationAnswer{ItemID: in.ItemID, Verdict: ipr.Verdict(in.Verdict),
			GuidePointIDs: in.GuidePointIDs, Points: in.Points}
	}
	req, err := a.svc.AnswerIdentification(r.Context(), userFrom(r), id, answers)
	if err != nil {
		a.fail(w, r, renamed(err, answerFields))
		return
	}
	writeJSON(w, http.StatusOK, newIdentificationJSON(req))
}

// responseTimeJSON is how fast one right holder answered identification
// requests (schema ResponseTime).
type responseTimeJSON struct {
	HolderID    int64   `json:"holder_id"`
	Answered    int     `json:"answered"`
	AvgHours    float64 `json:"avg_hours"`
	MedianHours float64 `json:"median_hours"`
}

// handleResponseTimes lists the holders' identification response times for
// requests sent since ?since= (a date; a year ago when not given).
func (a *API) handleResponseTimes(w http.ResponseWriter, r *http.Request) {
	since := a.svc.Clock.Now().AddDate(-1, 0, 0)
	if v := r.URL.Query().Get("since"); v != "" {
		d, err := ipr.ParseDate(v)
		if err != nil {
			a.fail(w, r, &ipr.Error{Code: ipr.EINVALID, Message: "the query is not valid",
				Fields: map[string]string{"since": err.Error()}})
			return
		}
		since = d.Time()
	}
	times, err := a.svc.ResponseTimes(r.Context(), userFrom(r), since)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]responseTimeJSON, len(times))
	for i, rt := range times {
		out[i] = responseTimeJSON{HolderID: rt.HolderOrgID, Answered: rt.Answered, AvgHours: rt.AvgHours,
			MedianHours: rt.MedianHours}
	}
	writeJSON(w, http.StatusOK, map[string]any{"response_times": out})
}
