package ipr

import (
	"fmt"
	"strings"
	"time"
)

// AmendmentKind is what an amendment to an approved recordation changes.
type AmendmentKind string

const (
	AmendOwner     AmendmentKind = "owner"
	AmendContacts  AmendmentKind = "contacts"
	AmendLicensees AmendmentKind = "licensees"
	AmendRenewal   AmendmentKind = "renewal"
)

// AmendmentKinds lists every kind in a stable order.
var AmendmentKinds = []AmendmentKind{AmendOwner, AmendContacts, AmendLicensees, AmendRenewal}

// Amendment is a change to an approved recordation, filed by the holder and reviewed by
// customs. Amendments are kept, approved or not, as the recordation's history.
type Amendment struct {
	ID        int64
	RightID   int64
	Kind      AmendmentKind
	Owner     string   // new owner, for AmendOwner
	Licensees []string // licensees' names, one a line, for AmendLicensees
	Contacts  string   // new contact details, for AmendContacts
	ValidTo   Date     // the right's renewed expiry, for AmendRenewal (zero: unchanged)
	Note      string   // the holder's explanation
	Status    RecordStatus
	Reason    string // customs' reason when rejected
	FiledBy   int64
	FiledAt   time.Time
	DecidedBy int64
	DecidedAt time.Time
}

// Validate checks an amendment before it is filed.
func (a *Amendment) Validate() error {
	p := Problems{}
	a.Owner, a.Contacts, a.Note = strings.TrimSpace(a.Owner), strings.TrimSpace(a.Contacts), strings.TrimSpace(a.Note)
	a.Licensees = cleanList(a.Licensees)
	switch a.Kind {
	case AmendOwner:
		if a.Owner == "" {
			p.Add("owner", "is required for a change of owner")
		}
	case AmendContacts:
		if a.Contacts == "" {
			p.Add("contacts", "is required for a change of contacts")
		}
	case AmendLicensees:
		if len(a.Licensees) == 0 {
			p.Add("licensees", "list at least one licensee")
		}
	case AmendRenewal:
	default:
		p.Add("kind", fmt.Sprintf("%q is not one of owner, contacts, licensees, renewal", a.Kind))
	}
	return p.Err("the amendment is not valid")
}

// Summary describes the change in a line, for lists and the audit log.
func (a *Amendment) Summary() string {
	switch a.Kind {
	case AmendOwner:
		return "owner → " + a.Owner
	case AmendContacts:
		return "contacts → " + a.Contacts
	case AmendLicensees:
		return "licensees → " + strings.Join(a.Licensees, "; ")
	case AmendRenewal:
		if a.ValidTo.IsZero() {
			return "renewal"
		}
		return "renewal, right valid to " + a.ValidTo.String()
	}
	return string(a.Kind)
}
