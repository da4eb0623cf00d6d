package ipr_test

import (
	"errors"
	"fmt"
	"testing"

	"bordermark/internal/ipr"
)

func TestErrorCodeAndMessage(t *testing.T) {
	invalid := &ipr.Error{Code: ipr.EINVALID, Message: "user is not valid",
		Fields: map[string]string{"role": "is required", "email": "is required"}}
	tests := []struct {
		name     string
		err      error
		wantCode string
		wantMsg  string
	}{
		{"nil", nil, "", ""},
		{"foreign", errors.New("disk on fire"), ipr.EINTERNAL, "internal error"},
		{"internal hides detail", ipr.Internal(errors.New("disk on fire")), ipr.EINTERNAL, "internal error"},
		{"fields sorted", invalid, ipr.EINVALID, "user is not valid; email: is required; role: is required"},
		{"wrapped", fmt.Errorf("saving: %w", ipr.Errorf(ipr.ENOTFOUND, "no case %d", 7)), ipr.ENOTFOUND, "no case 7"},
	}
	for _, tt := range tests {
		if got := ipr.ErrorCode(tt.err); got != tt.wantCode {
			t.Errorf("%s: ErrorCode: got %q, want %q", tt.name, got, tt.wantCode)
		}
		if got := ipr.ErrorMessage(tt.err); got != tt.wantMsg {
			t.Errorf("%s: ErrorMessage: got %q, want %q", tt.name, got, tt.wantMsg)
		}
	}
}

func TestProblems(t *testing.T) {
	p := ipr.Problems{}
	if err := p.Err("fine"); err != nil {
		t.Errorf("no problems: got %v, want nil", err)
	}
	p.Add("email", "is required")
	p.Add("email", "is not an e-mail address") // the first problem wins
	err := p.Err("user is not valid")
	if got, want := ipr.ErrorFields(err)["email"], "is required"; got != want {
		t.Errorf("got email problem %q, want %q", got, want)
	}
	if got := ipr.ErrorCode(err); got != ipr.EINVALID {
		t.Errorf("got code %q, want %q", got, ipr.EINVALID)
	}
}
