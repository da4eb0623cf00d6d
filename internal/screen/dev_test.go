package screen

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/ipr"
)

// devMarks reads the development register (the `rights import` CSV layout).
// A nil tb panics on errors, for use in sync.OnceValue.
func devMarks(tb testing.TB, path string) []Mark {
	if tb == nil {
		tb = panicTB{}
	}
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var marks []Mark
	for _, r := range rows[1:] {
		m := Mark{RightID: r[0], Text: r[3], Variants: splitList(r[4]), Authorised: splitList(r[9])}
		for _, c := range strings.Fields(r[5]) {
			n, _ := strconv.Atoi(c)
			m.Classes = append(m.Classes, n)
		}
		if m.ValidFrom, err = ipr.ParseDate(r[7]); err != nil {
			tb.Fatal(err)
		}
		if m.ValidTo, err = ipr.ParseDate(r[8]); err != nil {
			tb.Fatal(err)
		}
		marks = append(marks, m)
	}
	return marks
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// devDeclarations reads NDJSON declarations.
func devDeclarations(tb testing.TB, path string) []Declaration {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []Declaration
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d Declaration
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

type label struct {
	ID     string   `json:"id"`
	Expect []string `json:"expect"`
	Kind   string   `json:"kind"`
	Family string   `json:"family"`
}

func devLabels(tb testing.TB, path string) map[string]label {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string]label{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l label
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			tb.Fatal(err)
		}
		out[l.ID] = l
	}
	return out
}

// TestDevAccuracy screens the development set and scores it the way the
// set's README does. It fails below the targets of recall and precision.
func TestDevAccuracy(t *testing.T) {
	ix := Build(devMarks(t, "testdata/dev/rights.csv"))
	labels := devLabels(t, "testdata/dev/labels.ndjson")
	s := NewEngine(ix, nil).Screener()
	var found, positives, falseFlags int
	misses := map[string]int{}
	for _, d := range devDeclarations(t, "testdata/dev/declarations.ndjson") {
		l, ok := labels[d.ID]
		if !ok {
			t.Fatalf("no label for %s", d.ID)
		}
		res := s.Screen(&d)
		flagged, right := false, false
		for _, h := range res.Hits {
			if h.Authorised {
				continue
			}
			flagged = true
			for _, e := range l.Expect {
				right = right || h.RightID == e
			}
		}
		if len(l.Expect) > 0 {
			positives++
		}
		switch {
		case flagged && right:
			found++
		case flagged:
			falseFlags++
			misses["false "+l.Kind+"/"+l.Family]++
			if testing.Verbose() {
				t.Logf("false flag %s %s/%s: %q %q hs %s → %+v", d.ID, l.Kind, l.Family, d.Description, d.Brand, d.HSCode, res.Hits)
			}
		case len(l.Expect) > 0:
			misses["missed "+l.Family]++
			if testing.Verbose() {
				t.Logf("missed %s %s %v: %q %q hs %s", d.ID, l.Family, l.Expect, d.Description, d.Brand, d.HSCode)
			}
		}
	}
	recall := float64(found) / float64(positives)
	precision := float64(found) / float64(found+falseFlags)
	t.Logf("recall %.4f (%d of %d), precision %.4f (%d false flags); %v", recall, found, positives, precision, falseFlags, misses)
	if recall < 0.97 || precision < 0.97 {
		t.Errorf("recall %.4f and precision %.4f, want both ≥ 0.97", recall, precision)
	}
}

// panicTB is a testing.TB that panics, for helpers called outside a test.
type panicTB struct{ testing.TB }

func (panicTB) Helper()           {}
func (panicTB) Fatal(args ...any) { panic(fmt.Sprint(args...)) }
