package ipr

import (
	"strings"
	"time"
)

// StatsDimension is what a statistics view groups detentions by.
type StatsDimension string

const (
	DimProvince  StatsDimension = "province"  // origin province: the regional character of counterfeit exports
	DimCity      StatsDimension = "city"      // origin city, within a province when the filter names one
	DimTransport StatsDimension = "transport" // post, express, air, sea, road, rail
	DimChannel   StatsDimension = "channel"   // cross-border e-commerce, postal, express, general trade
	DimChapter   StatsDimension = "chapter"   // HS chapter (first two digits) of the goods
	DimGroup     StatsDimension = "group"     // the association's working group of the brand
	DimBrand     StatsDimension = "brand"     // the recorded mark concerned
	DimOffice    StatsDimension = "office"    // the customs office that detained the goods
	DimMode      StatsDimension = "mode"      // ex officio or on application
	DimMonth     StatsDimension = "month"     // the monthly trend
)

// StatsDimensions lists every dimension in the order dashboards show them.
var StatsDimensions = []StatsDimension{DimProvince, DimCity, DimTransport, DimChannel, DimChapter,
	DimGroup, DimBrand, DimOffice, DimMode, DimMonth}

// StatsFilter selects the detentions a view counts. Zero fields select everything.
type StatsFilter struct {
	From, To    time.Time // months, From inclusive and To exclusive, in UTC
	Profile     Profile   // the law cases were worked under; values are summed in its currency (CN when empty)
	Office      string
	Channel     string
	Transport   string
	GroupID     int64
	Brand       string
	Province    string // narrows the city view to one province
	HolderOrgID int64  // set by the service for right holders and agents: only their own brands
}

// StatsRow is one bar or line point of a view: detentions counted in
// batches (cases), pieces and value.
type StatsRow struct {
	Key     string // stable key for links and filters (a code, an id or a month "2026-03")
	Label   string // what a reader sees
	LabelZH string // the same in Chinese where the data has it (regions, offices, groups); else ""
	Batches int64
	Pieces  int64
	Value   Money // minor units of the profile's currency
}

// StatsRuleRow is one risk rule in the "top rules by confirmed hits" view.
type StatsRuleRow struct {
	RuleID    int64
	Name      string
	Flagged   int64   // declarations the rule flagged
	Cases     int64   // cases opened on them
	Confirmed int64   // cases determined infringing
	Precision float64 // Confirmed / Flagged, 0 when nothing was flagged
}

// StatsSpread is the spread of one duration: how many were measured, the
// median and the 90th percentile, in the unit its row says.
type StatsSpread struct {
	Count  int64
	Median float64
	P90    float64
}

// StatsSpreadRow is one line of a durations view: identification response
// times per right holder (hours), or transfer stages per office (days).
type StatsSpreadRow struct {
	Key     string // holder org id or office
	Label   string
	LabelZH string
	// Stages holds one spread per stage in the order of the view's StatsStages:
	// one stage ("answer") for response times; "approval", "sending" and
	// "acceptance" for transfers.
	Stages []StatsSpread
}

// Stage names of the durations views, in the order StatsSpreadRow.Stages holds them.
var (
	StatsResponseStages = []string{"answer"}                            // hours from request to answer
	StatsTransferStages = []string{"approval", "sending", "acceptance"} // days proposal→approval→sending→acceptance
)

// StatsOption is one value of a filter drop-down.
type StatsOption struct {
	Key     string // the filter value (an id as text for groups and holders)
	Label   string
	LabelZH string // "" where the data has no Chinese name
}

// StatsOptions holds the values the filter drop-downs offer.
type StatsOptions struct {
	Offices    []StatsOption
	Channels   []StatsOption
	Transports []StatsOption
	Groups     []StatsOption
	Brands     []StatsOption
	Provinces  []StatsOption
	Profiles   []StatsOption
	Holders    []StatsOption // whose figures the viewer may choose: an agent's clients, a holder itself; every holder for customs
	Months     []string      // "2026-03", ascending: the months that have data
}

// OriginRegion splits a declaration's origin "CN-ZJ-Yiwu" (country, province,
// city) into the province key "CN-ZJ" and the city key "CN-ZJ-Yiwu" the
// statistics group by. A shorter origin repeats what it has: "VN" is both.
func OriginRegion(origin string) (province, city string) {
	parts := strings.SplitN(strings.TrimSpace(origin), "-", 3)
	if parts[0] == "" {
		return "", ""
	}
	province = strings.ToUpper(parts[0])
	if len(parts) > 1 {
		province += "-" + strings.ToUpper(parts[1])
	}
	city = province
	if len(parts) > 2 {
		city += "-" + parts[2]
	}
	return province, city
}

// HSChapter is the chapter of an HS code: its first two digits, "" without them.
func HSChapter(code string) string {
	code = strings.TrimSpace(code)
	if len(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return ""
	}
	return code[:2]
}
