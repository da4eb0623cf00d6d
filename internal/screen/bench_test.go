package screen

import "testing"

// descriptions reads the description and brand fields of the development
// declarations in testdata.
func descriptions(tb testing.TB) []string {
	var out []string
	for _, d := range devDeclarations(tb, "testdata/dev/declarations.ndjson") {
		out = append(out, d.Description)
		if d.Brand != "" {
			out = append(out, d.Brand)
		}
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
