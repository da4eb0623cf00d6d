// Package api is Bordermark's JSON API under /api/v1 for integrations such as a
// customs declaration system. It authenticates with API tokens and calls the
// same enforce services as the web pages.
package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

//go:embed openapi.json
var openAPIDocument []byte

// route is one endpoint: a ServeMux pattern and its handler. Public routes need no token.
type route struct {
	pattern string
	public  bool
	handle  func(*API, http.ResponseWriter, *http.Request)
}

// routes is every endpoint under /api/v1. The mux registers exactly these, and a test
// fails unless openapi.json describes exactly these.
var routes = []route{
	{"GET /api/v1/openapi.json", true, (*API).handleOpenAPI},
	{"GET /api/v1/me", false, (*API).handleMe},
	{"GET /api/v1/rights", false, (*API).handleRightList},
	{"POST /api/v1/rights", false, (*API).handleRightCreate},
	{"GET /api/v1/rights/{id}", false, (*API).handleRightShow},
	{"PUT /api/v1/rights/{id}", false, (*API).handleRightUpdate},
	{"POST /api/v1/rights/{id}/submit", false, (*API).handleRightSubmit},
	{"POST /api/v1/rights/{id}/approve", false, (*API).handleRightApprove},
	{"POST /api/v1/rights/{id}/reject", false, (*API).handleRightReject},
	{"GET /api/v1/rights/{id}/products", false, (*API).handleProductList},
	{"POST /api/v1/rights/{id}/products", false, (*API).handleProductCreate},
	{"GET /api/v1/products/{id}", false, (*API).handleProductShow},
	{"PUT /api/v1/products/{id}", false, (*API).handleProductUpdate},
	{"DELETE /api/v1/products/{id}", false, (*API).handleProductDelete},
	{"POST /api/v1/products/{id}/guide", false, (*API).handleGuideAdd},
	{"PUT /api/v1/guide/{id}", false, (*API).handleGuideUpdate},
	{"DELETE /api/v1/guide/{id}", false, (*API).handleGuideDelete},
	{"GET /api/v1/rights/{id}/parties", false, (*API).handlePartyList},
	{"POST /api/v1/rights/{id}/parties", false, (*API).handlePartyCreate},
	{"DELETE /api/v1/parties/{id}", false, (*API).handlePartyDelete},
	{"GET /api/v1/contacts", false, (*API).handleContactList},
	{"POST /api/v1/contacts", false, (*API).handleContactCreate},
	{"GET /api/v1/contacts/{id}", false, (*API).handleContactShow},
	{"PUT /api/v1/contacts/{id}", false, (*API).handleContactUpdate},
	{"DELETE /api/v1/contacts/{id}", false, (*API).handleContactDelete},
	{"GET /api/v1/infringers", false, (*API).handleInfringerList},
	{"POST /api/v1/infringers", false, (*API).handleInfringerCreate},
	{"GET /api/v1/infringers/{id}", false, (*API).handleInfringerShow},
	{"PUT /api/v1/infringers/{id}", false, (*API).handleInfringerUpdate},
	{"DELETE /api/v1/infringers/{id}", false, (*API).handleInfringerDelete},
	{"GET /api/v1/groups", false, (*API).handleGroupList},
	{"GET /api/v1/groups/{id}", false, (*API).handleGroupShow},
	{"PUT /api/v1/groups/{id}/problems", false, (*API).handleGroupProblems},
	{"GET /api/v1/files/{sha}", false, (*API).handleFileShow},
	{"GET /api/v1/files/{sha}/thumb", false, (*API).handleFileThumb},
	{"POST /api/v1/declarations", false, (*API).handleDeclarationSubmit},
	{"GET /api/v1/declarations/{id}", false, (*API).handleDeclarationShow},
	{"GET /api/v1/rules", false, (*API).handleRuleList},
	{"POST /api/v1/rules", false, (*API).handleRuleCreate},
	{"GET /api/v1/rules/{id}", false, (*API).handleRuleShow},
	{"PUT /api/v1/rules/{id}", false, (*API).handleRuleUpdate},
	{"DELETE /api/v1/rules/{id}", false, (*API).handleRuleDelete},
	{"GET /api/v1/cases", false, (*API).handleCaseList},
	{"POST /api/v1/cases", false, (*API).handleCaseOpen},
	{"GET /api/v1/cases/{id}", false, (*API).handleCaseShow},
	{"POST /api/v1/cases/{id}/events", false, (*API).handleCaseEvent},
	{"POST /api/v1/cases/{id}/bond", false, (*API).handleCaseBond},
	{"POST /api/v1/cases/{id}/recompute", false, (*API).handleCaseRecompute},
	{"POST /api/v1/cases/{id}/identifications", false, (*API).handleIdentificationRequest},
	{"GET /api/v1/cases/{id}/items", false, (*API).handleCaseItemList},
	{"POST /api/v1/cases/{id}/items", false, (*API).handleCaseItemAdd},
	{"PUT /api/v1/items/{id}", false, (*API).handleCaseItemUpdate},
	{"POST /api/v1/items/{id}/files", false, (*API).handleCaseItemFile},
	{"GET /api/v1/cases/{id}/custody", false, (*API).handleCustodyLog},
	{"POST /api/v1/cases/{id}/custody", false, (*API).handleCustodyMove},
	{"POST /api/v1/identifications/{id}/answers", false, (*API).handleIdentificationAnswer},
	{"GET /api/v1/identifications/response-times", false, (*API).handleResponseTimes},
	{"POST /api/v1/guarantees", false, (*API).handleGuaranteeFile},
	{"GET /api/v1/guarantees/{year}", false, (*API).handleGuaranteeShow},
	{"GET /api/v1/cases/{id}/transfer", false, (*API).handleCaseTransfer},
	{"POST /api/v1/cases/{id}/transfer", false, (*API).handleTransferPropose},
	{"GET /api/v1/transfers", false, (*API).handleTransferList},
	{"GET /api/v1/transfers/stats", false, (*API).handleTransferStats},
	{"GET /api/v1/transfers/{id}", false, (*API).handleTransferShow},
	{"POST /api/v1/transfers/{id}/events", false, (*API).handleTransferEvent},
	{"POST /api/v1/transfers/{id}/outcomes", false, (*API).handleTransferOutcome},
	{"GET /api/v1/transfers/{id}/dossier", false, (*API).handleDossierShow},
	{"POST /api/v1/transfers/{id}/dossier", false, (*API).handleDossierRefresh},
	{"GET /api/v1/thresholds", false, (*API).handleThresholdList},
	{"POST /api/v1/thresholds", false, (*API).handleThresholdAdd},
	{"GET /api/v1/tips", false, (*API).handleTipList},
	{"POST /api/v1/tips", false, (*API).handleTipCreate},
	{"GET /api/v1/tips/patterns", false, (*API).handleTipPatterns},
	{"GET /api/v1/tips/{id}", false, (*API).handleTipShow},
	{"POST /api/v1/tips/{id}/rule", false, (*API).handleTipRule},
	{"POST /api/v1/tips/{id}/share", false, (*API).handleTipShare},
	{"POST /api/v1/tips/{id}/dismiss", false, (*API).handleTipDismiss},
	{"GET /api/v1/rules/feedback", false, (*API).handleRuleFeedback},
	{"GET /api/v1/articles", true, (*API).handleArticleList},
	{"GET /api/v1/exhibits", true, (*API).handleExhibitList},
	{"GET /api/v1/model-cases", true, (*API).handleModelCaseList},
	{"GET /api/v1/stats/{view}", false, (*API).handleStatsView},
}

// Patterns returns the pattern ("METHOD /path") of every endpoint the API serves.
func Patterns() []string {
	out := make([]string, len(routes))
	for i, rt := range routes {
		out[i] = rt.pattern
	}
	return out
}

// API serves /api/v1.
type API struct {
	svc *enforce.Service
	log *slog.Logger
	mux *http.ServeMux
}

// New returns the API handler.
func New(svc *enforce.Service, log *slog.Logger) *API {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	a := &API{svc: svc, log: log, mux: http.NewServeMux()}
	for _, rt := range routes {
		h := func(w http.ResponseWriter, r *http.Request) { rt.handle(a, w, r) }
		if !rt.public {
			h = a.authenticated(h)
		}
		a.mux.HandleFunc(rt.pattern, h)
	}
	a.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		a.fail(w, r, ipr.Errorf(ipr.ENOTFOUND, "no such API endpoint: %s %s", r.Method, r.URL.Path))
	})
	return a
}

func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	a.mux.ServeHTTP(w, r)
}

type userKey struct{}

// authenticated requires "Authorization: Bearer <token>" and passes the token's user on.
func (a *API) authenticated(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token := bearerToken(r.Header.Get("Authorization"))
		user, err := a.svc.TokenUser(r.Context(), token)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), userKey{}, user)))
	}
}

// bearerToken returns the token of an "Authorization: Bearer <token>" value, or "".
// The scheme is case-insensitive (RFC 9110, section 11.1): some clients send "bearer".
func bearerToken(h string) string {
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return token
}

func userFrom(r *http.Request) *ipr.User {
	u, _ := r.Context().Value(userKey{}).(*ipr.User)
	return u
}

func (a *API) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPIDocument)
}

// meResponse describes the caller.
type meResponse struct {
	ID      int64       `json:"id"`
	Email   string      `json:"email"`
	Name    string      `json:"name"`
	Role    ipr.Role    `json:"role"`
	OrgID   int64       `json:"org_id"`
	OrgName string      `json:"org_name"`
	OrgKind ipr.OrgKind `json:"org_kind"`
}

func (a *API) handleMe(w http.ResponseWriter, r *http.Request) {
	u := userFrom(r)
	writeJSON(w, http.StatusOK, meResponse{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role,
		OrgID: u.OrgID, OrgName: u.OrgName, OrgKind: u.OrgKind})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// deleted answers a DELETE: 204 without a body, or the error.
func (a *API) deleted(w http.ResponseWriter, r *http.Request, err error) {
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// errorBody is every API error: a code, a message for people and the fields at fault.
type errorBody struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Fields  map[string]string `json:"fields,omitempty"`
	} `json:"error"`
}

// fail writes err as JSON; internal errors are logged with their detail, never shown.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	if ipr.ErrorCode(err) == ipr.EINTERNAL {
		a.log.Error("internal error", "request_id", enforce.RequestID(r.Context()), "path", r.URL.Path, "err", err)
	}
	var body errorBody
	body.Error.Code, body.Error.Message = ipr.ErrorCode(err), "internal error"
	var e *ipr.Error
	if errors.As(err, &e) && e.Code != ipr.EINTERNAL {
		body.Error.Message, body.Error.Fields = e.Message, e.Fields
	}
	if ipr.ErrorCode(err) == ipr.EUNAUTHENTICATED {
		w.Header().Set("WWW-Authenticate", `Bearer realm="bordermark"`)
	}
	writeJSON(w, ipr.HTTPStatus(err), body)
}
