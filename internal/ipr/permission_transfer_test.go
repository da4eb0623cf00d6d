package ipr

import (
	"testing"
	"time"
)

// transferMatrix is written out by hand: role × transfer action, over the columns
// of matrixResources (anything, own org, client org, other org). A transfer's
// resource belongs to its police unit; for ActionViewOutcome, to the case's holder.
var transferMatrix = []matrixRow{
	{"public", nil, transferRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{"disabled customs_supervisor", &User{ID: 2, Role: RoleCustomsSupervisor, OrgID: ownOrg, Disabled: true},
		transferRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn")},
	{"command line", SystemUser(),
		transferRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "yyyy", "yyyy")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer),
		transferRow("yyyy", "nnnn", "yyyy", "yyyy", "nnnn", "nnnn", "yyyy", "yyyy", "yyyy", "nnnn")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor),
		transferRow("yyyy", "yyyy", "yyyy", "yyyy", "nnnn", "nnnn", "yyyy", "yyyy", "yyyy", "yyyy")},
	{string(RoleRightHolder), member(RoleRightHolder),
		transferRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nynn", "nnnn", "nnnn", "nnnn")},
	{string(RoleAgent), member(RoleAgent),
		transferRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nyyn", "nnnn", "nnnn", "nnnn")},
	{string(RolePolice), member(RolePolice),
		transferRow("nnnn", "nnnn", "nnnn", "nynn", "nynn", "nynn", "nynn", "nnnn", "yyyy", "nnnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin),
		transferRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "yyyy", "nnnn", "nnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin),
		transferRow("nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "nnnn", "yyyy", "yyyy")},
}

func init() { matrices["transfer"] = transferMatrix }

// transferActions is the order of transferRow's arguments.
var transferActions = []Action{
	ActionProposeTransfer, ActionApproveTransfer, ActionSendTransfer, ActionViewTransfer, ActionDecideTransfer,
	ActionRecordOutcome, ActionViewOutcome, ActionViewTransferStats, ActionViewThreshold, ActionManageThreshold,
}

func transferRow(cells ...string) map[Action]string {
	if len(cells) != len(transferActions) {
		panic("transferRow: one cell per transfer action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[transferActions[i]] = c
	}
	return row
}

func TestTransferPermissionMatrix(t *testing.T) {
	for _, row := range transferMatrix {
		for _, action := range transferActions {
			cell := row.want[action]
			for i, r := range matrixResources {
				want := cell[i] == 'y'
				if got := Can(row.user, action, r.res); got != want {
					t.Errorf("Can(%s, %s, %s): got %v, want %v", row.who, action, r.name, got, want)
				}
			}
		}
	}
}

func TestTransferMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		found := false
		for _, row := range transferMatrix {
			found = found || (row.user != nil && row.user.Role == role && row.user.ID != 0 && !row.user.Disabled)
		}
		if !found {
			t.Errorf("role %s has no row in the transfer matrix", role)
		}
	}
}

func TestTransferProcedure(t *testing.T) {
	tests := []struct {
		state  TransferState
		event  string
		reason string
		want   TransferState
		code   string
	}{
		{TransferProposed, "approve", "", TransferApproved, ""},
		{TransferProposed, "reject", "", "", EINVALID},
		{TransferProposed, "reject", "no evidence of intent", TransferRejected, ""},
		{TransferProposed, "send", "", "", ECONFLICT},
		{TransferApproved, "send", "", TransferSent, ""},
		{TransferSent, "return", "", "", EINVALID},
		{TransferSent, "return", "valuation missing", TransferReturned, ""},
		{TransferSent, "request_evidence", "lab report", TransferMoreEvidence, ""},
		{TransferReturned, "resubmit", "", TransferSent, ""},
		{TransferMoreEvidence, "resubmit", "", TransferSent, ""},
		{TransferSent, "accept", "", TransferAccepted, ""},
		{TransferAccepted, "return", "late", "", ECONFLICT},
		{TransferRejected, "approve", "", "", ECONFLICT},
		{TransferSent, "explode", "", "", EINVALID},
	}
	for _, tt := range tests {
		got, err := NextTransferState(tt.state, tt.event, tt.reason)
		if got != tt.want || ErrorCode(err) != tt.code {
			t.Errorf("NextTransferState(%s, %s, %q): got %q, %q; want %q, %q", tt.state, tt.event, tt.reason,
				got, ErrorCode(err), tt.want, tt.code)
		}
	}
}

func TestThresholdMet(t *testing.T) {
	th := Threshold{MinMarks: 2, Volume: 30_000_00, Gains: 20_000_00, Currency: "CNY"}
	tests := []struct {
		facts ThresholdFacts
		want  bool
	}{
		{ThresholdFacts{Marks: 2, Volume: 30_000_00, Currency: "CNY"}, true},
		{ThresholdFacts{Marks: 2, Volume: 29_999_99, Currency: "CNY"}, false},
		{ThresholdFacts{Marks: 1, Volume: 90_000_00, Currency: "CNY"}, false},
		{ThresholdFacts{Marks: 3, Gains: 20_000_00, Currency: "CNY"}, true},
		{ThresholdFacts{Marks: 3, Volume: 90_000_00, Currency: "EUR"}, false},
	}
	for _, tt := range tests {
		if got, _ := th.Met(tt.facts); got != tt.want {
			t.Errorf("Met(%+v): got %v, want %v", tt.facts, got, tt.want)
		}
	}
}

func TestTransferClocks(t *testing.T) {
	p := ptime(0)
	tr := &Transfer{State: TransferSent, ProposedAt: p, ApprovalDue: p.Add(TransferApprovalPeriod),
		DecidedAt: ptime(96), SendDue: ptime(96 + 24), FirstSentAt: ptime(100), SentAt: ptime(100),
		PoliceDue: ptime(100 + 72)}
	clocks := tr.Clocks(ptime(200))
	want := []struct {
		name    string
		overdue bool
	}{{"approval", true}, {"sending", false}, {"police_decision", true}}
	if len(clocks) != len(want) {
		t.Fatalf("got %d clocks, want %d", len(clocks), len(want))
	}
	for i, w := range want {
		if clocks[i].Name != w.name || clocks[i].Overdue != w.overdue {
			t.Errorf("clock %d: got %s overdue=%v, want %s overdue=%v", i, clocks[i].Name, clocks[i].Overdue, w.name, w.overdue)
		}
	}
}

// ptime is a test instant h hours into 2026.
func ptime(h int) time.Time {
	return time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).Add(time.Duration(h) * time.Hour)
}
