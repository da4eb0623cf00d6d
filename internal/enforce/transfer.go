package enforce

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// TransferInput is an officer's proposal to transfer a case to a police unit.
// Reasons are required when the case meets no threshold (reasonable suspicion).
type TransferInput struct {
	PoliceOrgID int64
	Reasons     string
}

// TransferView is a transfer as its page shows it. A right holder sees the
// transfer of its own case with its clocks and outcomes only: Events,
// Check and Dossier are left empty for it.
type TransferView struct {
	Transfer      *ipr.Transfer
	PoliceUnit    string
	Clocks        []ipr.TransferClock
	Events        []ipr.TransferEvent
	Check         *ThresholdCheck // the thresholds in force today
	DossierLatest int             // the latest dossier version, 0 before sending
	Allowed       []string        // the events actor may send now
}

// ProposeTransfer proposes to transfer case caseID to a police unit: the
// thresholds met are recorded, and the head of office's 3-day clock starts.
// A case has at most one transfer under way: another may follow a rejection.
func (s *Service) ProposeTransfer(ctx context.Context, actor *ipr.User, caseID int64, in TransferInput) (*ipr.Transfer, error) {
	var out *ipr.Transfer
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, caseID)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionProposeTransfer, c.Resource()); err != nil {
			return err
		}
		others, _, err := tx.Transfers(ctx, ipr.TransferFilter{CaseID: c.ID, Limit: 500})
		if err != nil {
			return err
		}
		if slices.ContainsFunc(others, func(t *ipr.Transfer) bool { return t.State != ipr.TransferRejected }) {
			return &ipr.Error{Code: ipr.ECONFLICT, Message: "this case already has a transfer under way",
				Fields: map[string]string{"case": "case " + c.Ref + " is already being transferred"}}
		}
		check, err := s.checkThresholds(ctx, tx, c)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		out = &ipr.Transfer{CaseID: c.ID, CaseRef: c.Ref, Office: c.Office, HolderOrgID: c.HolderOrgID,
			PoliceOrgID: in.PoliceOrgID, State: ipr.TransferProposed, Reasons: in.Reasons, Thresholds: check.Codes(),
			ProposedBy: actor.ID, ProposedAt: now, ApprovalDue: now.Add(ipr.TransferApprovalPeriod)}
		if err := tx.CreateTransfer(ctx, out); err != nil {
			return err
		}
		if err := s.scheduleTransferReminders(ctx, tx, out); err != nil {
			return err
		}
		note := strings.TrimSpace(strings.Join(out.Thresholds, ", ") + " " + out.Reasons)
		return s.transferLog(ctx, tx, actor, out, "propose", "", note)
	})
	return out, err
}

// transferLog writes a transfer's timeline entry and its audit event.
func (s *Service) transferLog(ctx context.Context, tx *store.Tx, actor *ipr.User, t *ipr.Transfer, kind string, from ipr.TransferState, note string) error {
	e := &ipr.TransferEvent{TransferID: t.ID, At: s.Clock.Now(), ActorID: actor.ID, Kind: kind, FromState: from,
		ToState: t.State, Note: note}
	if err := tx.AddTransferEvent(ctx, e); err != nil {
		return err
	}
	return s.audit(ctx, tx, actor, change{Action: "transfer." + kind, ObjectType: "transfer", ObjectID: t.ID,
		ObjectOrg: t.HolderOrgID, Before: string(from), After: strings.TrimSpace(string(t.State) + " " + note)})
}

// loadTransfer loads a transfer actor may see in full: customs and the police
// unit it went to. To anyone else it does not exist.
func loadTransfer(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ipr.Transfer, error) {
	if actor == nil {
		return nil, ipr.Authorize(nil, ipr.ActionViewTransfer, ipr.Anything)
	}
	t, err := tx.TransferByID(ctx, id)
	if err == nil && !ipr.Can(actor, ipr.ActionViewTransfer, t.Resource()) {
		err = transferNotFound(id)
	}
	return t, err
}

func transferNotFound(id int64) error {
	return &ipr.Error{Code: ipr.ENOTFOUND, Message: "transfer not found",
		Fields: map[string]string{"transfer": "no transfer with id " + strconv.FormatInt(id, 10)}}
}

// ActOnTransfer sends event (approve, reject, send, accept, return,
// request_evidence, resubmit) to transfer id at expectedVersion. Each hand-over
// is timestamped and starts the next clock; sending and resubmitting store a
// dossier version, and the first sending runs the CN case's transfer event.
func (s *Service) ActOnTransfer(ctx context.Context, actor *ipr.User, id int64, expectedVersion int, event, reason string) (*ipr.Transfer, error) {
	var out *ipr.Transfer
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		t, err := loadTransfer(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if action := ipr.TransferAction(event); action != "" {
			if err := ipr.Authorize(actor, action, t.Resource()); err != nil {
				return err
			}
		}
		from := t.State
		if t.State, err = ipr.NextTransferState(t.State, event, reason); err != nil {
			return err
		}
		now := s.Clock.Now()
		stamp(t, event, actor.ID, strings.TrimSpace(reason), now)
		if err := tx.UpdateTransfer(ctx, t, expectedVersion); err != nil {
			return err
		}
		if event == "send" {
			if err := s.transferCase(ctx, tx, actor, t); err != nil {
				return err
			}
		}
		if event == "send" || event == "resubmit" {
			if _, err := s.saveDossier(ctx, tx, actor, t); err != nil {
				return err
			}
		}
		if err := s.scheduleTransferReminders(ctx, tx, t); err != nil { // the clock the new state starts
			return err
		}
		out = t
		return s.transferLog(ctx, tx, actor, t, event, from, strings.TrimSpace(reason))
	})
	return out, err
}

// stamp records the hand-over of event on t and starts the clock it starts.
func stamp(t *ipr.Transfer, event string, by int64, reason string, now time.Time) {
	switch event {
	case "approve", "reject":
		t.DecidedBy, t.DecidedAt = by, now
		if event == "approve" {
			t.SendDue = now.Add(ipr.TransferSendPeriod)
		}
	case "send", "resubmit":
		if t.FirstSentAt.IsZero() {
			t.FirstSentAt = now
		}
		t.SentAt, t.PoliceDue = now, now.Add(ipr.TransferDecisionPeriod) // restarts on resubmission
	case "accept":
		t.PoliceAt, t.AcceptedAt = now, now
	case "return", "request_evidence":
		t.PoliceAt, t.PoliceReason = now, reason
	}
}

// transferCase runs the CN workflow's transfer event when the case stands
// where it may be sent (infringing or penalised). Elsewhere (a case still under
// investigation, an EU or US case) the transfer is recorded on its own and the
// case's state is left as it is: the procedure does not depend on it.
func (s *Service) transferCase(ctx context.Context, tx *store.Tx, actor *ipr.User, t *ipr.Transfer) error {
	c, err := tx.CaseByID(ctx, t.CaseID)
	if err != nil {
		return err
	}
	if c.Profile != ipr.ProfileCN || !slices.Contains([]string{string(workflow.Infringing), string(workflow.Penalised)}, c.State) {
		return nil
	}
	_, err = s.act(ctx, tx, actor, c, c.Version, workflow.Event{Kind: "transfer", Reason: transferReason(t)}, "")
	return err
}

func transferReason(t *ipr.Transfer) string {
	if t.Reasons != "" {
		return t.Reasons
	}
	return "thresholds met: " + strings.Join(t.Thresholds, ", ")
}

// RecordOutcome records a step of the criminal case of an accepted transfer;
// the police unit it went to records it, customs and the holder see it.
func (s *Service) RecordOutcome(ctx context.Context, actor *ipr.User, id int64, o ipr.TransferOutcome) (*ipr.TransferOutcome, error) {
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		t, err := loadTransfer(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionRecordOutcome, t.Resource()); err != nil {
			return err
		}
		if t.State != ipr.TransferAccepted {
			return &ipr.Error{Code: ipr.ECONFLICT, Message: "accept the transfer before recording its outcome",
				Fields: map[string]string{"kind": "the transfer is " + string(t.State)}}
		}
		o.TransferID, o.At, o.By = t.ID, s.Clock.Now(), actor.ID
		if err := tx.AddTransferOutcome(ctx, &o); err != nil {
			return err
		}
		return s.transferLog(ctx, tx, actor, t, "outcome", t.State, strings.TrimSpace(string(o.Kind)+" "+o.Note))
	})
	if err != nil {
		return nil, err
	}
	return &o, nil
}

// Transfer returns transfer id as actor may see it: customs and its police
// unit in full, the case's right holder its state, clocks and outcomes.
func (s *Service) Transfer(ctx context.Context, actor *ipr.User, id int64) (*TransferView, error) {
	var out *TransferView
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		if actor == nil {
			return ipr.Authorize(nil, ipr.ActionViewOutcome, ipr.Anything)
		}
		t, err := tx.TransferByID(ctx, id)
		if err != nil {
			return err
		}
		full := ipr.Can(actor, ipr.ActionViewTransfer, t.Resource())
		if !full && !ipr.Can(actor, ipr.ActionViewOutcome, t.HolderResource()) {
			return transferNotFound(id)
		}
		out = &TransferView{Transfer: t, Clocks: t.Clocks(s.Clock.Now())}
		if unit, err := tx.OrgByID(ctx, t.PoliceOrgID); err == nil {
			out.PoliceUnit = unit.Name
		}
		if !full {
			return nil
		}
		return s.fillTransferView(ctx, tx, actor, out)
	})
	return out, err
}

func (s *Service) fillTransferView(ctx context.Context, tx *store.Tx, actor *ipr.User, v *TransferView) error {
	t := v.Transfer
	var err error
	if v.Events, err = tx.TransferEvents(ctx, t.ID); err != nil {
		return err
	}
	if d, err := tx.Dossier(ctx, t.ID, 0); err == nil {
		v.DossierLatest = d.Version
	} else if ipr.ErrorCode(err) != ipr.ENOTFOUND {
		return err
	}
	c, err := tx.CaseByID(ctx, t.CaseID)
	if err != nil {
		return err
	}
	if v.Check, err = s.checkThresholds(ctx, tx, c); err != nil {
		return err
	}
	for _, ev := range ipr.TransferEvents() {
		if _, err := ipr.NextTransferState(t.State, ev, "reason"); err == nil && ipr.Can(actor, ipr.TransferAction(ev), t.Resource()) {
			v.Allowed = append(v.Allowed, ev)
		}
	}
	return nil
}

// Transfers lists transfers, those proposed longest ago first: customs see
// every one, a police user those to its unit, a right holder those of its cases.
func (s *Service) Transfers(ctx context.Context, actor *ipr.User, f ipr.TransferFilter) ([]*ipr.Transfer, int64, error) {
	if actor == nil {
		return nil, 0, ipr.Authorize(nil, ipr.ActionViewTransfer, ipr.Anything)
	}
	switch {
	case actor.Role.IsCustoms():
	case actor.Role == ipr.RolePolice:
		f.PoliceOrgID = actor.OrgID
	case actor.Role == ipr.RoleRightHolder:
		f.HolderOrgID = actor.OrgID
	case actor.Role == ipr.RoleAgent && len(actor.ActsFor) == 1:
		f.HolderOrgID = actor.ActsFor[0]
	default:
		return nil, 0, ipr.Errorf(ipr.EFORBIDDEN, "you are not allowed to do that")
	}
	var list []*ipr.Transfer
	var total int64
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		list, total, err = tx.Transfers(ctx, f)
		return err
	})
	return list, total, err
}

// CaseTransfers is what the case page shows of transfers: the threshold check
// and the case's transfers.
func (s *Service) CaseTransfers(ctx context.Context, actor *ipr.User, caseID int64) (*ThresholdCheck, []*ipr.Transfer, error) {
	var check *ThresholdCheck
	var list []*ipr.Transfer
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, caseID)
		if err != nil {
			return err
		}
		if check, err = s.checkThresholds(ctx, tx, c); err != nil {
			return err
		}
		list, _, err = tx.Transfers(ctx, ipr.TransferFilter{CaseID: caseID, Limit: 500})
		return err
	})
	return check, list, err
}
