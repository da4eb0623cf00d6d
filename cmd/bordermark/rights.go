package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

func runRightsImport(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("rights import", "Import FILE.csv (give it before or after the flags), a rights register with the header\n  "+
		strings.Join(enforce.RightsCSVHeader, ",")+"\n"+
		"(variants and authorised_exporters |-separated, nice_classes space-separated, ISO dates).\n"+
		"Each row is an approved recordation, recorded from valid_from to valid_to; id is the right's\n"+
		"reference, so importing a file again changes nothing. Missing holders are created. A file\n"+
		"with errors imports nothing, unless --skip-invalid.", errOut)
	dsn := dbFlag(fs, getenv)
	skip := fs.Bool("skip-invalid", false, "import the valid rows and report the invalid ones")
	path, err := parseWithFile(fs, args)
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	began := time.Now()
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		bar := newProgressBar(errOut, "importing "+filepath.Base(path))
		rep, err := svc.ImportRights(ctx, ipr.SystemUser(), f, enforce.ImportOptions{SkipInvalid: *skip, Progress: bar.show})
		bar.done()
		if rep != nil {
			for _, p := range rep.Problems {
				fmt.Fprintln(errOut, p)
			}
		}
		if err != nil {
			if rep != nil && len(rep.Problems) > 0 && !*skip && ipr.ErrorCode(err) == ipr.EINVALID {
				return fmt.Errorf("%s: %s (fix them, or import the others with --skip-invalid)", path, message(err))
			}
			return err
		}
		fmt.Fprintf(out, "imported %s: %s (%s)\n", path, rep, time.Since(began).Round(10*time.Millisecond))
		return nil
	})
}

// parseWithFile parses flags around one FILE argument: flags may come before or after it.
func parseWithFile(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return "", errors.New("give the file to import")
	}
	path := fs.Arg(0)
	if err := parse(fs, fs.Args()[1:]); err != nil {
		return "", err
	}
	return path, nil
}

func runRightsExport(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("rights export", "Write the rights register as CSV, in the format `rights import` reads.\n"+
		"The file has no status column: importing it records every row as approved; --status narrows the export.", errOut)
	dsn := dbFlag(fs, getenv)
	outPath := fs.String("out", "", "file to write (default: standard output)")
	status := fs.String("status", "", "only recordations in this status: draft, submitted, approved or rejected")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *status != "" && !isStatus(*status) {
		return &ipr.Error{Code: ipr.EINVALID, Message: "cannot export", Fields: map[string]string{"status": fmt.Sprintf("%q is not one of draft, submitted, approved, rejected", *status)}}
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		register, err := svc.ExportRights(ctx, ipr.SystemUser(), ipr.RecordStatus(*status))
		if err != nil {
			return err
		}
		if *outPath == "" {
			return register.WriteCSV(out)
		}
		if err := writeFileAtomically(*outPath, register.WriteCSV); err != nil {
			return err
		}
		fmt.Fprintf(errOut, "exported %d rights to %s\n", len(register.Rights), *outPath)
		return nil
	})
}

func isStatus(s string) bool {
	for _, st := range ipr.RecordStatuses {
		if string(st) == s {
			return true
		}
	}
	return false
}

// writeFileAtomically writes path through a temporary file, so that a failed export
// never leaves half a register where a whole one was.
func writeFileAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing left to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
