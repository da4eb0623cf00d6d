package ipr

import "time"

// Session is a signed-in browser. Only the SHA-256 of its cookie value is stored.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
}

// SessionLifetime is how long a sign-in lasts.
const SessionLifetime = 12 * time.Hour

// APIToken lets an integration (such as a customs declaration system) call the API
// as a user with a role and an organisation. Only its SHA-256 is stored.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	Prefix     string // the first characters, shown so people can tell tokens apart
	TokenHash  string
	CreatedAt  time.Time
	LastUsedAt time.Time
	Revoked    bool
}

// Lockout says how long sign-in is refused after failures consecutive wrong passwords:
// nothing for the first four, then one minute doubling up to an hour.
func Lockout(failures int) time.Duration {
	const free = 4
	if failures <= free {
		return 0
	}
	d := time.Minute << min(failures-free-1, 6)
	return min(d, time.Hour)
}
