package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"bordermark/internal/api"
	"bordermark/internal/enforce"
	"bordermark/internal/notify"
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
	metricsToken := getenv("BORDERMARK_METRICS_TOKEN") // a secret: from the environment only, never a flag
	jobs := jobFlags(fs, getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	log, err := newLogger(*logFormat, errOut)
	if err != nil {
		return err
	}
	queueCfg, notifyCfg, err := jobs.config()
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
		cases, err := svc.EnsureDemoHistory(ctx) // the dashboards' history (demo_generate.go)
		if err != nil {
			return err
		}
		printDemoLogins(out, report)
		printDemoHistory(out, cases)
	}
	// After the demo: its cases are acted on as it loads, which reminders of
	// their past deadlines must not race, and its addresses are not to be e-mailed.
	stopJobs, err := startJobs(ctx, svc, queueCfg, notifyCfg, log)
	if err != nil {
		return err
	}
	defer stopJobs()
	handler, err := web.New(svc, web.Options{Version: version(), API: api.New(svc, log), Log: log, MetricsToken: metricsToken})
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

// jobSettings are the flags for e-mail and webhooks, which the job queue delivers.
type jobSettings struct {
	smtpAddr, smtpFrom, smtpUser, smtpPassword string
	webhookURL, webhookSecret                  string
}

func jobFlags(fs *flag.FlagSet, getenv env) *jobSettings {
	j := &jobSettings{smtpPassword: getenv("BORDERMARK_SMTP_PASSWORD")}
	fs.StringVar(&j.smtpAddr, "smtp-addr", getenv("BORDERMARK_SMTP_ADDR"),
		"mail server host:port for e-mail to users; empty sends none (env BORDERMARK_SMTP_ADDR)")
	fs.StringVar(&j.smtpFrom, "smtp-from", envOr(getenv, "BORDERMARK_SMTP_FROM", "Bordermark <bordermark@localhost>"),
		"sender of e-mail (env BORDERMARK_SMTP_FROM)")
	fs.StringVar(&j.smtpUser, "smtp-user", getenv("BORDERMARK_SMTP_USER"),
		"mail server user name; its password comes from env BORDERMARK_SMTP_PASSWORD (env BORDERMARK_SMTP_USER)")
	fs.StringVar(&j.webhookURL, "webhook-url", getenv("BORDERMARK_WEBHOOK_URL"),
		"http(s) address that receives a signed event for every case change; empty sends none (env BORDERMARK_WEBHOOK_URL)")
	fs.StringVar(&j.webhookSecret, "webhook-secret", getenv("BORDERMARK_WEBHOOK_SECRET"),
		"secret that signs webhooks, required with --webhook-url (env BORDERMARK_WEBHOOK_SECRET)")
	return j
}

// config checks the settings and returns the queue's and the case services' configuration.
func (j *jobSettings) config() (notify.Config, enforce.NotifyConfig, error) {
	var q notify.Config
	var n enforce.NotifyConfig
	if j.smtpAddr != "" {
		host, port, err := net.SplitHostPort(j.smtpAddr)
		p, perr := strconv.Atoi(port)
		if err != nil || host == "" || perr != nil || p < 1 || p > 65535 {
			return q, n, fmt.Errorf("smtp-addr: %q is not host:port", j.smtpAddr)
		}
		q.SMTP = notify.SMTPConfig{Host: host, Port: p, From: j.smtpFrom, Username: j.smtpUser, Password: j.smtpPassword}
		n.Email = true
	}
	if j.webhookURL != "" {
		u, err := url.Parse(j.webhookURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return q, n, fmt.Errorf("webhook-url: %q is not an http:// or https:// address", j.webhookURL)
		}
		if j.webhookSecret == "" {
			return q, n, errors.New("webhook-secret: is required with --webhook-url, so receivers can check the signature")
		}
		q.WebhookSecret, n.WebhookURL = j.webhookSecret, j.webhookURL
	}
	return q, n, nil
}

// startJobs starts the job queue on svc's database (its own tables migrated
// first) with the deadline reminder handler, and gives it to svc. The queue
// outlives ctx so that shutdown can be graceful: stop lets jobs in progress
// finish (30s at most) and leaves the rest in the database for the next start.
func startJobs(ctx context.Context, svc *enforce.Service, cfg notify.Config, nc enforce.NotifyConfig, log *slog.Logger) (stop func(), err error) {
	cfg.Handlers.Reminder = svc.HandleReminder
	cfg.Logger = log
	q, err := notify.Start(context.WithoutCancel(ctx), svc.DB, cfg)
	if err != nil {
		return nil, err
	}
	svc.Jobs, svc.Notify = q, nc
	return func() {
		stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := q.Stop(stopCtx); err != nil {
			log.Error("stopping the job queue", "err", err)
		}
	}, nil
}
