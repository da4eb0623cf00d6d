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

// RegionLabel names a province or city key in English and Chinese: known
// provinces and cities by name, others by their code.
func RegionLabel(key string) (en, zh string) {
	if key == "" {
		return "Unknown", "未知"
	}
	if n, ok := regionNames[key]; ok {
		return n[0], n[1]
	}
	province, city, isCity := strings.Cut(key, "-")
	if isCity {
		if i := strings.Index(city, "-"); i >= 0 {
			province, city = province+"-"+city[:i], city[i+1:]
			pen, pzh := RegionLabel(province)
			zh := city
			if n, ok := cityNames[city]; ok {
				zh = n
			}
			return city + ", " + pen, pzh + zh
		}
	}
	return key, key
}

// regionNames are the provinces of ISO 3166-2:CN and other origins seen at the border.
var regionNames = map[string][2]string{
	"CN-ZJ": {"Zhejiang", "浙江"}, "CN-FJ": {"Fujian", "福建"}, "CN-GD": {"Guangdong", "广东"},
	"CN-JS": {"Jiangsu", "江苏"}, "CN-SH": {"Shanghai", "上海"}, "CN-SD": {"Shandong", "山东"},
	"CN-HE": {"Hebei", "河北"}, "CN-HA": {"Henan", "河南"}, "CN-AH": {"Anhui", "安徽"},
	"CN-JX": {"Jiangxi", "江西"}, "CN-HB": {"Hubei", "湖北"}, "CN-HN": {"Hunan", "湖南"},
	"CN-SC": {"Sichuan", "四川"}, "CN-BJ": {"Beijing", "北京"}, "CN-TJ": {"Tianjin", "天津"},
	"CN-LN": {"Liaoning", "辽宁"}, "CN-GX": {"Guangxi", "广西"}, "CN-CQ": {"Chongqing", "重庆"},
	"CN": {"China (province unknown)", "中国（省份不详）"}, "HK": {"Hong Kong", "香港"},
	"VN": {"Vietnam", "越南"}, "TR": {"Türkiye", "土耳其"}, "TH": {"Thailand", "泰国"},
}

// cityNames are the Chinese names of the cities counterfeit exports come from most.
var cityNames = map[string]string{
	"Yiwu": "义乌", "Wenzhou": "温州", "Hangzhou": "杭州", "Ningbo": "宁波", "Taizhou": "台州",
	"Putian": "莆田", "Jinjiang": "晋江", "Quanzhou": "泉州", "Xiamen": "厦门", "Fuzhou": "福州",
	"Guangzhou": "广州", "Shenzhen": "深圳", "Dongguan": "东莞", "Shantou": "汕头", "Foshan": "佛山",
	"Suzhou": "苏州", "Shanghai": "上海", "Linyi": "临沂", "Baigou": "白沟", "Changsha": "长沙",
	"Chengdu": "成都", "Nanchang": "南昌",
}

// HSChapter is the chapter of an HS code: its first two digits, "" without them.
func HSChapter(code string) string {
	code = strings.TrimSpace(code)
	if len(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return ""
	}
	return code[:2]
}

// ChapterLabel names an HS chapter in English and Chinese.
func ChapterLabel(ch string) (en, zh string) {
	if n, ok := chapterNames[ch]; ok {
		return ch + " " + n[0], ch + " " + n[1]
	}
	if ch == "" {
		return "Unknown", "未知"
	}
	return "Chapter " + ch, "第" + ch + "章"
}

var chapterNames = map[string][2]string{
	"33": {"Cosmetics and perfumery", "化妆品及香料"}, "30": {"Pharmaceuticals", "药品"},
	"42": {"Bags and leather goods", "箱包及皮革制品"}, "61": {"Knitted apparel", "针织服装"},
	"62": {"Woven apparel", "非针织服装"}, "64": {"Footwear", "鞋靴"}, "71": {"Jewellery", "珠宝首饰"},
	"84": {"Machinery and parts", "机械器具"}, "85": {"Electrical and electronic goods", "电子电器"},
	"87": {"Vehicle parts", "车辆零件"}, "91": {"Watches and clocks", "钟表"}, "95": {"Toys and sports goods", "玩具及运动用品"},
	"27": {"Mineral oils and lubricants", "矿物油及润滑油"}, "22": {"Beverages and wines", "饮料及酒"},
	"04": {"Dairy products", "乳制品"}, "65": {"Headgear", "帽类"}, "90": {"Optical goods", "光学制品"},
}
