package enforce

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// Limits of the catalogue, so that one product page stays quick to open on a phone.
const (
	MaxProductPhotos = 24
	MaxGuidePoints   = 40
	maxUploadsAtOnce = 10
)

// ProductInput is what a right holder fills in for a product. Lists (HS codes,
// barcodes) are separated by spaces, commas or new lines; prices are decimal numbers.
type ProductInput struct {
	Name, Model        string
	HSCodes, Barcodes  string
	PriceMin, PriceMax string
	Currency           string
	Packaging, MadeIn  string
	Routes, Ports      string
}

// InputOf is the input that would leave a product as it is: the edit form's first values.
func InputOf(p *ipr.Product) ProductInput {
	price := func(v float64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ProductInput{Name: p.Name, Model: p.Model, HSCodes: strings.Join(p.HSCodes, " "),
		Barcodes: strings.Join(p.Barcodes, " "), PriceMin: price(p.PriceMin), PriceMax: price(p.PriceMax),
		Currency: p.Currency, Packaging: p.Packaging, MadeIn: p.MadeIn, Routes: p.Routes, Ports: p.Ports}
}

// apply copies the input into p and returns every problem, by field.
func (in ProductInput) apply(p *ipr.Product) error {
	problems := ipr.Problems{}
	p.Name, p.Model, p.Currency = in.Name, in.Model, in.Currency
	p.HSCodes, p.Barcodes = splitItems(in.HSCodes), splitItems(in.Barcodes)
	p.Packaging, p.MadeIn = strings.TrimSpace(in.Packaging), strings.TrimSpace(in.MadeIn)
	p.Routes, p.Ports = strings.TrimSpace(in.Routes), strings.TrimSpace(in.Ports)
	p.PriceMin = parsePrice(problems, "price_min", in.PriceMin)
	p.PriceMax = parsePrice(problems, "price_max", in.PriceMax)
	for field, v := range map[string]string{"name": p.Name, "model": p.Model, "packaging": p.Packaging,
		"made_in": p.MadeIn, "routes": p.Routes, "ports": p.Ports} {
		if len([]rune(v)) > 2000 {
			problems.Add(field, "must be at most 2000 characters")
		}
	}
	if len(p.HSCodes) > 20 {
		problems.Add("hs_codes", "at most 20")
	}
	if len(p.Barcodes) > 50 {
		problems.Add("barcodes", "at most 50")
	}
	if err := p.Validate(); err != nil {
		for f, msg := range ipr.ErrorFields(err) {
			problems.Add(f, msg)
		}
	}
	return problems.Err("the product is not valid")
}

func splitItems(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '，' || r == ' ' || r == '\n' || r == '\r' || r == '\t'
	})
}

func parsePrice(p ipr.Problems, field, s string) float64 {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v > 1e12 {
		p.Add(field, fmt.Sprintf("%q is not a price such as 129.90", s))
		return 0
	}
	return v
}

// canSeeCatalogue reports whether actor may see the products of right r: the
// catalogue of its holder, and the right itself (a draft is its holder's own).
func canSeeCatalogue(actor *ipr.User, r *ipr.Right) bool {
	return ipr.Can(actor, ipr.ActionViewRight, ipr.Resource{Kind: "right", OrgID: r.HolderID, State: string(r.Status)}) &&
		ipr.Can(actor, ipr.ActionViewCatalogue, ipr.OrgResource("catalogue", r.HolderID))
}

// mayViewSome and mayEditSome turn away, before anything is looked up, those who
// may not see (or change) any catalogue at all; they learn nothing about what exists.
func mayViewSome(actor *ipr.User) error {
	return ipr.Authorize(actor, ipr.ActionViewCatalogue, ipr.OrgResource("catalogue", actor.OrgIDOrZero()))
}

func mayEditSome(actor *ipr.User) error {
	return ipr.Authorize(actor, ipr.ActionEditCatalogue, ipr.OrgResource("catalogue", actor.OrgIDOrZero()))
}

// visibleRight loads a right whose catalogue actor may see; for anyone else it is not found.
func visibleRight(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ipr.Right, error) {
	r, err := tx.RightByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !canSeeCatalogue(actor, r) {
		return nil, notFound("right", "right", id)
	}
	return r, nil
}

// editableProduct loads a product and its right for a change by actor: not found
// when actor may not see it, forbidden when actor may see but not change it.
func editableProduct(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ipr.Product, *ipr.Right, error) {
	p, r, err := visibleProduct(ctx, tx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	if err := ipr.Authorize(actor, ipr.ActionEditCatalogue, ipr.OrgResource("catalogue", r.HolderID)); err != nil {
		return nil, nil, err
	}
	return p, r, nil
}

func visibleProduct(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ipr.Product, *ipr.Right, error) {
	p, err := tx.ProductByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	r, err := tx.RightByID(ctx, p.RightID)
	if err != nil {
		return nil, nil, err
	}
	if !canSeeCatalogue(actor, r) {
		return nil, nil, notFound("product", "product", id)
	}
	return p, r, nil
}

func notFound(kind, field string, id int64) error {
	return &ipr.Error{Code: ipr.ENOTFOUND, Message: kind + " not found",
		Fields: map[string]string{field: fmt.Sprintf("no %s with id %d", kind, id)}}
}

// ProductDetail is a product as its page shows it.
type ProductDetail struct {
	Product *ipr.Product
	Right   *ipr.Right
	Files   map[string]*ipr.File // the product's photos and documents, by SHA-256
	CanEdit bool
}

// Product returns a product with its authentication guide, for those who may see its right's catalogue.
func (s *Service) Product(ctx context.Context, actor *ipr.User, id int64) (*ProductDetail, error) {
	if err := mayViewSome(actor); err != nil {
		return nil, err
	}
	d := &ProductDetail{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if d.Product, d.Right, err = visibleProduct(ctx, tx, actor, id); err != nil {
			return err
		}
		d.Files, err = tx.Files(ctx, d.Product.Photos)
		return err
	})
	if err != nil {
		return nil, err
	}
	d.CanEdit = ipr.Can(actor, ipr.ActionEditCatalogue, ipr.OrgResource("catalogue", d.Right.HolderID))
	return d, nil
}

// Products returns the products of a right, without their guides, for its page.
func (s *Service) Products(ctx context.Context, actor *ipr.User, rightID int64) ([]*ipr.Product, error) {
	if err := mayViewSome(actor); err != nil {
		return nil, err
	}
	var list []*ipr.Product
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		if _, err := visibleRight(ctx, tx, actor, rightID); err != nil {
			return err
		}
		var err error
		list, err = tx.Products(ctx, rightID)
		return err
	})
	return list, err
}

// ProductRight returns the right a new product would be added to, if actor may add one.
func (s *Service) ProductRight(ctx context.Context, actor *ipr.User, rightID int64) (*ipr.Right, error) {
	if err := mayEditSome(actor); err != nil {
		return nil, err
	}
	var r *ipr.Right
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if r, err = visibleRight(ctx, tx, actor, rightID); err != nil {
			return err
		}
		return ipr.Authorize(actor, ipr.ActionEditCatalogue, ipr.OrgResource("catalogue", r.HolderID))
	})
	return r, err
}

// CreateProduct adds a product to a right of the actor's (or, for an agent, its client's).
func (s *Service) CreateProduct(ctx context.Context, actor *ipr.User, rightID int64, in ProductInput) (*ipr.Product, error) {
	if err := mayEditSome(actor); err != nil {
		return nil, err
	}
	p := &ipr.Product{RightID: rightID}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		r, err := visibleRight(ctx, tx, actor, rightID)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionEditCatalogue, ipr.OrgResource("catalogue", r.HolderID)); err != nil {
			return err
		}
		if err := in.apply(p); err != nil {
			return err
		}
		return s.createProduct(ctx, tx, actor, r, p)
	})
	if err != nil {
		return nil, err
	}
	s.registerChanged(ctx) // the catalogue's lowest price
	return p, nil
}

func (s *Service) createProduct(ctx context.Context, tx *store.Tx, actor *ipr.User, r *ipr.Right, p *ipr.Product) error {
	p.RightID, p.HolderID = r.ID, r.HolderID
	if err := tx.CreateProduct(ctx, p, s.Clock.Now()); err != nil {
		return err
	}
	return s.audit(ctx, tx, actor, change{Action: "product.create", ObjectType: "product", ObjectID: p.ID,
		ObjectOrg: r.HolderID, After: productSummary(p, r)})
}

func productSummary(p *ipr.Product, r *ipr.Right) string {
	s := p.Name
	if p.Model != "" {
		s += " " + p.Model
	}
	return s + " under " + r.Ref
}

// UpdateProduct changes a product's description.
func (s *Service) UpdateProduct(ctx context.Context, actor *ipr.User, id int64, in ProductInput) (*ipr.Product, error) {
	if err := mayEditSome(actor); err != nil {
		return nil, err
	}
	var p *ipr.Product
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		var r *ipr.Right
		var err error
		if p, r, err = editableProduct(ctx, tx, actor, id); err != nil {
			return err
		}
		before := productSummary(p, r)
		if err := in.apply(p); err != nil {
			return err
		}
		if err := tx.UpdateProduct(ctx, p, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "product.update", ObjectType: "product", ObjectID: p.ID,
			ObjectOrg: r.HolderID, Before: before, After: productSummary(p, r)})
	})
	if err != nil {
		return nil, err
	}
	s.registerChanged(ctx)
	return p, nil
}

// DeleteProduct removes a product and its guide, and returns it (to go back to its right).
func (s *Service) DeleteProduct(ctx context.Context, actor *ipr.User, id int64) (*ipr.Product, error) {
	if err := mayEditSome(actor); err != nil {
		return nil, err
	}
	var p *ipr.Product
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		var r *ipr.Right
		var err error
		if p, r, err = editableProduct(ctx, tx, actor, id); err != nil {
			return err
		}
		if err := tx.DeleteProduct(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "product.delete", ObjectType: "product", ObjectID: p.ID,
			ObjectOrg: r.HolderID, Before: productSummary(p, r)})
	})
	if err != nil {
		return nil, err
	}
	s.registerChanged(ctx)
	return p, nil
}
