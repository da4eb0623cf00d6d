package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// apiIdentification is the Identification schema, as far as the tests look.
type apiIdentification struct {
	ID         int64   `json:"id"`
	CaseID     int64   `json:"case_id"`
	ItemIDs    []int64 `json:"item_ids"`
	Due        string  `json:"due"`
	AnsweredAt string  `json:"answered_at"`
	Answers    []struct {
		ItemID  int64    `json:"item_id"`
		Verdict string   `json:"verdict"`
		Points  []string `json:"points"`
	} `json:"answers"`
}

// counterfeit is an answers body calling every item counterfeit.
func counterfeit(items ...int64) map[string]any {
	var answers []map[string]any
	for _, id := range items {
		answers = append(answers, map[string]any{"item_id": id, "verdict": "counterfeit", "points": []string{"logo stitching"}})
	}
	return map[string]any{"answers": answers}
}

// answer sends answers to request id as the user of token and wants status.
func (w *caseWorld) answer(t *testing.T, token string, id int64, status int, answers map[string]any) apiIdentification {
	t.Helper()
	r := w.send(t, "POST", fmt.Sprintf("/api/v1/identifications/%d/answers", id), token, js(t, answers))
	return decode[apiIdentification](t, "POST answers", r, status)
}

func TestIdentificationsAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := w.open(t, map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": "100000.00"})
		one, two := c.Items[0].ID, c.Items[1].ID
		ask := func(token, body string) reply {
			return w.send(t, "POST", casePath(c.ID, "/identifications"), token, body)
		}
		// Without the holder_reply clock the holder has 3 working days: Qingming makes them Tuesday 8 April.
		req := decode[apiIdentification](t, "ask one item", ask(w.officer, fmt.Sprintf(`{"item_ids":[%d]}`, two)), http.StatusCreated)
		if len(req.ItemIDs) != 1 || req.ItemIDs[0] != two || req.Due != "2025-04-08T16:00:00Z" || req.CaseID != c.ID {
			t.Fatalf("request: got %+v, want item %d due 2025-04-08T16:00:00Z", req, two)
		}
		answersPath := fmt.Sprintf("/api/v1/identifications/%d/answers", req.ID)

		t.Run("400", func(t *testing.T) {
			wantInvalid(t, "an item of no case", ask(w.officer, `{"item_ids":[999999]}`), "item_ids[0]")
			wantInvalid(t, "item ids as text", ask(w.officer, `{"item_ids":"all"}`), "item_ids")
			for _, tc := range []struct {
				name  string
				body  map[string]any
				field string
			}{
				{"no answers", map[string]any{"answers": []any{}}, "answers"},
				{"unknown verdict", map[string]any{"answers": []map[string]any{{"item_id": two, "verdict": "fake"}}}, "answers[0].verdict"},
				{"counterfeit without points", map[string]any{"answers": []map[string]any{{"item_id": two, "verdict": "counterfeit"}}}, "answers[0].points"},
				{"item not asked about", counterfeit(one), "answers[0].item_id"},
				{"unknown guide point", map[string]any{"answers": []map[string]any{{"item_id": two, "verdict": "counterfeit",
					"guide_point_ids": []int64{999999}}}}, "answers[0].guide_point_ids[0]"},
			} {
				wantInvalid(t, tc.name, w.send(t, "POST", answersPath, w.holder, js(t, tc.body)), tc.field)
			}
			wantInvalid(t, "verdict a number", w.send(t, "POST", answersPath, w.holder, `{"answers":[{"item_id":1,"verdict":1}]}`), "answers.verdict")
		})

		t.Run("403 and 404", func(t *testing.T) {
			wantError(t, "holder asks", ask(w.holder, `{}`), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "another holder asks", ask(w.other, `{}`), http.StatusNotFound, ipr.ENOTFOUND)
			wantError(t, "officer answers", w.send(t, "POST", answersPath, w.officer, js(t, counterfeit(two))), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "another holder answers", w.send(t, "POST", answersPath, w.other, js(t, counterfeit(two))), http.StatusNotFound, ipr.ENOTFOUND)
		})

		t.Run("409", func(t *testing.T) {
			w.answer(t, w.holder, req.ID, http.StatusOK, map[string]any{"answers": []map[string]any{{"item_id": two, "verdict": "genuine"}}})
			wantError(t, "answered twice", w.send(t, "POST", answersPath, w.holder, js(t, counterfeit(two))), http.StatusConflict, ipr.ECONFLICT)
			w.act(t, w.officer, c, "dismiss", "released", map[string]any{"reason": "genuine goods"})
			wantError(t, "ask on a closed case", ask(w.officer, `{}`), http.StatusConflict, ipr.ECONFLICT)
		})

		t.Run("response times", func(t *testing.T) {
			type responseTime struct {
				HolderID int64 `json:"holder_id"`
				Answered int   `json:"answered"`
			}
			type times struct {
				ResponseTimes []responseTime `json:"response_times"`
			}
			path := "/api/v1/identifications/response-times?since=2025-04-01"
			for _, tc := range []struct {
				token string
				want  bool // Seabird's answer is listed
			}{{w.officer, true}, {w.holder, true}, {w.other, false}} {
				got := decode[times](t, "response times", w.send(t, "GET", path, tc.token, ""), http.StatusOK)
				found := slices.Contains(got.ResponseTimes, responseTime{HolderID: w.holderID, Answered: 1})
				if found != tc.want {
					t.Errorf("got %+v, want Seabird's one answer listed: %v", got, tc.want)
				}
			}
			wantInvalid(t, "a bad date", w.send(t, "GET", "/api/v1/identifications/response-times?since=April", w.officer, ""), "since")
		})
	})
}
