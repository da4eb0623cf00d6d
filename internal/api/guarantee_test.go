package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// apiGuarantee is the GuaranteeView schema.
type apiGuarantee struct {
	ID        int64  `json:"id"`
	HolderID  int64  `json:"holder_id"`
	Year      int    `json:"year"`
	Amount    string `json:"amount"`
	Held      string `json:"held"`
	Balance   string `json:"balance"`
	Issuer    string `json:"issuer"`
	Reference string `json:"reference"`
	Moves     []struct {
		CaseID int64  `json:"case_id"`
		Amount string `json:"amount"`
	} `json:"moves"`
}

// guarantee reads the guarantee of year as the user of token; query names the holder.
func (w *caseWorld) guarantee(t *testing.T, token string, year int, query string) apiGuarantee {
	t.Helper()
	return decode[apiGuarantee](t, "GET guarantee", w.send(t, "GET", fmt.Sprintf("/api/v1/guarantees/%d%s", year, query), token, ""), http.StatusOK)
}

func TestGuaranteesAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		const good = `{"year":2026,"amount":"250,000","issuer":"Bank of Ningbo","reference":"LG-9"}`
		filed := decode[apiGuarantee](t, "POST", w.send(t, "POST", "/api/v1/guarantees", w.holder, good), http.StatusCreated)
		if filed.ID == 0 || filed.HolderID != w.holderID || filed.Year != 2026 || filed.Amount != "250000.00" ||
			filed.Balance != "250000.00" || filed.Issuer != "Bank of Ningbo" || filed.Moves != nil {
			t.Errorf("POST: got %+v", filed)
		}
		holderQuery := fmt.Sprintf("?holder_id=%d", w.holderID)
		for _, tc := range []struct{ who, token, query string }{
			{"holder", w.holder, ""}, {"holder naming itself", w.holder, holderQuery}, {"officer", w.officer, holderQuery},
		} {
			if g := w.guarantee(t, tc.token, 2026, tc.query); g.ID != filed.ID || g.Moves == nil {
				t.Errorf("GET as %s: got %+v, want guarantee %d with its (no) moves", tc.who, g, filed.ID)
			}
		}

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct{ name, body, field string }{
				{"under the minimum", `{"year":2027,"amount":"150000"}`, "amount"},
				{"amount a number", `{"year":2027,"amount":250000}`, "amount"},
				{"amount not money", `{"year":2027,"amount":"a lot"}`, "amount"},
				{"no year", `{"amount":"250000"}`, "year"},
				{"unknown field", `{"year":2027,"amount":"250000","bank":"x"}`, "bank"},
			} {
				wantInvalid(t, tc.name, w.send(t, "POST", "/api/v1/guarantees", w.holder, tc.body), tc.field)
			}
			wantInvalid(t, "officer files without a holder", w.send(t, "POST", "/api/v1/guarantees", w.officer, `{"year":2027,"amount":"250000"}`), "holder_id")
			wantInvalid(t, "officer reads without a holder", w.send(t, "GET", "/api/v1/guarantees/2026", w.officer, ""), "holder_id")
			wantInvalid(t, "not a year", w.send(t, "GET", "/api/v1/guarantees/next", w.holder, ""), "year")
			wantInvalid(t, "unknown parameter", w.send(t, "GET", "/api/v1/guarantees/2026?holder=1", w.holder, ""), "holder")
		})

		t.Run("403, 404 and 409", func(t *testing.T) {
			wantError(t, "another holder reads", w.send(t, "GET", "/api/v1/guarantees/2026"+holderQuery, w.other, ""), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "another holder files", w.send(t, "POST", "/api/v1/guarantees", w.other,
				fmt.Sprintf(`{"holder_id":%d,"year":2027,"amount":"250000"}`, w.holderID)), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "officer files", w.send(t, "POST", "/api/v1/guarantees", w.officer,
				fmt.Sprintf(`{"holder_id":%d,"year":2027,"amount":"250000"}`, w.holderID)), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "no guarantee that year", w.send(t, "GET", "/api/v1/guarantees/2024", w.holder, ""), http.StatusNotFound, ipr.ENOTFOUND)
			wantError(t, "second for the year", w.send(t, "POST", "/api/v1/guarantees", w.holder, good), http.StatusConflict, ipr.ECONFLICT)
		})
	})
}
