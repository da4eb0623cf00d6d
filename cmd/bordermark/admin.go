package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// withService opens and migrates the database at dsn, runs fn and closes it.
func withService(ctx context.Context, dsn string, fn func(*enforce.Service) error) error {
	svc, closeDB, err := openService(ctx, dsn, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer closeDB()
	return fn(svc)
}

func runMigrate(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("migrate", "Apply the database migrations that are not yet applied.", errOut)
	dsn := dbFlag(fs, getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	applied, err := db.Migrate(ctx)
	if err != nil {
		return err
	}
	for _, name := range applied {
		fmt.Fprintln(out, "applied", name)
	}
	fmt.Fprintf(out, "database is current (%s, %d migrations applied now)\n", db.Dialect, len(applied))
	return nil
}

func runDemo(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("demo", "Load the fictional demo world. Loading twice creates nothing twice. "+
		"With --declarations and --cases, also generate a history of that size for the statistics.", errOut)
	dsn := dbFlag(fs, getenv)
	files := filesFlag(fs, getenv)
	history := generateFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		svc.Files = store.NewBlobs(filesDir(*files, svc.DB.Path())) // the demo's product photos
		report, err := svc.LoadDemo(ctx)
		if err != nil {
			return err
		}
		printDemoLogins(out, report)
		if history.Declarations == 0 && history.Cases == 0 {
			return nil
		}
		return generateHistory(ctx, svc, *history, out)
	})
}

func runOrgAdd(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("org add", "Add an organisation.", errOut)
	dsn := dbFlag(fs, getenv)
	var in enforce.NewOrg
	fs.StringVar(&in.Name, "name", "", "name in English (required, unique)")
	fs.StringVar(&in.NameZH, "name-zh", "", "name in Chinese")
	fs.StringVar(&in.Kind, "kind", "", "customs_office, right_holder, agent, police_unit or association")
	fs.StringVar(&in.Parent, "parent", "", "parent customs office, by name")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		org, err := svc.AddOrg(ctx, ipr.SystemUser(), in)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "added organisation %d: %s (%s)\n", org.ID, org.Name, org.Kind)
		return nil
	})
}

func runUserAdd(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("user add", "Add a user to an existing organisation.", errOut)
	dsn := dbFlag(fs, getenv)
	var in enforce.NewUser
	fs.StringVar(&in.Email, "email", "", "e-mail address, used to sign in (required)")
	fs.StringVar(&in.Password, "password", "", "password, at least 10 characters (env BORDERMARK_PASSWORD)")
	fs.StringVar(&in.Role, "role", "", "customs_officer, customs_supervisor, right_holder, agent, police, association_admin or system_admin")
	fs.StringVar(&in.Org, "org", "", "organisation name, English or Chinese (required)")
	fs.StringVar(&in.Name, "name", "", "the person's name (defaults to the e-mail address)")
	fs.StringVar(&in.Lang, "lang", "en", "interface language: en or zh")
	if err := parse(fs, args); err != nil {
		return err
	}
	if in.Password == "" {
		in.Password = getenv("BORDERMARK_PASSWORD") // not a flag default: --help would print it
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		user, err := svc.AddUser(ctx, ipr.SystemUser(), in)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "added user %d: %s, %s of %s\n", user.ID, user.Email, user.Role, user.OrgName)
		return nil
	})
}

func runUserToken(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("user token", "Issue an API token that acts as a user. It is printed once; keep it secret.", errOut)
	dsn := dbFlag(fs, getenv)
	email := fs.String("email", "", "the user the token acts as (required)")
	name := fs.String("name", "", "what the token is for, e.g. \"declaration system\" (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		token, err := svc.IssueToken(ctx, ipr.SystemUser(), *email, *name)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, token)
		return nil
	})
}

func runAuditVerify(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("audit verify", "Walk the audit log's hash chain; exit non-zero naming the first bad event.", errOut)
	dsn := dbFlag(fs, getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	return withService(ctx, *dsn, func(svc *enforce.Service) error {
		n, err := svc.VerifyAudit(ctx, ipr.SystemUser())
		if err != nil {
			return fmt.Errorf("audit chain broken after %d good events: %w", n, err)
		}
		fmt.Fprintf(out, "audit chain intact: %d events\n", n)
		return nil
	})
}
