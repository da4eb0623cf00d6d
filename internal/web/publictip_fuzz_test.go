package web

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"bordermark/internal/ipr"
)

// FuzzPublicTipForm: whatever a form carries, checking it never panics; a form
// it accepts has text within the limits, and an accepted proof really solves the
// challenge (or answers its question after the delay).
func FuzzPublicTipForm(f *testing.F) {
	g := newPowGuard(4)
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	c := g.issue(now.Add(-time.Minute))
	f.Add("fake bags", "Yiwu", "", "", "", c.Token, "", "3")
	f.Add("假冒手袋", "义乌国际商贸城", "摊位 4411", "EMS 123", "", c.Token, "17", "")
	f.Add("", "", "", "", "http://spam", "", "", "")
	f.Add(strings.Repeat("x", 4001), "a\x00b", "\xff", "", "", c.Token+"A", "-1", "99999")
	f.Fuzz(func(t *testing.T, what, where, seller, shipment, honeypot, challenge, nonce, answer string) {
		form := publicTipForm{What: what, Where: where, Seller: seller, Shipment: shipment, Honeypot: honeypot,
			Challenge: challenge, Nonce: nonce, Answer: answer}
		problems, err := checkPublicTipForm(form, g, now)
		if err != nil {
			if honeypot == "" {
				t.Fatalf("refused without the honeypot: %v", err)
			}
			return
		}
		if len(problems) > 0 {
			return
		}
		for _, s := range []string{what, where, seller, shipment} {
			if !utf8.ValidString(s) || utf8.RuneCountInString(strings.TrimSpace(s)) > ipr.MaxTipWhat {
				t.Fatalf("accepted text %q", s)
			}
		}
		if strings.TrimSpace(what) == "" || strings.TrimSpace(where) == "" {
			t.Fatalf("accepted a form without what or where")
		}
		if nonce != "" && !solves(challenge, nonce, g.bits) {
			t.Fatalf("accepted nonce %q that does not solve %q", nonce, challenge)
		}
	})
}

func TestPowGuard(t *testing.T) {
	g := newPowGuard(8)
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	c := g.issue(now)
	nonce, wrong := "", ""
	for n := 0; nonce == "" || wrong == ""; n++ {
		if s := strconv.Itoa(n); solves(c.Token, s, 8) {
			nonce = s
		} else if wrong == "" {
			wrong = s // one that does not solve: the challenge is random, so no fixed nonce is sure to fail
		}
	}
	other := newPowGuard(8)
	tests := []struct {
		name                 string
		token, nonce, answer string
		at                   time.Time
		want                 string
	}{
		{"solved", c.Token, nonce, "", now, ""},
		{"nothing", c.Token, "", "", now, powMissing},
		{"no challenge", "", nonce, "", now, powMissing},
		{"wrong nonce", c.Token, wrong, "", now, powWrong},
		{"not digits", c.Token, "1e3", "", now, powWrong},
		{"expired", c.Token, nonce, "", now.Add(2 * time.Hour), powExpired},
		{"from the future", c.Token, nonce, "", now.Add(-2 * time.Minute), powExpired},
		{"another server's", other.issue(now).Token, nonce, "", now, powInvalid},
		{"not base64", "!!!", nonce, "", now, powInvalid},
		{"answer too soon", c.Token, "", strconv.Itoa(c.A + c.B), now.Add(time.Second), powTooSoon},
		{"answer", c.Token, "", strconv.Itoa(c.A + c.B), now.Add(5 * time.Second), ""},
		{"wrong answer", c.Token, "", strconv.Itoa(c.A + c.B + 1), now.Add(5 * time.Second), powWrong},
	}
	for _, tt := range tests {
		if got := g.check(tt.token, tt.nonce, tt.answer, tt.at); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
