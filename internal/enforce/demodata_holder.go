package enforce

import "bordermark/internal/ipr"

// The holder-side demo data: whom customs call, whom holders suspect, who meets in
// which working group, and who may ship the brands. Every name, number and address is fictional.

type demoContact struct {
	holder  string
	contact ipr.Contact
}

const (
	officeHours = "Mon–Fri 09:00–18:00 CST"
	alwaysOn    = "24/7 for detentions"
)

var demoContacts = []demoContact{
	{"Northwind Apparel", ipr.Contact{Name: "Grace Lin", Title: "Brand Protection Manager, Greater China", Phone: "+86 21 5550 1201", Email: "grace.lin@northwind.example", Languages: "中文, English", Hours: officeHours}},
	{"Northwind Apparel", ipr.Contact{Name: "Oliver Grant", Title: "Head of Legal", Phone: "+44 20 7946 0101", Email: "oliver.grant@northwind.example", Languages: "English", Hours: alwaysOn, Escalation: true}},
	{"Aurelia Maison", ipr.Contact{Name: "Camille Laurent", Title: "Brand Protection Director", Phone: "+33 1 5550 1234", Email: "camille.laurent@aurelia.example", Languages: "Français, English", Hours: "Mon–Fri 09:00–18:00 CET"}},
	{"Aurelia Maison", ipr.Contact{Name: "Wu Fang", Title: "China IP Counsel", Phone: "+86 21 5550 2202", Email: "wu.fang@aurelia.example", Languages: "中文, English", Hours: alwaysOn, Escalation: true}},
	{"Voltis Electronics", ipr.Contact{Name: "Zhao Lei", Title: "Anti-counterfeiting Engineer", Phone: "+86 755 5550 3301", Email: "zhao.lei@voltis.example", Languages: "中文, English", Hours: officeHours}},
	{"Voltis Electronics", ipr.Contact{Name: "Hannah Berg", Title: "Global IP Enforcement Lead", Phone: "+49 89 5550 3302", Email: "hannah.berg@voltis.example", Languages: "English, Deutsch", Hours: "Mon–Fri 08:00–17:00 CET", Escalation: true}},
	{"Ferrocar Parts", ipr.Contact{Name: "Giulia Conti", Title: "Parts Authentication Specialist", Phone: "+39 011 555 4401", Email: "giulia.conti@ferrocar.example", Languages: "Italiano, English", Hours: "Mon–Fri 08:30–17:30 CET"}},
	{"Ferrocar Parts", ipr.Contact{Name: "Tang Wei", Title: "Legal Manager, China", Phone: "+86 571 5550 4402", Email: "tang.wei@ferrocar.example", Languages: "中文, English", Hours: alwaysOn, Escalation: true}},
	{"Lumina Beauty", ipr.Contact{Name: "Sophie Martin", Title: "Product Security Manager", Phone: "+33 4 5550 5501", Email: "sophie.martin@lumina.example", Languages: "Français, English", Hours: "Mon–Fri 09:00–17:00 CET"}},
	{"Lumina Beauty", ipr.Contact{Name: "He Jing", Title: "IP Counsel, Asia Pacific", Phone: "+86 20 5550 5502", Email: "he.jing@lumina.example", Languages: "中文, English", Hours: alwaysOn, Escalation: true}},
	{"Medora Pharma", ipr.Contact{Name: "Lukas Brandt", Title: "Product Integrity Officer", Phone: "+49 30 5550 6601", Email: "lukas.brandt@medora.example", Languages: "Deutsch, English", Hours: "Mon–Fri 08:00–18:00 CET"}},
	{"Medora Pharma", ipr.Contact{Name: "Qian Yu", Title: "Pharmacovigilance and Anti-counterfeit Lead, China", Phone: "+86 10 5550 6602", Email: "qian.yu@medora.example", Languages: "中文, English", Hours: alwaysOn, Escalation: true}},
	{"Goldfield Foods", ipr.Contact{Name: "Sarah Mitchell", Title: "Brand Integrity Manager", Phone: "+61 2 5550 7701", Email: "sarah.mitchell@goldfield.example", Languages: "English", Hours: "Mon–Fri 09:00–17:00 AEST"}},
	{"Goldfield Foods", ipr.Contact{Name: "Huang Min", Title: "Regional Legal Counsel", Phone: "+86 571 5550 7702", Email: "huang.min@goldfield.example", Languages: "中文, English", Hours: officeHours, Escalation: true}},
	{"Chateau Marlowe", ipr.Contact{Name: "Antoine Girard", Title: "Export and Authenticity Manager", Phone: "+33 5 5550 8801", Email: "antoine.girard@marlowe.example", Languages: "Français, English", Hours: "Mon–Fri 09:00–18:00 CET"}},
	{"Chateau Marlowe", ipr.Contact{Name: "Li Na", Title: "China Market Director", Phone: "+86 21 5550 8802", Email: "li.na@marlowe.example", Languages: "中文, Français, English", Hours: alwaysOn, Escalation: true}},
	{"Tessera Toys", ipr.Contact{Name: "Marta Bianchi", Title: "Brand Protection Analyst", Phone: "+39 02 5550 9901", Email: "marta.bianchi@tessera.example", Languages: "Italiano, English", Hours: "Mon–Fri 09:00–18:00 CET"}},
	{"Tessera Toys", ipr.Contact{Name: "Xu Tao", Title: "Sourcing and Compliance Manager, Yiwu", Phone: "+86 579 5550 9902", Email: "xu.tao@tessera.example", Languages: "中文", Hours: alwaysOn, Escalation: true}},
	{"Ironclad Lubricants", ipr.Contact{Name: "Tomas Dvorak", Title: "Technical Authentication Lead", Phone: "+420 2 5550 1001", Email: "tomas.dvorak@ironclad.example", Languages: "Čeština, English", Hours: "Mon–Fri 08:00–16:30 CET"}},
	{"Ironclad Lubricants", ipr.Contact{Name: "Feng Jun", Title: "Legal Affairs Manager, Ningbo", Phone: "+86 574 5550 1002", Email: "feng.jun@ironclad.example", Languages: "中文, English", Hours: alwaysOn, Escalation: true}},
	{"Stellar Cells", ipr.Contact{Name: "Park Ji-woo", Title: "Quality and Brand Protection Manager", Phone: "+82 2 5550 1101", Email: "park.jiwoo@stellar.example", Languages: "한국어, English", Hours: "Mon–Fri 09:00–18:00 KST"}},
	{"Stellar Cells", ipr.Contact{Name: "Ma Lin", Title: "China Enforcement Counsel", Phone: "+86 769 5550 1102", Email: "ma.lin@stellar.example", Languages: "中文, English, 한국어", Hours: alwaysOn, Escalation: true}},
	{"Orbis Horlogerie", ipr.Contact{Name: "Elena Huber", Title: "Authentication Watchmaker", Phone: "+41 32 555 1201", Email: "elena.huber@orbis.example", Languages: "Deutsch, Français, English", Hours: "Mon–Fri 08:00–17:00 CET"}},
	{"Orbis Horlogerie", ipr.Contact{Name: "Chen Yu", Title: "Asia IP Counsel", Phone: "+852 5550 1202", Email: "chen.yu@orbis.example", Languages: "中文, 粵語, English", Hours: alwaysOn, Escalation: true}},
}

type demoInfringer struct {
	holder    string
	infringer ipr.Infringer
}

var demoInfringers = []demoInfringer{
	{"Northwind Apparel", ipr.Infringer{Kind: ipr.InfringerManufacturer, Name: "Jinhua Fuxing Garment Workshop",
		Address: "No. 18 Gongye Road, Jinhua, Zhejiang",
		Evidence: "Test purchase in May: 40 down jackets with copied NORTHWIND labels and swing tags. " +
			"The same workshop was named by the consignors of two earlier seizures at Ningbo."}},
	{"Northwind Apparel", ipr.Infringer{Kind: ipr.InfringerExporter, Name: "Everbright Trading Co. (Yiwu)",
		Address: "Unit 5, District 4, International Trade City, Yiwu", Route: "Yiwu → Ningbo port → Jebel Ali",
		Evidence: "Declares \"outdoor clothing, no brand\"; three containers since January, all to one consignee in Dubai."}},
	{"Northwind Apparel", ipr.Infringer{Kind: ipr.InfringerRoute, Name: "Small-parcel consolidation via Hangzhou postal office",
		Route:    "Yiwu consolidators → Hangzhou postal office → Central Europe",
		Evidence: "Parcels of 1–3 jackets declared as gifts; sender names change weekly but the return address stays the same."}},
	{"Aurelia Maison", ipr.Infringer{Kind: ipr.InfringerExporter, Name: "Golden Bridge Handbag Trading",
		Address:  "Room 1203, Block B, Baiyun Leather Market, Guangzhou",
		Evidence: "Sells AURELIA handbags at a tenth of retail on social media; our test purchase failed authentication on stitching and lining."}},
	{"Aurelia Maison", ipr.Infringer{Kind: ipr.InfringerConsignee, Name: "Maison Luxe Import LLC",
		Address:  "Warehouse 7, Al Quoz Industrial Area 3, Dubai",
		Evidence: "Consignee of two detained shipments of handbags and scarves; not an authorised distributor."}},
	{"Voltis Electronics", ipr.Infringer{Kind: ipr.InfringerManufacturer, Name: "Shenzhen Powerlink Electronics Factory",
		Address:  "Building 3, Xinsheng Industrial Park, Longgang, Shenzhen",
		Evidence: "Makes chargers with the VOLTIS logo and a forged certification mark; samples overheated in our lab."}},
	{"Voltis Electronics", ipr.Infringer{Kind: ipr.InfringerRoute, Name: "Air cargo via Hong Kong",
		Route:    "Shenzhen → Hong Kong → Lagos (air cargo)",
		Evidence: "Declared as \"power adapters, generic\"; the consignee changes each month."}},
}

// demoMemberships are right holder, working group pairs.
var demoMemberships = [][2]string{
	{"Northwind Apparel", "Apparel & Footwear"},
	{"Aurelia Maison", "Luxury Goods"},
	{"Aurelia Maison", "Watches & Jewellery"},
	{"Voltis Electronics", "Electronics"},
	{"Ferrocar Parts", "Automotive Parts"},
	{"Lumina Beauty", "Cosmetics & Personal Care"},
	{"Medora Pharma", "Pharmaceuticals"},
	{"Goldfield Foods", "Food & Beverages"},
	{"Chateau Marlowe", "Wine & Spirits"},
	{"Tessera Toys", "Toys & Sports Goods"},
	{"Ironclad Lubricants", "Lubricants & Chemicals"},
	{"Stellar Cells", "Batteries"},
	{"Orbis Horlogerie", "Watches & Jewellery"},
}

// demoProblems are the common problems some groups report: group, text.
var demoProblems = [][2]string{
	{"Apparel & Footwear", "Counterfeit sportswear leaves Yiwu in small parcels declared as gifts, 1–3 pieces each, which stays under the value that triggers a case.\n" +
		"Labels and swing tags are shipped separately from unbranded garments and attached in the destination country."},
	{"Luxury Goods", "Handbags are declared as \"bags, no brand\" with the logo covered by a removable sticker.\n" +
		"Sellers use social media and ship each order separately, so each parcel looks like a personal shipment."},
	{"Electronics", "Chargers and power banks carry forged certification marks as well as our logos; they are a fire risk, not only an IP problem.\n" +
		"Shipments are split between air cargo via Hong Kong and postal parcels."},
	{"Pharmaceuticals", "Fake medicines arrive as \"food supplements\" in unmarked blister packs; the cartons follow in a separate shipment.\n" +
		"We ask officers to call the escalation contact at once: identification of medicines is urgent for public health."},
	{"Watches & Jewellery", "Watches are shipped without cases and dials are printed after export; parts alone rarely show the mark.\n" +
		"Members share serial-number ranges so that officers can check a number on the spot."},
}

type demoParty struct {
	ref   string
	party ipr.Party
}

var demoParties = []demoParty{
	{"DEMO-NORTHWIND", ipr.Party{Role: ipr.PartyExporter, Name: "Northwind Apparel (Ningbo) Trading Co., Ltd.", Address: "88 Zhongshan East Road, Haishu District, Ningbo", RegCode: "91330203MA2H7N1X3K"}},
	{"DEMO-NORTHWIND", ipr.Party{Role: ipr.PartyManufacturer, Name: "Ningbo Seaview Garment Co., Ltd.", Address: "12 Binhai Road, Beilun District, Ningbo", RegCode: "91330206MA2J4K8P1Q"}},
	{"DEMO-AURELIA", ipr.Party{Role: ipr.PartyExporter, Name: "Aurelia Maison Asia Ltd.", Address: "Suite 2801, 1 Harbour Road, Wan Chai, Hong Kong", RegCode: "HK-BR-61823547"}},
	{"DEMO-AURELIA", ipr.Party{Role: ipr.PartyManufacturer, Name: "Guangzhou Fine Leather Works Co., Ltd.", Address: "6 Huangpu Avenue West, Tianhe District, Guangzhou", RegCode: "91440101MA5CXR2L7D"}},
	{"DEMO-VOLTIS", ipr.Party{Role: ipr.PartyExporter, Name: "Voltis Electronics (Shenzhen) Co., Ltd.", Address: "18 Keji South Road, Nanshan District, Shenzhen", RegCode: "91440300MA5F2V9T4W"}},
	{"DEMO-VOLTIS", ipr.Party{Role: ipr.PartyManufacturer, Name: "Dongguan Voltis Precision Manufacturing Co., Ltd.", Address: "3 Songshan Lake Road, Dongguan", RegCode: "91441900MA4W8H3E6N"}},
	{"DEMO-LUMINA", ipr.Party{Role: ipr.PartyExporter, Name: "Lumina Beauty (Shanghai) Trading Co., Ltd.", Address: "1000 Century Avenue, Pudong New Area, Shanghai", RegCode: "91310115MA1K3Q7R2B"}},
	{"DEMO-LUMINA", ipr.Party{Role: ipr.PartyManufacturer, Name: "Suzhou Lumina Cosmetics Manufacturing Co., Ltd.", Address: "25 Xinghu Street, Suzhou Industrial Park", RegCode: "91320594MA1T6Y4C8F"}},
	{"DEMO-ORBIS", ipr.Party{Role: ipr.PartyExporter, Name: "Orbis Horlogerie (Hong Kong) Ltd.", Address: "Unit 1602, 9 Queen's Road Central, Hong Kong", RegCode: "HK-BR-70451296"}},
	{"DEMO-ORBIS", ipr.Party{Role: ipr.PartyManufacturer, Name: "Orbis Manufacture SA", Address: "Rue des Artisans 4, 2400 Le Locle, Switzerland", RegCode: "CHE-123.456.789"}},
}
