package enforce

import (
	"context"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// demoRight is a demo recordation and the state it is put in.
type demoRight struct {
	right  ipr.Right
	holder string
	state  string // draft, submitted, approved, rejected, expired, renewal_due, amended
}

func tm(ref, mark string, variants []string, classes []int, goods string) ipr.Right {
	return ipr.Right{Ref: ref, Kind: ipr.Trademark, Mark: mark, Variants: variants, NiceClasses: classes, Goods: goods,
		Jurisdiction: "CN", RegOffice: "CNIPA", ValidFrom: ipr.NewDate(2016, 5, 14), ValidTo: ipr.NewDate(2036, 5, 13)}
}

var demoRights = []demoRight{
	{tm("DEMO-NORTHWIND", "NORTHWIND", []string{"北风", "NWD"}, []int{18, 25}, "Footwear, clothing, bags"), "Northwind Apparel", "approved"},
	{tm("DEMO-AURELIA", "AURELIA", []string{"奥蕾莉亚", "AURÉLIA"}, []int{3, 14, 18, 25}, "Handbags, leather goods, perfume, jewellery"), "Aurelia Maison", "renewal_due"},
	{tm("DEMO-VOLTIS", "VOLTIS", []string{"沃尔蒂斯"}, []int{9}, "Earphones, chargers, mobile phone accessories"), "Voltis Electronics", "approved"},
	{tm("DEMO-FERROCAR", "FERROCAR", []string{"铁驰"}, []int{12}, "Brake pads, filters, spark plugs for vehicles"), "Ferrocar Parts", "submitted"},
	{tm("DEMO-LUMINA", "LUMINA", []string{"璐米娜"}, []int{3}, "Cosmetics, skin care, fragrances"), "Lumina Beauty", "approved"},
	{tm("DEMO-MEDORA", "MEDORA", []string{"美朵"}, []int{5}, "Pharmaceutical preparations"), "Medora Pharma", "rejected"},
	{tm("DEMO-GOLDFIELD", "GOLDFIELD", []string{"金田"}, []int{29, 30}, "Milk powder, biscuits"), "Goldfield Foods", "draft"},
	{tm("DEMO-MARLOWE", "CHATEAU MARLOWE", []string{"马洛酒庄"}, []int{33}, "Wines"), "Chateau Marlowe", "expired"},
	{ipr.Right{Ref: "DEMO-TESSERA-C", Kind: ipr.Copyright, Mark: "Tessera Tiles puzzle artwork", Variants: []string{"泰塞拉拼图"},
		Jurisdiction: "CN", RegOffice: "Copyright Protection Center of China", RegNumber: "2019-F-00872214",
		ValidFrom: ipr.NewDate(2019, 3, 1), ValidTo: ipr.NewDate(2069, 12, 31), Goods: "Jigsaw puzzles and their packaging"}, "Tessera Toys", "approved"},
	{tm("DEMO-IRONCLAD", "IRONCLAD", []string{"铁甲"}, []int{4}, "Engine oil, lubricants"), "Ironclad Lubricants", "submitted"},
	{ipr.Right{Ref: "DEMO-STELLAR-D", Kind: ipr.DesignPatent, Mark: "Stellar power bank casing", Variants: []string{"星辰"},
		Jurisdiction: "CN", RegOffice: "CNIPA", RegNumber: "ZL202130512345.6",
		ValidFrom: ipr.NewDate(2021, 8, 9), ValidTo: ipr.NewDate(2036, 8, 8), Goods: "Portable batteries"}, "Stellar Cells", "approved"},
	{tm("DEMO-ORBIS", "ORBIS", []string{"奥比斯"}, []int{14}, "Watches and parts of watches"), "Orbis Horlogerie", "amended"},
}

// ensureDemoRights records the demo rights, one in each state of the workflow.
func (s *Service) ensureDemoRights(ctx context.Context, tx *store.Tx, actor *ipr.User, rep *DemoReport) error {
	now := s.Clock.Now()
	for _, d := range demoRights {
		if _, err := tx.RightByRef(ctx, d.right.Ref); err == nil || ipr.ErrorCode(err) != ipr.ENOTFOUND {
			continue // already there (or a real error, which the next statement will report)
		}
		holder, err := tx.OrgByName(ctx, d.holder)
		if err != nil {
			return err
		}
		r := d.right
		r.HolderID, r.Owner, r.Status = holder.ID, holder.Name, ipr.StatusDraft
		if err := demoAdvance(&r, d.state, now); err != nil {
			return err
		}
		if err := tx.CreateRight(ctx, &r, now); err != nil {
			return err
		}
		rep.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "right.file", ObjectType: "right", ObjectID: r.ID,
			ObjectOrg: r.HolderID, After: rightSummary(&r) + " (demo, " + string(r.Status) + ")"}); err != nil {
			return err
		}
		if d.state == "amended" {
			a := &ipr.Amendment{RightID: r.ID, Kind: ipr.AmendOwner, Owner: "Orbis Horlogerie SA (Geneva)",
				Note: "Owner renamed after a merger", Status: ipr.StatusSubmitted, FiledAt: now}
			if err := tx.CreateAmendment(ctx, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoAdvance moves a draft through the workflow to the demo state, with dates that look lived-in.
func demoAdvance(r *ipr.Right, state string, now time.Time) error {
	decided := map[string]time.Time{
		"rejected": now.AddDate(0, 0, -3), "approved": now.AddDate(-2, 0, 0), "amended": now.AddDate(-2, 0, 0),
		"renewal_due": now.AddDate(-9, -8, 0), "expired": now.AddDate(-10, -3, 0), "submitted": now.AddDate(0, 0, 8),
	}[state]
	if state == "draft" {
		return nil
	}
	if state == "expired" {
		r.ValidFrom, r.ValidTo = ipr.NewDate(2005, 3, 1), ipr.NewDate(2035, 2, 28)
	}
	if err := r.Submit(decided.AddDate(0, 0, -20)); err != nil {
		return err
	}
	switch state {
	case "rejected":
		return r.Reject(decided, "The registration certificate is missing; attach the CNIPA certificate and resubmit.")
	case "approved", "amended", "renewal_due", "expired":
		if err := r.Approve(decided); err != nil {
			return err
		}
	}
	today := ipr.DateOf(now, time.UTC)
	switch state {
	case "renewal_due":
		r.RecordTo = today.AddDate(0, 4, 0) // ends within the renewal window
	case "expired":
		r.RecordTo = today.AddDate(0, -3, 0)
	}
	return nil
}
