// Package notify runs Bordermark's durable jobs (e-mail, signed webhooks and
// deadline reminders) on River, a job queue that keeps its jobs in the app's own
// database, SQLite or PostgreSQL. A job is inserted in the caller's transaction,
// so it exists exactly when the change that caused it is committed.
package notify

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// Config says how jobs are done. The zero value works, but e-mail needs SMTP
// and reminders need Handlers.Reminder.
type Config struct {
	SMTP           SMTPConfig
	WebhookSecret  string        // signs every webhook; receivers check it with Verify
	WebhookTimeout time.Duration // per attempt; 10s when 0
	Handlers       Handlers

	Workers      int           // jobs worked at once; 4 when 0
	PollInterval time.Duration // how often to look for jobs committed elsewhere; 1s when 0
	MaxAttempts  int           // attempts before a job is given up; River's 25 when 0
	// Backoff is the wait after the nth failure (n from 1); River's n⁴ seconds when nil.
	Backoff func(failures int) time.Duration
	Logger  *slog.Logger // slog.Default() when nil
}

// Job is one of the kinds of work this package does: Email, Webhook or Reminder.
type Job interface {
	Kind() string
	validate() error
}

// Queue is the running job queue: it inserts jobs and works them.
type Queue struct {
	client *river.Client[*sql.Tx]
}

// Start migrates River's own tables in db (idempotently), then starts working
// jobs until Stop is called or ctx is cancelled (which also cancels running jobs).
func Start(ctx context.Context, db *store.DB, cfg Config) (*Queue, error) {
	if err := cfg.SMTP.check(); err != nil {
		return nil, err
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	driver := driverFor(db)
	if err := migrate(ctx, db, driver, logger); err != nil {
		return nil, ipr.Internal(err)
	}
	client, err := river.NewClient(driver, riverConfig(db, cfg, logger))
	if err != nil {
		return nil, ipr.Internal(err)
	}
	if err := client.Start(ctx); err != nil {
		return nil, ipr.Internal(err)
	}
	return &Queue{client: client}, nil
}

// driverFor gives River the store's write pool: on SQLite its one writer
// connection, which River's SQLite driver recommends to avoid SQLITE_BUSY.
// Both drivers work on *sql.Tx, so one Client type serves both engines.
func driverFor(db *store.DB) riverdriver.Driver[*sql.Tx] {
	if db.Dialect == store.Postgres {
		return riverdatabasesql.New(db.WritePool())
	}
	return riversqlite.New(db.WritePool())
}

// migrationLock is a PostgreSQL advisory lock id, so servers starting together migrate in turns.
const migrationLock = 7341007

// migrate applies River's migrations, each in its own transaction (on PostgreSQL
// a later one uses an enum value an earlier one adds, which one transaction forbids).
func migrate(ctx context.Context, db *store.DB, driver riverdriver.Driver[*sql.Tx], logger *slog.Logger) error {
	migrator, err := rivermigrate.New(driver, &rivermigrate.Config{Logger: logger})
	if err != nil {
		return err
	}
	if db.Dialect == store.Postgres {
		conn, err := db.WritePool().Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, migrationLock); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLock)
	}
	_, err = migrator.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

func riverConfig(db *store.DB, cfg Config, logger *slog.Logger) *river.Config {
	workers := river.NewWorkers()
	river.AddWorker(workers, &emailWorker{smtp: cfg.SMTP})
	river.AddWorker(workers, newWebhookWorker(db, cfg, logger))
	river.AddWorker(workers, &reminderWorker{handle: cfg.Handlers.Reminder})
	rc := &river.Config{
		Logger:      logger,
		MaxAttempts: cfg.MaxAttempts,
		Queues:      map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: orDefault(cfg.Workers, 4)}},
		Workers:     workers,
		// InsertTx cannot wake this process's fetcher (the transaction may roll
		// back) and database/sql has no LISTEN, so new jobs are found by polling.
		FetchPollInterval: orDefault(cfg.PollInterval, time.Second),
		FetchCooldown:     min(orDefault(cfg.PollInterval, time.Second), river.FetchCooldownDefault),
	}
	if cfg.Backoff != nil {
		rc.RetryPolicy = backoffPolicy(cfg.Backoff)
	}
	return rc
}

func orDefault[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// backoffPolicy adapts a Backoff function to River's retry policy.
type backoffPolicy func(failures int) time.Duration

func (b backoffPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	return time.Now().Add(b(len(job.Errors) + 1))
}

// Stop stops taking jobs and waits for the running ones until ctx is done; then
// it cancels them and waits for them to return.
func (q *Queue) Stop(ctx context.Context) error {
	err := q.client.Stop(ctx)
	if err == nil || ctx.Err() == nil {
		return err
	}
	hard, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	return errors.Join(err, q.client.StopAndCancel(hard))
}

// Enqueue inserts job in tx: it runs soon after tx commits, and never if tx rolls back.
// It returns the job's id.
func (q *Queue) Enqueue(ctx context.Context, tx *store.Tx, job Job) (int64, error) {
	return q.Schedule(ctx, tx, job, time.Time{})
}

// Schedule is Enqueue for a job that must not run before at (zero: now).
func (q *Queue) Schedule(ctx context.Context, tx *store.Tx, job Job, at time.Time) (int64, error) {
	if err := job.validate(); err != nil {
		return 0, err
	}
	res, err := q.client.InsertTx(ctx, tx.SQLTx(), job, &river.InsertOpts{ScheduledAt: at})
	if err != nil {
		return 0, ipr.Internal(err)
	}
	return res.Job.ID, nil
}
