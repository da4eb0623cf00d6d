package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// A holder files its own general guarantee, which customs may see; another
// holder may neither file one for it nor look at it, and one under the
// legal minimum names the amount. (Voltis: Northwind has the demo's guarantee.)
func TestFileGuarantee(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		const filer = "brand@voltis.example"
		holder, other := user(t, s, filer), user(t, s, "brand@aurelia.example")
		g := ipr.Guarantee{HolderOrgID: holder.OrgID, Year: 2025, Amount: workflow.Yuan(150_000), Issuer: "Bank of Ningbo", Reference: "LG-1"}

		_, err := s.FileGuarantee(ctx, holder, g)
		wantError(t, err, ipr.EINVALID, "amount")
		g.Amount = workflow.Yuan(300_000)
		_, err = s.FileGuarantee(ctx, other, g)
		wantError(t, err, ipr.EFORBIDDEN, "")
		var filed *ipr.Guarantee
		oneAudit(t, s, "guarantee.file", func() {
			if filed, err = s.FileGuarantee(ctx, holder, g); err != nil {
				t.Fatal(err)
			}
		})
		if filed.ID == 0 || filed.Held != 0 {
			t.Errorf("got %+v, want a stored guarantee with nothing drawn", filed)
		}
		for _, viewer := range []string{filer, officerEmail, supervisorEmail} {
			v, err := s.Guarantee(ctx, user(t, s, viewer), holder.OrgID, 2025)
			if err != nil || v.Guarantee.Amount != workflow.Yuan(300_000) || v.Guarantee.Balance() != workflow.Yuan(300_000) {
				t.Errorf("%s: got %+v, %v, want the ¥300,000 guarantee", viewer, v, err)
			}
		}
		_, err = s.Guarantee(ctx, other, holder.OrgID, 2025)
		wantError(t, err, ipr.EFORBIDDEN, "")
		_, err = s.Guarantee(ctx, holder, holder.OrgID, 2026)
		wantError(t, err, ipr.ENOTFOUND, "")
	})
}
