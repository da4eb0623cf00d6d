package ipr

import (
	"net/mail"
	"strings"
)

// Contact is someone at a right holder whom customs call to identify goods.
type Contact struct {
	ID         int64
	HolderID   int64
	Name       string
	Title      string
	Phone      string
	Email      string
	Languages  string // e.g. "English, 中文"
	Hours      string // e.g. "Mon–Fri 09:00–18:00 CST"
	Escalation bool   // the one to call when the first contact does not answer
}

// Validate checks a contact before it is stored.
func (c *Contact) Validate() error {
	p := Problems{}
	c.Name, c.Title, c.Phone = strings.TrimSpace(c.Name), strings.TrimSpace(c.Title), strings.TrimSpace(c.Phone)
	c.Email, c.Languages, c.Hours = NormaliseEmail(c.Email), strings.TrimSpace(c.Languages), strings.TrimSpace(c.Hours)
	if c.Name == "" {
		p.Add("name", "is required")
	}
	if c.Phone == "" && c.Email == "" {
		p.Add("phone", "give a phone number or an e-mail address")
	}
	if c.Email != "" {
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			p.Add("email", "is not an e-mail address")
		}
	}
	return p.Err("the contact is not valid")
}
