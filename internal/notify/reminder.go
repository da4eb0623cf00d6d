package notify

import (
	"context"
	"errors"
	"strings"
	"time"

	"bordermark/internal/ipr"

	"github.com/riverqueue/river"
)

// Reminder asks the services layer to act on something due: create in-app
// notices, send e-mail, apply an escalation. Its work is Handlers.Reminder.
type Reminder struct {
	Name       string            `json:"name"` // what is due, e.g. "identification.due"
	OrgID      int64             `json:"org_id,omitempty"`
	ObjectType string            `json:"object_type,omitempty"`
	ObjectID   int64             `json:"object_id,omitempty"`
	DueAt      time.Time         `json:"due_at,omitzero"`
	Data       map[string]string `json:"data,omitempty"`
}

// Kind names the job kind in River's table.
func (Reminder) Kind() string { return "reminder" }

func (r Reminder) validate() error {
	p := ipr.Problems{}
	if strings.TrimSpace(r.Name) == "" {
		p.Add("name", "is required")
	}
	return p.Err("the reminder is not valid")
}

// Handlers are the services layer's work for job kinds whose meaning it owns.
// A handler's error makes the job retry with back-off, so it must be safe to run twice.
type Handlers struct {
	Reminder func(ctx context.Context, r Reminder) error
}

type reminderWorker struct {
	river.WorkerDefaults[Reminder]
	handle func(ctx context.Context, r Reminder) error
}

func (w *reminderWorker) Work(ctx context.Context, job *river.Job[Reminder]) error {
	if w.handle == nil {
		return errors.New("no reminder handler is registered") // retried: a later start may have one
	}
	return w.handle(ctx, job.Args)
}
