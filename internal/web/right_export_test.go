package web_test

import (
	"bytes"
	"net/http"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/store"
)

// GET /rights.csv is the register in the import's format, scoped as the register search is.
func TestRightExport(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		for _, tc := range []struct {
			name, email string
			want, not   []string // references
		}{
			{"customs get all but drafts", officer, []string{"DEMO-NORTHWIND", "DEMO-FERROCAR", "DEMO-MEDORA", "DEMO-MARLOWE"}, []string{"DEMO-GOLDFIELD"}},
			{"a holder gets its own", brand, []string{"DEMO-NORTHWIND"}, []string{"DEMO-FERROCAR", "DEMO-AURELIA", "DEMO-GOLDFIELD"}},
			{"an agent gets its clients'", counsel, []string{"DEMO-AURELIA", "DEMO-LUMINA", "DEMO-ORBIS"}, []string{"DEMO-NORTHWIND"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r := w.get(t, w.signIn(t, tc.email), "/rights.csv")
				if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") ||
					!strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment; filename=\"rights-2026-11-27.csv\"") {
					t.Fatalf("GET /rights.csv: got %d %q %q, want 200 CSV attachment", r.status,
						r.header.Get("Content-Type"), r.header.Get("Content-Disposition"))
				}
				file, err := enforce.ParseRightsCSV(strings.NewReader(r.body))
				if err != nil || len(file.Problems) > 0 {
					t.Fatalf("GET /rights.csv: got a file with problems %v, %v:\n%s", file.Problems, err, r.body)
				}
				var refs []string
				for _, row := range file.Rows {
					refs = append(refs, row.Right.Ref)
				}
				for _, ref := range tc.want {
					if !slices.Contains(refs, ref) {
						t.Errorf("got %v, want %s in it", refs, ref)
					}
				}
				for _, ref := range tc.not {
					if slices.Contains(refs, ref) {
						t.Errorf("got %v, want no %s", refs, ref)
					}
				}
			})
		}

		// A row has the columns of the import: variants |-separated, classes space-separated.
		r := w.get(t, w.signIn(t, officer), "/rights.csv")
		if !bytes.Contains([]byte(r.body), []byte("DEMO-NORTHWIND,Northwind Apparel,trademark,NORTHWIND,北风|NWD,18 25,CN,2016-05-14,2036-05-13,")) {
			t.Errorf("GET /rights.csv: got\n%s\nwant DEMO-NORTHWIND's row", r.body)
		}

		if r := w.get(t, w.signIn(t, "investigator@zhejiang.police.example"), "/rights.csv"); r.status != http.StatusForbidden {
			t.Errorf("police: got %d, want 403", r.status)
		}
		if r := w.get(t, w.client(t), "/rights.csv"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/login") {
			t.Errorf("signed out: got %d to %q, want 303 to /login", r.status, r.header.Get("Location"))
		}
	})
}
