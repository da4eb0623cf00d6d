package enforce

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
	"bordermark/internal/store"
)

// The demo's screening: a month of declarations through the district's
// offices, some of them carrying the demo marks in the disguises counterfeiters
// use, the rest ordinary goods; three risk rules; and a few decisions already taken.

// demoGoods is one line of goods: a description, the declared brand and HS
// code, and the unit value in currency.
type demoGoods struct {
	desc, brand, hs string
	unit            float64
	currency        string
}

// demoMarked are goods naming the demo marks, disguised or not.
var demoMarked = []demoGoods{
	{"NORTHWIND running shoes men", "", "640411", 42, "CNY"},
	{"N0RTHW1ND sneakers", "", "640411", 35, "CNY"},
	{"Nortwind waterproof jacket", "", "620193", 60, "CNY"},
	{"northwindshoes sport trainers", "", "640411", 38, "CNY"},
	{"N O R T H W I N D hoodie", "", "611020", 25, "CNY"},
	{"北风 运动鞋 男款", "", "640411", 30, "CNY"},
	{"ＮＯＲＴＨＷＩＮＤ trainers", "", "640411", 40, "CNY"},
	{"sports shoes", "NORTHWIND", "640411", 45, "CNY"},
	{"AURELIA leather handbag", "", "420221", 85, "CNY"},
	{"Aurélia tote bag", "", "420221", 70, "CNY"},
	{"AUREL1A perfume 100ml", "", "330300", 18, "CNY"},
	{"奥蕾莉亚 女士手提包", "", "420221", 90, "CNY"},
	{"A-U-R-E-L-I-A wallet", "", "420231", 20, "CNY"},
	{"women's handbags", "Aurelia", "420221", 95, "CNY"},
	{"VOLTIS wireless earbuds", "", "851830", 22, "CNY"},
	{"V0LTIS fast charger 20W", "", "850440", 9, "CNY"},
	{"Voltiss bluetooth headset", "", "851830", 25, "CNY"},
	{"沃尔蒂斯 蓝牙耳机", "", "851830", 20, "CNY"},
	{"voltisearbuds pro", "", "851830", 24, "CNY"},
	{"V.O.L.T.I.S power adapter", "", "850440", 8, "CNY"},
	{"LUMINA face cream 50ml", "", "330499", 12, "CNY"},
	{"LUM1NA lipstick set", "", "330410", 6, "CNY"},
	{"Lumína serum 30ml", "", "330499", 10, "CNY"},
	{"璐米娜 保湿面霜", "", "330499", 11, "CNY"},
	{"L U M I N A mascara", "", "330420", 5, "CNY"},
	{"ORBIS automatic watch", "", "910221", 120, "CNY"},
	{"0RBIS mens wrist watch", "", "910221", 90, "CNY"},
	{"Оrbis chronograph watch", "", "910221", 110, "CNY"}, // the O is Cyrillic
	{"奥比斯 机械手表", "", "910221", 100, "CNY"},
	{"wrist watches stainless steel", "ORBIS", "910221", 95, "CNY"},
}

// demoAuthorised are the holders' own shipments: reported as authorised, not flagged.
var demoAuthorised = []struct {
	consignor string
	goods     demoGoods
}{
	{"Northwind Apparel (Ningbo) Trading Co., Ltd.", demoGoods{"NORTHWIND Stratus Runner trail shoes", "NORTHWIND", "640411", 620, "CNY"}},
	{"Voltis Electronics (Shenzhen) Co., Ltd.", demoGoods{"VOLTIS AirPulse Pro earphones", "VOLTIS", "851830", 720, "CNY"}},
	{"Lumina Beauty (Shanghai) Trading Co., Ltd.", demoGoods{"LUMINA skin care gift sets", "LUMINA", "330499", 260, "CNY"}},
	{"Orbis Horlogerie (Hong Kong) Ltd.", demoGoods{"ORBIS Meridian automatic watches", "ORBIS", "910221", 29000, "CNY"}},
}

// demoExpired names a recordation that ran out: screening no longer flags it.
var demoExpired = demoGoods{"CHATEAU MARLOWE red wine 750ml", "", "220421", 30, "CNY"}

// demoPlain are ordinary goods that name no recorded mark.
var demoPlain = []demoGoods{
	{"cotton T-shirts, plain", "", "610910", 2.1, "USD"}, {"ceramic coffee mugs", "", "691200", 0.9, "USD"},
	{"LED strip lights 5m", "", "940542", 3.2, "USD"}, {"plastic storage boxes", "", "392490", 1.4, "USD"},
	{"stainless steel water bottles 500ml", "", "732393", 2.6, "USD"}, {"yoga mats TPE 6mm", "", "950691", 4.8, "USD"},
	{"USB-C charging cables 1m", "", "854442", 0.7, "USD"}, {"die-cast toy cars", "", "950300", 1.2, "USD"},
	{"bamboo chopsticks, 10 pairs", "", "441919", 0.5, "USD"}, {"polyester scarves", "", "621420", 1.1, "USD"},
	{"car phone holders", "", "392690", 1.3, "USD"}, {"garden hose 20m", "", "391732", 5.5, "USD"},
	{"LED desk lamps", "", "940521", 6.4, "USD"}, {"kitchen knife sets", "", "821192", 7.9, "USD"},
	{"wool socks", "", "611595", 0.8, "USD"}, {"folding umbrellas", "", "660191", 2.2, "USD"},
	{"plastic christmas decorations", "", "950510", 0.6, "USD"}, {"hair clips, assorted", "", "961511", 0.2, "USD"},
	{"ballpoint pens", "", "960810", 0.1, "USD"}, {"A5 notebooks", "", "482020", 0.6, "USD"},
	{"men's leather belts", "", "420330", 3.4, "USD"}, {"quartz wall clocks", "", "910511", 4.1, "USD"},
	{"artificial flowers", "", "670290", 0.9, "USD"}, {"screwdriver sets", "", "820540", 3.0, "USD"},
	{"bicycle lights", "", "851210", 2.4, "USD"}, {"pet leashes, nylon", "", "420100", 1.5, "USD"},
	{"electric kettles 1.7L", "", "851671", 8.5, "USD"}, {"green tea, 250g tins", "", "090210", 6.0, "USD"},
	{"glass vases", "", "701399", 2.8, "USD"}, {"silk pillowcases", "", "630232", 5.2, "USD"},
	{"fishing lures", "", "950790", 0.4, "USD"}, {"nitrile gloves", "", "401519", 0.05, "USD"},
	{"solar garden lights", "", "940540", 1.9, "USD"}, {"纯棉T恤 白色", "", "610910", 2.0, "USD"},
	{"陶瓷餐具套装", "", "691110", 9.0, "USD"}, {"塑料收纳盒", "", "392490", 1.3, "USD"},
	{"不锈钢保温杯", "", "961700", 3.1, "USD"}, {"儿童玩具积木", "", "950300", 4.4, "USD"},
	{"silicone watch straps", "", "911390", 0.6, "USD"}, {"office chairs, mesh", "", "940130", 24.0, "USD"},
}

// demoRuleBait are plain goods a demo rule is written for.
var demoRuleBait = []struct {
	origin  string
	channel [2]string
	goods   demoGoods
}{
	{"CN-FJ-Putian", [2]string{"postal", "post"}, demoGoods{"sports shoes, unbranded", "", "640411", 6, "USD"}},
	{"CN-FJ-Putian", [2]string{"express", "express"}, demoGoods{"canvas sneakers, no brand", "", "640419", 7, "USD"}},
	{"CN-ZJ-Yiwu", [2]string{"ecommerce", "air"}, demoGoods{"quartz wrist watches, unbranded", "", "910211", 3, "USD"}},
}

var (
	demoOffices   = []string{"Yiwu", "Yiwu", "Wenzhou", "Hangzhou", "Hangzhou Postal"}
	demoOrigins   = []string{"CN-ZJ-Yiwu", "CN-ZJ-Yiwu", "CN-FJ-Putian", "CN-GD-Guangzhou", "CN-GD-Shenzhen", "CN-ZJ-Wenzhou", "CN-ZJ-Hangzhou"}
	demoDests     = []string{"US", "IT", "DE", "FR", "PL", "BR", "NG", "AE", "RU", "GB", "ES", "MX"}
	demoShippers  = []string{"Yiwu Xinghe Trading Co., Ltd.", "Putian Licheng Shoes Trading Firm", "Guangzhou Baiyun Leather Goods Store", "Shenzhen Huaqiang Digital Firm", "Jinhua Dengwang Commerce Firm", "Wenzhou Ouhai Import & Export Co., Ltd.", "Li Wei", "Chen Xiaoyan"}
	demoReceivers = []string{"Maria Rossi", "John Miller", "Ahmed Hassan", "Kowalski Handel Sp. z o.o.", "Lagos Mart Ltd", "Santos Importadora Ltda", "Dupont Distribution SARL", "Müller Versand GmbH", "Olga Ivanova", "Global Deals LLC"}
	demoSuffixes  = []string{"", "", "", " (samples)", " (mixed lot)", " (2 cartons)", " (gift boxes)"}
)

// demoChannels pairs a channel with the transport it travels by.
var demoChannels = [][2]string{{"general", "sea"}, {"general", "road"}, {"ecommerce", "air"}, {"ecommerce", "express"},
	{"postal", "post"}, {"express", "express"}}

const demoDeclarationPrefix = "DEMO-D-"

// demoKnownInfringer is an exporter Northwind reported (see demodata_holder.go); a demo rule names it.
const demoKnownInfringer = "Everbright Trading Co. (Yiwu)"

// ensureDemoScreening writes the demo rules, submits the demo declarations and
// takes a few decisions, unless the declarations are there already.
func (s *Service) ensureDemoScreening(ctx context.Context, rep *DemoReport) error {
	first := demoDeclarationPrefix + "00001"
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		_, err := tx.DeclarationByRef(ctx, first)
		return err
	})
	if err == nil || ipr.ErrorCode(err) != ipr.ENOTFOUND {
		return err
	}
	officer, err := s.demoUser(ctx, "officer@yiwu.customs.example")
	if err != nil {
		return err
	}
	supervisor, err := s.demoUser(ctx, "supervisor@hangzhou.customs.example")
	if err != nil {
		return err
	}
	for _, r := range s.demoRules() {
		if _, err := s.CreateRule(ctx, supervisor, r, true); err != nil {
			return err
		}
		rep.Created++
	}
	results, err := s.SubmitDeclarations(ctx, ipr.SystemUser(), demoDeclarations(s.Clock.Now()))
	if err != nil {
		return err
	}
	rep.Created++ // one audit event for the batch
	n, err := s.demoDecisions(ctx, officer, results)
	rep.Created += n
	return err
}

func (s *Service) demoUser(ctx context.Context, email string) (*ipr.User, error) {
	var u *ipr.User
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		u, _, err = tx.UserByEmail(ctx, email)
		return err
	})
	return u, err
}

func (s *Service) demoRules() []screen.Rule {
	today := ipr.DateOf(s.Clock.Now(), time.UTC)
	return []screen.Rule{
		{Name: "Putian footwear in small parcels", Weight: 35, Source: "Yiwu Customs risk bulletin 2025-07",
			When: screen.Condition{All: []screen.Condition{
				{Field: "origin", Op: screen.OpPrefix, Value: "CN-FJ-Putian"},
				{Field: "hs_code", Op: screen.OpPrefix, Value: "6404"},
				{Field: "channel", Op: screen.OpIn, Values: []string{"postal", "express", "ecommerce"}},
			}}},
		{Name: "Everbright Trading: known counterfeit exporter", Weight: 60, Source: "Tip T-2025-0142 from Northwind Apparel",
			When: screen.Condition{Field: "consignor", Op: screen.OpContains, Value: "Everbright Trading"}},
		{Name: "Watches declared under 10 a piece", Weight: 40, Expires: today.AddDate(1, 0, 0),
			When: screen.Condition{All: []screen.Condition{
				{Field: "hs_code", Op: screen.OpPrefix, Value: "9102"},
				{Field: "unit_value", Op: screen.OpLess, Value: "10"},
			}}},
	}
}

// demoDeclarations makes the month's declarations, the same every time.
func demoDeclarations(now time.Time) []screen.Declaration {
	rng := rand.New(rand.NewPCG(2025, 4))
	var out []screen.Declaration
	add := func(g demoGoods, consignor, origin string, channel [2]string) {
		out = append(out, demoDeclaration(rng, len(out)+1, now, g, consignor, origin, channel))
	}
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	for i := range 130 {
		shipper := pick(demoShippers)
		if i%10 == 1 {
			shipper = demoKnownInfringer
		}
		add(demoMarked[i%len(demoMarked)], shipper, pick(demoOrigins), demoChannels[rng.IntN(len(demoChannels))])
	}
	for i := range 16 {
		a := demoAuthorised[i%len(demoAuthorised)]
		add(a.goods, a.consignor, "CN-ZJ-Ningbo", demoChannels[rng.IntN(2)])
	}
	for range 4 {
		add(demoExpired, pick(demoShippers), pick(demoOrigins), demoChannels[rng.IntN(2)])
	}
	for i := range 12 {
		b := demoRuleBait[i%len(demoRuleBait)]
		add(b.goods, pick(demoShippers), b.origin, b.channel)
	}
	for i := range 190 {
		add(demoPlain[i%len(demoPlain)], pick(demoShippers), pick(demoOrigins), demoChannels[rng.IntN(len(demoChannels))])
	}
	rng.Shuffle(len(out), func(i, j int) { out[i].DeclaredAt, out[j].DeclaredAt = out[j].DeclaredAt, out[i].DeclaredAt })
	return out
}

func demoDeclaration(rng *rand.Rand, n int, now time.Time, g demoGoods, consignor, origin string, channel [2]string) screen.Declaration {
	qty := float64([]int{1, 2, 5, 10, 20, 50, 120, 300, 1000}[rng.IntN(9)])
	if channel[0] == "postal" || channel[0] == "express" {
		qty = float64(1 + rng.IntN(6))
	}
	unit := g.unit * (0.8 + 0.4*rng.Float64())
	return screen.Declaration{
		ID: fmt.Sprintf("%s%05d", demoDeclarationPrefix, n), Channel: channel[0], Direction: "export",
		DeclaredAt:    now.Add(-time.Duration(rng.IntN(30*24*60)) * time.Minute).UTC().Truncate(time.Minute),
		CustomsOffice: demoOffices[rng.IntN(len(demoOffices))], Origin: origin,
		Destination: demoDests[rng.IntN(len(demoDests))], Transport: channel[1],
		Consignor: consignor, Consignee: demoReceivers[rng.IntN(len(demoReceivers))],
		HSCode: g.hs, Description: g.desc + demoSuffixes[rng.IntN(len(demoSuffixes))], Brand: g.brand,
		Quantity: qty, WeightKg: float64(int(qty*(0.2+rng.Float64())*10)) / 10,
		Value: float64(int(qty*unit*100)) / 100, Currency: g.currency,
	}
}

// demoDismissals are the reasons officers gave for the first flags they dismissed.
var demoDismissals = []string{
	"Goods inspected at the warehouse: unbranded, the mark appears only in the seller's listing title.",
	"Consignee holds a distribution contract with the right holder; copy on file.",
	"Samples for a trade fair, returned after the exhibition under ATA carnet.",
}

// demoDecisions dismisses a few flagged declarations and sends a few to
// inspection, as an officer's first days would; it returns the audit events written.
func (s *Service) demoDecisions(ctx context.Context, officer *ipr.User, results []screen.Result) (int, error) {
	n, dismissed, inspected := 0, 0, 0
	for i, r := range results {
		if !r.Flagged() || r.Risk < 50 || i%9 != 0 { // a few, spread over the marks
			continue
		}
		var err error
		switch {
		case dismissed < len(demoDismissals):
			_, err = s.DismissDeclaration(ctx, officer, r.ID, demoDismissals[dismissed])
			dismissed++
		case inspected < 4:
			_, err = s.MarkForInspection(ctx, officer, r.ID, "Open and compare with the right holder's authentication guide.")
			inspected++
		default:
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
