package enforce

import (
	"math"
	"math/rand/v2"
	"testing"

	"bordermark/internal/store"
)

// The spreads computed from histograms in whole hours stay within one hour
// (one bucket) of the exact ones computed from the durations themselves, for
// the hours of response times and the days of transfers.
func TestHourSpreadIsWithinOneBucket(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 200 {
		n := 1 + rng.IntN(60)
		minutes := make([]int64, n)
		for i := range minutes {
			minutes[i] = int64(60 * 40 * math.Exp(0.8*rng.NormFloat64())) // around 40 hours, a long tail
			if trial%7 == 0 {
				minutes[i] = int64(rng.IntN(3 * 60)) // all within the first hours
			}
		}
		counts := map[int64]int64{}
		for _, m := range minutes {
			counts[m/60]++
		}
		var hist []store.StatsDuration
		for h, c := range counts {
			hist = append(hist, store.StatsDuration{Key: "k", Hours: h, N: c})
		}
		for _, unit := range []float64{60, 24 * 60} {
			values := make([]float64, n)
			for i, m := range minutes {
				values[i] = float64(m) / unit
			}
			exact := spread(values)
			got := spreadHours(hist, 1, unit)
			if len(got) != 1 || got[0].Stages[0].Count != int64(exact.N) {
				t.Fatalf("trial %d: got %+v, want one row of %d", trial, got, exact.N)
			}
			bucket := 60/unit + 0.01 // one hour in the unit, and the rounding to 0.01
			sp := got[0].Stages[0]
			if math.Abs(sp.Median-exact.Median) > bucket || math.Abs(sp.P90-exact.P90) > bucket {
				t.Errorf("trial %d, unit %v: got median %v p90 %v, want within %.3f of %v and %v",
					trial, unit, sp.Median, sp.P90, bucket, exact.Median, exact.P90)
			}
		}
	}
}

// Stages are kept apart, keys ordered by the first stage's count, and a key
// with durations in later stages only still has its row.
func TestSpreadHoursStages(t *testing.T) {
	hist := []store.StatsDuration{
		{Key: "Yiwu", Stage: 0, Hours: 10, N: 1}, {Key: "Yiwu", Stage: 2, Hours: 100, N: 3},
		{Key: "Wenzhou", Stage: 0, Hours: 4, N: 2}, {Key: "Ningbo", Stage: 1, Hours: 7, N: 1},
	}
	rows := spreadHours(hist, 3, 60)
	var keys []string
	for _, r := range rows {
		keys = append(keys, r.Key)
	}
	if want := []string{"Wenzhou", "Yiwu", "Ningbo"}; len(keys) != 3 || keys[0] != want[0] || keys[1] != want[1] || keys[2] != want[2] {
		t.Fatalf("keys: got %v, want %v", keys, want)
	}
	if got := rows[1].Stages; got[0].Median != 10.5 || got[1].Count != 0 || got[2].Count != 3 || got[2].P90 != 100.5 {
		t.Errorf("Yiwu's stages: got %+v, want 10.5 h answered, none approved, 3 sent at 100.5 h", got)
	}
}
