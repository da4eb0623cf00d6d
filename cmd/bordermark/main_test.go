package main

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func noEnv(string) string { return "" }

// runCmd runs a subcommand to completion and returns what it printed.
func runCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut strings.Builder
	err := run(context.Background(), args, noEnv, &out, &errOut)
	return out.String() + errOut.String(), err
}

// startServer runs `bordermark serve` on a free port and returns its URL; the server
// stops, gracefully, when the test ends.
func startServer(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), noEnv, outW, io.Discard)
		outW.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve returned %v after shutdown, want nil", err)
		}
	})
	lines := bufio.NewScanner(outR)
	for lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "Bordermark is running at "); ok {
			go io.Copy(io.Discard, outR)
			return strings.Fields(rest)[0]
		}
	}
	err := <-done
	done <- nil // the clean-up waits for it too; the reason is reported here, once
	t.Fatalf("serve stopped before printing its address: %v", err)
	return ""
}

// client follows no redirects, so tests see the 303 after sign-in.
var client = &http.Client{
	Timeout:       10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func login(t *testing.T, base, email, password string) *http.Response {
	t.Helper()
	resp, err := client.PostForm(base+"/login", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestServeEndToEnd(t *testing.T) {
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			base := startServer(t, "--db", dsn, "--demo", "--files", t.TempDir())
			checks := []struct {
				path, want string
			}{
				{"/healthz", "ok"},
				{"/readyz", "ready"},
				{"/?lang=zh", "登录"},
				{"/metrics", "bordermark_http_requests_total"},
				{"/api/v1/openapi.json", `"openapi"`},
			}
			for _, c := range checks {
				status, body := get(t, base+c.path)
				if status != http.StatusOK || !strings.Contains(body, c.want) {
					t.Errorf("GET %s: got %d, body containing %q: %v; want 200 containing it", c.path, status, c.want, strings.Contains(body, c.want))
				}
			}
			resp := login(t, base, "officer@yiwu.customs.example", "bordermark-demo")
			if resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) == 0 {
				t.Errorf("demo officer sign-in: got %d with %d cookies, want 303 with a session cookie", resp.StatusCode, len(resp.Cookies()))
			}
		})
	}
}

func TestUserAddThenLogin(t *testing.T) {
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			if out, err := runCmd(t, "demo", "--db", dsn, "--files", t.TempDir()); err != nil {
				t.Fatalf("demo: %v\n%s", err, out)
			}
			out, err := runCmd(t, "user", "add", "--db", dsn, "--email", "new.officer@yiwu.customs.example",
				"--password", "a-long-password", "--role", "customs_officer", "--org", "Yiwu Customs")
			if err != nil || !strings.Contains(out, "added user") {
				t.Fatalf("user add: got %q, %v; want it added", out, err)
			}
			base := startServer(t, "--db", dsn)
			if resp := login(t, base, "new.officer@yiwu.customs.example", "a-long-password"); resp.StatusCode != http.StatusSeeOther {
				t.Errorf("new user's sign-in: got %d, want 303", resp.StatusCode)
			}
			if resp := login(t, base, "new.officer@yiwu.customs.example", "a-wrong-password"); resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("wrong password: got %d, want 401", resp.StatusCode)
			}
		})
	}
}

func TestBadInputNamesTheProblemAndChangesNothing(t *testing.T) {
	dsn := storetest.DSNs(t)["sqlite"]
	if out, err := runCmd(t, "demo", "--db", dsn); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	before := auditCount(t, dsn)
	user := func(email, role, org, password string) []string {
		return []string{"user", "add", "--db", dsn, "--email", email, "--role", role, "--org", org, "--password", password}
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown role", user("x@yiwu.customs.example", "inspector", "Yiwu Customs", "a-long-password"), "role"},
		{"duplicate e-mail", user("officer@yiwu.customs.example", "customs_officer", "Yiwu Customs", "a-long-password"), "already registered"},
		{"unknown org", user("x@yiwu.customs.example", "customs_officer", "Ningbo Customs", "a-long-password"), "Ningbo Customs"},
		{"short password", user("x@yiwu.customs.example", "customs_officer", "Yiwu Customs", "short"), "password"},
		{"role not of the org's kind", user("x@yiwu.customs.example", "police", "Yiwu Customs", "a-long-password"), "org"},
		{"malformed DSN", []string{"migrate", "--db", "postgres://"}, "db"},
		{"unknown scheme", []string{"migrate", "--db", "mysql://localhost/x"}, "db"},
		{"stray argument", []string{"demo", "--db", dsn, "extra"}, "unexpected argument"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := runCmd(t, c.args...)
			if err == nil {
				t.Fatalf("got success (%q), want an error", out)
			}
			if msg := message(err); !strings.Contains(msg, c.want) || strings.Contains(msg, "goroutine") {
				t.Errorf("got message %q, want one naming %q and no stack trace", msg, c.want)
			}
		})
	}
	if after := auditCount(t, dsn); after != before {
		t.Errorf("audit verify: got %q after bad input, want %q: nothing may be written", after, before)
	}
}

func TestAuditVerifyCatchesTampering(t *testing.T) {
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			if out, err := runCmd(t, "demo", "--db", dsn, "--files", t.TempDir()); err != nil {
				t.Fatalf("demo: %v\n%s", err, out)
			}
			if out, err := runCmd(t, "audit", "verify", "--db", dsn); err != nil || !strings.Contains(out, "intact") {
				t.Fatalf("untouched log: got %q, %v; want intact", out, err)
			}
			rawExec(t, dsn, `UPDATE audit_events SET after_text = 'nothing to see' WHERE seq = 7`)
			_, err := runCmd(t, "audit", "verify", "--db", dsn)
			if err == nil || !strings.Contains(err.Error(), "audit event 7") {
				t.Errorf("after editing event 7: got %v, want an error naming audit event 7", err)
			}
		})
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range commands() {
		out, err := runCmd(t, append(strings.Fields(c.name), "--help")...)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(out, "Usage: bordermark "+c.name) {
			t.Errorf("%s --help: got %v and %q, want flag.ErrHelp and usage", c.name, err, out)
		}
	}
	if out, err := runCmd(t, "--help"); !errors.Is(err, flag.ErrHelp) || !strings.Contains(out, "audit verify") {
		t.Errorf("--help: got %v and %q, want the command list", err, out)
	}
}

func TestEnvironmentFallback(t *testing.T) {
	dsn := storetest.DSNs(t)["sqlite"]
	env := func(k string) string { return map[string]string{"BORDERMARK_DB": dsn}[k] }
	var out strings.Builder
	if err := run(context.Background(), []string{"migrate"}, env, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "sqlite") {
		t.Errorf("migrate with BORDERMARK_DB: got %q, want the SQLite database migrated", out.String())
	}
}

// rawExec changes the database behind Bordermark's back, as an attacker with database access would.
func rawExec(t *testing.T, dsn, query string) {
	t.Helper()
	driver := "sqlite"
	if store.IsPostgresDSN(dsn) {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		t.Fatal(err)
	}
}

func auditCount(t *testing.T, dsn string) string {
	t.Helper()
	out, err := runCmd(t, "audit", "verify", "--db", dsn)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
