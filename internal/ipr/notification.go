package ipr

import "time"

// Notification is an in-app message to an organisation's users, such as a renewal reminder.
type Notification struct {
	ID         int64
	OrgID      int64
	Kind       string // e.g. "renewal.6m", "renewal.1m", "renewal.1w"
	ObjectType string
	ObjectID   int64
	Text       string // English text; the web translates by Kind where it can
	Args       string // the values to put into a translated message, '|'-separated
	DueOn      Date
	CreatedAt  time.Time
	ReadAt     time.Time
}

// RenewalReminders are when holders are reminded before a recordation ends: kind and how long before.
var RenewalReminders = []struct {
	Kind   string
	Months int
	Days   int
}{
	{"renewal.6m", 6, 0},
	{"renewal.1m", 1, 0},
	{"renewal.1w", 0, 7},
}
