package screen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

var devEngineOnce struct {
	sync.Once
	e *Engine
}

// devEngine is an engine on the development register, built once.
func devEngine(tb testing.TB) *Engine {
	devEngineOnce.Do(func() { devEngineOnce.e = NewEngine(Build(devMarks(tb, "testdata/dev/rights.csv")), nil) })
	return devEngineOnce.e
}

// devInput is the development declarations with blank and malformed lines
// mixed in.
func devInput(tb testing.TB) string {
	data, err := os.ReadFile(devDeclarationsFile)
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for i, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		switch {
		case i%97 == 13:
			b.WriteString(`{"id":"BAD-` + fmt.Sprint(i) + `","quantity":"many"}` + "\n")
		case i%50 == 7:
			b.WriteString("\n  \r\n")
		case i%333 == 5:
			b.WriteString("not json\n")
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// screenInOrder is what Stream must write: each line read, screened and
// written one after the other.
func screenInOrder(t *testing.T, e *Engine, in string) ([]byte, Stats) {
	t.Helper()
	r, s := NewReader(strings.NewReader(in)), e.Screener()
	var out []byte
	var st Stats
	for {
		var d Declaration
		err := r.Read(&d)
		var lineErr *LineError
		switch {
		case err == io.EOF:
			return out, st
		case errors.As(err, &lineErr):
			st.Errors++
			out = AppendLineError(out, lineErr)
		case err != nil:
			t.Fatal(err)
		default:
			res := s.Screen(&d)
			if st.Screened++; res.Flagged() {
				st.Flagged++
			}
			out = AppendResult(out, &res)
		}
		st.Lines++
	}
}

func TestStreamKeepsOrder(t *testing.T) {
	e, in := devEngine(t), devInput(t)
	want, wantStats := screenInOrder(t, e, in)
	if wantStats.Errors == 0 || wantStats.Flagged == 0 {
		t.Fatalf("the input has %d errors and %d flags: want some of both", wantStats.Errors, wantStats.Flagged)
	}
	for _, workers := range []int{1, 2, 7, 0} {
		var out bytes.Buffer
		var progressed Stats
		st, err := Stream(context.Background(), strings.NewReader(in), &out, e, workers, func(s Stats) { progressed = s })
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%d workers: output differs from screening line by line at line %d", workers, firstDiffLine(out.Bytes(), want))
		}
		wantStats.Bytes = int64(len(in))
		if st != wantStats || progressed != st {
			t.Errorf("%d workers: got stats %+v (last progress %+v), want %+v", workers, st, progressed, wantStats)
		}
	}
}

func firstDiffLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// Bad lines get an error line in their place, naming the line and the field.
func TestStreamErrorLines(t *testing.T) {
	in := `{"id":"A","description":"car spare parts newFalconshoes","hs_code":"870899"}` + "\n\n" +
		`{"id":"B","declared_at":"2026-13-01"}` + "\n" + `not json` + "\n" + `{"id":"C"}`
	var out bytes.Buffer
	st, err := Stream(context.Background(), strings.NewReader(in), &out, devEngine(t), 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := []string{
		`{"id":"A",`,
		`{"id":"B","line":3,"error":"declared_at: \"2026-13-01\" is not a date-time"}`,
		`{"line":4,"error":"not a JSON object"}`,
		`{"id":"C","risk":0,"hits":[],"rules":[]}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("line %d: got %s, want %s", i+1, lines[i], want[i])
		}
	}
	if want := (Stats{Lines: 4, Screened: 2, Flagged: 1, Errors: 2, Bytes: int64(len(in))}); st != want {
		t.Errorf("got stats %+v, want %+v", st, want)
	}
}

func TestStreamEmpty(t *testing.T) {
	for _, in := range []string{"", "\n", " \t\r\n\n"} {
		var out bytes.Buffer
		st, err := Stream(context.Background(), strings.NewReader(in), &out, devEngine(t), 2, nil)
		if err != nil || out.Len() != 0 || st != (Stats{}) {
			t.Errorf("%q: got %v, %q, %+v; want nothing", in, err, out.String(), st)
		}
	}
}

// Cancelling returns at once, even while the input blocks, and leaves only
// whole result lines written.
func TestStreamCancel(t *testing.T) {
	e := devEngine(t)
	t.Run("blocked input", func(t *testing.T) {
		pr, pw := io.Pipe()
		defer pw.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancel()
		began := time.Now()
		_, err := Stream(ctx, pr, io.Discard, e, 2, nil)
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(began) > 5*time.Second {
			t.Errorf("got %v after %v, want the deadline at once", err, time.Since(began))
		}
	})
	t.Run("endless input", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var out bytes.Buffer
		st, err := Stream(ctx, endless{}, &out, e, 2, func(s Stats) {
			if s.Lines >= 3*chunkLines {
				cancel()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
		if n := int64(bytes.Count(out.Bytes(), []byte("\n"))); n != st.Lines || st.Lines < 3*chunkLines || !bytes.HasSuffix(out.Bytes(), []byte("\n")) {
			t.Errorf("got %d whole lines written and stats %+v, want the lines of the stats", n, st)
		}
	})
}

// endless reads the same declaration for ever.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	const line = `{"id":"E","description":"GUCCI bag","hs_code":"420221"}` + "\n"
	n := 0
	for len(p)-n >= len(line) {
		n += copy(p[n:], line)
	}
	return n, nil
}

func TestStreamIOErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	in := io.MultiReader(strings.NewReader(`{"id":"A"}`+"\n"+`{"id":"B"}`+"\n"+`{"id":"C`), errReader{boom})
	var out bytes.Buffer
	st, err := Stream(context.Background(), in, &out, devEngine(t), 2, nil)
	if err != boom || st.Lines != 2 || strings.Count(out.String(), "\n") != 2 {
		t.Errorf("failing input: got %v, %+v and\n%s\nwant %v after the two whole lines", err, st, out.String(), boom)
	}
	_, err = Stream(context.Background(), strings.NewReader(devInput(t)), failingWriter{boom}, devEngine(t), 2, nil)
	if err != boom {
		t.Errorf("failing output: got %v, want %v", err, boom)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// AppendResult writes what encoding/json writes, for the development set's
// results and for results full of awkward text and numbers.
func TestAppendResultAsEncodingJSON(t *testing.T) {
	e := devEngine(t)
	s := e.Screener()
	var results []Result
	for _, d := range devDeclarations(t, devDeclarationsFile) {
		results = append(results, s.Screen(&d))
	}
	awkward := []string{"", `"quoted" \back\slash`, "\x00\x01\b\f\n\r\t\x1f\x7f", "<a href='x'>&amp;</a>", "耐克 Pokémon 😀",
		"in\xffvalid \xe2\x82 utf-8", "\u2028\u2029", "\ufffd"}
	for i, str := range awkward {
		results = append(results, Result{ID: str, Risk: i, Error: str,
			Hits: []Hit{{RightID: str, Mark: str, Matched: str, Field: str, Method: str, Start: -i, End: i, Reasons: []string{str, str},
				Score: []float64{0, 0.5, 1e-7, 1e21, 123456789.125, -2.5e-9, 0.1 + 0.2, math.MaxFloat64}[i]}},
			Rules: []RuleHit{{ID: int64(i) << 40, Name: str, Weight: -i, Reason: str}, {}}})
	}
	for _, r := range results {
		checkResult(t, r)
	}
}

// checkResult compares AppendResult with encoding/json, writing nil lists as [].
func checkResult(t *testing.T, r Result) {
	t.Helper()
	got := AppendResult(nil, &r)
	if r.Hits == nil {
		r.Hits = []Hit{}
	}
	if r.Rules == nil {
		r.Rules = []RuleHit{}
	}
	for i := range r.Hits {
		if r.Hits[i].Reasons == nil {
			r.Hits[i].Reasons = []string{}
		}
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("got  %s\nwant %s", got, want.Bytes())
	}
}

func FuzzAppendResult(f *testing.F) {
	f.Add("GUCCI \"bag\" \u2028 \xff", 0.75)
	f.Fuzz(func(t *testing.T, s string, score float64) {
		if math.IsInf(score, 0) || math.IsNaN(score) {
			score = 0
		}
		checkResult(t, Result{ID: s, Hits: []Hit{{RightID: s, Matched: s, Score: score, Reasons: []string{s}}}, Rules: []RuleHit{{Name: s}}})
	})
}

func TestAppendLineError(t *testing.T) {
	cases := []struct {
		err  LineError
		want string
	}{
		{LineError{Line: 7, ID: "D\"1", Field: "declared_at", Problem: `"2026-13-01" is not a date-time`},
			`{"id":"D\"1","line":7,"error":"declared_at: \"2026-13-01\" is not a date-time"}` + "\n"},
		{LineError{Line: 9, Problem: "not a JSON object"}, `{"line":9,"error":"not a JSON object"}` + "\n"},
	}
	for _, c := range cases {
		if got := string(AppendLineError(nil, &c.err)); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
}

// BenchmarkStream screens the development set, repeated, through Stream
// on all cores, and reports declarations per second.
func BenchmarkStream(b *testing.B) {
	e := devEngine(b)
	data, err := os.ReadFile(devDeclarationsFile)
	if err != nil {
		b.Fatal(err)
	}
	in := bytes.Repeat(data, 20) // 100,000 declarations
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Stream(context.Background(), bytes.NewReader(in), io.Discard, e, 0, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*100_000/b.Elapsed().Seconds(), "decl/s")
}
