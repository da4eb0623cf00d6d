package web_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
	"bordermark/internal/web"
)

func TestHealthAndReadiness(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		c := w.client(t)
		for _, tc := range []struct {
			path       string
			wantStatus int
			wantBody   string
		}{
			{"/healthz", http.StatusOK, "ok\n"},
			{"/readyz", http.StatusOK, "ready\n"},
		} {
			r := w.get(t, c, tc.path)
			if r.status != tc.wantStatus || r.body != tc.wantBody {
				t.Errorf("GET %s: got %d %q, want %d %q", tc.path, r.status, r.body, tc.wantStatus, tc.wantBody)
			}
		}
	})
}

// A load balancer must stop sending traffic when the database is gone.
func TestReadinessWithoutDatabase(t *testing.T) {
	db := storetest.SQLite(t)
	w := newWorld(t, db)
	db.Close()
	// The reason is logged; the public answer carries no driver detail.
	r := w.get(t, w.client(t), "/readyz")
	if r.status != http.StatusServiceUnavailable || r.body != "not ready\n" {
		t.Errorf("GET /readyz on a closed database: got %d %q, want 503 %q", r.status, r.body, "not ready\n")
	}
	if r := w.get(t, w.client(t), "/healthz"); r.status != http.StatusOK {
		t.Errorf("GET /healthz on a closed database: got %d, want 200 (the process is up)", r.status)
	}
}

func TestMetrics(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		c := w.client(t)
		for _, path := range []string{"/healthz", "/healthz", "/", "/no/such/page", "/api/v1/me"} {
			w.get(t, c, path)
		}
		r := w.get(t, c, "/metrics")
		if r.status != http.StatusOK {
			t.Fatalf("GET /metrics: got %d, want 200", r.status)
		}
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
			t.Errorf("GET /metrics: got Content-Type %q, want Prometheus text (text/plain)", ct)
		}
		for _, want := range []string{
			"# TYPE bordermark_http_requests_total counter",
			`bordermark_http_requests_total{method="GET",route="GET /healthz",status="200"} 2`,
			`bordermark_http_requests_total{method="GET",route="GET /{$}",status="200"} 1`,
			`bordermark_http_requests_total{method="GET",route="/",status="404"} 1`,
			`bordermark_http_requests_total{method="GET",route="GET /api/v1/me",status="401"} 1`,
			"# TYPE bordermark_http_request_duration_seconds histogram",
			"go_sql_open_connections{db_name=\"bordermark_",
			"go_sql_max_open_connections{db_name=\"bordermark_",
			"go_goroutines ",
		} {
			if !strings.Contains(r.body, want) {
				t.Errorf("GET /metrics: got no line with %q", want)
			}
		}
	})
}

// Every response, whatever its route and status, carries a request id for support and the logs.
func TestRequestID(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	idRE := regexp.MustCompile(`^[0-9a-f]{16}$`)
	seen := map[string]string{}
	for _, tc := range []struct {
		method, path string
		wantStatus   int
	}{
		{"GET", "/healthz", 200},
		{"GET", "/readyz", 200},
		{"GET", "/metrics", 200},
		{"GET", "/", 200},
		{"GET", "/login", 200},
		{"GET", "/audit", 303},
		{"GET", "/no/such/page", 404},
		{"GET", "/static/app.css", 200},
		{"GET", "/api/v1/me", 401},
		{"GET", "/api/v1/openapi.json", 200},
		{"POST", "/healthz", 404}, // the pages' catch-all answers other methods
	} {
		r := w.do(t, c, tc.method, tc.path, nil)
		if r.status != tc.wantStatus {
			t.Errorf("%s %s: got status %d, want %d", tc.method, tc.path, r.status, tc.wantStatus)
		}
		id := r.header.Get("X-Request-Id")
		if !idRE.MatchString(id) {
			t.Errorf("%s %s: got X-Request-Id %q, want 16 hex digits", tc.method, tc.path, id)
			continue
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("%s %s: got X-Request-Id %s, already given to %s", tc.method, tc.path, id, prev)
		}
		seen[id] = tc.path
	}
}

// /metrics is for the monitoring: without a token only this machine reads it,
// with one only requests bearing it.
func TestMetricsAccess(t *testing.T) {
	w := newSQLiteWorld(t)
	withToken, err := web.New(w.svc, web.Options{Version: "test", MetricsToken: "s3cret-scrape"})
	if err != nil {
		t.Fatal(err)
	}
	open, err := web.New(w.svc, web.Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		h      http.Handler
		remote string
		auth   string
		want   int
	}{
		{"no token, this machine", open, "127.0.0.1:5000", "", http.StatusOK},
		{"no token, IPv6 loopback", open, "[::1]:5000", "", http.StatusOK},
		{"no token, another machine", open, "192.0.2.7:5000", "", http.StatusUnauthorized},
		{"token, none sent", withToken, "127.0.0.1:5000", "", http.StatusUnauthorized},
		{"token, wrong one", withToken, "192.0.2.7:5000", "Bearer nope", http.StatusUnauthorized},
		{"token, right one", withToken, "192.0.2.7:5000", "Bearer s3cret-scrape", http.StatusOK},
	} {
		r := httptest.NewRequest(http.MethodGet, "/metrics", nil)
		r.RemoteAddr = tc.remote
		if tc.auth != "" {
			r.Header.Set("Authorization", tc.auth)
		}
		rec := httptest.NewRecorder()
		tc.h.ServeHTTP(rec, r)
		if rec.Code != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, rec.Code, tc.want)
		}
	}
}
