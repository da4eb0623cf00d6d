package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// The exhibition and the model cases are public over the API as on the web:
// approved exhibits with their photos and points, published model cases with
// only their revealed facts.
func TestExhibitAndModelCaseLists(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	var exhibits struct {
		Exhibits []struct {
			Title        string `json:"title"`
			Brand        string `json:"brand"`
			GenuinePhoto string `json:"genuine_photo"`
			FakePhoto    string `json:"fake_photo"`
			Points       []struct {
				Text string `json:"text"`
			} `json:"points"`
			Page string `json:"page"`
		} `json:"exhibits"`
		Total int64 `json:"total"`
	}
	r := s.do(t, http.MethodGet, "/api/v1/exhibits") // no token
	if r.status != http.StatusOK {
		t.Fatalf("GET /exhibits: got %d, want 200\n%s", r.status, r.body)
	}
	if err := json.Unmarshal(r.body, &exhibits); err != nil {
		t.Fatal(err)
	}
	if exhibits.Total != 2 || len(exhibits.Exhibits) != 2 {
		t.Fatalf("got %d exhibits (total %d), want the demo's 2 approved", len(exhibits.Exhibits), exhibits.Total)
	}
	for _, e := range exhibits.Exhibits {
		if e.Brand == "" || len(e.Points) == 0 || !strings.HasPrefix(e.GenuinePhoto, e.Page+"/photos/") {
			t.Errorf("exhibit %q: got brand %q, %d points, photo %q; want a brand, points and a photo under %s",
				e.Title, e.Brand, len(e.Points), e.GenuinePhoto, e.Page)
		}
		if p := s.do(t, http.MethodGet, e.FakePhoto); p.status != http.StatusOK {
			t.Errorf("GET %s: got %d, want the fake's photo", e.FakePhoto, p.status)
		}
	}

	var cases struct {
		Cases []struct {
			Title string `json:"title"`
			Facts []struct {
				Field string `json:"field"`
			} `json:"facts"`
		} `json:"model_cases"`
		Total int64 `json:"total"`
	}
	if err := json.Unmarshal(s.do(t, http.MethodGet, "/api/v1/model-cases").body, &cases); err != nil {
		t.Fatal(err)
	}
	if cases.Total != 1 || len(cases.Cases) != 1 || len(cases.Cases[0].Facts) == 0 {
		t.Errorf("model cases: got %+v, want the demo's one, with its revealed facts", cases)
	}
	if err := json.Unmarshal(s.do(t, http.MethodGet, "/api/v1/model-cases?q=no-such-words").body, &cases); err != nil || cases.Total != 0 {
		t.Errorf("a search that matches nothing: got %d model cases (%v), want 0", cases.Total, err)
	}
	for _, bad := range []string{"/api/v1/exhibits?limit=0", "/api/v1/exhibits?right_id=x", "/api/v1/model-cases?offset=-1"} {
		if r := s.do(t, http.MethodGet, bad); r.status != http.StatusBadRequest {
			t.Errorf("GET %s: got %d, want 400", bad, r.status)
		}
	}
}
