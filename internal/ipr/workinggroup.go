package ipr

import "strings"

// WorkingGroup is one of an association's industry working groups (apparel & footwear, luxury goods, …).
type WorkingGroup struct {
	ID       int64
	OrgID    int64 // the association
	Name     string
	NameZH   string
	Problems string  // the common problems the group reports, edited by its members
	Members  []int64 // member right holders
}

// Validate checks a working group before it is stored.
func (g *WorkingGroup) Validate() error {
	p := Problems{}
	g.Name, g.NameZH = strings.TrimSpace(g.Name), strings.TrimSpace(g.NameZH)
	if g.Name == "" {
		p.Add("name", "is required")
	}
	if g.OrgID == 0 {
		p.Add("org", "is required")
	}
	return p.Err("working group is not valid")
}
