package ipr

import (
	"strings"
	"testing"
	"time"
)

func TestPublicTipValidate(t *testing.T) {
	tests := []struct {
		name string
		tip  PublicTip
		want map[string]string
	}{
		{"complete", PublicTip{What: " fake bags ", Where: "Yiwu market"}, nil},
		{"missing what and where", PublicTip{What: "  ", Seller: "x"}, map[string]string{"what": ProblemRequired, "where": ProblemRequired}},
		{"too long", PublicTip{What: strings.Repeat("假", MaxTipWhat+1), Where: "x"}, map[string]string{"what": ProblemTooLong}},
		{"longest", PublicTip{What: strings.Repeat("假", MaxTipWhat), Where: "x"}, nil},
		{"control characters", PublicTip{What: "a\x00b", Where: "x", Seller: "\x1b[31m"}, map[string]string{"what": ProblemText, "seller": ProblemText}},
		{"invalid UTF-8", PublicTip{What: "ok", Where: "\xff\xfe"}, map[string]string{"where": ProblemText}},
		{"line breaks are text", PublicTip{What: "line one\r\nline two\tend", Where: "x"}, nil},
		{"shipment too long", PublicTip{What: "a", Where: "b", Shipment: strings.Repeat("x", MaxTipShipment+1)}, map[string]string{"shipment": ProblemTooLong}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tip := tt.tip
			got := ErrorFields(tip.Validate())
			if len(got) != len(tt.want) {
				t.Fatalf("got problems %v, want %v", got, tt.want)
			}
			for f, p := range tt.want {
				if got[f] != p {
					t.Errorf("field %s: got %q, want %q", f, got[f], p)
				}
			}
			if tt.want == nil && (tip.What != strings.TrimSpace(tip.What) || tip.Lang != "en") {
				t.Errorf("got What %q Lang %q, want trimmed text and en", tip.What, tip.Lang)
			}
		})
	}
}

func TestPublicTipTriage(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		from   PublicTipStatus
		to     PublicTipStatus
		reason string
		code   string
		field  string
	}{
		{"triage without reason", PublicTipReceived, PublicTipTriaged, "", "", ""},
		{"forward with reason", PublicTipTriaged, PublicTipForwarded, "to Yiwu office", "", ""},
		{"dismiss needs a reason", PublicTipReceived, PublicTipDismissed, " ", EINVALID, "reason"},
		{"back to received", PublicTipTriaged, PublicTipReceived, "x", EINVALID, "status"},
		{"forwarded is final", PublicTipForwarded, PublicTipDismissed, "x", ECONFLICT, ""},
		{"same status", PublicTipTriaged, PublicTipTriaged, "x", ECONFLICT, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tip := PublicTip{Status: tt.from}
			err := tip.Triage(tt.to, tt.reason, 7, now)
			if got := ErrorCode(err); got != tt.code {
				t.Fatalf("got code %q (%v), want %q", got, err, tt.code)
			}
			if tt.field != "" && ErrorFields(err)[tt.field] == "" {
				t.Errorf("got fields %v, want a problem with %s", ErrorFields(err), tt.field)
			}
			if err == nil && (tip.Status != tt.to || tip.TriagedBy != 7 || !tip.TriagedAt.Equal(now)) {
				t.Errorf("got %+v, want status %s by 7 at %v", tip, tt.to, now)
			}
		})
	}
}

func TestPublicTipReceiptAndStatus(t *testing.T) {
	for s, want := range map[string]bool{"T-23456789AB": true, "T-2345678": false, "X-23456789AB": false,
		"T-0O1IL56789": false, "t-23456789ab": false, "T-23456789AB'": false} {
		if got := ValidPublicTipReceipt(s); got != want {
			t.Errorf("ValidPublicTipReceipt(%q): got %v, want %v", s, got, want)
		}
	}
	if _, err := ParsePublicTipStatus("forwarded"); err != nil {
		t.Errorf("ParsePublicTipStatus(forwarded): got %v", err)
	}
	if _, err := ParsePublicTipStatus("lost"); ErrorFields(err)["status"] == "" {
		t.Errorf("ParsePublicTipStatus(lost): got %v, want a status problem", err)
	}
}
