package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
)

// maxBatchBody bounds an NDJSON batch of declarations.
const maxBatchBody = 16 << 20

const ndjson = "application/x-ndjson"

// handleDeclarationSubmit screens and stores one declaration (a JSON object)
// or a batch (NDJSON, one declaration a line). The answer is sent once every
// declaration is committed: a JSON array of results, or NDJSON in input order
// for an NDJSON request. A bad line rejects the whole batch.
func (a *API) handleDeclarationSubmit(w http.ResponseWriter, r *http.Request) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var decls []screen.Declaration
	var err error
	if mt == ndjson {
		decls, err = readNDJSON(http.MaxBytesReader(w, r.Body, maxBatchBody))
	} else {
		var d screen.Declaration
		if err = decodeJSON(w, r, &d); err == nil {
			decls = []screen.Declaration{d}
			err = enforce.ValidateDeclaration(&d)
		} else {
			err = declarationBodyError(err)
		}
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	results, err := a.svc.SubmitDeclarations(r.Context(), userFrom(r), decls)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if mt != ndjson {
		writeJSON(w, http.StatusOK, results)
		return
	}
	w.Header().Set("Content-Type", ndjson)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw) // one result a line: Encode ends each with a newline
	for i := range results {
		if err := enc.Encode(&results[i]); err != nil {
			return // the client went away; the declarations are stored all the same
		}
	}
	bw.Flush()
}

// readNDJSON reads one declaration a line, skipping blank lines. Every line
// is checked before anything is screened; the first bad one is reported by
// its line number, and the batch is refused.
func readNDJSON(body io.Reader) ([]screen.Declaration, error) {
	sc := bufio.NewScanner(body)
	sc.Buffer(make([]byte, 0, 64<<10), maxBatchBody)
	var decls []screen.Declaration
	lines := map[string]int{} // id → line, for duplicates
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if len(decls) == enforce.MaxDeclarationBatch {
			return nil, lineError(line, invalidBody("body", fmt.Sprintf("holds more than %d declarations; split the batch", enforce.MaxDeclarationBatch)))
		}
		d, err := decodeDeclaration(b)
		if err == nil {
			err = enforce.ValidateDeclaration(&d)
		}
		if prev, dup := lines[d.ID]; err == nil && dup {
			err = &ipr.Error{Code: ipr.EINVALID, Message: "the declaration is not valid",
				Fields: map[string]string{"id": fmt.Sprintf("%q is also the id on line %d", d.ID, prev)}}
		}
		if err != nil {
			return nil, lineError(line, err)
		}
		lines[d.ID] = line
		decls = append(decls, d)
	}
	if err := sc.Err(); err != nil {
		var me *http.MaxBytesError
		if errors.As(err, &me) {
			return nil, invalidBody("body", fmt.Sprintf("is larger than %d bytes; split the batch", me.Limit))
		}
		return nil, invalidBody("body", "cannot be read: "+err.Error())
	}
	if len(decls) == 0 {
		return nil, invalidBody("body", "holds no declaration: send one JSON object a line")
	}
	return decls, nil
}

// decodeDeclaration reads one line as exactly one JSON object.
func decodeDeclaration(b []byte) (screen.Declaration, error) {
	var d screen.Declaration
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return d, declarationBodyError(bodyError(err))
	}
	if dec.More() {
		return d, invalidBody("body", "must hold one JSON object a line")
	}
	return d, nil
}

// declarationBodyError names declared_at when its time could not be read,
// which encoding/json reports without the field.
func declarationBodyError(err error) error {
	if body := ipr.ErrorFields(err)["body"]; strings.Contains(body, "parsing time") || strings.Contains(body, "Time.UnmarshalJSON") {
		return invalidBody("declared_at", "must be a date and time like 2026-03-06T09:30:00+08:00")
	}
	return err
}

// lineError names the line of a batch in the message and in every field.
func lineError(line int, err error) error {
	var e *ipr.Error
	if !errors.As(err, &e) {
		return err
	}
	prefix := "line " + strconv.Itoa(line)
	out := &ipr.Error{Code: e.Code, Message: prefix + ": " + e.Message + "; nothing was stored", Fields: map[string]string{}}
	for f, problem := range e.Fields {
		out.Fields[prefix+"."+f] = problem
	}
	return out
}

// declarationJSON is a stored declaration (schema StoredDeclaration in openapi.json).
type declarationJSON struct {
	Declaration screen.Declaration    `json:"declaration"`
	Result      screen.Result         `json:"result"`
	Status      ipr.DeclarationStatus `json:"status"`
	ReceivedAt  time.Time             `json:"received_at"`
	Decision    *decisionJSON         `json:"decision,omitempty"`
}

type decisionJSON struct {
	By     int64     `json:"by"`
	ByName string    `json:"by_name"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}

func newDeclarationJSON(v *enforce.DeclarationView) declarationJSON {
	out := declarationJSON{Declaration: v.Declaration, Result: v.Result, Status: v.Status, ReceivedAt: v.ReceivedAt}
	if v.Decided() {
		out.Decision = &decisionJSON{By: v.DecidedBy, ByName: v.DecidedByName, At: v.DecidedAt, Reason: v.DecisionReason}
	}
	return out
}

// handleDeclarationShow is a stored declaration: what was declared, what
// screening found, and what an officer decided.
func (a *API) handleDeclarationShow(w http.ResponseWriter, r *http.Request) {
	v, err := a.svc.Declaration(r.Context(), userFrom(r), r.PathValue("id"))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newDeclarationJSON(v))
}
