package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
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

// Demo logins used across the tests.
const (
	officer    = "officer@yiwu.customs.example"
	supervisor = "supervisor@hangzhou.customs.example"
	brand      = "brand@northwind.example"
	counsel    = "counsel@linpartners.example"
	admin      = "admin@bordermark.example"
)

// demoStart is when the fixed clock starts, so audit dates are known in advance.
var demoStart = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

// world is the real server on the demo world: enforce services on a real database,
// the web pages and the API, behind httptest.
type world struct {
	svc   *enforce.Service
	clock *ipr.FixedClock
	srv   *httptest.Server
}

// newWorld serves the demo world on db. A db from eachWorld or newSQLiteWorld
// holds a copy of the demo; any other gets it loaded here.
func newWorld(t testing.TB, db *store.DB) *world {
	t.Helper()
	clock := ipr.NewFixedClock(demoStart)
	svc := enforce.New(db, clock, nil)
	enforcetest.Load(t, svc)
	return serve(t, svc, clock)
}

// serve starts the web pages and the API on svc.
func serve(t testing.TB, svc *enforce.Service, clock *ipr.FixedClock) *world {
	t.Helper()
	s, err := web.New(svc, web.Options{Version: "test", API: api.New(svc, nil)})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return &world{svc: svc, clock: clock, srv: srv}
}

// newSQLiteWorld is the demo world on SQLite, for tests where the engine does not matter.
func newSQLiteWorld(t testing.TB) *world { return newWorld(t, enforcetest.SQLite(t, demoStart)) }

// eachWorld is storetest.Each on copies of the demo world.
func eachWorld(t *testing.T, fn func(t *testing.T, db *store.DB)) { enforcetest.Each(t, demoStart, fn) }

func TestMain(m *testing.M) { os.Exit(enforcetest.Main(m)) }

// client is a browser-like client with its own cookie jar that does not follow redirects,
// so that tests can check them.
func (w *world) client(t testing.TB) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// reply is a response with its body read.
type reply struct {
	status int
	header http.Header
	body   string
}

// cookie returns the Set-Cookie of name in the reply, or nil.
func (r reply) cookie(name string) *http.Cookie {
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// do sends a request; form, when not nil, is posted as a form. hdr are header name, value pairs.
func (w *world) do(t testing.TB, c *http.Client, method, path string, form url.Values, hdr ...string) reply {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, w.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

func (w *world) get(t testing.TB, c *http.Client, path string, hdr ...string) reply {
	t.Helper()
	return w.do(t, c, http.MethodGet, path, nil, hdr...)
}

// login posts the sign-in form.
func (w *world) login(t testing.TB, c *http.Client, email, password string) reply {
	t.Helper()
	return w.do(t, c, http.MethodPost, "/login", url.Values{"email": {email}, "password": {password}})
}

// signIn returns a client signed in as the demo user with email.
func (w *world) signIn(t testing.TB, email string) *http.Client {
	t.Helper()
	c := w.client(t)
	if r := w.login(t, c, email, enforce.DemoPassword); r.status != http.StatusSeeOther {
		t.Fatalf("sign in as %s: got status %d, want 303\n%s", email, r.status, r.body)
	}
	return c
}

var auditActionRE = regexp.MustCompile(`<td><code>([a-z_]+\.[a-z_.]+)</code></td>`)

// auditActions are the actions in the rows of an audit page, in order.
func auditActions(body string) []string {
	var actions []string
	for _, m := range auditActionRE.FindAllStringSubmatch(body, -1) {
		actions = append(actions, m[1])
	}
	return actions
}

// tableRows counts the rows in the body of a page's table.
func tableRows(body string) int {
	_, tbody, ok := strings.Cut(body, "<tbody>")
	if !ok {
		return 0
	}
	tbody, _, _ = strings.Cut(tbody, "</tbody>")
	return strings.Count(tbody, "<tr>")
}
