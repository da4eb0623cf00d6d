package screen

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"

	"bordermark/internal/ipr"
)

// benchRegisterSize is the register the speed figures are quoted for.
const benchRegisterSize = 50_000

// benchMarks is the development register topped up to 50,000 marks with
// invented words built like its filler marks (two to four syllables).
var benchMarks = sync.OnceValue(func() []Mark {
	marks := devMarks(nil, "testdata/dev/rights.csv")
	r := rand.New(rand.NewPCG(4, 2))
	syllables := strings.Fields("zen mi qua pex a fa mic la dri mor tri bel ge nes ix ta sol ex nor ki vi wex pe gal tor ro sen vie ski ven jo yo ny hu ber sta ix ul an dro kel vas tin ra lu mo cor da fen")
	seen := map[string]bool{}
	for _, m := range marks {
		seen[strings.ToUpper(m.Text)] = true
	}
	for len(marks) < benchRegisterSize {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		text := strings.ToUpper(b.String())
		if seen[text] || len(text) < 4 {
			continue
		}
		seen[text] = true
		marks = append(marks, Mark{
			RightID: fmt.Sprintf("B-%05d", len(marks)), Text: text, Classes: []int{1 + r.IntN(45)},
			ValidFrom: ipr.NewDate(2015, 1, 1), ValidTo: ipr.NewDate(2030, 12, 31),
		})
	}
	return marks
})

// BenchmarkScreen screens the development declarations against a
// 50,000-mark register on one core, beside the baseline the issue names:
// an exact-only Aho-Corasick automaton over the same marks, run on the same
// normalised text. "aho-corasick" normalises as the engine does and then
// searches; "aho-corasick-search" searches text normalised beforehand.
//
//	go test -run '^$' -bench BenchmarkScreen -cpu 1 ./internal/screen
func BenchmarkScreen(b *testing.B) {
	marks := benchMarks()
	decls := devDeclarations(b, "testdata/dev/declarations.ndjson")
	b.Run("engine", func(b *testing.B) {
		s := NewEngine(Build(marks), nil).Screener()
		benchDeclarations(b, decls, func(d *Declaration) { s.Screen(d) })
	})
	// The engine's finding step alone, without context or explanations:
	// the part that does what the baseline does.
	b.Run("engine-find", func(b *testing.B) {
		s := NewEngine(Build(marks), nil).Screener()
		benchDeclarations(b, decls, func(d *Declaration) {
			for f, src := range [2]string{d.Description, d.Brand} {
				s.n.Normalise(&s.fields[f], src)
				s.m.cands = s.m.cands[:0]
				s.m.findAll(s.e.Index(), &s.fields[f])
			}
		})
	})
	clean, marked := splitDeclarations(b, decls)
	b.Run("engine-clean", func(b *testing.B) {
		s := NewEngine(Build(marks), nil).Screener()
		benchDeclarations(b, clean, func(d *Declaration) { s.Screen(d) })
	})
	b.Run("engine-marked", func(b *testing.B) {
		s := NewEngine(Build(marks), nil).Screener()
		benchDeclarations(b, marked, func(d *Declaration) { s.Screen(d) })
	})
	ac := ahoCorasickOf(marks)
	// fields normalises both fields of each declaration and hands each
	// normalised field to search.
	fields := func(decls []Declaration, search func(joined []byte)) func(b *testing.B) {
		return func(b *testing.B) {
			var n Normaliser
			var t Text
			benchDeclarations(b, decls, func(d *Declaration) {
				n.Normalise(&t, d.Description)
				search(t.Joined)
				n.Normalise(&t, d.Brand)
				search(t.Joined)
			})
		}
	}
	baseline := func(decls []Declaration) func(b *testing.B) {
		return fields(decls, func(joined []byte) { ac.Match(joined) })
	}
	normalise := func(decls []Declaration) func(b *testing.B) {
		return fields(decls, func([]byte) {})
	}
	b.Run("normalise", normalise(decls))
	b.Run("normalise-clean", normalise(clean))
	b.Run("normalise-marked", normalise(marked))
	b.Run("aho-corasick", baseline(decls))
	b.Run("aho-corasick-clean", baseline(clean))
	b.Run("aho-corasick-marked", baseline(marked))
	b.Run("aho-corasick-search", func(b *testing.B) {
		texts := make([][2][]byte, len(decls))
		for i := range decls {
			texts[i] = [2][]byte{Normalise(decls[i].Description).Joined, Normalise(decls[i].Brand).Joined}
		}
		i := 0
		b.ReportAllocs()
		for b.Loop() {
			ac.Match(texts[i][0])
			ac.Match(texts[i][1])
			if i++; i == len(texts) {
				i = 0
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decl/s")
	})
}

// splitDeclarations parts the set into the declarations that name no mark
// (negatives and hard negatives: most real traffic looks like them) and
// those that do (positives, genuine goods, expired marks).
func splitDeclarations(b testing.TB, decls []Declaration) (clean, marked []Declaration) {
	labels := devLabels(b, "testdata/dev/labels.ndjson")
	for _, d := range decls {
		if l := labels[d.ID]; l.Kind == "negative" || l.Kind == "hardneg" {
			clean = append(clean, d)
		} else {
			marked = append(marked, d)
		}
	}
	return clean, marked
}

func benchDeclarations(b *testing.B, decls []Declaration, screen func(*Declaration)) {
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		screen(&decls[i])
		if i++; i == len(decls) {
			i = 0
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decl/s")
}

func ahoCorasickOf(marks []Mark) ahocorasick.Trie {
	var n Normaliser
	var t Text
	var patterns []string
	for _, m := range marks {
		for _, s := range append([]string{m.Text}, m.Variants...) {
			n.Normalise(&t, s)
			if len(t.Joined) > 0 {
				patterns = append(patterns, string(t.Joined))
			}
		}
	}
	return *ahocorasick.NewTrieBuilder().AddStrings(patterns).Build()
}

// BenchmarkBuild indexes the 50,000-mark register from scratch, as a
// register change does; it reports the index's size.
//
//	go test -run '^$' -bench BenchmarkBuild ./internal/screen
func BenchmarkBuild(b *testing.B) {
	marks := benchMarks()
	var ix *Index
	for b.Loop() {
		ix = Build(marks)
	}
	b.ReportMetric(float64(ix.Bytes())/1e6, "index-MB")
	ix = nil
	b.ReportMetric(heapMB(func() { ix = Build(marks) }), "heap-MB")
	runtime.KeepAlive(ix)
}

// heapMB is how much live heap f leaves behind.
func heapMB(f func()) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return float64(after.HeapAlloc-before.HeapAlloc) / 1e6
}
