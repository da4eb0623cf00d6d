package web

import (
	"net/http"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// handleProductEdit shows the form to change a product.
func (s *Server) handleProductEdit(w http.ResponseWriter, r *http.Request) {
	d, ok := s.editableProduct(w, r)
	if !ok {
		return
	}
	s.renderProductForm(w, r, productFormData{Right: d.Right, Product: enforce.InputOf(d.Product), ID: d.Product.ID,
		Action: productPath(d.Product.ID) + "/edit"}, nil)
}

// handleProductUpdate saves the form and returns to the product's page.
func (s *Server) handleProductUpdate(w http.ResponseWriter, r *http.Request) {
	d, ok := s.editableProduct(w, r)
	if !ok {
		return
	}
	if err := readCatalogueForm(w, r); err != nil {
		s.renderError(w, r, err)
		return
	}
	in := productInput(r)
	if _, err := s.svc.UpdateProduct(r.Context(), userFrom(r), d.Product.ID, in); err != nil {
		s.renderProductForm(w, r, productFormData{Right: d.Right, Product: in, ID: d.Product.ID,
			Action: productPath(d.Product.ID) + "/edit"}, err)
		return
	}
	http.Redirect(w, r, productPath(d.Product.ID)+"?done=updated", http.StatusSeeOther)
}

// editableProduct loads the product of the path for a change; it shows the error
// page (forbidden for those who may only look) and reports false when it cannot.
func (s *Server) editableProduct(w http.ResponseWriter, r *http.Request) (*enforce.ProductDetail, bool) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return nil, false
	}
	d, err := s.svc.Product(r.Context(), userFrom(r), id)
	if err == nil && !d.CanEdit {
		err = ipr.Errorf(ipr.EFORBIDDEN, "you are not allowed to change this product")
	}
	if err != nil {
		s.renderError(w, r, err)
		return nil, false
	}
	return d, true
}
