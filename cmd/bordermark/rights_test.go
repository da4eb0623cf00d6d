package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bordermark/internal/store/storetest"
)

const registerFile = "../../testdata/rights.csv"

// The development register imports whole, again without change, and round-trips through export.
func TestRightsImportExport(t *testing.T) {
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			out, err := runCmd(t, "rights", "import", "--db", dsn, registerFile)
			if err != nil || !strings.Contains(out, "20041 rows: 20041 created, 0 updated, 0 unchanged, 0 skipped; 20041 holders created; sha256 ") {
				t.Fatalf("first import: got %v\n%s", err, out)
			}
			out, err = runCmd(t, "rights", "import", registerFile, "--db", dsn) // flags after the file too
			if err != nil || !strings.Contains(out, "0 created, 0 updated, 20041 unchanged") {
				t.Fatalf("second import: got %v\n%s", err, out)
			}

			exported := filepath.Join(t.TempDir(), "register.csv")
			if out, err := runCmd(t, "rights", "export", "--db", dsn, "--out", exported); err != nil || !strings.Contains(out, "exported 20041 rights to") {
				t.Fatalf("export: got %v\n%s", err, out)
			}
			out, err = runCmd(t, "rights", "import", "--db", dsn, exported)
			if err != nil || !strings.Contains(out, "20041 rows: 0 created, 0 updated, 20041 unchanged") {
				t.Errorf("import of the export: got %v\n%s", err, out)
			}
			stdout, err := runCmd(t, "rights", "export", "--db", dsn, "--status", "approved")
			if b, _ := os.ReadFile(exported); err != nil || stdout != string(b) {
				t.Errorf("export to standard output: got %v and %d bytes, want the file's %d", err, len(stdout), len(b))
			}
		})
	}
}

// A file with one bad row names the line and the field, and imports nothing unless told to skip it.
func TestRightsImportBadRow(t *testing.T) {
	dsn := storetest.DSNs(t)["sqlite"]
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte(strings.Join(rightsFile(
		"OK-1,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,",
		"BAD-1,Acme,trademark,BETA,,25 99,CN,2020-01-01,2030-12-31,",
	), "")), 0o644)
	out, err := runCmd(t, "rights", "import", "--db", dsn, bad)
	if err == nil || !strings.Contains(out, "line 3: nice_classes: 99 is not a Nice class (1–45)") ||
		!strings.Contains(message(err), "1 of 2 rows have errors; nothing was imported") || !strings.Contains(message(err), "--skip-invalid") {
		t.Fatalf("got %v\n%s\nwant the line and field, and nothing imported", err, out)
	}
	if out, _ := runCmd(t, "rights", "export", "--db", dsn); strings.Count(out, "\n") != 1 {
		t.Errorf("after the refused import: got\n%s\nwant only the header", out)
	}
	out, err = runCmd(t, "rights", "import", "--skip-invalid", "--db", dsn, bad)
	if err != nil || !strings.Contains(out, "line 3: nice_classes:") || !strings.Contains(out, "2 rows: 1 created, 0 updated, 0 unchanged, 1 skipped") {
		t.Errorf("with --skip-invalid: got %v\n%s", err, out)
	}
	for _, args := range [][]string{{"rights", "import", "--db", dsn}, {"rights", "import", "--db", dsn, "missing.csv"}, {"rights", "export", "--db", dsn, "--status", "lost"}} {
		if _, err := runCmd(t, args...); err == nil {
			t.Errorf("%v: got no error", args)
		}
	}
}

// rightsFile is a rights file: the header and the given rows, each ending a line.
func rightsFile(rows ...string) []string {
	lines := []string{"id,holder,kind,mark,variants,nice_classes,jurisdiction,valid_from,valid_to,authorised_exporters\n"}
	for _, r := range rows {
		lines = append(lines, r+"\n")
	}
	return lines
}
