package ipr

import (
	"fmt"
	"strings"
)

// OrgKind says what an organisation is.
type OrgKind string

const (
	OrgCustomsOffice OrgKind = "customs_office"
	OrgRightHolder   OrgKind = "right_holder"
	OrgAgent         OrgKind = "agent" // a law firm acting for several right holders
	OrgPoliceUnit    OrgKind = "police_unit"
	OrgAssociation   OrgKind = "association"
)

// OrgKinds lists every kind in a stable order.
var OrgKinds = []OrgKind{OrgCustomsOffice, OrgRightHolder, OrgAgent, OrgPoliceUnit, OrgAssociation}

// ParseOrgKind accepts a kind name such as "customs_office".
func ParseOrgKind(s string) (OrgKind, error) {
	k := OrgKind(strings.TrimSpace(strings.ToLower(s)))
	for _, known := range OrgKinds {
		if k == known {
			return k, nil
		}
	}
	names := make([]string, len(OrgKinds))
	for i, k := range OrgKinds {
		names[i] = string(k)
	}
	return "", &Error{Code: EINVALID, Message: "unknown organisation kind",
		Fields: map[string]string{"kind": fmt.Sprintf("%q is not one of %s", s, strings.Join(names, ", "))}}
}

func (k OrgKind) String() string { return string(k) }

// Org is an organisation: a customs office, right holder, agent, police unit or association.
type Org struct {
	ID       int64
	Name     string // English name, unique
	NameZH   string // Chinese name, optional
	Kind     OrgKind
	ParentID int64 // a customs office's parent district; 0 for none
}

// Validate checks an organisation before it is stored.
func (o *Org) Validate() error {
	p := Problems{}
	o.Name = strings.TrimSpace(o.Name)
	o.NameZH = strings.TrimSpace(o.NameZH)
	if o.Name == "" {
		p.Add("name", "is required")
	} else if len(o.Name) > 200 {
		p.Add("name", "must be at most 200 characters")
	}
	if _, err := ParseOrgKind(string(o.Kind)); err != nil {
		p.Add("kind", ErrorFields(err)["kind"])
	}
	if o.ParentID != 0 && o.Kind != OrgCustomsOffice {
		p.Add("parent", "only customs offices have a parent")
	}
	return p.Err("organisation is not valid")
}
