package screen

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

// descriptions reads the description and brand fields of the development
// declarations in testdata.
func descriptions(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open("testdata/dev/declarations.ndjson")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d struct{ Description, Brand string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		out = append(out, d.Description)
		if d.Brand != "" {
			out = append(out, d.Brand)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// BenchmarkNormalise normalises one declaration field per op, cycling
// through the development set with warm buffers, as the engine will: all
// fields, then the ASCII and non-ASCII ones apart.
func BenchmarkNormalise(b *testing.B) {
	all := descriptions(b)
	var ascii, other []string
	for _, s := range all {
		if isASCII([]byte(s)) {
			ascii = append(ascii, s)
		} else {
			other = append(other, s)
		}
	}
	b.Run("all", func(b *testing.B) { benchFields(b, all) })
	b.Run("ascii", func(b *testing.B) { benchFields(b, ascii) })
	b.Run("nonascii", func(b *testing.B) { benchFields(b, other) })
}

func benchFields(b *testing.B, fields []string) {
	total := 0
	for _, s := range fields {
		total += len(s)
	}
	var n Normaliser
	var t Text
	b.SetBytes(int64(total / len(fields)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		n.Normalise(&t, fields[i])
		if i++; i == len(fields) {
			i = 0
		}
	}
}
