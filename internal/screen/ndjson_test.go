package screen

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

const devDeclarationsFile = "testdata/dev/declarations.ndjson"

func TestReadDeclarationProblems(t *testing.T) {
	cases := []struct {
		line, want string
	}{
		{`{"id":"D1","declared_at":"2026-13-01"}`, `line 1: declared_at: "2026-13-01" is not a date-time`},
		{`{"id":"D1","declared_at":""}`, `line 1: declared_at: "" is not a date-time`},
		{`{"id":"D1","declared_at":20260301}`, `line 1: declared_at: 20260301 is not a string`},
		{`["D1"]`, `line 1: not a JSON object`},
		{`"D1"`, `line 1: not a JSON object`},
		{`null`, `line 1: not a JSON object`},
		{`{"channel":"postal"}`, `line 1: id: is required`},
		{`{"id":""}`, `line 1: id: is required`},
		{`{"id":null}`, `line 1: id: is required`},
		{`{"id":7}`, `line 1: id: 7 is not a string`},
		{`{"id":"D1","quantity":"12"}`, `line 1: quantity: "12" is not a number`},
		{`{"id":"D1","weight_kg":{"kg":3}}`, `line 1: weight_kg: {"kg":3} is not a number`},
		{`{"id":"D1","value":1e400}`, `line 1: value: 1e400 is out of range`},
		{`{"id":"D1","hs_code":870899}`, `line 1: hs_code: 870899 is not a string`},
		{`{"id":"D1","description":["a","b","c","d","e","f","g","h","i","j","k"]}`, `line 1: description: ["a","b","c","d","e","f","g","h","i","j"… is not a string`},
		{`{"quantity":"x","id":"D1","value":"y"}`, `line 1: quantity: "x" is not a number`}, // the first problem, with the id after it
		{`{"id":"D1","x":}`, `line 1: invalid JSON at column 16: want a value, got '}'`},
		{`{"id":"D1"`, `line 1: invalid JSON at column 11: want ',' or '}', got the end of the line`},
		{`{"id":"D1",}`, `line 1: invalid JSON at column 12: want a field name in quotes, got '}'`},
		{`{"id":"D1"} x`, `line 1: invalid JSON at column 13: text after the object`},
		{`{"id":"D1","x":tru}`, `line 1: invalid JSON at column 16: want true, got 't'`},
		{`{"id":"D1","x":[1,2}`, `line 1: invalid JSON at column 20: want ',' or ']', got '}'`},
		{`{"id":"D1","x":01}`, `line 1: invalid JSON at column 17: want ',' or '}', got '1'`},
		{`{"id":"D1","x":-}`, `line 1: invalid JSON at column 17: want a digit, got '}'`},
		{"{\"id\":\"D\x01\"}", `line 1: invalid JSON at column 9: control character 0x1 in a string`},
		{`{"id":"D\q"}`, `line 1: invalid JSON at column 9: invalid escape \q`},
		{`{"id":"D\u12"}`, `line 1: invalid JSON at column 9: invalid \u escape`},
		{`{"id":"D1`, `line 1: invalid JSON at column 10: unterminated string`},
		{`{"id" "D1"}`, `line 1: invalid JSON at column 7: want ':' after "id", got '"'`},
		{"{\"id\":\"D1\",\"x\":" + strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth) + "}", "line 1: invalid JSON at column 10015: nested too deep"},
	}
	for _, c := range cases {
		var d Declaration
		err := NewReader(strings.NewReader(c.line)).Read(&d)
		var lineErr *LineError
		if !errors.As(err, &lineErr) || err.Error() != c.want {
			t.Errorf("%.60s: got %v, want %s", c.line, err, c.want)
		}
	}
}

// The id of a line with a problem is reported when it could be read.
func TestLineErrorKeepsTheID(t *testing.T) {
	cases := []struct{ line, id string }{
		{`{"quantity":"x","id":"D1"}`, "D1"},
		{`{"id":"D1","quantity":x}`, "D1"},
		{`{"quantity":x,"id":"D1"}`, ""},
		{`{"id":5}`, ""},
	}
	for _, c := range cases {
		var d Declaration
		var lineErr *LineError
		if err := NewReader(strings.NewReader(c.line)).Read(&d); !errors.As(err, &lineErr) || lineErr.ID != c.id {
			t.Errorf("%s: got %v, want a LineError with id %q", c.line, err, c.id)
		}
	}
}

// Every line the reader accepts, it reads as encoding/json does.
func TestReadDeclarationAsEncodingJSON(t *testing.T) {
	lines := []string{
		`{"id":"D1","description":"tab\there \"quoted\" back\\slash \/ \u00e9\u8010\u514b \ud83d\ude00 lone \ud800 \udc00x"}`,
		`{"id":"D1","brand":"in\xffvalid \xe2\x82 utf-8","consignor":"Ω ü 耐克 \u2028"}`,
		`{"ID":"D1","Brand":"B","HS_CODE":"6403","\u0069d":"D2","weight_\u212Ag":3,"consignee_addreſs":"x"}`,
		`{"id":"D1","quantity":-0.5e+2,"value":0,"weight_kg":1E-3,"extra":{"nested":[1,{"a":null},true,false,"s"]},"more":[]}`,
		`{"id":"D1","brand":"first","brand":"second","quantity":1,"quantity":null,"declared_at":"2026-03-06T03:00:00+08:00","declared_at":null}`,
		` { "id" : "D1" , "declared_at" : "2026-03-06T03:00:00.123456789-05:30" } `,
		`{"id":"D1","declared_at":"2026-03-06T03:00:00Z","currency":null,"route":"CN>US","port":"Ningbo"}`,
	}
	for _, l := range lines {
		checkAsEncodingJSON(t, l)
	}
	for _, depth := range []int{maxDepth - 1, maxDepth} { // the object and its fields' values
		checkAsEncodingJSON(t, `{"id":"D1","x":`+strings.Repeat("[", depth)+strings.Repeat("]", depth)+"}")
	}
	data, err := os.ReadFile(devDeclarationsFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		checkAsEncodingJSON(t, l)
	}
}

// checkAsEncodingJSON decodes line both ways: where encoding/json reads a
// declaration with an id, the reader must read the same one, and where
// encoding/json finds no JSON, the reader must fail too.
func checkAsEncodingJSON(t *testing.T, line string) {
	t.Helper()
	var want, got Declaration
	wantErr := json.Unmarshal([]byte(line), &want)
	var dc decoder
	gotErr := dc.decode(line, &got)
	var syntax *json.SyntaxError
	var timeErr *time.ParseError
	switch {
	case wantErr == nil && want.ID != "":
		if gotErr != nil {
			t.Fatalf("%q: got %v, want %+v as encoding/json reads it", line, gotErr, want)
		}
		if !got.DeclaredAt.Equal(want.DeclaredAt) || got.DeclaredAt.Location().String() != want.DeclaredAt.Location().String() {
			t.Fatalf("%q: got declared_at %v, want %v", line, got.DeclaredAt, want.DeclaredAt)
		}
		got.DeclaredAt, want.DeclaredAt = time.Time{}, time.Time{}
		if got != want {
			t.Fatalf("%q:\ngot  %+v\nwant %+v", line, got, want)
		}
	case errors.As(wantErr, &syntax) && gotErr == nil:
		t.Fatalf("%q: got %+v, want an error as encoding/json gives: %v", line, got, wantErr)
	case errors.As(wantErr, &timeErr) && gotErr == nil && !strings.Contains(line, `\`):
		// encoding/json does not unescape times; the reader does
		t.Fatalf("%q: got %+v, want an error as encoding/json gives: %v", line, got, wantErr)
	}
}

func TestReaderLines(t *testing.T) {
	long := `{"id":"L","description":"` + strings.Repeat("x", MaxLineBytes) + `"}`
	justFits := `{"id":"F","description":"` + strings.Repeat("y", MaxLineBytes-len(`{"id":"F","description":""}`)) + `"}`
	in := "\uFEFF" + `{"id":"A"}` + "\r\n\n   \t\r\n" + `{"id":"B"}` + "\n" + long + "\r\n" + justFits + "\n" + `{"id":` + "\n" + `{"id":"C"}`
	want := []string{"A@1", "B@4", "line 5: line is longer than 1 MiB", "F@6", "line 7: invalid JSON at column 7: want a value, got the end of the line", "C@8"}
	r := NewReader(strings.NewReader(in))
	var got []string
	for {
		var d Declaration
		err := r.Read(&d)
		if err == io.EOF {
			break
		}
		var lineErr *LineError
		switch {
		case errors.As(err, &lineErr):
			got = append(got, err.Error())
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, d.ID+"@"+strconv.FormatInt(r.Line(), 10))
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// A failing reader's error is returned, not taken for the end.
func TestReaderPassesOnReadErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	r := NewReader(io.MultiReader(strings.NewReader(`{"id":"A"}`+"\n"+`{"id":"B`), errReader{boom}))
	var d Declaration
	if err := r.Read(&d); err != nil || d.ID != "A" {
		t.Fatalf("first line: got %v, %q; want A", err, d.ID)
	}
	if err := r.Read(&d); err != boom {
		t.Errorf("after the failure: got %v, want %v", err, boom)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// FuzzReadDeclaration reads any input as NDJSON: no panic, one declaration
// or one LineError per non-blank line, and each line read as encoding/json
// reads it.
func FuzzReadDeclaration(f *testing.F) {
	data, err := os.ReadFile(devDeclarationsFile)
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range strings.SplitN(string(data), "\n", 20)[:19] {
		f.Add(l)
	}
	f.Add(`{"id":"D1","description":"\ud83d\ude00 \u00e9","quantity":1e3,"x":[{"y":null}]}` + "\n\n" + `[1]`)
	f.Fuzz(func(t *testing.T, in string) {
		lines := nonBlankLines(in)
		r := NewReader(strings.NewReader(in))
		for i := 0; ; i++ {
			var d Declaration
			err := r.Read(&d)
			if err == io.EOF {
				if i != len(lines) {
					t.Fatalf("got %d declarations and errors, want one for each of %d lines", i, len(lines))
				}
				return
			}
			var lineErr *LineError
			if err != nil && !errors.As(err, &lineErr) || i >= len(lines) {
				t.Fatalf("line %d of %d: got %v, want a declaration or a LineError", i+1, len(lines), err)
			}
			if err == nil && d.ID == "" {
				t.Fatalf("line %d: got a declaration without id", i+1)
			}
			if lineErr != nil && !json.Valid(AppendLineError(nil, lineErr)) {
				t.Fatalf("line %d: error line %q is not JSON", i+1, AppendLineError(nil, lineErr))
			}
			checkAsEncodingJSON(t, lines[i])
		}
	})
}

// nonBlankLines splits in as the reader does, independently of it.
func nonBlankLines(in string) []string {
	var out []string
	for i, l := range strings.Split(in, "\n") {
		if i == 0 {
			l = strings.TrimPrefix(l, "\uFEFF")
		}
		if l = strings.TrimRight(l, "\r"); strings.Trim(l, " \t\r") != "" {
			out = append(out, l)
		}
	}
	return out
}

// BenchmarkReadDeclaration decodes one development declaration per op.
func BenchmarkReadDeclaration(b *testing.B) {
	data, err := os.ReadFile(devDeclarationsFile)
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	b.SetBytes(int64(len(data) / len(lines)))
	b.ReportAllocs()
	var dc decoder
	i := 0
	for b.Loop() {
		var d Declaration
		if err := dc.decode(lines[i%len(lines)], &d); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
