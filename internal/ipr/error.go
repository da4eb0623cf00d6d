// Package ipr is Bordermark's domain: the types, rules and permissions shared by
// every layer. It imports only the standard library.
package ipr

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error codes. One table in web and api maps each to an HTTP status.
const (
	EINVALID         = "invalid"
	ENOTFOUND        = "not_found"
	ECONFLICT        = "conflict"
	EFORBIDDEN       = "forbidden"
	EUNAUTHENTICATED = "unauthenticated"
	ETOOMANY         = "too_many_requests"
	EINTERNAL        = "internal"
)

// Error is the one error type of Bordermark. Message is safe to show to users;
// Err carries the detail that is only logged.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string // field name → what is wrong with it
	Err     error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, f := range e.fieldNames() {
		fmt.Fprintf(&b, "; %s: %s", f, e.Fields[f])
	}
	if e.Err != nil {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) fieldNames() []string {
	names := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// Errorf returns an Error with a code and a user-facing message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected error; users see a generic message.
func Internal(err error) *Error {
	return &Error{Code: EINTERNAL, Message: "internal error", Err: err}
}

// ErrorCode returns the code of err, EINTERNAL for foreign errors and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message a user may see.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return UserText(e)
	}
	return "internal error"
}

// UserText is the message followed by the field problems, for CLI and flash messages.
func UserText(e *Error) string {
	var b strings.Builder
	b.WriteString(e.Message)
	for _, f := range e.fieldNames() {
		fmt.Fprintf(&b, "; %s: %s", f, e.Fields[f])
	}
	return b.String()
}

// ErrorFields returns the field problems of err, if any.
func ErrorFields(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}

// Problems collects field validation problems.
type Problems map[string]string

// Add records a problem for field unless one is already recorded.
func (p Problems) Add(field, problem string) {
	if _, ok := p[field]; !ok {
		p[field] = problem
	}
}

// Err returns an EINVALID error listing the problems, or nil when there are none.
func (p Problems) Err(message string) error {
	if len(p) == 0 {
		return nil
	}
	return &Error{Code: EINVALID, Message: message, Fields: p}
}

// HTTPStatus is the one table from error codes to HTTP status codes, used by
// both the web pages and the API. (Numbers, so that ipr need not import net/http.)
func HTTPStatus(err error) int {
	switch ErrorCode(err) {
	case "":
		return 200
	case EINVALID:
		return 400 // Bad Request
	case EUNAUTHENTICATED:
		return 401 // Unauthorized
	case EFORBIDDEN:
		return 403 // Forbidden
	case ENOTFOUND:
		return 404 // Not Found
	case ECONFLICT:
		return 409 // Conflict
	case ETOOMANY:
		return 429 // Too Many Requests
	}
	return 500
}
