package web

import (
	"net/http"
	"slices"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// productDone are the confirmations a product's page shows after a change (?done=…).
var productDone = []string{"created", "updated", "photos", "photo_removed", "guide_added", "guide_updated", "guide_deleted", "guide_moved"}

// productShowData is a product's page: its description, photos and authentication guide,
// with the editing forms for those who may change it.
type productShowData struct {
	*enforce.ProductDetail
	Done string // catalogue message key

	// A form of the page that failed ("photos" or "guide"), shown again with its problems.
	Form  string
	Point guideInput // what the user typed into the new point's form
	Errs  catalogueErrors
}

// Price is the genuine price range in words.
func (d *productShowData) Price(l *Catalog) string {
	p := d.Product
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case p.PriceMin > 0 && p.PriceMax > 0:
		return l.T("product.price_range", num(p.PriceMin), num(p.PriceMax), p.Currency)
	case p.PriceMin > 0:
		return l.T("product.price_from", num(p.PriceMin), p.Currency)
	case p.PriceMax > 0:
		return l.T("product.price_to", num(p.PriceMax), p.Currency)
	}
	return ""
}

// IsDocument reports whether the file sha is a PDF rather than a picture.
func (d *productShowData) IsDocument(sha string) bool {
	f := d.Files[sha]
	return f != nil && !f.IsImage()
}

// FileName is the name file sha was uploaded with.
func (d *productShowData) FileName(sha string) string {
	if f := d.Files[sha]; f != nil && f.Name != "" {
		return f.Name
	}
	return sha[:12]
}

// handleProductShow is a product's page. An officer opens it at the inspection table,
// on a phone: the guide compares genuine and fake point by point.
func (s *Server) handleProductShow(w http.ResponseWriter, r *http.Request) {
	id, err := catalogueID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.showProduct(w, r, id, nil)
}

// failedForm is a form of the product page that was refused: which one, what was typed, why.
type failedForm struct {
	name  string
	point guideInput
	err   error
}

// showProduct renders a product's page; failed, when not nil, is shown in its form with status 400.
func (s *Server) showProduct(w http.ResponseWriter, r *http.Request, id int64, failed *failedForm) {
	if failed != nil && ipr.ErrorCode(failed.err) != ipr.EINVALID {
		s.renderError(w, r, failed.err)
		return
	}
	d, err := s.svc.Product(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := &productShowData{ProductDetail: d}
	if done := r.URL.Query().Get("done"); slices.Contains(productDone, done) {
		data.Done = "product.done." + done
	}
	p := s.newPage(r, "product.title", data)
	status := http.StatusOK
	if failed != nil {
		data.Form, data.Point, status = failed.name, failed.point, http.StatusBadRequest
		p.Error, p.Fields = p.L.T("catalogue.form_invalid"), ipr.ErrorFields(failed.err)
	}
	data.Errs = catalogueErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "product", p)
}
