package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/store"
)

func TestLogin(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		c := w.client(t)
		r := w.login(t, c, "  Officer@Yiwu.Customs.Example ", enforce.DemoPassword) // as typed on a phone
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/" {
			t.Fatalf("POST /login: got %d to %q, want 303 to /\n%s", r.status, r.header.Get("Location"), r.body)
		}
		ck := r.cookie("bm_session")
		if ck == nil || ck.Value == "" {
			t.Fatalf("POST /login: got no bm_session cookie")
		}
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.MaxAge != 12*60*60 {
			t.Errorf("session cookie: got HttpOnly=%v SameSite=%v Path=%q MaxAge=%d, want HttpOnly, Lax, /, 12 h",
				ck.HttpOnly, ck.SameSite, ck.Path, ck.MaxAge)
		}
		if ck.Secure {
			t.Errorf("session cookie on plain HTTP to 127.0.0.1: got Secure, want not (the browser would drop it)")
		}

		r = w.get(t, c, "/")
		for _, want := range []string{
			"Welcome, Chen Jie", "Yiwu Customs · Customs officer",
			`<span class="figure">1</span><span class="label">Users in your organisation</span>`,
			`<span class="figure">4</span><span class="label">Customs offices</span>`,
			`<span class="figure">12</span><span class="label">Right holders</span>`,
			"Sign out",
		} {
			if !strings.Contains(r.body, want) {
				t.Errorf("dashboard: got no %q", want)
			}
		}
		// Signed in, the sign-in page sends the user on.
		if r := w.get(t, c, "/login"); r.status != http.StatusSeeOther || r.header.Get("Location") != "/" {
			t.Errorf("GET /login signed in: got %d to %q, want 303 to /", r.status, r.header.Get("Location"))
		}
	})
}

func TestLoginRefused(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		name, email, password string
		wantStatus            int
		want                  []string
	}{
		{"wrong password", officer, "not-the-password", 401,
			[]string{"the e-mail address or password is wrong", `value="officer@yiwu.customs.example"`}},
		{"unknown e-mail", "nobody@example.org", "whatever", 401,
			[]string{"the e-mail address or password is wrong", `value="nobody@example.org"`}},
		{"empty form", "", "", 400,
			[]string{"cannot sign in", `aria-invalid="true"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := w.login(t, w.client(t), tc.email, tc.password)
			if r.status != tc.wantStatus {
				t.Errorf("POST /login: got %d, want %d", r.status, tc.wantStatus)
			}
			if !strings.Contains(r.body, `<form method="post" action="/login"`) || !strings.Contains(r.body, `role="alert"`) {
				t.Errorf("POST /login: got no form with an alert, want it shown again")
			}
			for _, want := range tc.want {
				if !strings.Contains(r.body, want) {
					t.Errorf("POST /login: got no %q", want)
				}
			}
			if ck := r.cookie("bm_session"); ck != nil {
				t.Errorf("POST /login: got cookie %v, want none", ck)
			}
		})
	}
}

// Guessing passwords locks the account, even for someone who then types the right one.
func TestLoginLockout(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	for i := 1; i <= 6; i++ {
		want := http.StatusUnauthorized
		if i == 6 {
			want = http.StatusTooManyRequests // the fifth failure locked the account
		}
		if r := w.login(t, c, supervisor, "guess"); r.status != want {
			t.Fatalf("wrong password %d: got %d, want %d", i, r.status, want)
		}
	}
	r := w.login(t, c, supervisor, enforce.DemoPassword)
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "too many failed sign-ins") {
		t.Fatalf("right password while locked: got %d, want 429 saying why\n%s", r.status, r.body)
	}
	if ck := r.cookie("bm_session"); ck != nil {
		t.Errorf("right password while locked: got cookie %v, want none", ck)
	}
	// Another account is not affected.
	if r := w.login(t, w.client(t), officer, enforce.DemoPassword); r.status != http.StatusSeeOther {
		t.Errorf("other account: got %d, want 303", r.status)
	}
	w.clock.Advance(2 * time.Minute)
	if r := w.login(t, c, supervisor, enforce.DemoPassword); r.status != http.StatusSeeOther {
		t.Errorf("right password after the lock: got %d, want 303", r.status)
	}
}

// One address may not post the form more than 10 times a minute, whatever the accounts.
func TestLoginRateLimit(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	for i := 1; i <= 10; i++ {
		if r := w.login(t, c, "", ""); r.status != http.StatusBadRequest { // cheap: no password hashing
			t.Fatalf("attempt %d: got %d, want 400", i, r.status)
		}
	}
	r := w.login(t, c, officer, enforce.DemoPassword)
	if r.status != http.StatusTooManyRequests || !strings.Contains(r.body, "too many sign-in attempts from your address") {
		t.Errorf("attempt 11: got %d, want 429 naming the address\n%s", r.status, r.body)
	}
	if ck := r.cookie("bm_session"); ck != nil {
		t.Errorf("attempt 11: got cookie %v, want none", ck)
	}
}

func TestLogout(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.signIn(t, supervisor)
	u, _ := url.Parse(w.srv.URL)
	var old string
	for _, ck := range c.Jar.Cookies(u) {
		if ck.Name == "bm_session" {
			old = ck.Value
		}
	}
	if old == "" {
		t.Fatal("signed in: got no bm_session in the jar")
	}
	r := w.do(t, c, http.MethodPost, "/logout", url.Values{})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/" {
		t.Errorf("POST /logout: got %d to %q, want 303 to /", r.status, r.header.Get("Location"))
	}
	if ck := r.cookie("bm_session"); ck == nil || ck.MaxAge >= 0 {
		t.Errorf("POST /logout: got cookie %v, want bm_session cleared", ck)
	}
	// The old cookie, replayed, no longer signs anyone in.
	r = w.get(t, w.client(t), "/audit", "Cookie", "bm_session="+old)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
		t.Errorf("GET /audit with the old cookie: got %d to %q, want 303 to /login", r.status, r.header.Get("Location"))
	}
	if ck := r.cookie("bm_session"); ck == nil || ck.MaxAge >= 0 {
		t.Errorf("GET /audit with the old cookie: got cookie %v, want it cleared", ck)
	}
	if r := w.get(t, w.client(t), "/", "Cookie", "bm_session="+old); strings.Contains(r.body, "Wang Li") {
		t.Errorf("GET / with the old cookie: got the user's name, want the public page")
	}
}

// After sign-in the user returns where they were going, but only on this site.
func TestLoginNext(t *testing.T) {
	w := newSQLiteWorld(t)

	// The way there: a protected page sends to the form, the form carries next.
	r := w.get(t, w.client(t), "/audit?action=user.login")
	if want := "/login?next=%2Faudit%3Faction%3Duser.login"; r.status != http.StatusSeeOther || r.header.Get("Location") != want {
		t.Fatalf("GET /audit anonymous: got %d to %q, want 303 to %s", r.status, r.header.Get("Location"), want)
	}
	r = w.get(t, w.client(t), "/login?next=%2Faudit%3Faction%3Duser.login")
	if want := `name="next" value="/audit?action=user.login"`; !strings.Contains(r.body, want) {
		t.Errorf("GET /login?next=: got no %s", want)
	}
	r = w.do(t, w.client(t), http.MethodPost, "/login", url.Values{"email": {supervisor},
		"password": {enforce.DemoPassword}, "next": {"/audit?action=user.login"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/audit?action=user.login" {
		t.Errorf("POST /login with next: got %d to %q, want 303 to /audit?action=user.login", r.status, r.header.Get("Location"))
	}
	r = w.do(t, w.client(t), http.MethodPost, "/login", url.Values{"email": {supervisor},
		"password": {enforce.DemoPassword}, "next": {"//evil.example"}})
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/" {
		t.Errorf("POST /login with next=//evil.example: got %d to %q, want 303 to /", r.status, r.header.Get("Location"))
	}

	// Signed in, GET /login?next= redirects at once: the cheap way to try many values.
	c := w.signIn(t, supervisor)
	for _, tc := range []struct{ next, want string }{
		{"/audit", "/audit"},
		{"/orgs?lang=zh", "/orgs?lang=zh"},
		{"", "/"},
		{"//evil.example", "/"},
		{"//evil.example/path", "/"},
		{`/\evil.example`, "/"},
		{"/\t/evil.example", "/"}, // browsers drop tabs and newlines: this becomes //evil.example
		{"/\n/evil.example", "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"evil.example", "/"},
	} {
		r := w.get(t, c, "/login?next="+url.QueryEscape(tc.next))
		if got := r.header.Get("Location"); r.status != http.StatusSeeOther || got != tc.want {
			t.Errorf("next=%q: got %d to %q, want 303 to %q", tc.next, r.status, got, tc.want)
		}
	}
}
