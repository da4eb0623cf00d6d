package api_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

type apiInfringer struct {
	ID        int64  `json:"id"`
	HolderID  int64  `json:"holder_id"`
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Address   string `json:"address"`
	Route     string `json:"route"`
	Evidence  string `json:"evidence"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
}

type apiInfringerList struct {
	Infringers []apiInfringer `json:"infringers"`
	Total      int64          `json:"total"`
	Holders    []apiHolder    `json:"holders"`
}

const newInfringer = `{"kind":"exporter","name":"Harbour Lights Trading","address":"Yiwu","route":"Yiwu → Ningbo",` +
	`"evidence":"Test purchase failed authentication."}`

func TestInfringersAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		northwind := s.token(t, "brand@northwind.example")
		aurelia := s.token(t, "brand@aurelia.example")
		voltis := s.token(t, "brand@voltis.example")
		agent := s.token(t, "counsel@linpartners.example")
		police := s.token(t, "investigator@zhejiang.police.example")
		secretariat := s.token(t, "secretariat@association.example")
		nwID, auID, voID := s.orgOf(t, northwind), s.orgOf(t, aurelia), s.orgOf(t, voltis)
		luID := s.orgOf(t, s.token(t, "brand@lumina.example"))
		list := func(what, token, query string) apiInfringerList {
			return decode[apiInfringerList](t, what, s.send(t, "GET", "/api/v1/infringers?"+query, token, ""), 200)
		}
		infringer := func(id int64) string { return "/api/v1/infringers/" + strconv.FormatInt(id, 10) }
		withHolder := func(id int64) string {
			return strings.Replace(newInfringer, "{", `{"holder_id":`+strconv.FormatInt(id, 10)+`,`, 1)
		}
		nwInf := list("Northwind's", officer, "holder_id="+strconv.FormatInt(nwID, 10)).Infringers[0]
		auInf := list("Aurelia's", officer, "holder_id="+strconv.FormatInt(auID, 10)).Infringers[0]
		holders := func(l apiInfringerList) []int64 {
			var ids []int64
			for _, i := range l.Infringers {
				if !slices.Contains(ids, i.HolderID) {
					ids = append(ids, i.HolderID)
				}
			}
			slices.Sort(ids)
			return ids
		}
		all := []int64{nwID, auID, voID}
		slices.Sort(all)

		t.Run("200", func(t *testing.T) {
			for _, tc := range []struct {
				name, token, query string
				wantHolders        []int64
				wantTotal          int64
			}{
				{"customs see every holder's", officer, "", all, 7},
				{"a holder sees its own only", northwind, "", []int64{nwID}, 3},
				{"an agent sees its clients'", agent, "", []int64{auID}, 2},
				{"customs filter by holder", officer, "holder_id=" + strconv.FormatInt(voID, 10), []int64{voID}, 2},
				{"search the route", officer, "q=jebel+ali", []int64{nwID}, 1},
				{"search the evidence", officer, "q=test+purchase", []int64{nwID, auID}, 2},
				{"a holder's search stays in its own", voltis, "q=dubai", nil, 0},
			} {
				got := list(tc.name, tc.token, tc.query)
				if !slices.Equal(holders(got), tc.wantHolders) || got.Total != tc.wantTotal {
					t.Errorf("%s: got holders %v, total %d; want %v, %d", tc.name, holders(got), got.Total, tc.wantHolders, tc.wantTotal)
				}
			}
			if got := list("paging", officer, "limit=2&offset=6"); len(got.Infringers) != 1 || got.Total != 7 {
				t.Errorf("paging: got %d of %d, want the 7th of 7", len(got.Infringers), got.Total)
			}
			for _, tc := range []struct{ name, token string }{{"customs read one", officer}, {"the holder reads one", northwind}} {
				if got := decode[apiInfringer](t, tc.name, s.send(t, "GET", infringer(nwInf.ID), tc.token, ""), 200); got != nwInf {
					t.Errorf("%s: got %+v, want %+v", tc.name, got, nwInf)
				}
			}
			changed := decode[apiInfringer](t, "holder changes its entry", s.send(t, "PUT", infringer(nwInf.ID), northwind, newInfringer), 200)
			if changed.ID != nwInf.ID || changed.HolderID != nwID || changed.Kind != "exporter" || changed.Name != "Harbour Lights Trading" || changed.CreatedAt != nwInf.CreatedAt {
				t.Errorf("holder changes its entry: got %+v", changed)
			}
			byAgent := decode[apiInfringer](t, "agent changes a client's entry", s.send(t, "PUT", infringer(auInf.ID), agent, `{"kind":"route","route":"Guangzhou → Dubai"}`), 200)
			if byAgent.Kind != "route" || byAgent.Name != "" || byAgent.Route != "Guangzhou → Dubai" || byAgent.HolderID != auID {
				t.Errorf("agent changes a client's entry: got %+v, want every field replaced", byAgent)
			}
		})

		t.Run("201", func(t *testing.T) {
			r := s.send(t, "POST", "/api/v1/infringers", northwind, newInfringer)
			got := decode[apiInfringer](t, "holder records an infringer", r, 201)
			if got.HolderID != nwID || got.Kind != "exporter" || got.Route != "Yiwu → Ningbo" || got.CreatedAt == "" {
				t.Errorf("holder records an infringer: got %+v", got)
			}
			if loc := r.header.Get("Location"); loc != infringer(got.ID) {
				t.Errorf("holder records an infringer: got Location %q", loc)
			}
			if got := decode[apiInfringer](t, "agent records for a client", s.send(t, "POST", "/api/v1/infringers", agent, withHolder(luID)), 201); got.HolderID != luID {
				t.Errorf("agent records for a client: got holder %d, want %d", got.HolderID, luID)
			}
			// A right holder always records for itself, whatever holder it names.
			if got := decode[apiInfringer](t, "holder names another holder", s.send(t, "POST", "/api/v1/infringers", northwind, withHolder(auID)), 201); got.HolderID != nwID {
				t.Errorf("holder names another holder: got holder %d, want its own %d", got.HolderID, nwID)
			}
			if got := list("Aurelia's after", aurelia, "q=harbour"); got.Total != 0 {
				t.Errorf("Aurelia's entries after Northwind named it: got %+v, want none added", got.Infringers)
			}
		})

		t.Run("204", func(t *testing.T) {
			i := decode[apiInfringer](t, "an entry to delete", s.send(t, "POST", "/api/v1/infringers", northwind, newInfringer), 201)
			if r := s.send(t, "DELETE", infringer(i.ID), northwind, ""); r.status != http.StatusNoContent || len(r.body) != 0 {
				t.Errorf("holder deletes its entry: got %d %s, want 204", r.status, r.body)
			}
			wantError(t, "the deleted entry", s.send(t, "GET", infringer(i.ID), officer, ""), http.StatusNotFound, ipr.ENOTFOUND)
		})

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body, field string
			}{
				{"malformed JSON", "POST", "/api/v1/infringers", northwind, `{"kind":"exporter",}`, "body"},
				{"unknown field", "POST", "/api/v1/infringers", northwind, `{"kind":"exporter","name":"x","phone":"1"}`, "phone"},
				{"evidence as a list", "POST", "/api/v1/infringers", northwind, `{"kind":"exporter","name":"x","evidence":["a"]}`, "evidence"},
				{"unknown kind", "POST", "/api/v1/infringers", northwind, `{"kind":"smuggler","name":"x"}`, "kind"},
				{"no name, address or route", "POST", "/api/v1/infringers", northwind, `{"kind":"exporter","evidence":"x"}`, "name"},
				{"evidence too long", "POST", "/api/v1/infringers", northwind, `{"kind":"exporter","name":"x","evidence":"` + strings.Repeat("x", 10001) + `"}`, "evidence"},
				{"agent names no client", "POST", "/api/v1/infringers", agent, newInfringer, "holder"},
				{"update moves the entry", "PUT", infringer(nwInf.ID), northwind, withHolder(nwID), "holder_id"},
				{"update without kind", "PUT", infringer(nwInf.ID), northwind, `{"name":"x"}`, "kind"},
				{"id not a number", "DELETE", "/api/v1/infringers/1.5", northwind, "", "id"},
				{"holder_id zero", "GET", "/api/v1/infringers?holder_id=0", officer, "", "holder_id"},
				{"unknown parameter", "GET", "/api/v1/infringers?kind=route", officer, "", "kind"},
			} {
				wantInvalid(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), tc.field)
			}
		})

		t.Run("401", func(t *testing.T) {
			for _, tc := range []struct{ method, path string }{
				{"GET", "/api/v1/infringers"}, {"POST", "/api/v1/infringers"}, {"GET", infringer(nwInf.ID)},
				{"PUT", infringer(nwInf.ID)}, {"DELETE", infringer(nwInf.ID)},
			} {
				wantError(t, tc.method+" "+tc.path, s.send(t, tc.method, tc.path, "bm_not-a-token", newInfringer), http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
			}
		})

		t.Run("403", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"customs record an infringer", "POST", "/api/v1/infringers", officer, withHolder(nwID)},
				{"customs change an entry", "PUT", infringer(nwInf.ID), officer, newInfringer},
				{"customs delete an entry", "DELETE", infringer(nwInf.ID), officer, ""},
				{"police list infringers", "GET", "/api/v1/infringers", police, ""},
				{"police read an entry", "GET", infringer(nwInf.ID), police, ""},
				{"the association lists infringers", "GET", "/api/v1/infringers", secretariat, ""},
				{"holder lists another holder's", "GET", "/api/v1/infringers?holder_id=" + strconv.FormatInt(auID, 10), northwind, ""},
				{"agent lists a non-client's", "GET", "/api/v1/infringers?holder_id=" + strconv.FormatInt(nwID, 10), agent, ""},
				{"agent records for a non-client", "POST", "/api/v1/infringers", agent, withHolder(nwID)},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusForbidden, ipr.EFORBIDDEN)
			}
		})

		t.Run("404", func(t *testing.T) {
			before := decode[apiInfringer](t, "Aurelia's entry before", s.send(t, "GET", infringer(auInf.ID), officer, ""), 200)
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"holder reads another holder's entry", "GET", infringer(auInf.ID), northwind, ""},
				{"holder changes another holder's entry", "PUT", infringer(auInf.ID), northwind, newInfringer},
				{"holder deletes another holder's entry", "DELETE", infringer(auInf.ID), northwind, ""},
				{"agent reads a non-client's entry", "GET", infringer(nwInf.ID), agent, ""},
				{"agent changes a non-client's entry", "PUT", infringer(nwInf.ID), agent, newInfringer},
				{"agent deletes a non-client's entry", "DELETE", infringer(nwInf.ID), agent, ""},
				{"no such entry", "GET", infringer(999999), officer, ""},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusNotFound, ipr.ENOTFOUND)
			}
			if after := decode[apiInfringer](t, "Aurelia's entry after", s.send(t, "GET", infringer(auInf.ID), officer, ""), 200); after != before {
				t.Errorf("Aurelia's entry after the attempts: got %+v, want %+v", after, before)
			}
		})
	})
}
