package ipr

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// InfringerKind says what part a known infringer plays.
type InfringerKind string

const (
	InfringerManufacturer InfringerKind = "manufacturer"
	InfringerExporter     InfringerKind = "exporter"
	InfringerConsignee    InfringerKind = "consignee"
	InfringerAddress      InfringerKind = "address"
	InfringerRoute        InfringerKind = "route"
)

// InfringerKinds lists every kind in a stable order.
var InfringerKinds = []InfringerKind{InfringerManufacturer, InfringerExporter, InfringerConsignee, InfringerAddress, InfringerRoute}

// Infringer is a suspected counterfeiter a right holder knows of. Only customs and that holder see it.
type Infringer struct {
	ID        int64
	HolderID  int64
	Kind      InfringerKind
	Name      string
	Address   string
	Route     string // e.g. "Yiwu → Ningbo port → Dubai"
	Evidence  string // notes on what is known and how
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks an infringer entry before it is stored.
func (i *Infringer) Validate() error {
	p := Problems{}
	i.Name, i.Address = strings.TrimSpace(i.Name), strings.TrimSpace(i.Address)
	i.Route, i.Evidence = strings.TrimSpace(i.Route), strings.TrimSpace(i.Evidence)
	if !slices.Contains(InfringerKinds, i.Kind) {
		p.Add("kind", fmt.Sprintf("%q is not one of manufacturer, exporter, consignee, address, route", i.Kind))
	}
	if i.Name == "" && i.Address == "" && i.Route == "" {
		p.Add("name", "give a name, an address or a route")
	}
	if len(i.Evidence) > 10000 {
		p.Add("evidence", "must be at most 10,000 characters")
	}
	return p.Err("the infringer entry is not valid")
}
