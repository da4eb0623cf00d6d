package workflow

import "bordermark/internal/ipr"

// Money is ipr's amount in minor units (fen, cents): thresholds such as
// ¥20,000 compare exactly.
type Money = ipr.Money

// Yuan returns y whole units (yuan, euros, dollars) as Money.
func Yuan(y int64) Money { return Money(y * 100) }
