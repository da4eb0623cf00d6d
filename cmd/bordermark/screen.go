package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/screen"
)

func runScreen(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("screen", "Screen the NDJSON declarations of FILE (given before or after the flags; - or none for\n"+
		"standard input) against the rights register and the active risk rules, on every core.\n"+
		"Each line is one JSON object: id (required), channel, direction, declared_at (RFC 3339),\n"+
		"customs_office, origin, destination, transport, route, port, consignor, consignor_address,\n"+
		"consignee, consignee_address, hs_code, description, brand, quantity, weight_kg, value, currency.\n"+
		"Standard output gets one result line per line, in input order: {\"id\",\"risk\",\"hits\",\"rules\"};\n"+
		"a line that is not a valid declaration gets {\"id\",\"line\",\"error\"} and screening goes on.\n"+
		"Only a failure to open the database or to read or write ends it. A summary goes to standard error.", errOut)
	dsn := dbFlag(fs, getenv)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "declarations screened at once, one per core by default (env BORDERMARK_WORKERS)")
	if v := getenv("BORDERMARK_WORKERS"); v != "" {
		if err := fs.Set("workers", v); err != nil {
			return fmt.Errorf("BORDERMARK_WORKERS: %q is not a number", v)
		}
	}
	path, err := parseOptionalFile(fs, args)
	if err != nil {
		return err
	}
	if *workers < 1 {
		return fmt.Errorf("workers: %d is not a number of workers (1 or more)", *workers)
	}
	in, size, err := openInput(path)
	if err != nil {
		return err
	}
	defer in.Close()
	began := time.Now()
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		engine, err := svc.Engine(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(errOut, "screening %s against %d marks (index ready in %s)\n",
			inputName(path), engine.Index().Len(), time.Since(began).Round(10*time.Millisecond))
		bar := newProgressBar(errOut, "screening "+inputName(path)+" (KiB)")
		start := time.Now()
		st, err := screen.Stream(ctx, in, out, engine, *workers, func(st screen.Stats) { bar.show(int(st.Bytes>>10), int(size>>10)) })
		bar.done()
		if err != nil {
			return err
		}
		elapsed := time.Since(start)
		fmt.Fprintf(errOut, "screened %s: %d lines, %d flagged, %d errors in %s (%.0f declarations/s)\n",
			inputName(path), st.Lines, st.Flagged, st.Errors, elapsed.Round(10*time.Millisecond), float64(st.Lines)/elapsed.Seconds())
		return nil
	})
}

// parseOptionalFile parses flags around at most one FILE argument; "-" when there is none.
func parseOptionalFile(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		return "-", nil
	}
	path := fs.Arg(0)
	if err := fs.Parse(fs.Args()[1:]); err != nil {
		return "", err
	}
	if fs.NArg() > 0 {
		return "", fmt.Errorf("unexpected argument %q (screen reads one file; flags start with --)", fs.Arg(0))
	}
	return path, nil
}

// openInput opens path, or standard input for "-"; size is 0 when unknown.
func openInput(path string) (io.ReadCloser, int64, error) {
	if path == "-" {
		return io.NopCloser(os.Stdin), 0, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return f, 0, nil
	}
	return f, st.Size(), nil
}

func inputName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return filepath.Base(path)
}
