package screen

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

func devLines(tb testing.TB) []string {
	f, _ := os.Open("testdata/dev/declarations.ndjson")
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

func BenchmarkDecodeTmp(b *testing.B) {
	lines := devLines(b)
	b.Run("hand", func(b *testing.B) {
		var dc decoder
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			var d Declaration
			if err := dc.decode(lines[i%len(lines)], &d); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("json", func(b *testing.B) {
		bs := make([][]byte, len(lines))
		for i, l := range lines {
			bs[i] = []byte(l)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			var d Declaration
			if err := json.Unmarshal(bs[i%len(lines)], &d); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("screen", func(b *testing.B) {
		ix := Build(devMarks(b, "testdata/dev/rights.csv"))
		s := NewEngine(ix, nil).Screener()
		ds := devDeclarations(b, "testdata/dev/declarations.ndjson")
		b.ReportAllocs()
		i := 0
		var out []byte
		for b.Loop() {
			r := s.Screen(&ds[i%len(ds)])
			out = AppendResult(out[:0], &r)
			i++
		}
	})
}
