package ipr

import (
	"fmt"
	"strings"
)

// Money is an amount in minor units of its currency (fen, cents), so that sums are exact.
type Money int64

// String writes m with two decimals, such as 200000.00.
func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return fmt.Sprintf("%s%d.%02d", sign, m/100, m%100)
}

// maxMoney keeps parsed amounts far from int64 overflow when summed: ten million billion minor units.
const maxMoney = Money(1e16)

// ParseMoney reads a non-negative amount such as "1234", "1234.5", "1,234.56" or "¥200,000".
func ParseMoney(s string) (Money, error) {
	bad := fmt.Errorf("%q is not an amount like 1234.56", s)
	t := strings.TrimSpace(s)
	for _, symbol := range []string{"¥", "￥", "€", "$"} {
		t = strings.TrimPrefix(t, symbol)
	}
	t = strings.ReplaceAll(t, ",", "")
	whole, frac, dotted := strings.Cut(t, ".")
	if whole == "" || !allDigits(whole) || len(frac) > 2 || (dotted && (frac == "" || !allDigits(frac))) {
		return 0, bad
	}
	var m Money
	for _, r := range whole + (frac + "00")[:2] {
		m = m*10 + Money(r-'0')
		if m > maxMoney {
			return 0, fmt.Errorf("%q is too large", s)
		}
	}
	return m, nil
}

// MarshalText writes m as String does, so JSON carries "19999.99".
func (m Money) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads what ParseMoney reads.
func (m *Money) UnmarshalText(b []byte) error {
	v, err := ParseMoney(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
