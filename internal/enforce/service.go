// Package enforce holds Bordermark's application services: the only place that
// orchestrates a change. Each one runs: transaction → load → ipr.Can → change →
// audit event → commit.
package enforce

import (
	"context"
	"log/slog"
	"strconv"

	"bordermark/internal/ipr"
	"bordermark/internal/notify"
	"bordermark/internal/store"
)

// Service is the entry point for the web pages, the API and the command line.
type Service struct {
	DB    *store.DB
	Files *store.Blobs // uploaded files, content-addressed; set it before serving or loading the demo
	Clock ipr.Clock
	Log   *slog.Logger

	// Jobs delivers reminders, e-mail and webhooks; nil schedules nothing
	// (tests that do not look at them, and commands that only compute).
	Jobs *notify.Queue
	// Notify says which e-mail and webhooks case changes send through Jobs (case_notify.go).
	Notify NotifyConfig

	screening screening // the screening engine, built on first use (screening.go)
	calendars calendars // working-day calendars, loaded on first use (calendar.go)
}

// New returns a Service on db.
func New(db *store.DB, clock ipr.Clock, log *slog.Logger) *Service {
	if clock == nil {
		clock = ipr.SystemClock{}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{DB: db, Clock: clock, Log: log}
}

type requestIDKey struct{}

// WithRequestID returns a context carrying the request id recorded in audit events.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request id carried by ctx, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// change describes one state change for the audit log.
type change struct {
	Action     string
	ObjectType string
	ObjectID   int64
	ObjectOrg  int64
	Before     string
	After      string
}

// audit appends the change to the audit chain inside tx.
func (s *Service) audit(ctx context.Context, tx *store.Tx, actor *ipr.User, c change) error {
	return tx.AppendAudit(ctx, &ipr.AuditEvent{
		Time:       s.Clock.Now(),
		ActorID:    actor.ID,
		ActorEmail: actor.Email,
		OrgID:      actor.OrgID,
		Action:     c.Action,
		ObjectType: c.ObjectType,
		ObjectID:   strconv.FormatInt(c.ObjectID, 10),
		ObjectOrg:  c.ObjectOrg,
		Before:     c.Before,
		After:      c.After,
		RequestID:  RequestID(ctx),
	})
}
