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

type apiGroup struct {
	ID            int64   `json:"id"`
	AssociationID int64   `json:"association_id"`
	Name          string  `json:"name"`
	NameZH        string  `json:"name_zh"`
	MemberIDs     []int64 `json:"member_ids"`
	Association   *struct {
		Name string `json:"name"`
	} `json:"association"`
	Problems string `json:"problems"`
	Members  []struct {
		ID     int64    `json:"id"`
		Name   string   `json:"name"`
		Brands []string `json:"brands"`
	} `json:"members"`
	CanEdit   bool `json:"can_edit"`
	CanManage bool `json:"can_manage"`
}

type apiGroupList struct {
	Groups []apiGroup `json:"groups"`
}

func TestGroupsAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		northwind := s.token(t, "brand@northwind.example")
		goldfield := s.token(t, "brand@goldfield.example")
		agent := s.token(t, "counsel@linpartners.example")
		police := s.token(t, "investigator@zhejiang.police.example")
		secretariat := s.token(t, "secretariat@association.example")
		groups := decode[apiGroupList](t, "the groups", s.send(t, "GET", "/api/v1/groups", officer, ""), 200).Groups
		byName := map[string]string{}
		for _, g := range groups {
			byName[g.Name] = "/api/v1/groups/" + strconv.FormatInt(g.ID, 10)
		}
		apparel, luxury := byName["Apparel & Footwear"], byName["Luxury Goods"]
		problems := func(text string) string { return `{"problems":` + strconv.Quote(text) + `}` }

		t.Run("200", func(t *testing.T) {
			names := make([]string, len(groups))
			for i, g := range groups {
				names[i] = g.Name
			}
			if len(groups) != 17 || !slices.IsSorted(names) || apparel == "" {
				t.Errorf("the groups: got %d %v, want the 17 demo groups by name", len(groups), names)
			}
			for _, tc := range []struct{ name, token string }{{"a holder lists the groups", northwind}, {"an agent lists the groups", agent}} {
				if got := decode[apiGroupList](t, tc.name, s.send(t, "GET", "/api/v1/groups", tc.token, ""), 200); len(got.Groups) != 17 {
					t.Errorf("%s: got %d groups, want 17", tc.name, len(got.Groups))
				}
			}
			for _, tc := range []struct {
				name, token       string
				wantEdit, wantMgr bool
			}{
				{"customs read a group", officer, false, false},
				{"a member reads its group", northwind, true, false},
				{"another holder reads it", goldfield, false, false},
				{"the secretariat reads it", secretariat, true, true},
			} {
				g := decode[apiGroup](t, tc.name, s.send(t, "GET", apparel, tc.token, ""), 200)
				if len(g.Members) != 1 || g.Members[0].Name != "Northwind Apparel" || !slices.Equal(g.Members[0].Brands, []string{"NORTHWIND"}) ||
					g.Problems == "" || g.Association == nil || g.NameZH == "" || g.CanEdit != tc.wantEdit || g.CanManage != tc.wantMgr {
					t.Errorf("%s: got %+v, want Northwind with its brand, the problems, can_edit %v, can_manage %v", tc.name, g, tc.wantEdit, tc.wantMgr)
				}
			}
			for _, tc := range []struct{ name, token, text, want string }{
				{"a member sets the problems", northwind, "Fakes arrive by post.\r\nLabels ship separately.  ", "Fakes arrive by post.\nLabels ship separately."},
				{"the secretariat sets them", secretariat, "Reviewed by the secretariat.", "Reviewed by the secretariat."},
				{"a member clears them", northwind, "", ""},
			} {
				g := decode[apiGroup](t, tc.name, s.send(t, "PUT", apparel+"/problems", tc.token, problems(tc.text)), 200)
				if g.Problems != tc.want || len(g.Members) != 1 {
					t.Errorf("%s: got problems %q, want %q", tc.name, g.Problems, tc.want)
				}
			}
		})

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct{ name, path, body, field string }{
				{"malformed JSON", apparel + "/problems", `{"problems":"x`, "body"},
				{"unknown field", apparel + "/problems", `{"problems":"x","members":[]}`, "members"},
				{"problems as a list", apparel + "/problems", `{"problems":["x"]}`, "problems"},
				{"no problems", apparel + "/problems", `{}`, "problems"},
				{"problems null", apparel + "/problems", `{"problems":null}`, "problems"},
				{"too long", apparel + "/problems", problems(strings.Repeat("x", 20001)), "problems"},
				{"id not a number", "/api/v1/groups/apparel/problems", problems("x"), "id"},
			} {
				wantInvalid(t, tc.name, s.send(t, "PUT", tc.path, northwind, tc.body), tc.field)
			}
			wantInvalid(t, "GET with a bad id", s.send(t, "GET", "/api/v1/groups/-1", northwind, ""), "id")
		})

		t.Run("401", func(t *testing.T) {
			for _, tc := range []struct{ method, path string }{
				{"GET", "/api/v1/groups"}, {"GET", apparel}, {"PUT", apparel + "/problems"},
			} {
				wantError(t, tc.method+" "+tc.path, s.send(t, tc.method, tc.path, "bm_not-a-token", problems("x")), http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
			}
		})

		t.Run("403", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"police list the groups", "GET", "/api/v1/groups", police, ""},
				{"police read a group", "GET", apparel, police, ""},
				{"customs set the problems", "PUT", apparel + "/problems", officer, problems("x")},
				{"a holder sets another group's", "PUT", luxury + "/problems", northwind, problems("x")},
				{"a non-member sets them, too long", "PUT", apparel + "/problems", goldfield, problems(strings.Repeat("x", 20001))},
				{"an agent sets them", "PUT", luxury + "/problems", agent, problems("x")},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusForbidden, ipr.EFORBIDDEN)
			}
			if g := decode[apiGroup](t, "Luxury Goods after", s.send(t, "GET", luxury, officer, ""), 200); g.Problems == "x" {
				t.Errorf("Luxury Goods after the attempts: got problems %q, want them unchanged", g.Problems)
			}
		})

		t.Run("404", func(t *testing.T) {
			wantError(t, "no such group", s.send(t, "GET", "/api/v1/groups/999999", officer, ""), http.StatusNotFound, ipr.ENOTFOUND)
			wantError(t, "no such group to change", s.send(t, "PUT", "/api/v1/groups/999999/problems", northwind, problems("x")), http.StatusNotFound, ipr.ENOTFOUND)
		})
	})
}
