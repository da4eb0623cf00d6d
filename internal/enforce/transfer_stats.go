package enforce

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// TransferStats measures the link between customs and the police: per office
// and per police unit, how many days each hand-over took, and the transfers
// waiting longest first.
type TransferStats struct {
	Since   time.Time
	Offices []LinkStats
	Units   []LinkStats
	Waiting []WaitingTransfer // the waitingShown longest waits, longest first
	// WaitingTotal is how many transfers wait in all, also those beyond Waiting.
	WaitingTotal int64
}

// waitingShown is how many of the longest waits the figures list.
const waitingShown = 500

// LinkStats are one office's or police unit's figures, in days.
type LinkStats struct {
	Name                string // the office, or the police unit's name
	OrgID               int64  // the police unit; 0 for an office
	Transfers           int
	ProposalToApproval  Spread
	ApprovalToSending   Spread
	SendingToAcceptance Spread // from the latest sending: the police's clock restarts on resubmission
}

// Spread is the median and 90th percentile of N durations in days (linear
// interpolation between the sorted values); zero when N is 0.
type Spread struct {
	N      int
	Median float64
	P90    float64
}

// WaitingTransfer is a transfer waiting for someone to act, and since when.
type WaitingTransfer struct {
	Transfer *ipr.Transfer
	Since    time.Time // the latest hand-over
	Days     float64
	Overdue  bool // one of its clocks is overdue
}

// TransferStats computes the link's figures for transfers proposed since.
func (s *Service) TransferStats(ctx context.Context, actor *ipr.User, since time.Time) (*TransferStats, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewTransferStats, ipr.Anything); err != nil {
		return nil, err
	}
	out := &TransferStats{Since: since}
	now := s.Clock.Now()
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		durations, err := tx.TransferDurations(ctx, since)
		if err != nil {
			return err
		}
		out.Offices = linkStats(durations, func(d ipr.TransferDurations) (string, int64) { return d.Office, 0 })
		out.Units = linkStats(durations, func(d ipr.TransferDurations) (string, int64) { return "", d.PoliceOrgID })
		for i, u := range out.Units {
			if org, err := tx.OrgByID(ctx, u.OrgID); err == nil {
				out.Units[i].Name = org.Name
			}
		}
		list, total, err := tx.WaitingTransfers(ctx, waitingShown)
		if err != nil {
			return err
		}
		out.Waiting, out.WaitingTotal = waiting(list, now), total
		return nil
	})
	return out, err
}

// linkStats groups durations by key and computes each group's spreads.
func linkStats(list []ipr.TransferDurations, key func(ipr.TransferDurations) (string, int64)) []LinkStats {
	type group struct {
		name                      string
		org                       int64
		n                         int
		approval, sending, accept []float64
	}
	var groups []*group
	for _, d := range list {
		name, org := key(d)
		i := slices.IndexFunc(groups, func(g *group) bool { return g.name == name && g.org == org })
		if i < 0 {
			groups, i = append(groups, &group{name: name, org: org}), len(groups)
		}
		g := groups[i]
		g.n++
		g.approval = appendSpan(g.approval, d.ProposedAt, d.ApprovedAt)
		g.sending = appendSpan(g.sending, d.ApprovedAt, d.FirstSentAt)
		g.accept = appendSpan(g.accept, d.SentAt, d.AcceptedAt)
	}
	out := make([]LinkStats, len(groups))
	for i, g := range groups {
		out[i] = LinkStats{Name: g.name, OrgID: g.org, Transfers: g.n, ProposalToApproval: spread(g.approval),
			ApprovalToSending: spread(g.sending), SendingToAcceptance: spread(g.accept)}
	}
	slices.SortFunc(out, func(a, b LinkStats) int {
		if a.Name != b.Name {
			return cmp.Compare(a.Name, b.Name)
		}
		return int(a.OrgID - b.OrgID)
	})
	return out
}

// appendSpan adds the days from start to end when both happened.
func appendSpan(list []float64, start, end time.Time) []float64 {
	if start.IsZero() || end.IsZero() || end.Before(start) {
		return list
	}
	return append(list, days(end.Sub(start)))
}

// spread is the median and 90th percentile of values.
func spread(values []float64) Spread {
	if len(values) == 0 {
		return Spread{}
	}
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	return Spread{N: len(sorted), Median: percentile(sorted, 0.5), P90: percentile(sorted, 0.9)}
}

// percentile interpolates linearly between the sorted values' ranks, rounded to 0.01 day.
func percentile(sorted []float64, p float64) float64 {
	rank := p * float64(len(sorted)-1)
	lo := int(math.Floor(rank))
	hi := min(lo+1, len(sorted)-1)
	v := sorted[lo] + (sorted[hi]-sorted[lo])*(rank-float64(lo))
	return math.Round(v*100) / 100
}

// waiting describes the transfers waiting for someone, longest waiting first
// (the store already ordered them so; the sort keeps the two in step).
func waiting(list []*ipr.Transfer, now time.Time) []WaitingTransfer {
	var out []WaitingTransfer
	for _, t := range list {
		if !t.Waiting() {
			continue
		}
		since := map[ipr.TransferState]time.Time{ipr.TransferProposed: t.ProposedAt, ipr.TransferApproved: t.DecidedAt,
			ipr.TransferSent: t.SentAt, ipr.TransferReturned: t.PoliceAt, ipr.TransferMoreEvidence: t.PoliceAt}[t.State]
		w := WaitingTransfer{Transfer: t, Since: since, Days: math.Round(days(now.Sub(since))*100) / 100}
		for _, c := range t.Clocks(now) {
			w.Overdue = w.Overdue || (c.Overdue && c.MetAt.IsZero())
		}
		out = append(out, w)
	}
	slices.SortStableFunc(out, func(a, b WaitingTransfer) int { return a.Since.Compare(b.Since) })
	return out
}

// days is d in days.
func days(d time.Duration) float64 { return d.Hours() / 24 }
