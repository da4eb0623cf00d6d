package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"runtime/debug"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// env looks up configuration from the environment; tests pass their own.
type env func(string) string

// command is one subcommand.
type command struct {
	name  string
	usage string
	run   func(ctx context.Context, args []string, getenv env, out io.Writer, errOut io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "run the web server (the default)", runServe},
		{"migrate", "apply database migrations", runMigrate},
		{"demo", "load the demo data (--declarations, --cases: generate a history for the statistics)", runDemo},
		{"org add", "add an organisation", runOrgAdd},
		{"user add", "add a user", runUserAdd},
		{"user token", "issue an API token for a user", runUserToken},
		{"audit verify", "check the audit log's hash chain", runAuditVerify},
		{"rights import", "import a rights register from CSV", runRightsImport},
		{"rights export", "export the rights register as CSV", runRightsExport},
		{"screen", "screen NDJSON declarations against the register and the rules", runScreen},
		{"deadline", "compute a deadline in working or calendar days", runDeadline},
		{"calendar import", "import a year's official working-day calendar", runCalendarImport},
		{"version", "print the version", runVersion},
	}
}

// run dispatches to a subcommand. It returns flag.ErrHelp after printing help.
func run(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		return runServe(ctx, args, getenv, out, errOut)
	}
	for _, c := range commands() {
		words := strings.Fields(c.name)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == c.name {
			return c.run(ctx, args[len(words):], getenv, out, errOut)
		}
	}
	usage(errOut)
	if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help" {
		return flag.ErrHelp
	}
	return fmt.Errorf("unknown command %q", strings.Join(args, " "))
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: bordermark <command> [flags]   (each command takes --help)")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, c.usage)
	}
}

// newFlags returns a flag set that prints its usage to errOut and returns errors instead of exiting.
func newFlags(name, summary string, errOut io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("bordermark "+name, flag.ContinueOnError)
	fs.SetOutput(errOut)
	fs.Usage = func() {
		fmt.Fprintf(errOut, "Usage: bordermark %s [flags]\n\n%s\n\nFlags:\n", name, summary)
		fs.PrintDefaults()
	}
	return fs
}

// dbFlag adds --db with its BORDERMARK_DB fallback.
func dbFlag(fs *flag.FlagSet, getenv env) *string {
	return fs.String("db", envOr(getenv, "BORDERMARK_DB", "bordermark.db"),
		"SQLite file path or postgres:// URL (env BORDERMARK_DB)")
}

func envOr(getenv env, key, fallback string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return fallback
}

// parse parses flags and refuses stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags start with --)", fs.Arg(0))
	}
	return nil
}

// openService opens and migrates the database and returns the services on it.
func openService(ctx context.Context, dsn string, log *slog.Logger) (*enforce.Service, func(), error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	if _, err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, nil, err
	}
	svc := enforce.New(db, ipr.SystemClock{}, log)
	svc.Files = store.NewBlobs(filesDir("", db.Path()))
	return svc, func() { db.Close() }, nil
}

// filesFlag adds --files with its BORDERMARK_FILES fallback; "" means the default folder.
func filesFlag(fs *flag.FlagSet, getenv env) *string {
	return fs.String("files", getenv("BORDERMARK_FILES"),
		"folder for uploaded files (env BORDERMARK_FILES; default: files beside the SQLite file, ./bordermark-files on PostgreSQL)")
}

// filesDir is the folder for uploaded files: dir when given, else a folder beside
// the SQLite file dbPath, else (on PostgreSQL, dbPath "") one in the working directory.
func filesDir(dir, dbPath string) string {
	if dir != "" {
		return dir
	}
	if dbPath != "" {
		return filepath.Join(filepath.Dir(dbPath), "files")
	}
	return "bordermark-files"
}

// message is what a person sees for err: an ipr message with its fields, never a stack trace.
func message(err error) string {
	var e *ipr.Error
	if errors.As(err, &e) {
		if e.Code == ipr.EINTERNAL {
			return "internal error: " + e.Error()
		}
		return ipr.UserText(e)
	}
	return err.Error()
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

func runVersion(_ context.Context, args []string, _ env, out, errOut io.Writer) error {
	fs := newFlags("version", "Print Bordermark's version.", errOut)
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(out, "bordermark", version())
	return nil
}
