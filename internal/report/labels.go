package report

import (
	"fmt"
	"strings"

	"bordermark/internal/ipr"
)

// Lang is a report language: "en" or "zh".
type Lang string

const (
	EN Lang = "en"
	ZH Lang = "zh"
)

// Pair is a text in both report languages.
type Pair struct{ EN, ZH string }

// In is the text in lang; English for any language but Chinese.
func (p Pair) In(lang Lang) string {
	if lang == ZH {
		return p.ZH
	}
	return p.EN
}

// words are the headings and units every table and chart uses.
var words = map[string]Pair{
	"batches":          {"Batches", "批次"},
	"pieces":           {"Pieces", "件数"},
	"value":            {"Value", "货值"},
	"month":            {"Month", "月份"},
	"change":           {"Change (%)", "环比(%)"},
	"yoy":              {"Change on previous year (%)", "同比(%)"},
	"share":            {"Share (%)", "占比(%)"},
	"rule":             {"Risk rule", "风险规则"},
	"flagged":          {"Declarations flagged", "布控命中报关单"},
	"cases":            {"Cases opened", "立案数"},
	"confirmed":        {"Confirmed infringing", "确认侵权"},
	"precision":        {"Precision (%)", "准确率(%)"},
	"count":            {"Measured", "样本数"},
	"median":           {"Median", "中位数"},
	"p90":              {"90th percentile", "90分位"},
	"hours":            {"hours", "小时"},
	"days":             {"days", "天"},
	"stage.answer":     {"Answer", "答复"},
	"stage.approval":   {"Approval", "审批"},
	"stage.sending":    {"Sending", "移送"},
	"stage.acceptance": {"Acceptance", "受理"},
	"province":         {"Province", "省份"},
	"city":             {"City", "城市"},
	"channel":          {"Channel", "渠道"},
	"transport":        {"Transport mode", "运输方式"},
	"chapter":          {"Product line (HS chapter)", "商品类别（HS章）"},
	"group":            {"Working group", "工作组"},
	"brand":            {"Brand", "品牌"},
	"office":           {"Customs office", "海关"},
	"mode":             {"Protection mode", "保护模式"},
	"holder":           {"Right holder", "权利人"},
	"total":            {"Total", "合计"},
	"other":            {"Other", "其他"},
	"none":             {"No detentions match.", "没有符合条件的扣留数据。"},
}

// Word is the heading or unit key in lang; the key itself when unknown, so a gap shows.
func Word(lang Lang, key string) string {
	if p, ok := words[key]; ok {
		return p.In(lang)
	}
	return key
}

// values name the codes statistics group by, per dimension.
var values = map[ipr.StatsDimension]map[string]Pair{
	ipr.DimChannel: {
		"general":   {"General trade", "一般贸易"},
		"ecommerce": {"Cross-border e-commerce", "跨境电商"},
		"postal":    {"Postal", "邮递"},
		"express":   {"Express", "快件"},
	},
	ipr.DimTransport: {
		"post":    {"Post", "邮路"},
		"express": {"Express", "快递"},
		"air":     {"Air", "空运"},
		"sea":     {"Sea", "海运"},
		"road":    {"Road", "公路"},
		"rail":    {"Rail", "铁路"},
	},
	ipr.DimMode: {
		"ex_officio":     {"Ex officio", "依职权保护"},
		"on_application": {"On application", "依申请保护"},
	},
	ipr.DimProvince: {
		"CN-ZJ": {"Zhejiang", "浙江"}, "CN-FJ": {"Fujian", "福建"}, "CN-GD": {"Guangdong", "广东"},
		"CN-JS": {"Jiangsu", "江苏"}, "CN-SH": {"Shanghai", "上海"}, "CN-SD": {"Shandong", "山东"},
		"CN-HE": {"Hebei", "河北"}, "CN-BJ": {"Beijing", "北京"}, "CN-TJ": {"Tianjin", "天津"},
		"CN-HA": {"Henan", "河南"}, "CN-HB": {"Hubei", "湖北"}, "CN-HN": {"Hunan", "湖南"},
		"CN-JX": {"Jiangxi", "江西"}, "CN-AH": {"Anhui", "安徽"}, "CN-SC": {"Sichuan", "四川"},
		"CN-GX": {"Guangxi", "广西"}, "CN-YN": {"Yunnan", "云南"}, "CN-LN": {"Liaoning", "辽宁"},
	},
	ipr.DimCity: {
		"CN-ZJ-Yiwu": {"Yiwu", "义乌"}, "CN-ZJ-Wenzhou": {"Wenzhou", "温州"}, "CN-ZJ-Hangzhou": {"Hangzhou", "杭州"},
		"CN-ZJ-Ningbo": {"Ningbo", "宁波"}, "CN-ZJ-Jinhua": {"Jinhua", "金华"}, "CN-FJ-Putian": {"Putian", "莆田"},
		"CN-FJ-Jinjiang": {"Jinjiang", "晋江"}, "CN-FJ-Quanzhou": {"Quanzhou", "泉州"}, "CN-FJ-Xiamen": {"Xiamen", "厦门"},
		"CN-GD-Guangzhou": {"Guangzhou", "广州"}, "CN-GD-Shenzhen": {"Shenzhen", "深圳"}, "CN-GD-Dongguan": {"Dongguan", "东莞"},
		"CN-GD-Shantou": {"Shantou", "汕头"},
	},
	ipr.DimChapter: chapters,
}

// chapters name the HS chapters counterfeits are most often found in.
var chapters = map[string]Pair{
	"22": {"Beverages and spirits", "饮料、酒及醋"}, "24": {"Tobacco", "烟草"},
	"30": {"Pharmaceutical products", "药品"}, "33": {"Perfumery and cosmetics", "香料及化妆品"},
	"34": {"Soap and detergents", "肥皂及洗涤剂"}, "38": {"Chemical products", "杂项化学产品"},
	"39": {"Plastics", "塑料及其制品"}, "40": {"Rubber", "橡胶及其制品"},
	"42": {"Leather goods and bags", "皮革制品及箱包"}, "48": {"Paper", "纸及纸制品"},
	"49": {"Printed matter", "印刷品"}, "61": {"Knitted apparel", "针织服装"},
	"62": {"Woven apparel", "非针织服装"}, "63": {"Other textile articles", "其他纺织制成品"},
	"64": {"Footwear", "鞋靴"}, "65": {"Headgear", "帽类"},
	"66": {"Umbrellas", "伞"}, "69": {"Ceramics", "陶瓷产品"},
	"70": {"Glassware", "玻璃及其制品"}, "71": {"Jewellery", "珠宝首饰"},
	"73": {"Articles of iron or steel", "钢铁制品"}, "82": {"Tools and cutlery", "工具及刀具"},
	"84": {"Machinery", "机械器具"}, "85": {"Electrical and electronic equipment", "电机电气设备"},
	"87": {"Vehicles and parts", "车辆及零件"}, "90": {"Optical and medical instruments", "光学医疗仪器"},
	"91": {"Watches and clocks", "钟表"}, "94": {"Furniture and lamps", "家具灯具"},
	"95": {"Toys, games and sports goods", "玩具、游戏及运动用品"}, "96": {"Miscellaneous manufactured articles", "杂项制品"},
}

// ValueLabel names a key of dim in lang: from the vocabulary when known, else
// the label the figures came with, else the key. HS chapters not in the list
// read "Chapter 45" / "第45章".
func ValueLabel(lang Lang, dim ipr.StatsDimension, key, label string) string {
	if p, ok := values[dim][key]; ok {
		return p.In(lang)
	}
	if dim == ipr.DimChapter && len(key) == 2 && strings.Trim(key, "0123456789") == "" {
		if lang == ZH {
			return fmt.Sprintf("第%s章", key)
		}
		return "Chapter " + key
	}
	if label != "" {
		return label
	}
	return key
}

// RowLabel names a row of dim in lang: the vocabulary's name for a known code,
// else the Chinese label the figures came with (in Chinese), else their label.
func RowLabel(lang Lang, dim ipr.StatsDimension, r ipr.StatsRow) string {
	if _, known := values[dim][r.Key]; !known && lang == ZH && r.LabelZH != "" {
		return r.LabelZH
	}
	return ValueLabel(lang, dim, r.Key, r.Label)
}

// OptionLabel names a filter choice in lang, as RowLabel names a row.
func OptionLabel(lang Lang, dim ipr.StatsDimension, o ipr.StatsOption) string {
	return RowLabel(lang, dim, ipr.StatsRow{Key: o.Key, Label: o.Label, LabelZH: o.LabelZH})
}
