package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// post sends body with a content type and a token.
func (s *server) post(t *testing.T, path, token, contentType string, body io.Reader) reply {
	t.Helper()
	req, err := http.NewRequest("POST", s.url+path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", contentType)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// declJSON is a declaration line; desc goes in the description.
func declJSON(id, desc string) string {
	return fmt.Sprintf(`{"id":%q,"channel":"postal","direction":"export","declared_at":"2026-03-06T09:30:00+08:00",`+
		`"customs_office":"Yiwu","origin":"CN-ZJ-Yiwu","destination":"US","transport":"post","consignor":"Yiwu Trading",`+
		`"consignee":"John Miller","hs_code":"640411","description":%q,"brand":"","quantity":2,"weight_kg":1.2,`+
		`"value":10,"currency":"USD"}`, id, desc)
}

type apiResult struct {
	ID   string `json:"id"`
	Risk int    `json:"risk"`
	Hits []struct {
		RightID    string   `json:"right_id"`
		Matched    string   `json:"matched"`
		Method     string   `json:"method"`
		Authorised bool     `json:"authorised"`
		Reasons    []string `json:"reasons"`
	} `json:"hits"`
	Rules []struct {
		Name string `json:"name"`
	} `json:"rules"`
}

// ndjsonResults reads an NDJSON answer.
func ndjsonResults(t *testing.T, r reply) []apiResult {
	t.Helper()
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("got %d %s (%s), want 200 NDJSON", r.status, r.header.Get("Content-Type"), r.body)
	}
	var out []apiResult
	sc := bufio.NewScanner(bytes.NewReader(r.body))
	for sc.Scan() {
		var res apiResult
		if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
			t.Fatalf("line %d: %v", len(out)+1, err)
		}
		out = append(out, res)
	}
	return out
}

func TestDeclarationsAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		brand := s.token(t, "brand@northwind.example")

		// One declaration as a JSON object: the answer is an array of one result.
		r := s.post(t, "/api/v1/declarations", officer, "application/json", strings.NewReader(declJSON("API-1", "N0RTHW1ND sneakers")))
		results := decode[[]apiResult](t, "POST one", r, http.StatusOK)
		if len(results) != 1 || results[0].ID != "API-1" || results[0].Risk == 0 || len(results[0].Hits) != 1 ||
			results[0].Hits[0].RightID != "DEMO-NORTHWIND" || results[0].Hits[0].Matched != "N0RTHW1ND" || results[0].Rules == nil {
			t.Errorf("POST one: got %s", r.body)
		}

		stored := decode[struct {
			Declaration struct {
				ID          string `json:"id"`
				Description string `json:"description"`
				DeclaredAt  string `json:"declared_at"`
			} `json:"declaration"`
			Result     apiResult `json:"result"`
			Status     string    `json:"status"`
			ReceivedAt string    `json:"received_at"`
			Decision   any       `json:"decision"`
		}](t, "GET", s.send(t, "GET", "/api/v1/declarations/API-1", officer, ""), http.StatusOK)
		if stored.Declaration.ID != "API-1" || stored.Declaration.Description != "N0RTHW1ND sneakers" ||
			stored.Declaration.DeclaredAt != "2026-03-06T01:30:00Z" || stored.Status != "flagged" ||
			stored.Result.Risk != results[0].Risk || stored.ReceivedAt == "" || stored.Decision != nil {
			t.Errorf("GET: got %+v", stored)
		}

		// A batch as NDJSON: results as NDJSON, in order; blank lines are skipped.
		batch := declJSON("API-2", "ceramic coffee mugs") + "\n\n" + declJSON("API-3", "N O R T H W I N D trainers") + "\r\n" +
			declJSON("API-1", "N0RTHW1ND sneakers") + "\n" // a retry of API-1 returns its stored result
		got := ndjsonResults(t, s.post(t, "/api/v1/declarations", officer, "application/x-ndjson", strings.NewReader(batch)))
		if len(got) != 3 || got[0].ID != "API-2" || got[0].Risk != 0 || got[1].ID != "API-3" || len(got[1].Hits) != 1 ||
			got[2].ID != "API-1" || got[2].Risk != results[0].Risk {
			t.Errorf("NDJSON batch: got %+v", got)
		}

		r = s.post(t, "/api/v1/declarations", officer, "application/json", strings.NewReader(declJSON("API-1", "wool socks")))
		wantError(t, "same id, other content", r, http.StatusConflict, ipr.ECONFLICT)

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct {
				name, contentType, body, field string
			}{
				{"no id", "application/json", strings.Replace(declJSON("X", "socks"), `"id":"X",`, "", 1), "id"},
				{"bad date", "application/json", strings.Replace(declJSON("X", "socks"), "2026-03-06T09:30:00+08:00", "6 March", 1), "declared_at"},
				{"date as a number", "application/json", strings.Replace(declJSON("X", "socks"), `"2026-03-06T09:30:00+08:00"`, "20260306", 1), "declared_at"},
				{"unknown field", "application/json", strings.Replace(declJSON("X", "socks"), `"id"`, `"colour":"red","id"`, 1), "colour"},
				{"quantity as text", "application/json", strings.Replace(declJSON("X", "socks"), `"quantity":2`, `"quantity":"two"`, 1), "quantity"},
				{"second line without description", "application/x-ndjson", declJSON("B-1", "socks") + "\n" + declJSON("B-2", ""), "line 2.description"},
				{"malformed third line", "application/x-ndjson", declJSON("B-1", "socks") + "\n\n{\"id\": ", "line 3.body"},
				{"two objects on a line", "application/x-ndjson", declJSON("B-1", "socks") + declJSON("B-2", "socks"), "line 1.body"},
				{"bad channel", "application/x-ndjson", strings.Replace(declJSON("B-1", "socks"), "postal", "pigeon", 1), "line 1.channel"},
				{"bad date", "application/x-ndjson", strings.Replace(declJSON("B-1", "socks"), "+08:00", "", 1), "line 1.declared_at"},
				{"same id twice", "application/x-ndjson", declJSON("B-1", "socks") + "\n" + declJSON("B-2", "socks") + "\n" + declJSON("B-1", "mugs"), "line 3.id"},
				{"empty batch", "application/x-ndjson", "\n\n", "body"},
			} {
				r := s.post(t, "/api/v1/declarations", officer, tc.contentType, strings.NewReader(tc.body))
				wantInvalid(t, tc.name, r, tc.field)
			}
			// Nothing of a refused batch was stored.
			wantError(t, "GET B-1", s.send(t, "GET", "/api/v1/declarations/B-1", officer, ""), http.StatusNotFound, ipr.ENOTFOUND)
		})

		t.Run("403", func(t *testing.T) {
			r := s.post(t, "/api/v1/declarations", brand, "application/json", strings.NewReader(declJSON("H-1", "socks")))
			wantError(t, "holder posts", r, http.StatusForbidden, ipr.EFORBIDDEN)
			r = s.send(t, "GET", "/api/v1/declarations/API-1", brand, "")
			wantError(t, "holder reads", r, http.StatusForbidden, ipr.EFORBIDDEN)
		})
	})
}

// Batches: a thousand lines go through in order; more than 10,000 declarations
// or 16 MB are refused, naming the line.
func TestDeclarationBatchLimits(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	officer := s.token(t, "officer@yiwu.customs.example")
	var b strings.Builder
	for i := range 1000 {
		desc := "ceramic coffee mugs"
		if i%10 == 0 {
			desc = "NORTHWIND shoes"
		}
		b.WriteString(declJSON(fmt.Sprintf("K-%04d", i), desc) + "\n")
	}
	begin := time.Now()
	got := ndjsonResults(t, s.post(t, "/api/v1/declarations", officer, "application/x-ndjson", strings.NewReader(b.String())))
	if took := time.Since(begin); took > 10*time.Second {
		t.Errorf("1,000 declarations took %v, want well under 10s", took)
	}
	if len(got) != 1000 {
		t.Fatalf("got %d results, want 1000", len(got))
	}
	for i, r := range got {
		if r.ID != fmt.Sprintf("K-%04d", i) || (i%10 == 0) != (len(r.Hits) > 0) {
			t.Fatalf("result %d: got %+v, want K-%04d, flagged only every tenth", i, r, i)
		}
	}

	b.Reset()
	for i := range 10001 {
		b.WriteString(declJSON(fmt.Sprintf("M-%05d", i), "mugs") + "\n")
	}
	r := s.post(t, "/api/v1/declarations", officer, "application/x-ndjson", strings.NewReader(b.String()))
	wantInvalid(t, "10,001 lines", r, "line 10001.body")

	huge := declJSON("H-1", strings.Repeat("x", 17<<20))
	r = s.post(t, "/api/v1/declarations", officer, "application/x-ndjson", strings.NewReader(huge))
	wantInvalid(t, "17 MB", r, "body")
}
