package api

import (
	"net/http"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// tipJSON is a tip as the caller may see it (schema Tip in openapi.json).
type tipJSON struct {
	ID           int64            `json:"id"`
	HolderID     int64            `json:"holder_id,omitempty"` // absent when anonymised
	HolderName   string           `json:"holder_name,omitempty"`
	Anonymised   bool             `json:"anonymised"`
	Title        string           `json:"title"`
	Consignors   []string         `json:"consignors"`
	Consignees   []string         `json:"consignees"`
	Addresses    []string         `json:"addresses"`
	Factories    []string         `json:"factories"`
	Routes       []string         `json:"routes"`
	Ports        []string         `json:"ports"`
	Transports   []string         `json:"transports"`
	HSCodes      []string         `json:"hs_codes"`
	UnitValueMin float64          `json:"unit_value_min,omitempty"`
	UnitValueMax float64          `json:"unit_value_max,omitempty"`
	WindowFrom   ipr.Date         `json:"window_from,omitzero"`
	WindowTo     ipr.Date         `json:"window_to,omitzero"`
	Confidence   ipr.Confidence   `json:"confidence"`
	Notes        string           `json:"notes"`
	Files        []string         `json:"files"`
	Expires      ipr.Date         `json:"expires"`
	Status       ipr.TipStatus    `json:"status"`
	RuleID       int64            `json:"rule_id,omitempty"`
	Reason       string           `json:"reason,omitempty"`
	CreatedAt    time.Time        `json:"created_at"`
	Shares       []tipShareJSON   `json:"shares"`
	Feedback     *tipFeedbackJSON `json:"feedback,omitempty"`
}

type tipShareJSON struct {
	GroupID    int64     `json:"group_id"`
	GroupName  string    `json:"group_name"`
	Anonymised bool      `json:"anonymised"`
	SharedAt   time.Time `json:"shared_at"`
}

type tipFeedbackJSON struct {
	RuleID    int64   `json:"rule_id"`
	Flagged   int64   `json:"flagged"`
	Cases     int64   `json:"cases"`
	Confirmed int64   `json:"confirmed"`
	Precision float64 `json:"precision"`
}

func newTipJSON(v *enforce.TipView) tipJSON {
	t := v.Tip
	out := tipJSON{ID: t.ID, HolderID: t.OrgID, HolderName: t.OrgName, Anonymised: v.Anonymised, Title: t.Title,
		Consignors: orEmpty(t.Consignors), Consignees: orEmpty(t.Consignees), Addresses: orEmpty(t.Addresses),
		Factories: orEmpty(t.Factories), Routes: orEmpty(t.Routes), Ports: orEmpty(t.Ports),
		Transports: orEmpty(t.Transports), HSCodes: orEmpty(t.HSCodes), UnitValueMin: t.UnitValueMin,
		UnitValueMax: t.UnitValueMax, WindowFrom: t.WindowFrom, WindowTo: t.WindowTo, Confidence: t.Confidence,
		Notes: t.Notes, Files: orEmpty(t.Files), Expires: t.Expires, Status: t.Status, RuleID: t.RuleID,
		Reason: t.Reason, CreatedAt: t.CreatedAt, Shares: []tipShareJSON{}}
	for _, s := range t.Shares {
		out.Shares = append(out.Shares, tipShareJSON{GroupID: s.GroupID, GroupName: s.GroupName,
			Anonymised: s.Anonymised, SharedAt: s.SharedAt})
	}
	if f := v.Feedback; f != nil {
		out.Feedback = &tipFeedbackJSON{RuleID: f.RuleID, Flagged: f.Flagged, Cases: f.Cases, Confirmed: f.Confirmed,
			Precision: f.Precision()}
	}
	return out
}

// tipInput is what POST /tips takes (schema TipInput).
type tipInput struct {
	HolderID     int64          `json:"holder_id"` // an agent names its client; default the caller's organisation
	Title        string         `json:"title"`
	Consignors   []string       `json:"consignors"`
	Consignees   []string       `json:"consignees"`
	Addresses    []string       `json:"addresses"`
	Factories    []string       `json:"factories"`
	Routes       []string       `json:"routes"`
	Ports        []string       `json:"ports"`
	Transports   []string       `json:"transports"`
	HSCodes      []string       `json:"hs_codes"`
	UnitValueMin float64        `json:"unit_value_min"`
	UnitValueMax float64        `json:"unit_value_max"`
	WindowFrom   string         `json:"window_from"`
	WindowTo     string         `json:"window_to"`
	Confidence   ipr.Confidence `json:"confidence"`
	Notes        string         `json:"notes"`
	Files        []string       `json:"files"`
	Expires      string         `json:"expires"`
}

func (in *tipInput) tip() (ipr.Tip, error) {
	p := ipr.Problems{}
	date := func(field, s string) ipr.Date {
		d, err := ipr.ParseDate(s)
		if err != nil {
			p.Add(field, err.Error())
		}
		return d
	}
	t := ipr.Tip{OrgID: in.HolderID, Title: in.Title, Consignors: in.Consignors, Consignees: in.Consignees,
		Addresses: in.Addresses, Factories: in.Factories, Routes: in.Routes, Ports: in.Ports, Transports: in.Transports,
		HSCodes: in.HSCodes, UnitValueMin: in.UnitValueMin, UnitValueMax: in.UnitValueMax,
		WindowFrom: date("window_from", in.WindowFrom), WindowTo: date("window_to", in.WindowTo),
		Confidence: in.Confidence, Notes: in.Notes, Files: in.Files, Expires: date("expires", in.Expires)}
	return t, p.Err("the request body is not valid")
}

type tipListJSON struct {
	Tips  []tipJSON `json:"tips"`
	Total int64     `json:"total"`
}

func (a *API) handleTipList(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "status", "confidence", "limit", "offset")
	f := ipr.TipFilter{Status: ipr.TipStatus(c.text("status")), Confidence: ipr.Confidence(c.text("confidence")),
		Limit: c.number("limit", 1, 500, 50), Offset: c.number("offset", 0, 1<<30, 0)}
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.Tips(r.Context(), userFrom(r), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := tipListJSON{Tips: []tipJSON{}, Total: page.Total}
	for _, v := range page.Tips {
		out.Tips = append(out.Tips, newTipJSON(v))
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) handleTipCreate(w http.ResponseWriter, r *http.Request) {
	var in tipInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	t, err := in.tip()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.SubmitTip(r.Context(), userFrom(r), t)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newTipJSON(v))
}

func (a *API) handleTipShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.Tip(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newTipJSON(v))
}

// tipRuleInput is what POST /tips/{id}/rule takes (schema TipRuleInput): all optional.
type tipRuleInput struct {
	Name   string `json:"name"`
	Weight int    `json:"weight"`
}

func (a *API) handleTipRule(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in tipRuleInput
	if r.ContentLength != 0 {
		if err := decodeJSON(w, r, &in); err != nil {
			a.fail(w, r, err)
			return
		}
	}
	v, err := a.svc.RuleFromTip(r.Context(), userFrom(r), id, enforce.TipRule{Name: in.Name, Weight: in.Weight})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newTipJSON(v))
}

// tipShareInput is what POST /tips/{id}/share takes (schema TipShareInput).
type tipShareInput struct {
	GroupID    int64 `json:"group_id"`
	Anonymised bool  `json:"anonymised"`
}

func (a *API) handleTipShare(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in tipShareInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.ShareTip(r.Context(), userFrom(r), id, in.GroupID, in.Anonymised)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newTipJSON(v))
}

type tipPatternJSON struct {
	GroupID   int64  `json:"group_id"`
	GroupName string `json:"group_name"`
	Kind      string `json:"kind"`
	Value     string `json:"value"`
	Holders   int    `json:"holders"`
	Tips      int    `json:"tips"`
}

func (a *API) handleTipPatterns(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.TipPatterns(r.Context(), userFrom(r))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := struct {
		Patterns []tipPatternJSON `json:"patterns"`
	}{Patterns: []tipPatternJSON{}}
	for _, p := range list {
		out.Patterns = append(out.Patterns, tipPatternJSON(p))
	}
	writeJSON(w, http.StatusOK, out)
}

// tipDismissInput is what POST /tips/{id}/dismiss takes (schema TipDismissInput).
type tipDismissInput struct {
	Reason string `json:"reason"`
}

func (a *API) handleTipDismiss(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in tipDismissInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.DismissTip(r.Context(), userFrom(r), id, in.Reason)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newTipJSON(v))
}

// ruleFeedbackJSON is how one active rule has fared (schema RuleFeedback).
type ruleFeedbackJSON struct {
	RuleID    int64     `json:"rule_id"`
	Name      string    `json:"name"`
	TipID     int64     `json:"tip_id,omitempty"` // the tip it came from, if any
	CreatedAt time.Time `json:"created_at"`
	Flagged   int64     `json:"flagged"`
	Cases     int64     `json:"cases"`
	Confirmed int64     `json:"confirmed"`
	Precision float64   `json:"precision"`
	Retire    bool      `json:"retire"`
}

func (a *API) handleRuleFeedback(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.RuleFeedback(r.Context(), userFrom(r))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := struct {
		Rules []ruleFeedbackJSON `json:"rules"`
	}{Rules: []ruleFeedbackJSON{}}
	for _, f := range list {
		out.Rules = append(out.Rules, ruleFeedbackJSON{RuleID: f.RuleID, Name: f.Name, TipID: f.TipID, CreatedAt: f.Created,
			Flagged: f.Flagged, Cases: f.Cases, Confirmed: f.Confirmed, Precision: f.Precision(), Retire: f.Retire})
	}
	writeJSON(w, http.StatusOK, out)
}
