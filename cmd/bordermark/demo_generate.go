package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/store"
)

// runDemoOrGenerate loads the demo world, or with --declarations or --cases
// also generates a large history on top of it for the statistics.
func runDemoOrGenerate(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	if !slices.ContainsFunc(args, func(a string) bool {
		return strings.HasPrefix(strings.TrimLeft(a, "-"), "declarations") || strings.HasPrefix(strings.TrimLeft(a, "-"), "cases")
	}) {
		return runDemo(ctx, args, getenv, out, errOut)
	}
	fs := newFlags("demo", "Load the demo world and generate a history of declarations and detention cases "+
		"(e.g. --declarations 1000000 --cases 100000) for the statistics.", errOut)
	dsn := dbFlag(fs, getenv)
	files := filesFlag(fs, getenv)
	var opt enforce.GenerateOptions
	fs.IntVar(&opt.Declarations, "declarations", 0, "declarations to generate")
	fs.IntVar(&opt.Cases, "cases", 0, "detention cases among them")
	fs.IntVar(&opt.Months, "months", 36, "months of history, ending this month")
	fs.Uint64Var(&opt.Seed, "seed", 1, "random seed: the same seed makes the same history")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		svc.Files = store.NewBlobs(filesDir(*files, svc.DB.Path()))
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
	})
}

// printDemoHistory is the demo summary's line about the dashboards' history.
func printDemoHistory(out io.Writer, cases int) {
	if cases > 0 {
		fmt.Fprintf(out, "Statistics history generated (%d cases) for the dashboards.\n", cases)
		return
	}
	fmt.Fprintln(out, "Statistics history already present.")
}
