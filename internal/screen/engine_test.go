package screen

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/ipr"
)

// testMarks is a small register of well-known shapes of marks.
func testMarks() []Mark {
	d := ipr.NewDate
	return []Mark{
		{RightID: "NIKE", Text: "NIKE", Variants: []string{"耐克"}, Classes: []int{25, 28}},
		{RightID: "APPLE", Text: "APPLE", Classes: []int{9}},
		{RightID: "XIAOMI", Text: "XIAOMI", Variants: []string{"小米"}, Classes: []int{9}},
		{RightID: "OMEGA", Text: "OMEGA", Classes: []int{14}},
		{RightID: "POLO", Text: "POLO", Classes: []int{25}},
		{RightID: "LG", Text: "LG", Classes: []int{9}},
		{RightID: "3M", Text: "3M", Classes: []int{9, 16}},
		{RightID: "LV", Text: "LOUIS VUITTON", Classes: []int{18, 25}},
		{RightID: "CG", Text: "CANADA GOOSE", Classes: []int{25}},
		{RightID: "GUCCI", Text: "GUCCI", Classes: []int{18, 25}},
		{RightID: "ADIDAS", Text: "ADIDAS", Classes: []int{25}},
		{RightID: "TIFFANY", Text: "TIFFANY", Classes: []int{14}},
		{RightID: "POKEMON", Text: "Pokémon", Classes: []int{28}},
		{RightID: "LOREAL", Text: "L'Oréal", Classes: []int{3}},
		{RightID: "HUAWEI", Text: "HUAWEI", Variants: []string{"华为"}, Classes: []int{9}},
		{RightID: "GOPRO", Text: "GOPRO", Classes: []int{9}},
		{RightID: "OLD", Text: "ZORBLAX", Classes: []int{25}, ValidFrom: d(2010, 1, 1), ValidTo: d(2020, 12, 31)},
		{RightID: "NEW", Text: "QUENTRIX", Classes: []int{25}, ValidFrom: d(2030, 1, 1)},
		{RightID: "KORVANA", Text: "KORVANA", Classes: []int{3}, Authorised: []string{"Wenzhou Huizhong Commerce Firm"}, PriceMin: 80, Currency: "USD"},
	}
}

func TestScreenFindsAndExplains(t *testing.T) {
	s := NewEngine(Build(testMarks()), nil).Screener()
	at := time.Date(2026, 3, 6, 3, 0, 0, 0, time.UTC)
	tests := []struct {
		desc, brand, hs string
		want            string // right ids flagged, comma-separated; "" for none
		method          string // method of the first hit, when one is wanted
	}{
		{"NIKE running shoes", "", "640411", "NIKE", MethodExact},
		{"N1KE running shoes", "", "640411", "NIKE", MethodDisguised},
		{"ΝΙΚΕ shoes", "", "640411", "NIKE", MethodDisguised}, // Greek capitals
		{"ＮＩＫＥ shoes", "", "640411", "NIKE", MethodDisguised},
		{"NI\u200bKE shoes", "", "640411", "NIKE", MethodDisguised},
		{"G U C C I handbag", "", "420221", "GUCCI", MethodSpaced},
		{"N.I.K.E trainers", "", "640411", "NIKE", MethodSpaced},
		{"P-o-k-é-m-o-n plush", "", "950300", "POKEMON", MethodSpaced},
		{"pokemon cards", "", "950490", "POKEMON", MethodExact},
		{"loreal lipstick", "", "330499", "LOREAL", MethodExact},
		{"Gucc1 belt bag", "", "420221", "GUCCI", MethodDisguised},
		{"N!KE trainers", "", "640411", "NIKE", MethodDisguised},
		{"N|KE shoes", "", "640411", "NIKE", MethodDisguised},
		{"@didas hoodie", "", "611020", "ADIDAS", MethodDisguised},
		{"9opro action camera", "", "852580", "GOPRO", MethodDisguised},
		{"LouisVuitton wallet", "", "420231", "LV", MethodJoined},
		{"Canada-Goose parka", "", "620193", "CG", MethodExact},
		{"nikeshoes2026", "", "640411", "NIKE", MethodGlued},
		{"耐克运动鞋", "", "640411", "NIKE", MethodChinese},
		{"华为手机", "", "851712", "HUAWEI", MethodChinese},
		{"Adidos sneakers", "", "640411", "ADIDAS", MethodFuzzy},
		{"Guccci handbag", "", "420221", "GUCCI", MethodFuzzy},
		{"Tifgany necklace", "", "711319", "TIFFANY", MethodFuzzy},
		{"Louis Vuuitton bag", "", "420221", "LV", MethodFuzzy},
		{"LG monitor", "", "852852", "LG", MethodExact},
		{"running shoes", "Nike", "640411", "NIKE", MethodBrand},
		// Context keeps these away from an officer.
		{"apple juice", "", "200971", "", ""},
		{"小米 millet 5kg", "", "100829", "", ""},
		{"omega-3 capsules", "", "210690", "", ""},
		{"polo shirt cotton", "", "610510", "", ""},
		{"LGA shoes", "", "640411", "", ""},     // short marks only as whole words
		{"3m cable", "", "854442", "", ""},      // a length, not 3M
		{"size 42 shoes", "", "640411", "", ""}, // numbers are not leet
		{"5hp pump", "", "841370", "", ""},
		{"great deal! shoes", "", "640411", "", ""},
		{"ZORBLAX jacket", "", "620193", "", ""},  // expired
		{"QUENTRIX jacket", "", "620193", "", ""}, // not yet valid
		{"NIKEA furniture", "", "940360", "", ""}, // out of class, and part of a word
		{"Adidos kettle", "", "851610", "", ""},   // misspelt and out of class
	}
	for _, tt := range tests {
		res := s.Screen(&Declaration{ID: "x", Description: tt.desc, Brand: tt.brand, HSCode: tt.hs, DeclaredAt: at})
		var got []string
		for _, h := range res.Hits {
			if !h.Authorised {
				got = append(got, h.RightID)
			}
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%q %q: flagged %v, want %q (hits %+v)", tt.desc, tt.brand, got, tt.want, res.Hits)
			continue
		}
		if tt.want == "" {
			if res.Risk != 0 {
				t.Errorf("%q: risk %d with nothing flagged", tt.desc, res.Risk)
			}
			continue
		}
		h := res.Hits[0]
		if h.Method != tt.method {
			t.Errorf("%q: method %s, want %s (%v)", tt.desc, h.Method, tt.method, h.Reasons)
		}
		field := tt.desc
		if h.Field == "brand" {
			field = tt.brand
		}
		if field[h.Start:h.End] != h.Matched || h.Matched == "" {
			t.Errorf("%q: matched %q at %d:%d", tt.desc, h.Matched, h.Start, h.End)
		}
		if len(h.Reasons) < 2 || res.Risk < 50 {
			t.Errorf("%q: risk %d, reasons %v", tt.desc, res.Risk, h.Reasons)
		}
	}
}

func TestScreenHighlightsTheSourceText(t *testing.T) {
	s := NewEngine(Build(testMarks()), nil).Screener()
	res := s.Screen(&Declaration{ID: "x", Description: "cheap ｇｕｃｃｉ bags", HSCode: "420221"})
	if len(res.Hits) != 1 || res.Hits[0].Matched != "ｇｕｃｃｉ" {
		t.Fatalf("hits %+v, want the full-width text as written", res.Hits)
	}
}

func TestScreenAuthorisedPartyDoesNotFlag(t *testing.T) {
	s := NewEngine(Build(testMarks()), nil).Screener()
	d := Declaration{ID: "x", Description: "Korvana fragrance gift set", HSCode: "330300",
		Consignor: "WENZHOU HUIZHONG COMMERCE FIRM", Quantity: 10, Value: 1000}
	res := s.Screen(&d)
	if len(res.Hits) != 1 || !res.Hits[0].Authorised || res.Flagged() {
		t.Fatalf("hits %+v: want one authorised hit, not flagged", res.Hits)
	}
	d.Consignor = "Some Other Trading Co"
	if res = s.Screen(&d); !res.Flagged() || res.Hits[0].Authorised {
		t.Fatalf("hits %+v: want a flag for another shipper", res.Hits)
	}
}

func TestScreenContextRaisesTheScore(t *testing.T) {
	s := NewEngine(Build(testMarks()), nil).Screener()
	base := Declaration{ID: "x", Description: "korvana perfume", HSCode: "330300", Channel: "general", Quantity: 500, Value: 50000, Currency: "USD"}
	cheap := base
	cheap.Value = 500 // 1 USD a bottle, genuine from 80
	small := base
	small.Channel, small.Quantity, small.Value = "postal", 2, 160
	score := func(d Declaration) (float64, []string) {
		res := s.Screen(&d)
		if len(res.Hits) != 1 {
			t.Fatalf("%+v: hits %+v", d, res.Hits)
		}
		return res.Hits[0].Score, res.Hits[0].Reasons
	}
	b, _ := score(base)
	c, reasons := score(cheap)
	if c <= b || !slices.ContainsFunc(reasons, func(r string) bool { return strings.Contains(r, "lowest genuine price") }) {
		t.Errorf("cheap goods: score %v (base %v), reasons %v", c, b, reasons)
	}
	if sm, reasons := score(small); sm <= b || !slices.ContainsFunc(reasons, func(r string) bool { return strings.Contains(r, "small consignment") }) {
		t.Errorf("small parcel: score %v (base %v), reasons %v", sm, b, reasons)
	}
}

func TestScreenRules(t *testing.T) {
	rules, err := CompileRules([]Rule{
		{ID: 1, Name: "Yiwu parcels to BR", Weight: 40, When: Condition{All: []Condition{
			{Field: "origin", Op: OpPrefix, Value: "CN-ZJ-Yiwu"},
			{Any: []Condition{{Field: "destination", Op: OpIn, Values: []string{"BR", "AR"}}, {Field: "transport", Op: OpIs, Value: "post"}}},
			{Field: "unit_value", Op: OpLess, Value: "5"},
		}}},
		{ID: 2, Name: "expired", Weight: 90, Expires: ipr.NewDate(2025, 1, 1), When: Condition{Field: "hs_code", Op: OpPrefix, Value: "64"}},
		{ID: 3, Name: "spring window", Weight: 10, When: Condition{Field: "declared_at", Op: OpBetween, Values: []string{"2026-03-01", "2026-03-31"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	s := NewEngine(Build(nil), rules).Screener()
	d := Declaration{ID: "x", Origin: "CN-ZJ-Yiwu", Destination: "br", HSCode: "640411", Quantity: 10, Value: 20,
		DeclaredAt: time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC)}
	res := s.Screen(&d)
	if got := ruleIDs(res.Rules); got != "1,3" {
		t.Fatalf("rules %v, want 1,3", res.Rules)
	}
	if res.Risk != 46 || !res.Flagged() { // 1 - 0.6 × 0.9
		t.Errorf("risk %d, want 46", res.Risk)
	}
	d.Value = 100 // 10 a piece
	d.DeclaredAt = d.DeclaredAt.Add(2 * time.Hour)
	if res = s.Screen(&d); len(res.Rules) != 0 {
		t.Errorf("rules %v, want none", res.Rules)
	}
	if hits := rules.Hits(); hits[1] != 1 || hits[2] != 0 || hits[3] != 1 {
		t.Errorf("hit counts %v", hits)
	}
}

func ruleIDs(rs []RuleHit) string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, fmt.Sprint(r.ID))
	}
	return strings.Join(ids, ",")
}

func TestRuleValidationNamesTheField(t *testing.T) {
	tests := []struct {
		rule  Rule
		field string
	}{
		{Rule{Weight: 10, When: Condition{Field: "origin", Op: OpIs, Value: "CN"}}, "name"},
		{Rule{Name: "x", Weight: 0, When: Condition{Field: "origin", Op: OpIs, Value: "CN"}}, "weight"},
		{Rule{Name: "x", Weight: 5, When: Condition{Field: "colour", Op: OpIs, Value: "red"}}, "when.field"},
		{Rule{Name: "x", Weight: 5, When: Condition{All: []Condition{{Field: "value", Op: OpContains, Value: "1"}}}}, "when.all[0].op"},
		{Rule{Name: "x", Weight: 5, When: Condition{Any: []Condition{{Field: "value", Op: OpLess, Value: "lots"}}}}, "when.any[0].value"},
		{Rule{Name: "x", Weight: 5, When: Condition{Field: "declared_at", Op: OpBetween, Values: []string{"2026-01-01"}}}, "when.values"},
		{Rule{Name: "x", Weight: 5, When: Condition{Field: "origin", Op: OpIn}}, "when.values"},
		{Rule{Name: "x", Weight: 5}, "when.field"},
	}
	for _, tt := range tests {
		err := tt.rule.Validate()
		var e *ipr.Error
		if !errorsAs(err, &e) || e.Fields[tt.field] == "" {
			t.Errorf("%+v: error %v, want a problem with %s", tt.rule, err, tt.field)
		}
	}
}

func TestIndexSwapWhileScreening(t *testing.T) {
	e := NewEngine(Build(testMarks()), nil)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := e.Screener()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res := s.Screen(&Declaration{ID: "x", Description: "nike shoes", HSCode: "640411"})
				if len(res.Hits) != 1 {
					t.Errorf("hits %+v during a swap", res.Hits)
					return
				}
			}
		}()
	}
	for range 20 {
		e.SetIndex(Build(testMarks()))
	}
	close(stop)
	wg.Wait()
}

func errorsAs(err error, target **ipr.Error) bool {
	e, ok := err.(*ipr.Error)
	if ok {
		*target = e
	}
	return ok
}
