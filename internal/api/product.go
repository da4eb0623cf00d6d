package api

import (
	"net/http"
	"strconv"
)

// handleProductList is the catalogue of a right, without the products' guides.
func (a *API) handleProductList(w http.ResponseWriter, r *http.Request) {
	rightID, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	list, err := a.svc.Products(r.Context(), userFrom(r), rightID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := productListJSON{Products: make([]productJSON, len(list))}
	for i, p := range list {
		out.Products[i] = newProductJSON(p, nil)
	}
	writeJSON(w, http.StatusOK, out)
}

// handleProductCreate adds a product to a right of the caller's (an agent's client's).
func (a *API) handleProductCreate(w http.ResponseWriter, r *http.Request) {
	rightID, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in productInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	fields, err := in.input()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p, err := a.svc.CreateProduct(r.Context(), userFrom(r), rightID, fields)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeProduct(w, r, p.ID, http.StatusCreated)
}

// handleProductShow is a product with its authentication guide and photos.
func (a *API) handleProductShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeProduct(w, r, id, http.StatusOK)
}

// handleProductUpdate replaces a product's description; its photos and guide stay.
func (a *API) handleProductUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in productInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	fields, err := in.input()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.UpdateProduct(r.Context(), userFrom(r), id, fields); err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeProduct(w, r, id, http.StatusOK)
}

// handleProductDelete removes a product and its guide.
func (a *API) handleProductDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	_, err = a.svc.DeleteProduct(r.Context(), userFrom(r), id)
	a.deleted(w, r, err)
}

// writeProduct answers with the product as GET /products/{id} shows it, so that
// every answer about a product has the same shape. A new one (201) gets its Location.
func (a *API) writeProduct(w http.ResponseWriter, r *http.Request, id int64, status int) {
	d, err := a.svc.Product(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/products/"+strconv.FormatInt(id, 10))
	}
	writeJSON(w, status, newProductDetailJSON(d))
}
