package report

import (
	"net/url"
	"reflect"
	"testing"

	"bordermark/internal/ipr"
)

// FuzzParseFilter feeds arbitrary query strings to ParseFilter: it never
// panics, a refusal names the fields at fault, and an accepted filter written
// back with FilterQuery reads as the same filter (the view's stable address).
func FuzzParseFilter(f *testing.F) {
	for _, seed := range []string{
		"", "from=2026-01&to=2026-06", "from=2026-06&to=2026-01", "channel=ecommerce&transport=post&profile=cn",
		"group=3&holder=7&brand=NORTHWIND&province=CN-ZJ&office=Yiwu", "from=1989-12", "group=-1&holder=x",
		"channel=%00", "brand=" + url.QueryEscape("耐克"), "to=2200-12&from=2200-12", "from=2026-13",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		got, err := ParseFilter(q)
		if err != nil {
			if ipr.ErrorCode(err) != ipr.EINVALID || len(ipr.ErrorFields(err)) == 0 {
				t.Fatalf("ParseFilter(%q): got %v, want EINVALID naming a field", raw, err)
			}
			return
		}
		again, err := ParseFilter(FilterQuery(got))
		if err != nil || !reflect.DeepEqual(again, got) {
			t.Fatalf("ParseFilter(%q) = %+v; written back and read again: %+v, %v", raw, got, again, err)
		}
	})
}
