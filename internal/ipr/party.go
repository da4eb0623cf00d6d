package ipr

import (
	"fmt"
	"slices"
	"strings"
)

// PartyRole is a part an authorised party plays in a right's genuine supply chain.
type PartyRole string

const (
	PartyLicensee     PartyRole = "licensee"
	PartyManufacturer PartyRole = "manufacturer"
	PartyExporter     PartyRole = "exporter"
	PartyImporter     PartyRole = "importer"
	PartyConsignee    PartyRole = "consignee"
)

// PartyRoles lists every role in a stable order.
var PartyRoles = []PartyRole{PartyLicensee, PartyManufacturer, PartyExporter, PartyImporter, PartyConsignee}

// Party is a company authorised by the right holder; screening clears its shipments of the brand.
type Party struct {
	ID      int64
	RightID int64
	Role    PartyRole
	Name    string
	Address string
	RegCode string // business registration or customs code, e.g. a unified social credit code
}

// Validate checks a party before it is stored.
func (p *Party) Validate() error {
	pr := Problems{}
	p.Name, p.Address, p.RegCode = strings.TrimSpace(p.Name), strings.TrimSpace(p.Address), strings.TrimSpace(p.RegCode)
	if !slices.Contains(PartyRoles, p.Role) {
		pr.Add("role", fmt.Sprintf("%q is not one of licensee, manufacturer, exporter, importer, consignee", p.Role))
	}
	if p.Name == "" {
		pr.Add("name", "is required")
	}
	return pr.Err("the authorised party is not valid")
}
