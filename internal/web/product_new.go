package web

import "net/http"

// handleProductNew shows the form to add a product to a right.
func (s *Server) handleProductNew(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	right, err := s.svc.ProductRight(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderProductForm(w, r, productFormData{Right: right, Action: r.URL.Path}, nil)
}

// handleProductCreate adds the product and opens its page, where photos and the guide are added.
func (s *Server) handleProductCreate(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err == nil {
		err = readCatalogueForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	user := userFrom(r)
	in := productInput(r)
	p, err := s.svc.CreateProduct(r.Context(), user, id, in)
	if err != nil {
		right, rerr := s.svc.ProductRight(r.Context(), user, id)
		if rerr != nil {
			s.renderError(w, r, rerr)
			return
		}
		s.renderProductForm(w, r, productFormData{Right: right, Product: in, Action: r.URL.Path}, err)
		return
	}
	http.Redirect(w, r, productPath(p.ID)+"?done=created", http.StatusSeeOther)
}
