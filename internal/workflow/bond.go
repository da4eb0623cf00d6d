package workflow

import (
	"fmt"
	"strings"

	"bordermark/internal/ipr"
)

// CN bond thresholds (implementing measures Art. 23), in fen.
var (
	cnBondLow  = Yuan(20_000)  // below this the bond is the goods' value
	cnBondHigh = Yuan(200_000) // above this the bond is a flat ¥100,000
	cnBondCap  = Yuan(100_000)
)

// CNBond is the bond a holder posts when applying after customs' ex officio notice:
// goods worth under ¥20,000, their value; ¥20,000 to ¥200,000, half their value but at least
// ¥20,000; over ¥200,000, ¥100,000.
func CNBond(value Money) Money {
	switch {
	case value < cnBondLow:
		return max(value, 0)
	case value <= cnBondHigh:
		return max((value+1)/2, cnBondLow) // half, rounded up to the fen
	}
	return cnBondCap
}

// CNRequiredBond is the bond the mode requires: the tiered CNBond ex officio, the goods' full
// value on application (measures Art. 14).
func CNRequiredBond(mode Mode, value Money) Money {
	if mode == OnApplication {
		return max(value, 0)
	}
	return CNBond(value)
}

// Penalty tiers: the fine as a share of the goods' value.
const (
	TierUnder10 = "under_10" // fine < 10% of the value
	Tier10To20  = "10_to_20" // 10% ≤ fine < 20%
	Tier20To30  = "20_to_30" // 20% ≤ fine ≤ 30%
)

// Penalty is a CN administrative penalty: the goods are confiscated and a fine imposed.
type Penalty struct {
	Fine   Money
	Tier   string
	Reason string
}

// CNPenalty checks a fine against the goods' value (at most 30%, Regs Art. 27) and puts it in
// its tier. The reason, which the tier must be justified by, is required.
func CNPenalty(value, fine Money, reason string) (Penalty, error) {
	reason = strings.TrimSpace(reason)
	p := ipr.Problems{}
	switch {
	case fine < 0:
		p.Add("fine", "must not be negative")
	case fine*10 > value*3:
		p.Add("fine", fmt.Sprintf("must be at most 30%% of the goods' value (%s)", Money(value*3/10)))
	}
	if reason == "" {
		p.Add("reason", "is required: say why the fine is in its tier")
	}
	if err := p.Err("the penalty is not valid"); err != nil {
		return Penalty{}, err
	}
	tier := Tier20To30
	switch {
	case fine*10 < value:
		tier = TierUnder10
	case fine*5 < value:
		tier = Tier10To20
	}
	return Penalty{Fine: fine, Tier: tier, Reason: reason}, nil
}

// DefaultPersonalLimit is the quantity of one kind of article a person may carry or mail for
// personal use before CN customs treat the items as goods (Regs Art. 31). The law sets no
// figure: "reasonable quantities" are for each office to judge, so callers pass their own.
const DefaultPersonalLimit = 3

// TreatedAsGoods reports whether infringing items are treated as goods (CN Regs Art. 31):
// always in general trade; in the postal, express and passenger channels only beyond the
// personal limit (DefaultPersonalLimit when limit ≤ 0).
func TreatedAsGoods(channel string, quantity, personalLimit int) bool {
	if personalLimit <= 0 {
		personalLimit = DefaultPersonalLimit
	}
	switch strings.ToLower(strings.TrimSpace(channel)) {
	case "postal", "express", "passenger":
		return quantity > personalLimit
	}
	return true
}
