package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"bordermark/internal/api"
	"bordermark/internal/enforce"
	"bordermark/internal/enforce/enforcetest"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/web"
)

// server is the real wiring on the demo world: the API mounted in the web server.
type server struct {
	svc *enforce.Service
	url string
}

func newServer(t *testing.T, db *store.DB) *server {
	t.Helper()
	svc := enforce.New(db, nil, nil)
	enforcetest.Load(t, svc)
	s, err := web.New(svc, web.Options{API: api.New(svc, nil)})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return &server{svc: svc, url: srv.URL}
}

// eachDemo is storetest.Each on copies of the demo world loaded at now (the
// system clock when zero); sqliteDemo one such copy on SQLite.
func eachDemo(t *testing.T, now time.Time, fn func(t *testing.T, db *store.DB)) {
	enforcetest.Each(t, now, fn)
}
func sqliteDemo(t *testing.T) *store.DB { return enforcetest.SQLite(t, time.Time{}) }

func TestMain(m *testing.M) { os.Exit(enforcetest.Main(m)) }

// token issues an API token acting as the demo user with email.
func (s *server) token(t *testing.T, email string) string {
	t.Helper()
	tok, err := s.svc.IssueToken(context.Background(), ipr.SystemUser(), email, "test")
	if err != nil {
		t.Fatalf("IssueToken for %s: %v", email, err)
	}
	return tok
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (s *server) do(t *testing.T, method, path string, hdr ...string) reply {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// errorBody is the JSON of every API error.
type errorBody struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Fields  map[string]string `json:"fields"`
	} `json:"error"`
}

// TestAPI groups requests by the status they must get.
func TestAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		brand := s.token(t, "brand@northwind.example")

		t.Run("200", func(t *testing.T) {
			for _, tc := range []struct {
				name, auth                   string
				wantEmail, wantRole, wantOrg string
				wantKind                     string
			}{
				{"officer", "Bearer " + officer, "officer@yiwu.customs.example", "customs_officer", "Yiwu Customs", "customs_office"},
				{"right holder", "Bearer " + brand, "brand@northwind.example", "right_holder", "Northwind Apparel", "right_holder"},
				{"scheme in any case", "bearer " + officer, "officer@yiwu.customs.example", "customs_officer", "Yiwu Customs", "customs_office"},
			} {
				r := s.do(t, "GET", "/api/v1/me", "Authorization", tc.auth)
				if r.status != http.StatusOK {
					t.Errorf("%s: GET /api/v1/me: got %d %s, want 200", tc.name, r.status, r.body)
					continue
				}
				var me struct {
					ID      int64  `json:"id"`
					Email   string `json:"email"`
					Name    string `json:"name"`
					Role    string `json:"role"`
					OrgID   int64  `json:"org_id"`
					OrgName string `json:"org_name"`
					OrgKind string `json:"org_kind"`
				}
				if err := json.Unmarshal(r.body, &me); err != nil {
					t.Fatalf("%s: GET /api/v1/me: got %s: %v", tc.name, r.body, err)
				}
				if me.Email != tc.wantEmail || me.Role != tc.wantRole || me.OrgName != tc.wantOrg ||
					me.OrgKind != tc.wantKind || me.ID == 0 || me.OrgID == 0 || me.Name == "" {
					t.Errorf("%s: GET /api/v1/me: got %+v, want %s, %s of %s (%s)",
						tc.name, me, tc.wantEmail, tc.wantRole, tc.wantOrg, tc.wantKind)
				}
				if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("%s: got Content-Type %q, want JSON", tc.name, ct)
				}
			}
		})

		t.Run("401", func(t *testing.T) {
			for _, tc := range []struct {
				name string
				hdr  []string
			}{
				{"no token", nil},
				{"empty bearer", []string{"Authorization", "Bearer "}},
				{"unknown token", []string{"Authorization", "Bearer bm_not-a-token"}},
				{"other scheme", []string{"Authorization", "Basic " + officer}},
				{"token without scheme", []string{"Authorization", officer}},
			} {
				r := s.do(t, "GET", "/api/v1/me", tc.hdr...)
				wantError(t, tc.name, r, http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
				if got := r.header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
					t.Errorf("%s: got WWW-Authenticate %q, want a Bearer challenge", tc.name, got)
				}
			}
		})

		t.Run("404", func(t *testing.T) {
			for _, path := range []string{"/api/v1/nothing", "/api/v2/me", "/api/"} {
				r := s.do(t, "GET", path, "Authorization", "Bearer "+officer)
				wantError(t, "GET "+path, r, http.StatusNotFound, ipr.ENOTFOUND)
			}
		})
	})
}

func wantError(t *testing.T, what string, r reply, status int, code string) {
	t.Helper()
	if r.status != status {
		t.Errorf("%s: got status %d, want %d", what, r.status, status)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: got Content-Type %q, want JSON", what, ct)
	}
	var e errorBody
	if err := json.Unmarshal(r.body, &e); err != nil {
		t.Errorf("%s: got body %s: %v", what, r.body, err)
		return
	}
	if e.Error.Code != code || e.Error.Message == "" {
		t.Errorf("%s: got error %+v, want code %q with a message", what, e.Error, code)
	}
}

// wantInvalid checks a 400 whose error names field.
func wantInvalid(t *testing.T, what string, r reply, field string) {
	t.Helper()
	wantError(t, what, r, http.StatusBadRequest, ipr.EINVALID)
	var e errorBody
	json.Unmarshal(r.body, &e)
	if e.Error.Fields[field] == "" {
		t.Errorf("%s: got fields %v, want one naming %q", what, e.Error.Fields, field)
	}
}

// orgOf is the id of the organisation the token acts as.
func (s *server) orgOf(t *testing.T, token string) int64 {
	t.Helper()
	me := decode[struct {
		OrgID int64 `json:"org_id"`
	}](t, "GET /me", s.send(t, "GET", "/api/v1/me", token, ""), http.StatusOK)
	return me.OrgID
}

// The API is for programs: no caching, no sniffing, a request id, and no browser session.
func TestAPIHeadersAndSessions(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	r := s.do(t, "GET", "/api/v1/me", "Authorization", "Bearer "+s.token(t, "admin@bordermark.example"))
	for name, want := range map[string]string{"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"} {
		if got := r.header.Get(name); got != want {
			t.Errorf("GET /api/v1/me: got %s %q, want %q", name, got, want)
		}
	}
	if r.header.Get("X-Request-Id") == "" {
		t.Errorf("GET /api/v1/me: got no X-Request-Id")
	}

	// A signed-in browser's cookie is not a credential here: cross-site pages could send it.
	secret, _, err := s.svc.Login(context.Background(), "supervisor@hangzhou.customs.example", enforce.DemoPassword)
	if err != nil {
		t.Fatal(err)
	}
	r = s.do(t, "GET", "/api/v1/me", "Cookie", "bm_session="+secret)
	wantError(t, "GET /api/v1/me with a session cookie", r, http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
}

// The OpenAPI document is valid JSON and describes the endpoints that exist.
func TestOpenAPI(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	r := s.do(t, "GET", "/api/v1/openapi.json")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET /api/v1/openapi.json: got %d %q, want 200 JSON", r.status, r.header.Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Servers []struct {
			URL string `json:"url"`
		} `json:"servers"`
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || len(doc.Servers) != 1 || len(doc.Paths) == 0 {
		t.Fatalf("openapi.json: got openapi %q, servers %v, %d paths, want 3.x, one server and paths",
			doc.OpenAPI, doc.Servers, len(doc.Paths))
	}
	tok := s.token(t, "officer@yiwu.customs.example")
	for path, ops := range doc.Paths {
		if _, ok := ops["get"]; !ok || strings.Contains(path, "{") {
			continue // the others need a body or an id: right_test.go tries them
		}
		u := doc.Servers[0].URL + path
		r := s.do(t, "GET", u, "Authorization", "Bearer "+tok)
		if r.status != http.StatusOK {
			t.Errorf("documented GET %s: got %d, want 200", u, r.status)
		}
	}

	// The Me schema names exactly the fields /me returns.
	r = s.do(t, "GET", "/api/v1/me", "Authorization", "Bearer "+tok)
	var got map[string]any
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatal(err)
	}
	var gotKeys, docKeys []string
	for k := range got {
		gotKeys = append(gotKeys, k)
	}
	for k := range doc.Components.Schemas["Me"].Properties {
		docKeys = append(docKeys, k)
	}
	slices.Sort(gotKeys)
	slices.Sort(docKeys)
	if !slices.Equal(gotKeys, docKeys) {
		t.Errorf("GET /api/v1/me: got fields %v, the document's Me schema has %v", gotKeys, docKeys)
	}
}

// The API has no forms: cross-origin protection of the pages does not apply to it,
// and the browser headers of the pages are not needed.
func TestAPINotBehindPageChain(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	r := s.do(t, "GET", "/api/v1/me?lang=zh", "Sec-Fetch-Site", "cross-site")
	wantError(t, "cross-site GET /api/v1/me", r, http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
	if r.header.Get("Set-Cookie") != "" {
		t.Errorf("GET /api/v1/me?lang=zh: got Set-Cookie %q, want none", r.header.Get("Set-Cookie"))
	}
}
