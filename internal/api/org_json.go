package api

import "bordermark/internal/ipr"

// orgJSON names an organisation: a right holder in a list's filter, a working
// group's member or association (schema Org).
type orgJSON struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	NameZH string `json:"name_zh,omitempty"`
}

func newOrgJSON(o *ipr.Org) orgJSON { return orgJSON{ID: o.ID, Name: o.Name, NameZH: o.NameZH} }

func newOrgListJSON(list []*ipr.Org) []orgJSON {
	out := make([]orgJSON, len(list))
	for i, o := range list {
		out[i] = newOrgJSON(o)
	}
	return out
}
