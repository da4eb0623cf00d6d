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

type apiParty struct {
	ID      int64  `json:"id"`
	Role    string `json:"role"`
	Name    string `json:"name"`
	Address string `json:"address"`
	RegCode string `json:"reg_code"`
}

type apiPartyList struct {
	Parties []apiParty `json:"parties"`
	CanEdit bool       `json:"can_edit"`
}

const newParty = `{"role":"exporter","name":"Seaview Export Co.","address":"1 Port Road, Ningbo","reg_code":"91330200XYZ"}`

func TestPartiesAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		northwind := s.token(t, "brand@northwind.example")
		goldfield := s.token(t, "brand@goldfield.example")
		agent := s.token(t, "counsel@linpartners.example")
		police := s.token(t, "investigator@zhejiang.police.example")
		parties := func(ref string) string { return "/api/v1/rights/" + s.rightID(t, ref) + "/parties" }
		party := func(id int64) string { return "/api/v1/parties/" + strconv.FormatInt(id, 10) }
		list := func(what, ref, token string) apiPartyList {
			return decode[apiPartyList](t, what, s.send(t, "GET", parties(ref), token, ""), 200)
		}
		aurelia := list("Aurelia's supply chain", "DEMO-AURELIA", officer).Parties
		draftParty := decode[apiParty](t, "a party of a draft", s.send(t, "POST", parties("DEMO-GOLDFIELD"), goldfield, newParty), 201)

		t.Run("200", func(t *testing.T) {
			for _, tc := range []struct {
				name, ref, token string
				wantNames        []string
				wantEdit         bool
			}{
				{"customs read a supply chain", "DEMO-NORTHWIND", officer, []string{"Northwind Apparel (Ningbo) Trading Co., Ltd.", "Ningbo Seaview Garment Co., Ltd."}, false},
				{"the holder reads its own", "DEMO-NORTHWIND", northwind, []string{"Northwind Apparel (Ningbo) Trading Co., Ltd.", "Ningbo Seaview Garment Co., Ltd."}, true},
				{"an agent reads a client's", "DEMO-ORBIS", agent, []string{"Orbis Horlogerie (Hong Kong) Ltd.", "Orbis Manufacture SA"}, true},
				{"a holder reads its draft's", "DEMO-GOLDFIELD", goldfield, []string{"Seaview Export Co."}, true},
			} {
				got := list(tc.name, tc.ref, tc.token)
				var names []string
				for _, p := range got.Parties {
					names = append(names, p.Name)
				}
				if !slices.Equal(names, tc.wantNames) || got.CanEdit != tc.wantEdit {
					t.Errorf("%s: got %v, can_edit %v; want %v, %v", tc.name, names, got.CanEdit, tc.wantNames, tc.wantEdit)
				}
			}
			empty := s.send(t, "GET", parties("DEMO-MEDORA"), officer, "")
			if !strings.Contains(string(empty.body), `"parties":[]`) {
				t.Errorf("a right without parties: got %s, want an empty array", empty.body)
			}
		})

		t.Run("201", func(t *testing.T) {
			got := decode[apiParty](t, "holder adds a party", s.send(t, "POST", parties("DEMO-NORTHWIND"), northwind, newParty), 201)
			if got.ID == 0 || got.Role != "exporter" || got.Name != "Seaview Export Co." || got.RegCode != "91330200XYZ" {
				t.Errorf("holder adds a party: got %+v", got)
			}
			lic := strings.Replace(newParty, `"exporter"`, `" Licensee "`, 1)
			if got := decode[apiParty](t, "a licensee of a draft", s.send(t, "POST", parties("DEMO-GOLDFIELD"), goldfield, lic), 201); got.Role != "licensee" {
				t.Errorf("a licensee of a draft: got role %q, want licensee", got.Role)
			}
			decode[apiParty](t, "agent adds to a client's right", s.send(t, "POST", parties("DEMO-LUMINA"), agent, newParty), 201)
			if n := len(list("Lumina's supply chain", "DEMO-LUMINA", officer).Parties); n != 3 {
				t.Errorf("agent adds to a client's right: got %d parties, want 3", n)
			}
		})

		t.Run("204", func(t *testing.T) {
			p := decode[apiParty](t, "a party to delete", s.send(t, "POST", parties("DEMO-NORTHWIND"), northwind, newParty), 201)
			for _, tc := range []struct {
				name, token string
				id          int64
			}{
				{"holder deletes a party", northwind, p.ID},
				{"agent deletes a client's party", agent, aurelia[0].ID},
			} {
				if r := s.send(t, "DELETE", party(tc.id), tc.token, ""); r.status != http.StatusNoContent {
					t.Errorf("%s: got %d %s, want 204", tc.name, r.status, r.body)
				}
			}
			for _, q := range list("after the deletions", "DEMO-NORTHWIND", officer).Parties {
				if q.ID == p.ID {
					t.Errorf("after the deletions: party %d is still listed", p.ID)
				}
			}
		})

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct{ name, body, field string }{
				{"malformed JSON", `{"role":`, "body"},
				{"unknown field", `{"role":"exporter","name":"x","country":"CN"}`, "country"},
				{"code as a number", `{"role":"exporter","name":"x","reg_code":123}`, "reg_code"},
				{"unknown role", `{"role":"broker","name":"x"}`, "role"},
				{"no role", `{"name":"x"}`, "role"},
				{"no name", `{"role":"exporter"}`, "name"},
			} {
				wantInvalid(t, tc.name, s.send(t, "POST", parties("DEMO-NORTHWIND"), northwind, tc.body), tc.field)
			}
			wantInvalid(t, "id not a number", s.send(t, "DELETE", "/api/v1/parties/x", northwind, ""), "id")
		})

		t.Run("401", func(t *testing.T) {
			for _, tc := range []struct{ method, path string }{
				{"GET", parties("DEMO-NORTHWIND")}, {"POST", parties("DEMO-NORTHWIND")}, {"DELETE", party(aurelia[1].ID)},
			} {
				wantError(t, tc.method+" "+tc.path, s.send(t, tc.method, tc.path, "bm_not-a-token", newParty), http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
			}
		})

		t.Run("403", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"customs add a party", "POST", parties("DEMO-NORTHWIND"), officer, newParty},
				{"customs delete a party", "DELETE", party(aurelia[1].ID), officer, ""},
				{"police read a supply chain", "GET", parties("DEMO-NORTHWIND"), police, ""},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusForbidden, ipr.EFORBIDDEN)
			}
		})

		t.Run("404", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"holder reads another holder's draft's parties", "GET", parties("DEMO-GOLDFIELD"), northwind, ""},
				{"customs read a draft's parties", "GET", parties("DEMO-GOLDFIELD"), officer, ""},
				{"holder adds to another holder's draft", "POST", parties("DEMO-GOLDFIELD"), northwind, newParty},
				{"holder deletes another holder's draft's party", "DELETE", party(draftParty.ID), northwind, ""},
				{"holder reads another holder's supply chain", "GET", parties("DEMO-AURELIA"), northwind, ""},
				{"holder deletes another holder's party", "DELETE", party(aurelia[1].ID), northwind, ""},
				{"agent adds to a non-client's right", "POST", parties("DEMO-NORTHWIND"), agent, newParty},
				{"no such right", "GET", "/api/v1/rights/999999/parties", officer, ""},
				{"no such party", "DELETE", party(999999), northwind, ""},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusNotFound, ipr.ENOTFOUND)
			}
			if got := list("the draft's parties after the attempts", "DEMO-GOLDFIELD", goldfield).Parties; !slices.ContainsFunc(got, func(p apiParty) bool { return p.ID == draftParty.ID }) {
				t.Errorf("the draft's parties after the attempts: got %+v, want party %d kept", got, draftParty.ID)
			}
		})

		t.Run("409", func(t *testing.T) {
			lic := strings.Replace(newParty, `"exporter"`, `"licensee"`, 1)
			r := s.send(t, "POST", parties("DEMO-NORTHWIND"), northwind, lic)
			wantError(t, "a licensee of an approved right", r, http.StatusConflict, ipr.ECONFLICT)
		})
	})
}
