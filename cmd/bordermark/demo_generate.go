package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"bordermark/internal/enforce"
)

// generateFlags are demo's flags for a generated history.
func generateFlags(fs *flag.FlagSet) *enforce.GenerateOptions {
	opt := &enforce.GenerateOptions{}
	fs.IntVar(&opt.Declarations, "declarations", 0, "also generate this many declarations for the statistics (e.g. 1000000)")
	fs.IntVar(&opt.Cases, "cases", 0, "detention cases among them (e.g. 100000)")
	fs.IntVar(&opt.Months, "months", 36, "months of history, ending this month")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed: the same seed makes the same history")
	return opt
}

// generateHistory generates the history opt asks for, on top of the demo world, with progress on out.
func generateHistory(ctx context.Context, svc *enforce.Service, opt enforce.GenerateOptions, out io.Writer) error {
	began := time.Now()
	opt.Progress = func(done, total int) {
		fmt.Fprintf(out, "%d of %d declarations (%s)\n", done, total, time.Since(began).Round(time.Second))
	}
	if err := svc.GenerateDemo(ctx, opt); err != nil {
		return err
	}
	fmt.Fprintf(out, "generated %d declarations and %d cases in %s\n", opt.Declarations, opt.Cases,
		time.Since(began).Round(100*time.Millisecond))
	return nil
}

// printDemoHistory is the demo summary's line about the dashboards' history.
func printDemoHistory(out io.Writer, cases int) {
	if cases > 0 {
		fmt.Fprintf(out, "Statistics history generated (%d cases) for the dashboards.\n", cases)
		return
	}
	fmt.Fprintln(out, "Statistics history already present.")
}
