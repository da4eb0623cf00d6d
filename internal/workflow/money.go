package workflow

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Money is an amount in minor units (fen, cents) of the profile's currency. Integer, so that
// thresholds such as ¥20,000 compare exactly.
type Money int64

// Yuan returns y whole units (yuan, euros, dollars) as Money.
func Yuan(y int64) Money { return Money(y * 100) }

// String shows m with two decimals, such as 19999.99.
func (m Money) String() string {
	sign, v := "", int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// ParseMoney reads a non-negative amount such as 20000, 19999.9 or 19,999.99.
func ParseMoney(s string) (Money, error) {
	bad := fmt.Errorf("%q is not an amount like 19999.99", s)
	whole, frac, hasFrac := strings.Cut(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), ".")
	if whole == "" || len(frac) > 2 || (hasFrac && frac == "") || !digits(whole) || !digits(frac) {
		return 0, bad
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > math.MaxInt64/100-1 {
		return 0, bad
	}
	f := 0
	if frac != "" {
		f, _ = strconv.Atoi(frac)
		if len(frac) == 1 {
			f *= 10
		}
	}
	return Money(w*100 + int64(f)), nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// MarshalText implements encoding.TextMarshaler.
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
