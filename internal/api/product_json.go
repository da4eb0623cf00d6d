package api

import (
	"strconv"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// fileJSON is a stored photo or document (schema FileRef), downloadable with the
// same token at /api/v1/files/{sha}.
type fileJSON struct {
	SHA256      string `json:"sha256"`
	URL         string `json:"url"`
	ThumbURL    string `json:"thumb_url,omitempty"` // pictures only
	Name        string `json:"name,omitempty"`
	ContentType string `json:"content_type,omitempty"`
	Size        int64  `json:"size,omitempty"`
}

// newFileJSON describes the file sha; f, when known, adds its name, type and thumbnail.
func newFileJSON(sha string, f *ipr.File) fileJSON {
	out := fileJSON{SHA256: sha, URL: "/api/v1/files/" + sha}
	if f != nil {
		out.Name, out.ContentType, out.Size = f.Name, f.ContentType, f.Size
		if f.IsImage() {
			out.ThumbURL = out.URL + "/thumb"
		}
	}
	return out
}

// guidePhotoJSON is a guide point's photo: always a picture, so it has a thumbnail.
func guidePhotoJSON(sha string) *fileJSON {
	if sha == "" {
		return nil
	}
	out := newFileJSON(sha, nil)
	out.ThumbURL = out.URL + "/thumb"
	return &out
}

// productJSON is a product of the catalogue (schema Product).
type productJSON struct {
	ID        int64      `json:"id"`
	RightID   int64      `json:"right_id"`
	HolderID  int64      `json:"holder_id"`
	Name      string     `json:"name"`
	Model     string     `json:"model"`
	HSCodes   []string   `json:"hs_codes"`
	Barcodes  []string   `json:"barcodes"`
	PriceMin  float64    `json:"price_min,omitzero"`
	PriceMax  float64    `json:"price_max,omitzero"`
	Currency  string     `json:"currency"`
	Packaging string     `json:"packaging"`
	MadeIn    string     `json:"made_in"`
	Routes    string     `json:"routes"`
	Ports     string     `json:"ports"`
	Photos    []fileJSON `json:"photos"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

func newProductJSON(p *ipr.Product, files map[string]*ipr.File) productJSON {
	out := productJSON{ID: p.ID, RightID: p.RightID, HolderID: p.HolderID, Name: p.Name, Model: p.Model,
		HSCodes: orEmpty(p.HSCodes), Barcodes: orEmpty(p.Barcodes), PriceMin: p.PriceMin, PriceMax: p.PriceMax,
		Currency: p.Currency, Packaging: p.Packaging, MadeIn: p.MadeIn, Routes: p.Routes, Ports: p.Ports,
		Photos: make([]fileJSON, len(p.Photos)), CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
	for i, sha := range p.Photos {
		out.Photos[i] = newFileJSON(sha, files[sha])
	}
	return out
}

// productDetailJSON is a product with its authentication guide (schema ProductDetail).
type productDetailJSON struct {
	productJSON
	Guide   []guidePointJSON `json:"guide"`
	CanEdit bool             `json:"can_edit"`
}

func newProductDetailJSON(d *enforce.ProductDetail) productDetailJSON {
	out := productDetailJSON{productJSON: newProductJSON(d.Product, d.Files), CanEdit: d.CanEdit,
		Guide: make([]guidePointJSON, len(d.Product.Guide))}
	for i := range d.Product.Guide {
		out.Guide[i] = newGuidePointJSON(&d.Product.Guide[i])
	}
	return out
}

// productListJSON is the products of a right (schema ProductList).
type productListJSON struct {
	Products []productJSON `json:"products"`
}

// guidePointJSON is one point of an authentication guide (schema GuidePoint).
type guidePointJSON struct {
	ID           int64     `json:"id"`
	ProductID    int64     `json:"product_id"`
	Position     int       `json:"position"`
	Title        string    `json:"title"`
	Genuine      string    `json:"genuine"`
	Fake         string    `json:"fake"`
	GenuinePhoto *fileJSON `json:"genuine_photo,omitempty"`
	FakePhoto    *fileJSON `json:"fake_photo,omitempty"`
}

func newGuidePointJSON(g *ipr.GuidePoint) guidePointJSON {
	return guidePointJSON{ID: g.ID, ProductID: g.ProductID, Position: g.Position, Title: g.Title,
		Genuine: g.Genuine, Fake: g.Fake, GenuinePhoto: guidePhotoJSON(g.GenuinePhoto), FakePhoto: guidePhotoJSON(g.FakePhoto)}
}

// productInput is the body of POST /rights/{id}/products and PUT /products/{id}
// (schema ProductInput): every field, omitted ones become empty.
type productInput struct {
	Name      string   `json:"name"`
	Model     string   `json:"model"`
	HSCodes   []string `json:"hs_codes"`
	Barcodes  []string `json:"barcodes"`
	PriceMin  float64  `json:"price_min"`
	PriceMax  float64  `json:"price_max"`
	Currency  string   `json:"currency"`
	Packaging string   `json:"packaging"`
	MadeIn    string   `json:"made_in"`
	Routes    string   `json:"routes"`
	Ports     string   `json:"ports"`
}

// input converts the body to the service's input, whose lists are text. An item
// that the service would split in two is refused here, so that the error names it.
func (in productInput) input() (enforce.ProductInput, error) {
	p := ipr.Problems{}
	join := func(field string, items []string) string {
		for _, s := range items {
			if strings.ContainsAny(s, ",;， \n\r\t") {
				p.Add(field, strconv.Quote(s)+" is not one item: send each as its own string, without spaces or commas")
			}
		}
		return strings.Join(items, " ")
	}
	price := func(v float64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	out := enforce.ProductInput{Name: in.Name, Model: in.Model, HSCodes: join("hs_codes", in.HSCodes),
		Barcodes: join("barcodes", in.Barcodes), PriceMin: price(in.PriceMin), PriceMax: price(in.PriceMax),
		Currency: in.Currency, Packaging: in.Packaging, MadeIn: in.MadeIn, Routes: in.Routes, Ports: in.Ports}
	return out, p.Err("the product is not valid")
}

// guideInput is the body of POST /products/{id}/guide and PUT /guide/{id} (schema
// GuidePointInput). Photos are uploaded in the browser; a changed point keeps its photos.
type guideInput struct {
	Title   string `json:"title"`
	Genuine string `json:"genuine"`
	Fake    string `json:"fake"`
}

func (in guideInput) input() enforce.GuideInput {
	return enforce.GuideInput{Title: in.Title, Genuine: in.Genuine, Fake: in.Fake}
}
