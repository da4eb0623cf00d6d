package api

import "net/http"

// handleGuideAdd appends a point to a product's authentication guide. The API takes
// text only: the photos of the genuine and of a fake are uploaded in the browser.
func (a *API) handleGuideAdd(w http.ResponseWriter, r *http.Request) {
	productID, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in guideInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	g, err := a.svc.AddGuidePoint(r.Context(), userFrom(r), productID, in.input())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newGuidePointJSON(g))
}

// handleGuideUpdate changes a point's text; its photos stay as they are.
func (a *API) handleGuideUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in guideInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	g, err := a.svc.UpdateGuidePoint(r.Context(), userFrom(r), id, in.input())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newGuidePointJSON(g))
}

// handleGuideDelete removes a point from its guide.
func (a *API) handleGuideDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	_, err = a.svc.DeleteGuidePoint(r.Context(), userFrom(r), id)
	a.deleted(w, r, err)
}
