package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// send makes a request with a JSON body (none when body is "") and a token.
func (s *server) send(t *testing.T, method, path, token, body string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.url+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: b}
}

// rightID is the id of the demo right with reference ref.
func (s *server) rightID(t *testing.T, ref string) string {
	t.Helper()
	var r *ipr.Right
	err := s.svc.DB.View(context.Background(), func(tx *store.Tx) (err error) {
		r, err = tx.RightByRef(context.Background(), ref)
		return err
	})
	if err != nil {
		t.Fatalf("right %s: %v", ref, err)
	}
	return strconv.FormatInt(r.ID, 10)
}

// apiRight is the part of the Right schema the tests look at.
type apiRight struct {
	ID           int64    `json:"id"`
	Ref          string   `json:"ref"`
	HolderID     int64    `json:"holder_id"`
	HolderName   string   `json:"holder_name"`
	Kind         string   `json:"kind"`
	Mark         string   `json:"mark"`
	Variants     []string `json:"variants"`
	NiceClasses  []int    `json:"nice_classes"`
	ValidTo      string   `json:"valid_to"`
	Status       string   `json:"status"`
	RejectReason string   `json:"reject_reason"`
	RecordFrom   string   `json:"record_from"`
	RecordTo     string   `json:"record_to"`
	Version      int      `json:"version"`
	Parties      []struct {
		Role string `json:"role"`
		Name string `json:"name"`
	} `json:"authorised_parties"`
}

type apiRightList struct {
	Rights []apiRight `json:"rights"`
	Total  int64      `json:"total"`
}

func decode[T any](t *testing.T, what string, r reply, status int) T {
	t.Helper()
	var v T
	if r.status != status {
		t.Fatalf("%s: got %d %s, want %d", what, r.status, r.body, status)
	}
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("%s: got body %s: %v", what, r.body, err)
	}
	return v
}

const newRight = `{"kind":"trademark","mark":"SEABIRD","variants":["海鸟"],"nice_classes":[25,18],` +
	`"jurisdiction":"cn","valid_from":"2020-01-01","valid_to":"2030-12-31","goods":"Clothing"}`

func TestRightsAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		supervisor := s.token(t, "supervisor@hangzhou.customs.example")
		northwind := s.token(t, "brand@northwind.example")
		goldfield := s.token(t, "brand@goldfield.example")
		ferrocar := s.token(t, "brand@ferrocar.example")
		agent := s.token(t, "counsel@linpartners.example")
		police := s.token(t, "investigator@zhejiang.police.example")
		draft := "/api/v1/rights/" + s.rightID(t, "DEMO-GOLDFIELD")    // Goldfield's draft
		submitted := "/api/v1/rights/" + s.rightID(t, "DEMO-FERROCAR") // Ferrocar's, awaiting review
		approved := "/api/v1/rights/" + s.rightID(t, "DEMO-NORTHWIND") // Northwind's
		rejected := "/api/v1/rights/" + s.rightID(t, "DEMO-MEDORA")    // Medora's
		pending := "/api/v1/rights/" + s.rightID(t, "DEMO-IRONCLAD")   // Ironclad's, awaiting review
		// fresh files a new draft for token's holder, submitted when submit is set, and returns its path.
		fresh := func(token string, submit bool) string {
			r := decode[apiRight](t, "a fresh draft", s.send(t, "POST", "/api/v1/rights", token, newRight), 201)
			path := "/api/v1/rights/" + strconv.FormatInt(r.ID, 10)
			if submit {
				decode[apiRight](t, "submit it", s.send(t, "POST", path+"/submit", token, ""), 200)
			}
			return path
		}
		var luminaHolder, northwindHolder int64
		for ref, dst := range map[string]*int64{"DEMO-LUMINA": &luminaHolder, "DEMO-NORTHWIND": &northwindHolder} {
			r := decode[apiRight](t, "GET "+ref, s.send(t, "GET", "/api/v1/rights/"+s.rightID(t, ref), officer, ""), 200)
			*dst = r.HolderID
		}

		t.Run("200", func(t *testing.T) {
			all := decode[apiRightList](t, "officer's list", s.send(t, "GET", "/api/v1/rights?limit=1000", officer, ""), 200)
			if all.Total < 10 || int(all.Total) != len(all.Rights) || slices.ContainsFunc(all.Rights, func(r apiRight) bool { return r.Status == "draft" }) {
				t.Errorf("officer's list: got %d of %d, want every right but drafts", len(all.Rights), all.Total)
			}
			for _, tc := range []struct {
				name, token, query string
				want               []string // refs, in order
			}{
				{"by mark text", officer, "q=northw", []string{"DEMO-NORTHWIND"}},
				{"by variant", officer, "q=" + "%E5%8C%97%E9%A3%8E", []string{"DEMO-NORTHWIND"}}, // 北风
				{"by holder name part", officer, "holder=ferroc", []string{"DEMO-FERROCAR"}},
				{"by class", officer, "class=12", []string{"DEMO-FERROCAR"}},
				{"by status", officer, "status=rejected", []string{"DEMO-MEDORA"}},
				{"expiring before", officer, "expiring_before=2099-01-01&holder=aurelia", []string{"DEMO-AURELIA"}},
				{"a holder sees its own only", northwind, "", []string{"DEMO-NORTHWIND"}},
				{"its own draft too", goldfield, "status=draft", []string{"DEMO-GOLDFIELD"}},
				{"customs do not see drafts", officer, "status=draft", nil},
				{"an agent sees its clients'", agent, "q=lumina", []string{"DEMO-LUMINA"}},
				{"paging", officer, "limit=1&offset=0&class=25&holder=northwind", []string{"DEMO-NORTHWIND"}},
			} {
				got := decode[apiRightList](t, tc.name, s.send(t, "GET", "/api/v1/rights?"+tc.query, tc.token, ""), 200)
				var refs []string
				for _, r := range got.Rights {
					refs = append(refs, r.Ref)
				}
				if !slices.Equal(refs, tc.want) || got.Total != int64(len(tc.want)) {
					t.Errorf("%s: got %v (total %d), want %v", tc.name, refs, got.Total, tc.want)
				}
			}
			empty := s.send(t, "GET", "/api/v1/rights?q=nothing-like-this", officer, "")
			if !strings.Contains(string(empty.body), `"rights":[]`) {
				t.Errorf("no match: got %s, want an empty array", empty.body)
			}

			own := decode[apiRight](t, "holder reads its draft", s.send(t, "GET", draft, goldfield, ""), 200)
			if own.Ref != "DEMO-GOLDFIELD" || own.Status != "draft" || own.Version < 1 {
				t.Errorf("holder reads its draft: got %+v", own)
			}
			shown := decode[apiRight](t, "officer reads an approved right", s.send(t, "GET", approved, officer, ""), 200)
			if shown.Status != "approved" || shown.RecordFrom == "" || shown.HolderName != "Northwind Apparel" || !slices.Equal(shown.NiceClasses, []int{18, 25}) {
				t.Errorf("officer reads an approved right: got %+v", shown)
			}

			edited := decode[apiRight](t, "holder updates its draft", s.send(t, "PUT", draft, goldfield,
				`{"kind":"trademark","mark":"GOLDFIELD","variants":["金田","GF"],"nice_classes":[29,30,32],"jurisdiction":"CN","valid_to":"2036-05-13","version":`+strconv.Itoa(own.Version)+`}`), 200)
			if edited.Version != own.Version+1 || !slices.Equal(edited.NiceClasses, []int{29, 30, 32}) || !slices.Equal(edited.Variants, []string{"金田", "GF"}) {
				t.Errorf("holder updates its draft: got %+v, want the new classes and version %d", edited, own.Version+1)
			}
			sent := decode[apiRight](t, "holder submits", s.send(t, "POST", draft+"/submit", goldfield, ""), 200)
			if sent.Status != "submitted" {
				t.Errorf("holder submits: got %s, want submitted", sent.Status)
			}
			ok := decode[apiRight](t, "supervisor approves", s.send(t, "POST", submitted+"/approve", supervisor, ""), 200)
			if ok.Status != "approved" || ok.RecordFrom == "" || ok.RecordTo == "" {
				t.Errorf("supervisor approves: got %+v, want approved with recordation dates", ok)
			}
			no := decode[apiRight](t, "supervisor rejects", s.send(t, "POST", pending+"/reject", supervisor, `{"reason":"The certificate is illegible."}`), 200)
			if no.Status != "rejected" || no.RejectReason != "The certificate is illegible." {
				t.Errorf("supervisor rejects: got %+v", no)
			}
		})

		t.Run("201", func(t *testing.T) {
			r := s.send(t, "POST", "/api/v1/rights", northwind, newRight)
			got := decode[apiRight](t, "holder files", r, 201)
			if got.Status != "draft" || got.HolderID != northwindHolder || got.Mark != "SEABIRD" || got.Kind != "trademark" ||
				!slices.Equal(got.NiceClasses, []int{18, 25}) || got.Ref != "BM-"+strconv.FormatInt(got.ID, 10) {
				t.Errorf("holder files: got %+v, want a draft of Northwind with ref BM-<id>", got)
			}
			if loc := r.header.Get("Location"); loc != "/api/v1/rights/"+strconv.FormatInt(got.ID, 10) {
				t.Errorf("holder files: got Location %q", loc)
			}
			own := strings.Replace(newRight, "{", `{"holder_id":`+strconv.FormatInt(northwindHolder, 10)+`,"ref":"NW-2030",`, 1)
			if got := decode[apiRight](t, "holder names itself", s.send(t, "POST", "/api/v1/rights", northwind, own), 201); got.Ref != "NW-2030" {
				t.Errorf("holder names itself: got ref %q, want NW-2030", got.Ref)
			}
			client := strings.Replace(newRight, "{", `{"holder_id":`+strconv.FormatInt(luminaHolder, 10)+`,`, 1)
			if got := decode[apiRight](t, "agent files for a client", s.send(t, "POST", "/api/v1/rights", agent, client), 201); got.HolderID != luminaHolder {
				t.Errorf("agent files for a client: got holder %d, want %d", got.HolderID, luminaHolder)
			}
		})

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body, field string
			}{
				{"malformed JSON", "POST", "/api/v1/rights", northwind, `{"kind":`, "body"},
				{"not JSON", "POST", "/api/v1/rights", northwind, `kind=trademark`, "body"},
				{"empty body", "POST", "/api/v1/rights", northwind, "", "body"},
				{"two objects", "POST", "/api/v1/rights", northwind, newRight + newRight, "body"},
				{"an array", "POST", "/api/v1/rights", northwind, `[1]`, "body"},
				{"unknown field", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, "{", `{"colour":"red",`, 1), "colour"},
				{"wrong type", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, "[25,18]", `"25 18"`, 1), "nice_classes"},
				{"wrong item type", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, `["海鸟"]`, `[1]`, 1), "variants"},
				{"unknown kind", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, `"trademark"`, `"brand"`, 1), "kind"},
				{"bad date", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, "2030-12-31", "31/12/2030", 1), "valid_to"},
				{"no mark", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, `"SEABIRD"`, `""`, 1), "mark"},
				{"class out of range", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, "[25,18]", "[46]", 1), "nice_classes"},
				{"bad ref", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, "{", `{"ref":"a b",`, 1), "ref"},
				{"agent without holder", "POST", "/api/v1/rights", agent, newRight, "holder"},
				{"too large", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, `"Clothing"`, `"`+strings.Repeat("x", 300<<10)+`"`, 1), "body"},
				{"update without version", "PUT", draft, goldfield, newRight, "version"},
				{"update with ref", "PUT", draft, goldfield, strings.Replace(newRight, "{", `{"ref":"X","version":1,`, 1), "ref"},
				{"update with holder", "PUT", draft, goldfield, strings.Replace(newRight, "{", `{"holder_id":1,"version":1,`, 1), "holder_id"},
				{"create with version", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, "{", `{"version":1,`, 1), "version"},
				{"reject without reason", "POST", fresh(ferrocar, true) + "/reject", supervisor, `{"reason":" "}`, "reason"},
				{"reject with unknown field", "POST", fresh(ferrocar, true) + "/reject", supervisor, `{"why":"x"}`, "why"},
				{"id not a number", "GET", "/api/v1/rights/abc", officer, "", "id"},
				{"class not a number", "GET", "/api/v1/rights?class=abc", officer, "", "class"},
				{"status unknown", "GET", "/api/v1/rights?status=lost", officer, "", "status"},
				{"date not a date", "GET", "/api/v1/rights?expiring_before=soon", officer, "", "expiring_before"},
				{"limit too big", "GET", "/api/v1/rights?limit=5000", officer, "", "limit"},
				{"unknown parameter", "GET", "/api/v1/rights?mark=x", officer, "", "mark"},
			} {
				r := s.send(t, tc.method, tc.path, tc.token, tc.body)
				wantError(t, tc.name, r, http.StatusBadRequest, ipr.EINVALID)
				var e errorBody
				json.Unmarshal(r.body, &e)
				if e.Error.Fields[tc.field] == "" {
					t.Errorf("%s: got fields %v, want one naming %q", tc.name, e.Error.Fields, tc.field)
				}
			}
		})

		t.Run("401", func(t *testing.T) {
			for _, tc := range []struct{ method, path string }{
				{"GET", "/api/v1/rights"}, {"POST", "/api/v1/rights"}, {"GET", approved}, {"PUT", draft},
				{"POST", draft + "/submit"}, {"POST", submitted + "/approve"}, {"POST", submitted + "/reject"},
			} {
				wantError(t, tc.method+" "+tc.path, s.send(t, tc.method, tc.path, "bm_not-a-token", ""), http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
			}
		})

		t.Run("403", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"officer files", "POST", "/api/v1/rights", officer, newRight},
				{"holder names another holder", "POST", "/api/v1/rights", northwind, strings.Replace(newRight, "{", `{"holder_id":`+strconv.FormatInt(luminaHolder, 10)+`,`, 1)},
				{"agent names a holder it does not act for", "POST", "/api/v1/rights", agent, strings.Replace(newRight, "{", `{"holder_id":`+strconv.FormatInt(northwindHolder, 10)+`,`, 1)},
				{"police list", "GET", "/api/v1/rights", police, ""},
				{"holder approves its own", "POST", fresh(ferrocar, true) + "/approve", ferrocar, ""},
				{"officer approves", "POST", fresh(ferrocar, true) + "/approve", officer, ""},
				{"officer rejects", "POST", fresh(ferrocar, true) + "/reject", officer, `{"reason":"no"}`},
				{"holder submits a submitted right", "POST", fresh(ferrocar, true) + "/submit", ferrocar, ""},
				{"holder edits its approved right", "PUT", approved, northwind, strings.Replace(newRight, "{", `{"version":1,`, 1)},
				{"officer edits", "PUT", approved, officer, strings.Replace(newRight, "{", `{"version":1,`, 1)},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusForbidden, ipr.EFORBIDDEN)
			}
		})

		t.Run("404", func(t *testing.T) {
			other := fresh(goldfield, false)
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"holder reads another holder's draft", "GET", other, northwind, ""},
				{"customs read a draft", "GET", other, officer, ""},
				{"holder updates another holder's draft", "PUT", other, northwind, strings.Replace(newRight, "{", `{"version":1,`, 1)},
				{"holder updates another holder's right", "PUT", rejected, northwind, strings.Replace(newRight, "{", `{"version":1,`, 1)},
				{"holder submits another holder's draft", "POST", other + "/submit", northwind, ""},
				{"holder reads another holder's right", "GET", approved, goldfield, ""},
				{"no such right", "GET", "/api/v1/rights/999999", officer, ""},
				{"no such action", "POST", approved + "/destroy", supervisor, ""},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusNotFound, ipr.ENOTFOUND)
			}
		})

		t.Run("409", func(t *testing.T) {
			created := decode[apiRight](t, "a fresh draft", s.send(t, "POST", "/api/v1/rights", northwind, newRight), 201)
			path := "/api/v1/rights/" + strconv.FormatInt(created.ID, 10)
			update := func(version int) reply {
				return s.send(t, "PUT", path, northwind, strings.Replace(newRight, "{", `{"version":`+strconv.Itoa(version)+`,`, 1))
			}
			decode[apiRight](t, "first update", update(created.Version), 200)
			wantError(t, "stale version", update(created.Version), http.StatusConflict, ipr.ECONFLICT)
			wantError(t, "approve an approved right", s.send(t, "POST", approved+"/approve", supervisor, ""), http.StatusConflict, ipr.ECONFLICT)
			wantError(t, "reject a rejected right", s.send(t, "POST", rejected+"/reject", supervisor, `{"reason":"again"}`), http.StatusConflict, ipr.ECONFLICT)
			dup := strings.Replace(newRight, "{", `{"ref":"DEMO-NORTHWIND",`, 1)
			wantError(t, "a ref that is taken", s.send(t, "POST", "/api/v1/rights", northwind, dup), http.StatusConflict, ipr.ECONFLICT)
		})
	})
}
