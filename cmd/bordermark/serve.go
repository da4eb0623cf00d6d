package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/api"
	"bordermark/internal/enforce"
	"bordermark/internal/store"
	"bordermark/internal/web"
)

func runServe(ctx context.Context, args []string, getenv env, out, errOut io.Writer) error {
	fs := newFlags("serve", "Run the Bordermark web server and API. Migrations are applied at start.", errOut)
	dsn := dbFlag(fs, getenv)
	addr := fs.String("addr", envOr(getenv, "BORDERMARK_ADDR", "localhost:8080"), "address to listen on (env BORDERMARK_ADDR)")
	demo := fs.Bool("demo", envOr(getenv, "BORDERMARK_DEMO", "") == "1", "load the demo data at start (env BORDERMARK_DEMO=1)")
	files := filesFlag(fs, getenv)
	logFormat := fs.String("log-format", envOr(getenv, "BORDERMARK_LOG_FORMAT", "text"), "log format: text or json (env BORDERMARK_LOG_FORMAT)")
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := newLogger(*logFormat, errOut)
	if err != nil {
		return err
	}
	svc, closeDB, err := openService(ctx, *dsn, log)
	if err != nil {
		return err
	}
	defer closeDB()
	svc.Files = store.NewBlobs(filesDir(*files, svc.DB.Path()))
	if *demo {
		report, err := svc.LoadDemo(ctx)
		if err != nil {
			return err
		}
		printDemoLogins(out, report)
	}
	handler, err := web.New(svc, web.Options{Version: version(), API: api.New(svc, log), Log: log})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", *addr, err)
	}
	fmt.Fprintf(out, "Bordermark is running at %s (database: %s)\n", publicURL(ln.Addr()), svc.DB.Dialect)
	stopReminders := remindRenewals(ctx, svc, log, time.Hour)
	defer stopReminders()
	return serve(ctx, ln, handler, log)
}

// remindRenewals sends renewal reminders now and then every interval, until ctx ends
// or the returned stop is called; stop waits for a run in progress, so the database
// is not closed under it.
func remindRenewals(ctx context.Context, svc *enforce.Service, log *slog.Logger, interval time.Duration) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			if n, err := svc.SendRenewalReminders(ctx); err != nil {
				if ctx.Err() == nil {
					log.Error("renewal reminders", "err", err)
				}
			} else if n > 0 {
				log.Info("renewal reminders sent", "count", n)
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return func() { cancel(); <-done }
}

// serve runs the server until ctx ends, then lets requests in flight finish.
func serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func publicURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() || tcp.IP.IsLoopback() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port))
}

func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("log-format: %q is not text or json", format)
}

func printDemoLogins(out io.Writer, r *enforce.DemoReport) {
	if r.Created > 0 {
		fmt.Fprintf(out, "Demo data loaded (%d objects created).\n", r.Created)
	} else {
		fmt.Fprintln(out, "Demo data already present; nothing created.")
	}
	fmt.Fprintf(out, "Demo logins (password for all: %s):\n", enforce.DemoPassword)
	for _, l := range r.Logins {
		fmt.Fprintf(out, "  %-38s %-19s %s\n", l.Email, l.Role, l.Org)
	}
}
