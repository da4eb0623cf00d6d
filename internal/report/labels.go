package report

import "bordermark/internal/ipr"

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

// ValueLabel names a key of dim in lang with the domain's names (ipr.StatsLabel);
// label, when given, is the name the figures came with and wins.
func ValueLabel(lang Lang, dim ipr.StatsDimension, key, label string) string {
	en, zh := ipr.StatsLabel(dim, key)
	if label != "" {
		en, zh = label, label
	}
	return Pair{en, zh}.In(lang)
}

// RowLabel names a row of dim in lang: the names the service gave it, else the
// domain's names for its key.
func RowLabel(lang Lang, dim ipr.StatsDimension, r ipr.StatsRow) string {
	if lang == ZH && r.LabelZH != "" {
		return r.LabelZH
	}
	if r.Label != "" {
		return r.Label
	}
	return ValueLabel(lang, dim, r.Key, "")
}

// OptionLabel names a filter choice in lang, as RowLabel names a row.
func OptionLabel(lang Lang, dim ipr.StatsDimension, o ipr.StatsOption) string {
	return RowLabel(lang, dim, ipr.StatsRow{Key: o.Key, Label: o.Label, LabelZH: o.LabelZH})
}
