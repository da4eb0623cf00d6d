package web

import (
	"net/http"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// catalogueErrors shows the problem of each field of a catalogue form in the page
// language: the problems come from the domain in English; in Chinese a translated
// hint goes first.
type catalogueErrors struct {
	L      *Catalog
	Fields map[string]string
}

// For is the problem of field name, or "".
func (f catalogueErrors) For(name string) string {
	msg := f.Fields[name]
	if msg == "" || f.L == nil || f.L.Lang == "en" {
		return msg
	}
	if key := "catalogue.problem." + name; f.L.T(key) != key {
		return f.L.T(key) + "（" + msg + "）"
	}
	return msg
}

// Has reports whether field name has a problem, for aria-invalid.
func (f catalogueErrors) Has(name string) bool { return f.Fields[name] != "" }

// productFormData is the form to add or edit a product.
type productFormData struct {
	Right   *ipr.Right
	Product enforce.ProductInput // as the user typed it
	ID      int64                // the product being edited, 0 for a new one
	Action  string               // where the form posts
	Errs    catalogueErrors
}

// productInput reads the posted fields of a product form.
func productInput(r *http.Request) enforce.ProductInput {
	v := func(name string) string { return strings.ReplaceAll(r.PostFormValue(name), "\r\n", "\n") }
	return enforce.ProductInput{Name: v("name"), Model: v("model"), HSCodes: v("hs_codes"), Barcodes: v("barcodes"),
		PriceMin: v("price_min"), PriceMax: v("price_max"), Currency: v("currency"), Packaging: v("packaging"),
		MadeIn: v("made_in"), Routes: v("routes"), Ports: v("ports")}
}

// renderProductForm shows the form; with an error about the input, it shows it again
// with the problems marked and what the user typed kept. Other errors get the error page.
func (s *Server) renderProductForm(w http.ResponseWriter, r *http.Request, d productFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	title := "product.new_title"
	if d.ID != 0 {
		title = "product.edit_title"
	}
	p := s.newPage(r, title, &d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("catalogue.form_invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = catalogueErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "product_form", p)
}

// catalogueID reads a numeric id from the path; anything else is not found.
func catalogueID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, ipr.Errorf(ipr.ENOTFOUND, "not found")
	}
	return id, nil
}

// readCatalogueForm parses a posted form without files.
func readCatalogueForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		return ipr.Errorf(ipr.EINVALID, "the form could not be read")
	}
	return nil
}

func productPath(id int64) string { return "/products/" + strconv.FormatInt(id, 10) }
