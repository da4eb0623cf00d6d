package api_test

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/api"
)

// openAPIDoc reads the document the API embeds.
func openAPIDoc(t *testing.T) (map[string]any, []string) {
	t.Helper()
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	server := doc["servers"].([]any)[0].(map[string]any)["url"].(string)
	var ops []string
	for path, item := range doc["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			switch method {
			case "get", "put", "post", "delete", "patch", "head", "options", "trace":
				ops = append(ops, strings.ToUpper(method)+" "+server+path)
			}
		}
	}
	slices.Sort(ops)
	return doc, ops
}

// Every route the API registers under /api/v1 is in openapi.json, and nothing else is.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	_, documented := openAPIDoc(t)
	registered := slices.Sorted(slices.Values(api.Patterns()))
	for _, p := range registered {
		if !strings.Contains(p, " /api/v1/") {
			t.Errorf("route %q is not under /api/v1", p)
		}
		if !slices.Contains(documented, p) {
			t.Errorf("route %q is registered but not in openapi.json", p)
		}
	}
	for _, p := range documented {
		if !slices.Contains(registered, p) {
			t.Errorf("openapi.json describes %q, which the API does not register", p)
		}
	}
}

// The table is what the mux serves: each route answers (200 or 401 without a token),
// not the catch-all's 404.
func TestRoutesAreServed(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	for _, p := range api.Patterns() {
		method, path, _ := strings.Cut(p, " ")
		r := s.do(t, method, strings.ReplaceAll(path, "{id}", "1"))
		if r.status != http.StatusOK && r.status != http.StatusUnauthorized {
			t.Errorf("%s without a token: got %d, want 200 or 401", p, r.status)
		}
	}
}

// Every $ref of the document points at something in it.
func TestOpenAPIReferences(t *testing.T) {
	doc, _ := openAPIDoc(t)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				var node any = doc
				for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
					m, _ := node.(map[string]any)
					node = m[part]
				}
				if node == nil {
					t.Errorf("$ref %q points at nothing", ref)
				}
			}
			for _, child := range v {
				walk(child)
			}
		case []any:
			for _, child := range v {
				walk(child)
			}
		}
	}
	walk(doc)
}
