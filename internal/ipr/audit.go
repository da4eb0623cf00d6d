package ipr

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// AuditEvent records one state change: who did what to which object, and when.
// Events form a hash chain: each stores the hash of the one before it, so that
// editing, removing or reordering a row breaks the chain.
type AuditEvent struct {
	Seq        int64 // 1, 2, 3, … with no gaps
	Time       time.Time
	ActorID    int64
	ActorEmail string
	OrgID      int64 // the actor's organisation
	Action     string
	ObjectType string
	ObjectID   string
	ObjectOrg  int64  // the organisation the object belongs to, 0 for none
	Before     string // short summary of the object before the change
	After      string // and after it
	RequestID  string
	PrevHash   string // hex SHA-256 of the previous event, "" for the first
	Hash       string // hex SHA-256 of this event's content and PrevHash
}

// ComputeHash returns the hex SHA-256 over the event's content and PrevHash.
func (e *AuditEvent) ComputeHash() string {
	content := struct {
		Seq        int64  `json:"seq"`
		Time       string `json:"time"`
		ActorID    int64  `json:"actor_id"`
		ActorEmail string `json:"actor_email"`
		OrgID      int64  `json:"org_id"`
		Action     string `json:"action"`
		ObjectType string `json:"object_type"`
		ObjectID   string `json:"object_id"`
		ObjectOrg  int64  `json:"object_org"`
		Before     string `json:"before"`
		After      string `json:"after"`
		RequestID  string `json:"request_id"`
		PrevHash   string `json:"prev_hash"`
	}{e.Seq, e.Time.UTC().Format(time.RFC3339Nano), e.ActorID, e.ActorEmail, e.OrgID,
		e.Action, e.ObjectType, e.ObjectID, e.ObjectOrg, e.Before, e.After, e.RequestID, e.PrevHash}
	b, err := json.Marshal(content)
	if err != nil {
		panic(err) // cannot happen: only strings and integers
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Seal sets the event's sequence number, previous hash and own hash so that it follows prev
// (nil for the first event). Time is truncated to microseconds, the precision both databases keep.
func (e *AuditEvent) Seal(prev *AuditEvent) {
	e.Time = e.Time.UTC().Truncate(time.Microsecond)
	e.Seq, e.PrevHash = 1, ""
	if prev != nil {
		e.Seq, e.PrevHash = prev.Seq+1, prev.Hash
	}
	e.Hash = e.ComputeHash()
}

// ChainVerifier checks audit events one by one, in sequence order.
type ChainVerifier struct {
	prev    *AuditEvent
	Checked int64
}

// Next checks e against the event before it. The error names the first bad event.
func (v *ChainVerifier) Next(e *AuditEvent) error {
	wantSeq, wantPrev := int64(1), ""
	if v.prev != nil {
		wantSeq, wantPrev = v.prev.Seq+1, v.prev.Hash
	}
	switch {
	case e.Seq != wantSeq:
		return fmt.Errorf("audit event %d: expected event %d here: an event was removed or reordered", e.Seq, wantSeq)
	case e.PrevHash != wantPrev:
		return fmt.Errorf("audit event %d: previous hash does not match event %d: the chain was altered", e.Seq, wantSeq-1)
	case e.ComputeHash() != e.Hash:
		return fmt.Errorf("audit event %d: content does not match its hash: the event was altered", e.Seq)
	}
	ev := *e
	v.prev = &ev
	v.Checked++
	return nil
}

// AuditFilter selects audit events for the audit page. Zero fields match everything.
type AuditFilter struct {
	OrgID      int64  // events by this organisation or about its objects
	Action     string // an action, or a prefix ending in "." such as "user."
	Actor      string // part of the actor's e-mail
	ObjectType string
	From, To   time.Time // To is exclusive
	Limit      int
	Offset     int
}
