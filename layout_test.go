// Package bordermark_test checks the layout rules of DESIGN.md that the compiler cannot:
// dependencies point one way, and the pure packages stay pure.
package bordermark_test

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "bordermark/"

// layers lists, for every package, the Bordermark packages it may import.
// A new package must be added here, which makes its place in the layering a decision.
var layers = map[string][]string{
	"internal/ipr":                 {},
	"internal/calendar":            {"internal/ipr"},
	"internal/workflow":            {"internal/ipr", "internal/calendar"},
	"internal/screen":              {"internal/ipr"},
	"internal/store":               {"internal/ipr"},
	"internal/store/storetest":     {"internal/store"},
	"internal/enforce/enforcetest": {"internal/enforce", "internal/ipr", "internal/store", "internal/store/storetest"},
	"internal/notify":              {"internal/ipr", "internal/store"},
	"internal/report":              {"internal/ipr"},
	"internal/enforce": {"internal/ipr", "internal/calendar", "internal/workflow", "internal/screen",
		"internal/store", "internal/notify", "internal/report"},
	// web, api and cmd use screen's value types (declarations, results,
	// rules) and cmd streams NDJSON through it; the engine itself runs in enforce.
	// cmd's deadline command is calendar arithmetic and nothing else. web and
	// api send and show workflow's events and profile descriptions, values
	// like screen's; transitions run in enforce. cmd starts serve's job queue.
	"internal/web": {"internal/ipr", "internal/enforce", "internal/report", "internal/screen", "internal/workflow"},
	"internal/api": {"internal/ipr", "internal/enforce", "internal/report", "internal/screen", "internal/workflow"},
	"cmd/bordermark": {"internal/ipr", "internal/enforce", "internal/store", "internal/web", "internal/api", "internal/screen", "internal/calendar",
		"internal/notify"},
}

// pure packages import neither storage nor HTTP; ipr imports only the standard library.
var pure = []string{"internal/ipr", "internal/calendar", "internal/workflow", "internal/screen", "internal/report"}

func TestDependenciesPointOneWay(t *testing.T) {
	for dir, imports := range packageImports(t) {
		allowed, known := layers[dir]
		if !known {
			t.Errorf("package %s is not in the layers table of layout_test.go: add it with the packages it may import", dir)
			continue
		}
		for _, imp := range imports {
			if own, ok := strings.CutPrefix(imp, module); ok && !slices.Contains(allowed, own) {
				t.Errorf("%s imports %s: not allowed by DESIGN.md's layering (allowed: %v)", dir, own, allowed)
			}
		}
	}
}

func TestPurePackagesStayPure(t *testing.T) {
	all := packageImports(t)
	for _, dir := range pure {
		for _, imp := range all[dir] {
			if imp == "net/http" || imp == "database/sql" || strings.HasPrefix(imp, module+"internal/store") {
				t.Errorf("%s imports %s: pure packages must not touch storage or HTTP", dir, imp)
			}
			if dir == "internal/ipr" && !isStandard(imp) {
				t.Errorf("internal/ipr imports %s: the domain package uses only the standard library", imp)
			}
		}
	}
}

// packageImports returns the non-test imports of every package under internal/ and cmd/.
func packageImports(t *testing.T) map[string][]string {
	t.Helper()
	found := map[string][]string{}
	for _, root := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() || d.Name() == "testdata" {
				return err
			}
			pkg, err := build.ImportDir(path, 0)
			if _, none := err.(*build.NoGoError); none {
				return nil
			}
			if err != nil {
				return err
			}
			found[filepath.ToSlash(path)] = pkg.Imports
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(found) == 0 {
		t.Fatal("no packages found: run the test from the module root")
	}
	return found
}

func isStandard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && !strings.HasPrefix(path, module)
}
