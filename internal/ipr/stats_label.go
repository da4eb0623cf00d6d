package ipr

import (
	"strconv"
	"strings"
)

// The names statistics give their coded keys, in English and Chinese. The
// service labels every row with them; charts and exports only choose the language.

// StatsLabel names a key of a coded dimension: channels, transports, modes,
// regions, HS chapters and months. Other dimensions (offices, groups, brands)
// are named from the database; for them, and for unknown codes, the key names itself.
func StatsLabel(dim StatsDimension, key string) (en, zh string) {
	switch {
	case key == "":
		return "Unknown", "未知"
	case dim == DimProvince || dim == DimCity:
		return RegionLabel(key)
	case dim == DimChapter:
		return ChapterLabel(key)
	case dim == DimMonth:
		return key, monthZH(key)
	}
	if n, ok := codeNames[dim][key]; ok {
		return n[0], n[1]
	}
	return key, key
}

// codeNames name the codes of channels, transports and modes.
var codeNames = map[StatsDimension]map[string][2]string{
	DimChannel: {"general": {"General trade", "一般贸易"}, "ecommerce": {"Cross-border e-commerce", "跨境电商"},
		"postal": {"Postal", "邮递"}, "express": {"Express", "快件"}},
	DimTransport: {"post": {"Post", "邮路"}, "express": {"Express", "快递"}, "air": {"Air", "空运"},
		"sea": {"Sea", "海运"}, "road": {"Road", "公路"}, "rail": {"Rail", "铁路"}},
	DimMode: {string(ModeExOfficio): {"Ex officio", "依职权保护"}, string(ModeOnApplication): {"On application", "依申请保护"}},
}

// monthZH writes a month key "2026-03" the Chinese way: 2026年3月.
func monthZH(key string) string {
	year, month, ok := strings.Cut(key, "-")
	m, err := strconv.Atoi(month)
	if !ok || err != nil {
		return key
	}
	return year + "年" + strconv.Itoa(m) + "月"
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

// CityLabel names a city key "CN-ZJ-Yiwu" by the city alone: Yiwu, 义乌.
func CityLabel(key string) (en, zh string) {
	parts := strings.SplitN(key, "-", 3)
	if len(parts) < 3 {
		return RegionLabel(key)
	}
	city := parts[2]
	if n, ok := cityNames[city]; ok {
		return city, n
	}
	return city, city
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

// chapterNames name the HS chapters counterfeits are most often found in.
var chapterNames = map[string][2]string{
	"04": {"Dairy products", "乳制品"}, "22": {"Beverages and wines", "饮料及酒"}, "24": {"Tobacco", "烟草"},
	"27": {"Mineral oils and lubricants", "矿物油及润滑油"}, "30": {"Pharmaceuticals", "药品"}, "33": {"Cosmetics and perfumery", "化妆品及香料"},
	"34": {"Soap and detergents", "肥皂及洗涤剂"}, "38": {"Chemical products", "杂项化学产品"}, "39": {"Plastics", "塑料及其制品"},
	"40": {"Rubber", "橡胶及其制品"}, "42": {"Bags and leather goods", "箱包及皮革制品"}, "48": {"Paper", "纸及纸制品"},
	"49": {"Printed matter", "印刷品"}, "61": {"Knitted apparel", "针织服装"}, "62": {"Woven apparel", "非针织服装"},
	"63": {"Other textile articles", "其他纺织制成品"}, "64": {"Footwear", "鞋靴"}, "65": {"Headgear", "帽类"},
	"66": {"Umbrellas", "伞"}, "69": {"Ceramics", "陶瓷产品"}, "70": {"Glassware", "玻璃及其制品"},
	"71": {"Jewellery", "珠宝首饰"}, "73": {"Articles of iron or steel", "钢铁制品"}, "82": {"Tools and cutlery", "工具及刀具"},
	"84": {"Machinery and parts", "机械器具"}, "85": {"Electrical and electronic goods", "电子电器"}, "87": {"Vehicle parts", "车辆零件"},
	"90": {"Optical goods", "光学制品"}, "91": {"Watches and clocks", "钟表"}, "94": {"Furniture and lamps", "家具灯具"},
	"95": {"Toys and sports goods", "玩具及运动用品"}, "96": {"Miscellaneous manufactured articles", "杂项制品"},
}
