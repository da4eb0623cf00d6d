package ipr

import (
	"fmt"
	"strings"
	"time"
)

// Product is a genuine product under a right, as the holder describes it to customs.
type Product struct {
	ID        int64
	RightID   int64
	HolderID  int64
	Name      string
	Model     string
	HSCodes   []string // customs tariff codes, 4 to 10 digits
	Barcodes  []string // GS1 GTINs, check digit verified
	PriceMin  float64  // genuine unit price range, for spotting fakes by value
	PriceMax  float64
	Currency  string
	Packaging string
	MadeIn    string   // places of production
	Routes    string   // legitimate routes
	Ports     string   // legitimate ports of export
	Photos    []string // SHA-256 of uploaded photos
	Guide     []GuidePoint
	CreatedAt time.Time
	UpdatedAt time.Time
}

// GuidePoint is one point of an authentication guide: how to tell genuine from fake.
type GuidePoint struct {
	ID           int64
	ProductID    int64
	Position     int
	Title        string
	Genuine      string // what the genuine product shows
	Fake         string // what a typical fake shows
	GenuinePhoto string // SHA-256 of a photo of the genuine, or ""
	FakePhoto    string
}

// Validate checks a product before it is stored.
func (pr *Product) Validate() error {
	p := Problems{}
	pr.Name, pr.Model, pr.Currency = strings.TrimSpace(pr.Name), strings.TrimSpace(pr.Model), strings.ToUpper(strings.TrimSpace(pr.Currency))
	pr.HSCodes, pr.Barcodes = cleanList(pr.HSCodes), cleanList(pr.Barcodes)
	if pr.Name == "" {
		p.Add("name", "is required")
	}
	for _, hs := range pr.HSCodes {
		if !allDigits(hs) || len(hs) < 4 || len(hs) > 10 {
			p.Add("hs_codes", fmt.Sprintf("%q is not an HS code of 4 to 10 digits", hs))
		}
	}
	for _, gtin := range pr.Barcodes {
		if err := CheckGTIN(gtin); err != nil {
			p.Add("barcodes", err.Error())
		}
	}
	if pr.PriceMin < 0 || pr.PriceMax < 0 {
		p.Add("price_min", "prices cannot be negative")
	} else if pr.PriceMax != 0 && pr.PriceMax < pr.PriceMin {
		p.Add("price_max", "is below the minimum price")
	}
	if (pr.PriceMin > 0 || pr.PriceMax > 0) && len(pr.Currency) != 3 {
		p.Add("currency", "use a three-letter currency code such as CNY or USD")
	}
	return p.Err("the product is not valid")
}

// Validate checks a guide point before it is stored.
func (g *GuidePoint) Validate() error {
	p := Problems{}
	g.Title, g.Genuine, g.Fake = strings.TrimSpace(g.Title), strings.TrimSpace(g.Genuine), strings.TrimSpace(g.Fake)
	if g.Title == "" {
		p.Add("title", "is required")
	}
	if g.Genuine == "" && g.Fake == "" {
		p.Add("genuine", "describe the genuine product, the fake, or both")
	}
	return p.Err("the guide point is not valid")
}

// CheckGTIN verifies a GS1 GTIN-8, -12, -13 or -14 and its check digit.
func CheckGTIN(s string) error {
	if !allDigits(s) || (len(s) != 8 && len(s) != 12 && len(s) != 13 && len(s) != 14) {
		return fmt.Errorf("%q is not a GTIN (8, 12, 13 or 14 digits)", s)
	}
	sum := 0
	for i := len(s) - 2; i >= 0; i-- { // weights 3,1,3,1… from the right, check digit excluded
		d := int(s[i] - '0')
		if (len(s)-2-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	if want := (10 - sum%10) % 10; int(s[len(s)-1]-'0') != want {
		return fmt.Errorf("%q has a wrong check digit (want %d)", s, want)
	}
	return nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
