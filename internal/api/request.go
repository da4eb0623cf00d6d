package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// maxBody bounds a request body: a recordation is a few kilobytes.
const maxBody = 256 << 10

// decodeJSON reads the body as exactly one JSON object into v. Unknown fields, wrong
// types, malformed JSON and oversized bodies are EINVALID errors naming the field.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return bodyError(err)
	}
	if err := dec.Decode(&struct{}{}); err != io.EOF {
		if err == nil || !isSyntaxOrSize(err) {
			return invalidBody("body", "must hold one JSON object and nothing after it")
		}
		return bodyError(err)
	}
	return nil
}

func isSyntaxOrSize(err error) bool {
	var se *json.SyntaxError
	var me *http.MaxBytesError
	return errors.As(err, &se) || errors.As(err, &me)
}

func invalidBody(field, problem string) error {
	return &ipr.Error{Code: ipr.EINVALID, Message: "the request body is not valid", Fields: map[string]string{field: problem}}
}

// bodyError turns a decoding error into the field it is about.
func bodyError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var me *http.MaxBytesError
	switch {
	case errors.Is(err, io.EOF):
		return invalidBody("body", "is empty: send a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return invalidBody("body", "ends in the middle of the JSON")
	case errors.As(err, &se):
		return invalidBody("body", fmt.Sprintf("is not valid JSON at byte %d: %v", se.Offset, se))
	case errors.As(err, &me):
		return invalidBody("body", fmt.Sprintf("is larger than %d bytes", me.Limit))
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			return invalidBody("body", "must be a JSON object")
		}
		return invalidBody(field, "must be "+jsonType(te.Type.Kind().String())+", not "+te.Value)
	}
	// encoding/json reports unknown fields only in its message: json: unknown field "x".
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		field, _ := strconv.Unquote(name)
		return invalidBody(field, "is not a field of this request")
	}
	return invalidBody("body", err.Error())
}

// jsonType names a Go kind as JSON does.
func jsonType(kind string) string {
	switch {
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"), strings.HasPrefix(kind, "float"):
		return "a number"
	case kind == "slice", kind == "array":
		return "an array"
	case kind == "bool":
		return "true or false"
	case kind == "struct", kind == "map":
		return "an object"
	}
	return "a string"
}

// queryChecker reads query parameters, refusing unknown ones and collecting problems by name.
type queryChecker struct {
	q        url.Values
	problems ipr.Problems
}

func newQueryChecker(q url.Values, known ...string) *queryChecker {
	c := &queryChecker{q: q, problems: ipr.Problems{}}
	for name := range q {
		if !slices.Contains(known, name) {
			c.problems.Add(name, "is not a parameter of this request; use "+strings.Join(known, ", "))
		}
	}
	return c
}

func (c *queryChecker) text(name string) string { return strings.TrimSpace(c.q.Get(name)) }

// number reads an integer parameter within [lo, hi]; absent, it is def.
func (c *queryChecker) number(name string, lo, hi, def int) int {
	s := c.text(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		c.problems.Add(name, fmt.Sprintf("must be a whole number from %d to %d", lo, hi))
		return def
	}
	return n
}

func (c *queryChecker) date(name string) ipr.Date {
	d, err := ipr.ParseDate(c.text(name))
	if err != nil {
		c.problems.Add(name, err.Error())
	}
	return d
}

func (c *queryChecker) err() error { return c.problems.Err("the query is not valid") }

// pathID reads the {id} of the path.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &ipr.Error{Code: ipr.EINVALID, Message: "the address is not valid",
			Fields: map[string]string{"id": "must be a positive whole number"}}
	}
	return id, nil
}

// holderQuery reads the filter of a list of right holders' data (contacts, known
// infringers): one holder by id, search text and the page.
func holderQuery(q url.Values) (enforce.HolderQuery, error) {
	c := newQueryChecker(q, "holder_id", "q", "limit", "offset")
	hq := enforce.HolderQuery{HolderID: int64(c.number("holder_id", 1, math.MaxInt, 0)), Text: c.text("q"),
		Limit: c.number("limit", 1, 1000, 50), Offset: c.number("offset", 0, 1<<30, 0)}
	if len([]rune(hq.Text)) > 200 {
		c.problems.Add("q", "must be at most 200 characters")
	}
	return hq, c.err()
}
