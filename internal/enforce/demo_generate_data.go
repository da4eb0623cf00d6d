package enforce

import "math/rand/v2"

// The generator's distributions: where counterfeit exports come from, how they
// travel, when, and which product lines each brand's fakes are.

type weighted[T any] struct {
	items []T
	cum   []float64
}

func newWeighted[T any](pairs ...struct {
	v T
	w float64
}) weighted[T] {
	var out weighted[T]
	total := 0.0
	for _, p := range pairs {
		total += p.w
		out.items, out.cum = append(out.items, p.v), append(out.cum, total)
	}
	return out
}

func (w weighted[T]) pick(rng *rand.Rand) T {
	x := rng.Float64() * w.cum[len(w.cum)-1]
	for i, c := range w.cum {
		if x < c {
			return w.items[i]
		}
	}
	return w.items[len(w.items)-1]
}

func wv[T any](v T, w float64) struct {
	v T
	w float64
} {
	return struct {
		v T
		w float64
	}{v, w}
}

// genOrigins weighs origin cities towards Zhejiang, Fujian and Guangdong.
var genOrigins = newWeighted(
	wv("CN-ZJ-Yiwu", 18), wv("CN-ZJ-Wenzhou", 7), wv("CN-ZJ-Hangzhou", 6), wv("CN-ZJ-Ningbo", 6), wv("CN-ZJ-Taizhou", 3),
	wv("CN-FJ-Putian", 10), wv("CN-FJ-Jinjiang", 6), wv("CN-FJ-Quanzhou", 6), wv("CN-FJ-Xiamen", 2),
	wv("CN-GD-Guangzhou", 9), wv("CN-GD-Shenzhen", 7), wv("CN-GD-Dongguan", 5), wv("CN-GD-Shantou", 4),
	wv("CN-JS-Suzhou", 3), wv("CN-SH-Shanghai", 2), wv("CN-SD-Linyi", 2), wv("CN-HE-Baigou", 2),
	wv("CN-HN-Changsha", 1), wv("CN-SC-Chengdu", 1), wv("CN-JX-Nanchang", 1), wv("HK", 1),
)

// genChannel is a channel with the transports it travels by and the offices that see it.
type genChannel struct {
	code       string
	transports weighted[string]
	offices    weighted[string]
	pieces     [2]int // the range of pieces per consignment
}

var genChannels = newWeighted(
	wv(genChannel{"ecommerce", newWeighted(wv("air", 6), wv("express", 4)),
		newWeighted(wv("Yiwu Customs", 6), wv("Hangzhou Customs", 3), wv("Wenzhou Customs", 1)), [2]int{5, 300}}, 35),
	wv(genChannel{"postal", newWeighted(wv("post", 1)), newWeighted(wv("Hangzhou Postal Customs", 1)), [2]int{1, 20}}, 25),
	wv(genChannel{"express", newWeighted(wv("express", 7), wv("air", 3)),
		newWeighted(wv("Hangzhou Customs", 5), wv("Yiwu Customs", 4), wv("Wenzhou Customs", 1)), [2]int{2, 60}}, 20),
	wv(genChannel{"general", newWeighted(wv("sea", 7), wv("road", 1.5), wv("rail", 1.5)),
		newWeighted(wv("Wenzhou Customs", 4), wv("Hangzhou Customs", 3), wv("Yiwu Customs", 3)), [2]int{300, 20000}}, 20),
)

// genOfficePrefix numbers each office's cases.
var genOfficePrefix = map[string]string{"Yiwu Customs": "YW", "Wenzhou Customs": "WZ",
	"Hangzhou Postal Customs": "HZP", "Hangzhou Customs": "HZ"}

// genBrand is a demo right's product lines (HS chapters with unit prices in
// yuan), how often its fakes are found, and how fast its holder answers.
type genBrand struct {
	chapters    weighted[string]
	unitPrice   float64
	weight      float64
	answerHours float64 // the holder's median answer time
}

var genBrands = map[string]genBrand{
	"DEMO-NORTHWIND": {newWeighted(wv("64", 5), wv("61", 3), wv("62", 2), wv("42", 1)), 180, 30, 20},
	"DEMO-AURELIA":   {newWeighted(wv("42", 6), wv("33", 2), wv("71", 2)), 900, 16, 42},
	"DEMO-VOLTIS":    {newWeighted(wv("85", 1)), 120, 14, 60},
	"DEMO-FERROCAR":  {newWeighted(wv("87", 1)), 90, 4, 80},
	"DEMO-LUMINA":    {newWeighted(wv("33", 1)), 150, 10, 28},
	"DEMO-MEDORA":    {newWeighted(wv("30", 1)), 60, 2, 36},
	"DEMO-GOLDFIELD": {newWeighted(wv("04", 1)), 200, 2, 50},
	"DEMO-MARLOWE":   {newWeighted(wv("22", 1)), 600, 2, 70},
	"DEMO-TESSERA-C": {newWeighted(wv("95", 1)), 45, 8, 30},
	"DEMO-IRONCLAD":  {newWeighted(wv("27", 1)), 80, 2, 55},
	"DEMO-STELLAR-D": {newWeighted(wv("85", 1)), 70, 5, 45},
	"DEMO-ORBIS":     {newWeighted(wv("91", 1)), 1500, 8, 26},
}

// genPlainChapters are the goods of declarations that nobody flags.
var genPlainChapters = newWeighted(wv("61", 5), wv("62", 4), wv("64", 4), wv("42", 3), wv("85", 8), wv("95", 4),
	wv("94", 4), wv("39", 5), wv("73", 3), wv("84", 4), wv("33", 2), wv("63", 3), wv("90", 1), wv("91", 1))

// genSeason weighs each calendar month: Singles' Day (November) and the
// run-up to Christmas peak; the Spring Festival (February) dips.
var genSeason = [12]float64{0.9, 0.6, 0.9, 0.95, 1, 1, 1, 1.05, 1.15, 1.3, 1.8, 1.5}
