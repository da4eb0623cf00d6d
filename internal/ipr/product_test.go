package ipr_test

import (
	"testing"

	"bordermark/internal/ipr"
)

func TestCheckGTIN(t *testing.T) {
	cases := []struct {
		gtin string
		ok   bool
	}{
		{"4006381333931", true},  // GTIN-13
		{"036000291452", true},   // GTIN-12 (UPC-A)
		{"96385074", true},       // GTIN-8
		{"10614141000415", true}, // GTIN-14
		{"4006381333932", false}, // wrong check digit
		{"400638133393", false},  // 12 digits, wrong check digit
		{"40063813339a", false},
		{"1234567", false},
		{"", false},
	}
	for _, c := range cases {
		if err := ipr.CheckGTIN(c.gtin); (err == nil) != c.ok {
			t.Errorf("CheckGTIN(%q): got %v, want ok=%v", c.gtin, err, c.ok)
		}
	}
}

func TestProductValidate(t *testing.T) {
	cases := []struct {
		name  string
		p     ipr.Product
		field string
	}{
		{"no name", ipr.Product{}, "name"},
		{"bad HS code", ipr.Product{Name: "Shoe", HSCodes: []string{"64ab"}}, "hs_codes"},
		{"bad GTIN", ipr.Product{Name: "Shoe", Barcodes: []string{"4006381333932"}}, "barcodes"},
		{"max below min", ipr.Product{Name: "Shoe", PriceMin: 100, PriceMax: 50, Currency: "CNY"}, "price_max"},
		{"price without currency", ipr.Product{Name: "Shoe", PriceMin: 100}, "currency"},
	}
	for _, c := range cases {
		if err := c.p.Validate(); ipr.ErrorFields(err)[c.field] == "" {
			t.Errorf("%s: got %v, want field %q named", c.name, err, c.field)
		}
	}
	ok := ipr.Product{Name: "Runner", HSCodes: []string{"640411"}, Barcodes: []string{"4006381333931"}, PriceMin: 499, PriceMax: 899, Currency: "cny"}
	if err := ok.Validate(); err != nil || ok.Currency != "CNY" {
		t.Errorf("valid product: got %v, currency %q", err, ok.Currency)
	}
}
