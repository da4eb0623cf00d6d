package report

import "bordermark/internal/ipr"

// Kind is how a view is counted and drawn.
type Kind int

const (
	KindCounts   Kind = iota // batches, pieces and value per key: a ranked bar chart
	KindRegions              // provinces with their cities: a ranked table and bars
	KindTrend                // per month, with the change on the month before: a line
	KindRules                // risk rules by confirmed hits
	KindResponse             // right holders' identification response times, hours
	KindTransfer             // transfer-to-police durations per office, days
)

// View is one statistics view: its name in URLs and what it counts.
type View struct {
	Name string
	Dim  ipr.StatsDimension // what count views group by; "" for the others
	Kind Kind
}

// Views lists every view in the order the dashboard links them.
var Views = []View{
	{"origin", ipr.DimProvince, KindRegions},
	{"transport", ipr.DimTransport, KindCounts},
	{"channel", ipr.DimChannel, KindCounts},
	{"category", ipr.DimChapter, KindCounts},
	{"group", ipr.DimGroup, KindCounts},
	{"brand", ipr.DimBrand, KindCounts},
	{"office", ipr.DimOffice, KindCounts},
	{"mode", ipr.DimMode, KindCounts},
	{"trend", ipr.DimMonth, KindTrend},
	{"rules", "", KindRules},
	{"response", "", KindResponse},
	{"transfer", "", KindTransfer},
}

// ViewNamed finds a view by its URL name.
func ViewNamed(name string) (View, bool) {
	for _, v := range Views {
		if v.Name == name {
			return v, true
		}
	}
	return View{}, false
}
