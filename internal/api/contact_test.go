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

type apiContact struct {
	ID         int64  `json:"id"`
	HolderID   int64  `json:"holder_id"`
	Name       string `json:"name"`
	Phone      string `json:"phone"`
	Email      string `json:"email"`
	Languages  string `json:"languages"`
	Escalation bool   `json:"escalation"`
}

type apiHolder struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type apiContactList struct {
	Contacts []apiContact `json:"contacts"`
	Total    int64        `json:"total"`
	Holders  []apiHolder  `json:"holders"`
}

const newContact = `{"name":"Ada Park","title":"Counsel","phone":"+86 571 5550 0000","email":"ada@example.com",` +
	`"languages":"English","hours":"Mon–Fri","escalation":true}`

func TestContactsAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		northwind := s.token(t, "brand@northwind.example")
		aurelia := s.token(t, "brand@aurelia.example")
		agent := s.token(t, "counsel@linpartners.example")
		police := s.token(t, "investigator@zhejiang.police.example")
		secretariat := s.token(t, "secretariat@association.example")
		nwID, auID := s.orgOf(t, northwind), s.orgOf(t, aurelia)
		luID := s.orgOf(t, s.token(t, "brand@lumina.example"))
		list := func(what, token, query string) apiContactList {
			return decode[apiContactList](t, what, s.send(t, "GET", "/api/v1/contacts?"+query, token, ""), 200)
		}
		contact := func(id int64) string { return "/api/v1/contacts/" + strconv.FormatInt(id, 10) }
		nwContact := list("Northwind's", officer, "holder_id="+strconv.FormatInt(nwID, 10)).Contacts[0]
		auContact := list("Aurelia's", officer, "holder_id="+strconv.FormatInt(auID, 10)).Contacts[0]
		holders := func(l apiContactList) []int64 {
			var ids []int64
			for _, c := range l.Contacts {
				if !slices.Contains(ids, c.HolderID) {
					ids = append(ids, c.HolderID)
				}
			}
			slices.Sort(ids)
			return ids
		}

		t.Run("200", func(t *testing.T) {
			all := list("customs see every holder's", officer, "limit=1000")
			if all.Total < 24 || len(all.Contacts) != int(all.Total) || len(holders(all)) < 12 || len(all.Holders) < 12 {
				t.Errorf("customs see every holder's: got %d of %d contacts from %d holders", len(all.Contacts), all.Total, len(holders(all)))
			}
			clients := []int64{auID, luID, s.orgOf(t, s.token(t, "brand@orbis.example"))}
			slices.Sort(clients)
			for _, tc := range []struct {
				name, token, query string
				wantHolders        []int64
				wantTotal          int64
			}{
				{"a holder sees its own only", northwind, "", []int64{nwID}, 2},
				{"an agent sees its clients'", agent, "", clients, 6},
				{"customs filter by holder", officer, "holder_id=" + strconv.FormatInt(nwID, 10), []int64{nwID}, 2},
				{"an agent filters by client", agent, "holder_id=" + strconv.FormatInt(luID, 10), []int64{luID}, 2},
				{"search by contact name", officer, "q=grace", []int64{nwID}, 1},
				{"search by holder name", officer, "q=northwind", []int64{nwID}, 2},
				{"a holder's search stays in its own", northwind, "q=camille", nil, 0},
				{"paging", officer, "holder_id=" + strconv.FormatInt(nwID, 10) + "&limit=1&offset=1", []int64{nwID}, 2},
			} {
				got := list(tc.name, tc.token, tc.query)
				if !slices.Equal(holders(got), tc.wantHolders) || got.Total != tc.wantTotal {
					t.Errorf("%s: got holders %v, total %d; want %v, %d", tc.name, holders(got), got.Total, tc.wantHolders, tc.wantTotal)
				}
			}
			if got := list("paging", officer, "holder_id="+strconv.FormatInt(nwID, 10)+"&limit=1&offset=1"); len(got.Contacts) != 1 || got.Contacts[0].ID == nwContact.ID {
				t.Errorf("paging: got %+v, want the second contact only", got.Contacts)
			}
			if got := list("an agent's holders", agent, ""); len(got.Holders) != 3 {
				t.Errorf("an agent's holders: got %+v, want its 3 clients", got.Holders)
			}
			for _, tc := range []struct{ name, token string }{{"customs read one", officer}, {"the holder reads one", northwind}} {
				if got := decode[apiContact](t, tc.name, s.send(t, "GET", contact(nwContact.ID), tc.token, ""), 200); got != nwContact {
					t.Errorf("%s: got %+v, want %+v", tc.name, got, nwContact)
				}
			}
			changed := decode[apiContact](t, "holder changes its contact", s.send(t, "PUT", contact(nwContact.ID), northwind, newContact), 200)
			if changed.ID != nwContact.ID || changed.HolderID != nwID || changed.Name != "Ada Park" || !changed.Escalation {
				t.Errorf("holder changes its contact: got %+v", changed)
			}
			byAgent := decode[apiContact](t, "agent changes a client's contact", s.send(t, "PUT", contact(auContact.ID), agent,
				`{"name":"Camille L.","email":"CAMILLE@aurelia.example"}`), 200)
			if byAgent.Name != "Camille L." || byAgent.Email != "camille@aurelia.example" || byAgent.Phone != "" || byAgent.HolderID != auID {
				t.Errorf("agent changes a client's contact: got %+v, want every field replaced", byAgent)
			}
		})

		t.Run("201", func(t *testing.T) {
			r := s.send(t, "POST", "/api/v1/contacts", northwind, newContact)
			got := decode[apiContact](t, "holder adds a contact", r, 201)
			if got.HolderID != nwID || got.Name != "Ada Park" || got.Email != "ada@example.com" || !got.Escalation {
				t.Errorf("holder adds a contact: got %+v", got)
			}
			if loc := r.header.Get("Location"); loc != contact(got.ID) {
				t.Errorf("holder adds a contact: got Location %q", loc)
			}
			client := strings.Replace(newContact, "{", `{"holder_id":`+strconv.FormatInt(luID, 10)+`,`, 1)
			if got := decode[apiContact](t, "agent adds for a client", s.send(t, "POST", "/api/v1/contacts", agent, client), 201); got.HolderID != luID {
				t.Errorf("agent adds for a client: got holder %d, want %d", got.HolderID, luID)
			}
			// A right holder always adds to its own directory, whatever holder it names.
			other := strings.Replace(newContact, "{", `{"holder_id":`+strconv.FormatInt(auID, 10)+`,`, 1)
			if got := decode[apiContact](t, "holder names another holder", s.send(t, "POST", "/api/v1/contacts", northwind, other), 201); got.HolderID != nwID {
				t.Errorf("holder names another holder: got holder %d, want its own %d", got.HolderID, nwID)
			}
			if got := list("Aurelia's after", aurelia, "q=ada"); got.Total != 0 {
				t.Errorf("Aurelia's contacts after Northwind named it: got %+v, want none added", got.Contacts)
			}
		})

		t.Run("204", func(t *testing.T) {
			c := decode[apiContact](t, "a contact to delete", s.send(t, "POST", "/api/v1/contacts", northwind, newContact), 201)
			if r := s.send(t, "DELETE", contact(c.ID), northwind, ""); r.status != http.StatusNoContent || len(r.body) != 0 {
				t.Errorf("holder deletes its contact: got %d %s, want 204", r.status, r.body)
			}
			wantError(t, "the deleted contact", s.send(t, "GET", contact(c.ID), officer, ""), http.StatusNotFound, ipr.ENOTFOUND)
		})

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body, field string
			}{
				{"malformed JSON", "POST", "/api/v1/contacts", northwind, `{"name":"x"`, "body"},
				{"unknown field", "POST", "/api/v1/contacts", northwind, `{"name":"x","phone":"1","mobile":"2"}`, "mobile"},
				{"escalation as text", "POST", "/api/v1/contacts", northwind, `{"name":"x","phone":"1","escalation":"yes"}`, "escalation"},
				{"holder as text", "POST", "/api/v1/contacts", agent, `{"holder_id":"lumina","name":"x","phone":"1"}`, "holder_id"},
				{"no name", "POST", "/api/v1/contacts", northwind, `{"phone":"1"}`, "name"},
				{"no phone or e-mail", "POST", "/api/v1/contacts", northwind, `{"name":"x"}`, "phone"},
				{"not an e-mail address", "POST", "/api/v1/contacts", northwind, `{"name":"x","email":"nobody"}`, "email"},
				{"agent names no client", "POST", "/api/v1/contacts", agent, `{"name":"x","phone":"1"}`, "holder"},
				{"update moves the contact", "PUT", contact(nwContact.ID), northwind, `{"holder_id":1,"name":"x","phone":"1"}`, "holder_id"},
				{"update without name", "PUT", contact(nwContact.ID), northwind, `{"phone":"1"}`, "name"},
				{"id not a number", "GET", "/api/v1/contacts/abc", officer, "", "id"},
				{"holder_id not a number", "GET", "/api/v1/contacts?holder_id=northwind", officer, "", "holder_id"},
				{"limit too big", "GET", "/api/v1/contacts?limit=1001", officer, "", "limit"},
				{"negative offset", "GET", "/api/v1/contacts?offset=-1", officer, "", "offset"},
				{"search too long", "GET", "/api/v1/contacts?q=" + strings.Repeat("x", 201), officer, "", "q"},
				{"unknown parameter", "GET", "/api/v1/contacts?holder=Northwind", officer, "", "holder"},
			} {
				wantInvalid(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), tc.field)
			}
		})

		t.Run("401", func(t *testing.T) {
			for _, tc := range []struct{ method, path string }{
				{"GET", "/api/v1/contacts"}, {"POST", "/api/v1/contacts"}, {"GET", contact(nwContact.ID)},
				{"PUT", contact(nwContact.ID)}, {"DELETE", contact(nwContact.ID)},
			} {
				wantError(t, tc.method+" "+tc.path, s.send(t, tc.method, tc.path, "bm_not-a-token", newContact), http.StatusUnauthorized, ipr.EUNAUTHENTICATED)
			}
		})

		t.Run("403", func(t *testing.T) {
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"customs add a contact", "POST", "/api/v1/contacts", officer, strings.Replace(newContact, "{", `{"holder_id":`+strconv.FormatInt(nwID, 10)+`,`, 1)},
				{"customs change a contact", "PUT", contact(nwContact.ID), officer, newContact},
				{"customs delete a contact", "DELETE", contact(nwContact.ID), officer, ""},
				{"police list contacts", "GET", "/api/v1/contacts", police, ""},
				{"police read a contact", "GET", contact(nwContact.ID), police, ""},
				{"the association lists contacts", "GET", "/api/v1/contacts", secretariat, ""},
				{"holder lists another holder's", "GET", "/api/v1/contacts?holder_id=" + strconv.FormatInt(auID, 10), northwind, ""},
				{"agent lists a non-client's", "GET", "/api/v1/contacts?holder_id=" + strconv.FormatInt(nwID, 10), agent, ""},
				{"agent adds for a non-client", "POST", "/api/v1/contacts", agent, strings.Replace(newContact, "{", `{"holder_id":`+strconv.FormatInt(nwID, 10)+`,`, 1)},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusForbidden, ipr.EFORBIDDEN)
			}
		})

		t.Run("404", func(t *testing.T) {
			before := decode[apiContact](t, "Aurelia's contact before", s.send(t, "GET", contact(auContact.ID), officer, ""), 200)
			for _, tc := range []struct {
				name, method, path, token, body string
			}{
				{"holder reads another holder's contact", "GET", contact(auContact.ID), northwind, ""},
				{"holder changes another holder's contact", "PUT", contact(auContact.ID), northwind, newContact},
				{"holder deletes another holder's contact", "DELETE", contact(auContact.ID), northwind, ""},
				{"agent reads a non-client's contact", "GET", contact(nwContact.ID), agent, ""},
				{"agent changes a non-client's contact", "PUT", contact(nwContact.ID), agent, newContact},
				{"agent deletes a non-client's contact", "DELETE", contact(nwContact.ID), agent, ""},
				{"no such contact", "GET", contact(999999), officer, ""},
				{"no such contact to change", "PUT", contact(999999), northwind, newContact},
			} {
				wantError(t, tc.name, s.send(t, tc.method, tc.path, tc.token, tc.body), http.StatusNotFound, ipr.ENOTFOUND)
			}
			if after := decode[apiContact](t, "Aurelia's contact after", s.send(t, "GET", contact(auContact.ID), officer, ""), 200); after != before {
				t.Errorf("Aurelia's contact after the attempts: got %+v, want %+v", after, before)
			}
		})
	})
}
