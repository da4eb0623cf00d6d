package enforce

import (
	"os"
	"path/filepath"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// Without the demo rights (another part of the demo, or an older database), the
// catalogue is skipped rather than failing the demo.
func TestDemoCatalogueWithoutRights(t *testing.T) {
	s := New(storetest.SQLite(t), ipr.NewFixedClock(ipr.SystemClock{}.Now()), nil)
	s.Files = store.NewBlobs(t.TempDir())
	r := &DemoReport{}
	err := s.DB.Update(t.Context(), func(tx *store.Tx) error {
		return s.ensureDemoCatalogue(t.Context(), tx, ipr.SystemUser(), r)
	})
	if err != nil || r.Created != 0 {
		t.Errorf("got %d created, %v; want 0, nil", r.Created, err)
	}
}

// The demo pictures, drawn, for a person to look at: BORDERMARK_SCREENSHOTS=dir go test -run DemoPictures.
func TestDemoPictures(t *testing.T) {
	dir := os.Getenv("BORDERMARK_SCREENSHOTS")
	drawn := drawDemoPictures()
	for _, d := range demoCatalogue {
		for _, pc := range d.pictures() {
			f := drawn[pc.key()]
			if f == nil || len(f.data) == 0 || len(f.thumb) == 0 || sniff(f.data) != "image/png" {
				t.Fatalf("%s: not drawn", pc.Name)
			}
			if dir != "" {
				if err := os.WriteFile(filepath.Join(dir, pc.Name), f.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
