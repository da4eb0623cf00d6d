package enforce

// The demo world. Every name is fictional; the structure follows a real customs
// district and a real brand owners' association.

const (
	demoAssociation = "Brand Owners Protection Association"
	demoAgent       = "Lin & Partners IP Law Firm"
)

var demoOrgs = []NewOrg{
	{Name: "Hangzhou Customs", NameZH: "杭州海关", Kind: "customs_office"},
	{Name: "Wenzhou Customs", NameZH: "温州海关", Kind: "customs_office", Parent: "Hangzhou Customs"},
	{Name: "Yiwu Customs", NameZH: "义乌海关", Kind: "customs_office", Parent: "Hangzhou Customs"},
	{Name: "Hangzhou Postal Customs", NameZH: "杭州邮局海关", Kind: "customs_office", Parent: "Hangzhou Customs"},
	{Name: "Zhejiang Police IP Crime Unit", NameZH: "浙江省公安厅知识产权犯罪侦查总队", Kind: "police_unit"},
	{Name: demoAssociation, NameZH: "品牌保护协会", Kind: "association"},
	{Name: demoAgent, NameZH: "林氏知识产权律师事务所", Kind: "agent"},
	{Name: "Northwind Apparel", NameZH: "北风服饰", Kind: "right_holder"},
	{Name: "Aurelia Maison", NameZH: "奥蕾莉亚", Kind: "right_holder"},
	{Name: "Voltis Electronics", NameZH: "沃尔蒂斯电子", Kind: "right_holder"},
	{Name: "Ferrocar Parts", NameZH: "铁驰汽配", Kind: "right_holder"},
	{Name: "Lumina Beauty", NameZH: "璐米娜美妆", Kind: "right_holder"},
	{Name: "Medora Pharma", NameZH: "美朵制药", Kind: "right_holder"},
	{Name: "Goldfield Foods", NameZH: "金田食品", Kind: "right_holder"},
	{Name: "Chateau Marlowe", NameZH: "马洛酒庄", Kind: "right_holder"},
	{Name: "Tessera Toys", NameZH: "泰塞拉玩具", Kind: "right_holder"},
	{Name: "Ironclad Lubricants", NameZH: "铁甲润滑油", Kind: "right_holder"},
	{Name: "Stellar Cells", NameZH: "星辰电池", Kind: "right_holder"},
	{Name: "Orbis Horlogerie", NameZH: "奥比斯钟表", Kind: "right_holder"},
}

// demoWorkingGroups are the association's 17 industry working groups: English, 中文.
var demoWorkingGroups = [][2]string{
	{"Apparel & Footwear", "服装鞋类"},
	{"Luxury Goods", "奢侈品"},
	{"Electronics", "电子产品"},
	{"Automotive Parts", "汽车零部件"},
	{"Cosmetics & Personal Care", "化妆品与个人护理"},
	{"Pharmaceuticals", "医药"},
	{"Food & Beverages", "食品饮料"},
	{"Wine & Spirits", "葡萄酒与烈酒"},
	{"Tobacco", "烟草"},
	{"Toys & Sports Goods", "玩具与体育用品"},
	{"Lubricants & Chemicals", "润滑油与化工"},
	{"Batteries", "电池"},
	{"Software & Media", "软件与媒体"},
	{"Medical Devices", "医疗器械"},
	{"Agrochemicals", "农药"},
	{"Home Appliances", "家用电器"},
	{"Watches & Jewellery", "钟表珠宝"},
}

var demoAgentClients = []string{"Aurelia Maison", "Lumina Beauty", "Orbis Horlogerie"}

var demoUsers = []NewUser{
	{Email: "officer@yiwu.customs.example", Name: "Chen Jie", Role: "customs_officer", Org: "Yiwu Customs"},
	{Email: "officer@postal.customs.example", Name: "Zhou Min", Role: "customs_officer", Org: "Hangzhou Postal Customs", Lang: "zh"},
	{Email: "supervisor@hangzhou.customs.example", Name: "Wang Li", Role: "customs_supervisor", Org: "Hangzhou Customs"},
	{Email: "brand@northwind.example", Name: "Emma Clarke", Role: "right_holder", Org: "Northwind Apparel"},
	{Email: "brand@aurelia.example", Name: "Claire Dubois", Role: "right_holder", Org: "Aurelia Maison"},
	{Email: "brand@voltis.example", Name: "Sun Hao", Role: "right_holder", Org: "Voltis Electronics"},
	{Email: "brand@ferrocar.example", Name: "Marco Ferri", Role: "right_holder", Org: "Ferrocar Parts"},
	{Email: "brand@lumina.example", Name: "Liu Yang", Role: "right_holder", Org: "Lumina Beauty"},
	{Email: "brand@medora.example", Name: "Anna Weber", Role: "right_holder", Org: "Medora Pharma"},
	{Email: "brand@goldfield.example", Name: "James Hall", Role: "right_holder", Org: "Goldfield Foods"},
	{Email: "brand@marlowe.example", Name: "Julien Marlowe", Role: "right_holder", Org: "Chateau Marlowe"},
	{Email: "brand@tessera.example", Name: "Nina Rossi", Role: "right_holder", Org: "Tessera Toys"},
	{Email: "brand@ironclad.example", Name: "Peter Novak", Role: "right_holder", Org: "Ironclad Lubricants"},
	{Email: "brand@stellar.example", Name: "Kim Soo-jin", Role: "right_holder", Org: "Stellar Cells"},
	{Email: "brand@orbis.example", Name: "Lukas Meier", Role: "right_holder", Org: "Orbis Horlogerie"},
	{Email: "counsel@linpartners.example", Name: "Lin Wei", Role: "agent", Org: demoAgent},
	{Email: "investigator@zhejiang.police.example", Name: "Zhang Qiang", Role: "police", Org: "Zhejiang Police IP Crime Unit"},
	{Email: "secretariat@association.example", Name: "Xu Ping", Role: "association_admin", Org: demoAssociation},
	{Email: "admin@bordermark.example", Name: "System Administrator", Role: "system_admin", Org: "Hangzhou Customs"},
}
