package ipr_test

import (
	"testing"
	"time"

	"bordermark/internal/ipr"
)

func TestLockout(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{-1, 0},
		{0, 0},
		{1, 0},
		{4, 0},
		{5, time.Minute},
		{6, 2 * time.Minute},
		{7, 4 * time.Minute},
		{8, 8 * time.Minute},
		{9, 16 * time.Minute},
		{10, 32 * time.Minute},
		{11, time.Hour},
		{12, time.Hour},
		{1000, time.Hour},
	}
	for _, tt := range tests {
		if got := ipr.Lockout(tt.failures); got != tt.want {
			t.Errorf("Lockout(%d): got %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func TestFixedClock(t *testing.T) {
	c := ipr.NewFixedClock(time.Date(2025, 3, 3, 17, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	if got, want := c.Now(), time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("got %v, want %v in UTC", got, want)
	}
	c.Advance(90 * time.Minute)
	if got, want := c.Now(), time.Date(2025, 3, 3, 10, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("after Advance: got %v, want %v", got, want)
	}
}
