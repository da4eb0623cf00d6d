package web_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/store"
)

// The demo world records 349 events (organisations, groups, users, recordations,
// holder data, catalogue, screening, its detention cases and transfers dated over
// the weeks before the demo clock, exhibits and publicity); the supervisor's sign-in makes 350.
func TestAuditListFilters(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		c := w.signIn(t, supervisor)
		for _, tc := range []struct {
			query     string
			wantTotal string
			wantRows  int
			wantOnly  string // every row's action, or its prefix
		}{
			{"", "350 events", 50, ""},
			{"?page=2", "350 events", 50, ""},
			{"?page=6", "350 events", 50, ""},
			{"?page=7", "350 events", 50, ""},
			{"?page=8", "350 events", 0, ""},
			{"?action=user.login", "1 events", 1, "user.login"},
			{"?action=user.", "20 events", 20, "user."},
			{"?action=working_group.create", "17 events", 17, "working_group.create"},
			{"?object=org", "22 events", 22, "org."},
			{"?actor=SUPERVISOR@hangzhou", "65 events", 50, ""}, // and the steps of the demo cases and transfers
			{"?actor=nobody", "0 events", 0, ""},
			{"?from=2026-11-27&to=2026-11-27", "200 events", 50, ""},
			{"?from=2026-11-28", "0 events", 0, ""},
			{"?to=2026-11-26", "150 events", 50, ""}, // the demo cases' and transfers' history
			{"?action=user.&actor=system&page=1", "19 events", 19, "user.create"},
		} {
			r := w.get(t, c, "/audit"+tc.query)
			if r.status != http.StatusOK {
				t.Errorf("GET /audit%s: got %d, want 200", tc.query, r.status)
				continue
			}
			if !strings.Contains(r.body, ">"+tc.wantTotal+"<") {
				t.Errorf("GET /audit%s: got no %q", tc.query, tc.wantTotal)
			}
			actions := auditActions(r.body)
			if len(actions) != tc.wantRows {
				t.Errorf("GET /audit%s: got %d rows, want %d", tc.query, len(actions), tc.wantRows)
			}
			for _, a := range actions {
				if !strings.HasPrefix(a, tc.wantOnly) {
					t.Errorf("GET /audit%s: got a %s row, want only %s", tc.query, a, tc.wantOnly)
					break
				}
			}
			if tc.wantRows == 0 && !strings.Contains(r.body, "No audit events match.") {
				t.Errorf("GET /audit%s: got no %q", tc.query, "No audit events match.")
			}
		}
	})
}

func TestAuditListPager(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.signIn(t, supervisor)
	// Newest first: the supervisor's sign-in leads page 1.
	if first := auditActions(w.get(t, c, "/audit").body)[0]; first != "user.login" {
		t.Errorf("page 1: got %s first, want the newest, user.login", first)
	}
	r := w.get(t, c, "/audit?actor=system")
	for _, want := range []string{"Page 1 of 4", `href="/audit?actor=system&amp;page=2" rel="next"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("page 1: got no %q", want)
		}
	}
	if strings.Contains(r.body, `rel="prev"`) {
		t.Errorf("page 1: got a link to the previous page")
	}
	r = w.get(t, c, "/audit?actor=system&page=4")
	for _, want := range []string{"Page 4 of 4", `href="/audit?actor=system&amp;page=3" rel="prev"`, "<td>1</td>"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("page 2: got no %q", want)
		}
	}
	if strings.Contains(r.body, `rel="next"`) {
		t.Errorf("page 2: got a link to a next page")
	}
	// The pager links drop lang: the choice lives in the cookie.
	r = w.get(t, c, "/audit?actor=system&lang=zh")
	for _, want := range []string{"第 1 页，共 4 页", `href="/audit?actor=system&amp;page=2" rel="next"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("page 1 in Chinese: got no %q", want)
		}
	}
}

// The login event carries the id of the request that caused it, shown in the log.
func TestAuditListRequestID(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	r := w.login(t, c, supervisor, "bordermark-demo")
	id := r.header.Get("X-Request-Id")
	if page := w.get(t, c, "/audit?action=user.login"); id == "" || !strings.Contains(page.body, "<code>"+id+"</code>") {
		t.Errorf("audit of the sign-in: got no request id %q, want the X-Request-Id of POST /login", id)
	}
}

func TestAuditListBadFilter(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.signIn(t, supervisor)
	for _, tc := range []struct {
		query, field string
	}{
		{"?from=29/11/2026", "from"},
		{"?to=2026-13-01", "to"},
		{"?page=0", "page"},
		{"?page=two", "page"},
	} {
		r := w.get(t, c, "/audit"+tc.query)
		if r.status != http.StatusBadRequest {
			t.Errorf("GET /audit%s: got %d, want 400", tc.query, r.status)
		}
		if want := "the filter is not valid; " + tc.field + ": "; !strings.Contains(r.body, want) {
			t.Errorf("GET /audit%s: got no message %q naming the field", tc.query, want)
		}
		if (tc.field == "from" || tc.field == "to") && !strings.Contains(r.body, `name="`+tc.field+`" value=`) {
			t.Errorf("GET /audit%s: got no %s input shown again", tc.query, tc.field)
		}
	}
	r := w.get(t, c, "/audit?from=29/11/2026")
	if !strings.Contains(r.body, `name="from" value="29/11/2026" aria-invalid="true"`) {
		t.Errorf("GET /audit?from=29/11/2026: got the from input not marked invalid")
	}
}

func TestAuditListAccess(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		name       string
		email      string // "" for the public
		query      string
		wantStatus int
	}{
		{"public", "", "", http.StatusSeeOther},
		{"public with a bad filter", "", "?from=29/11/2026", http.StatusSeeOther},
		{"officer", officer, "", http.StatusForbidden},
		{"officer with a bad filter", officer, "?from=29/11/2026", http.StatusForbidden},
		{"agent", counsel, "", http.StatusForbidden},
		{"right holder", brand, "", http.StatusOK},
		{"supervisor", supervisor, "", http.StatusOK},
		{"system admin", admin, "", http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := w.client(t)
			if tc.email != "" {
				c = w.signIn(t, tc.email)
			}
			r := w.get(t, c, "/audit"+tc.query)
			if r.status != tc.wantStatus {
				t.Errorf("GET /audit%s: got %d, want %d", tc.query, r.status, tc.wantStatus)
			}
			switch tc.wantStatus {
			case http.StatusSeeOther:
				if loc := r.header.Get("Location"); !strings.HasPrefix(loc, "/login?next=%2Faudit") {
					t.Errorf("GET /audit%s: got redirect to %q, want /login?next=/audit…", tc.query, loc)
				}
			case http.StatusForbidden:
				if strings.Contains(r.body, `action="/audit"`) || !strings.Contains(r.body, "not allowed") {
					t.Errorf("GET /audit%s: got the audit form or no reason, want only the refusal", tc.query)
				}
			}
		})
	}
}

// A right holder sees its own organisation's events and nothing of other right holders.
func TestAuditListRightHolderSeesOwnOrg(t *testing.T) {
	w := newSQLiteWorld(t)
	w.signIn(t, "brand@aurelia.example") // another right holder's event, which must stay hidden
	c := w.signIn(t, brand)
	r := w.get(t, c, "/audit")
	if r.status != http.StatusOK {
		t.Fatalf("GET /audit: got %d, want 200", r.status)
	}
	// Its demo data (24 events, 61 more for its guarantee, cases and transfers, 6 for its exhibit, 5 for its
	// note and questions) and its sign-in.
	if got := auditActions(r.body); !slices.Contains(got, "user.login") {
		t.Errorf("GET /audit as Northwind: got %v, want its own sign-in among them", got)
	}
	if got := auditActions(w.get(t, c, "/audit?action=right.").body); !slices.Contains(got, "right.file") {
		t.Errorf("GET /audit?action=right. as Northwind: got %v, want its recordation", got)
	}
	if !strings.Contains(r.body, ">97 events<") {
		t.Errorf("GET /audit as Northwind: got a total other than 97 events")
	}
	for _, other := range []string{"aurelia", "Aurelia", "Voltis", "Lin &amp; Partners", "working_group"} {
		if strings.Contains(r.body, other) {
			t.Errorf("GET /audit as Northwind: got %q from another organisation", other)
		}
	}
	// Asking for everything changes nothing.
	if r := w.get(t, c, "/audit?actor=aurelia"); !strings.Contains(r.body, ">0 events<") {
		t.Errorf("GET /audit?actor=aurelia as Northwind: got events, want none")
	}
}
