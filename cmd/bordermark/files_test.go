package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bordermark/internal/store/storetest"
)

// countFiles counts the files under dir (none when it does not exist).
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// The demo's photos go to --files, else BORDERMARK_FILES, else a folder beside the SQLite file.
func TestFilesFolder(t *testing.T) {
	for _, tc := range []struct {
		name string
		flag bool
		env  bool
	}{
		{"beside the database by default", false, false},
		{"--files", true, false},
		{"BORDERMARK_FILES", false, true},
		{"--files over BORDERMARK_FILES", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dsn := storetest.DSNs(t)["sqlite"]
			flagDir, envDir, beside := t.TempDir(), t.TempDir(), filepath.Join(filepath.Dir(dsn), "files")
			args := []string{"demo", "--db", dsn}
			want := beside
			if tc.env {
				want = envDir
			}
			if tc.flag {
				args, want = append(args, "--files", flagDir), flagDir
			}
			getenv := func(k string) string {
				if k == "BORDERMARK_FILES" && tc.env {
					return envDir
				}
				return ""
			}
			var out strings.Builder
			if err := run(context.Background(), args, getenv, &out, &out); err != nil {
				t.Fatalf("demo: %v\n%s", err, out.String())
			}
			for _, dir := range []string{flagDir, envDir, beside} {
				n := countFiles(dir)
				if dir == want && n == 0 {
					t.Errorf("%s: got no files, want the demo's photos", dir)
				}
				if dir != want && n != 0 {
					t.Errorf("%s: got %d files, want none there", dir, n)
				}
			}
		})
	}
	if got := filesDir("", ""); got != "bordermark-files" {
		t.Errorf("default on PostgreSQL: got %q, want bordermark-files", got)
	}
}
