// Package web serves Bordermark's bilingual, server-rendered pages, and the
// operational endpoints (/healthz, /readyz, /metrics) in front of the API.
package web

import (
	"context"
	"log/slog"
	"net/http"

	"bordermark/internal/enforce"

	"github.com/prometheus/client_golang/prometheus"
)

// Options configure a Server.
type Options struct {
	Version string
	API     http.Handler // mounted at /api/; it has its own authentication
	// MetricsToken, when set, is the bearer token /metrics wants; when empty,
	// /metrics answers only requests from this machine.
	MetricsToken string
	Log          *slog.Logger
}

// Server holds what the handlers share. It has no global state: tests start as many as they like.
type Server struct {
	svc      *enforce.Service
	log      *slog.Logger
	version  string
	pages    *pages
	catalogs Catalogs
	static   *staticFiles
	metrics  *metrics
	registry *prometheus.Registry
	logins   *rateLimiter
	reports  *publicTipLine // the public tip line's abuse guards (publictip_form.go)
	handler  http.Handler
}

// New builds a Server: templates, catalogues and static files are read once here.
func New(svc *enforce.Service, opts Options) (*Server, error) {
	catalogs, err := LoadCatalogs()
	if err != nil {
		return nil, err
	}
	static, err := loadStatic()
	if err != nil {
		return nil, err
	}
	pages, err := parsePages(static)
	if err != nil {
		return nil, err
	}
	log := opts.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	reports, err := newPublicTipLine(context.Background(), svc) // its key survives restarts, in the database
	if err != nil {
		return nil, err
	}
	s := &Server{svc: svc, log: log, version: opts.Version, pages: pages, catalogs: catalogs,
		static: static, registry: prometheus.NewRegistry(), logins: newRateLimiter(10, loginWindow),
		reports: reports}
	s.metrics = newMetrics(s.registry, svc.DBPools())
	s.handler = s.routes(opts)
	return s, nil
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes(opts Options) http.Handler {
	browser := http.NewServeMux()
	browser.HandleFunc("GET /{$}", s.handleHome)
	browser.HandleFunc("GET /login", s.handleLoginShow)
	browser.HandleFunc("POST /login", s.handleLoginSubmit)
	browser.HandleFunc("POST /logout", s.handleLogout)
	browser.HandleFunc("GET /audit", s.handleAuditList)
	browser.HandleFunc("GET /orgs", s.handleOrgList)
	browser.HandleFunc("GET /rights", s.handleRightList)
	browser.HandleFunc("GET /rights.csv", s.handleRightExport)
	browser.HandleFunc("GET /rights/new", s.handleRightNew)
	browser.HandleFunc("POST /rights/new", s.handleRightCreate)
	browser.HandleFunc("GET /rights/{id}", s.handleRightShow)
	browser.HandleFunc("GET /rights/{id}/edit", s.handleRightEdit)
	browser.HandleFunc("POST /rights/{id}/edit", s.handleRightUpdate)
	browser.HandleFunc("POST /rights/{id}/submit", s.handleRightSubmit)
	browser.HandleFunc("POST /rights/{id}/images", s.handleRightImageAdd)
	browser.HandleFunc("POST /rights/{id}/images/{sha}/delete", s.handleRightImageDelete)
	browser.HandleFunc("POST /rights/{id}/decide", s.handleRightDecide)
	browser.HandleFunc("POST /rights/{id}/amendments", s.handleAmendmentNew)
	browser.HandleFunc("POST /rights/{id}/amendments/{amendment}/decide", s.handleAmendmentDecide)
	browser.HandleFunc("GET /review", s.handleReviewQueue)
	browser.HandleFunc("GET /portfolio", s.handlePortfolio)
	browser.HandleFunc("GET /notifications", s.handleNotificationList)
	browser.HandleFunc("POST /notifications/{id}/read", s.handleNotificationRead)
	browser.HandleFunc("GET /rights/{id}/parties", s.handlePartyList)
	browser.HandleFunc("POST /rights/{id}/parties", s.handlePartyAdd)
	browser.HandleFunc("POST /parties/{id}/delete", s.handlePartyDelete)
	browser.HandleFunc("GET /infringers", s.handleInfringerList)
	browser.HandleFunc("GET /infringers/new", s.handleInfringerNew)
	browser.HandleFunc("POST /infringers", s.handleInfringerCreate)
	browser.HandleFunc("GET /infringers/{id}/edit", s.handleInfringerEdit)
	browser.HandleFunc("POST /infringers/{id}/edit", s.handleInfringerUpdate)
	browser.HandleFunc("POST /infringers/{id}/delete", s.handleInfringerDelete)
	browser.HandleFunc("GET /contacts", s.handleContactList)
	browser.HandleFunc("GET /contacts/new", s.handleContactNew)
	browser.HandleFunc("POST /contacts", s.handleContactCreate)
	browser.HandleFunc("GET /contacts/{id}/edit", s.handleContactEdit)
	browser.HandleFunc("POST /contacts/{id}/edit", s.handleContactUpdate)
	browser.HandleFunc("POST /contacts/{id}/delete", s.handleContactDelete)
	browser.HandleFunc("GET /groups", s.handleGroupList)
	browser.HandleFunc("GET /groups/{id}", s.handleGroupShow)
	browser.HandleFunc("POST /groups/{id}/problems", s.handleGroupProblems)
	browser.HandleFunc("POST /groups/{id}/members", s.handleGroupMemberAdd)
	browser.HandleFunc("POST /groups/{id}/members/{holder}/delete", s.handleGroupMemberDelete)
	browser.HandleFunc("GET /rights/{id}/products/new", s.handleProductNew)
	browser.HandleFunc("POST /rights/{id}/products/new", s.handleProductCreate)
	browser.HandleFunc("GET /products/{id}", s.handleProductShow)
	browser.HandleFunc("GET /products/{id}/edit", s.handleProductEdit)
	browser.HandleFunc("POST /products/{id}/edit", s.handleProductUpdate)
	browser.HandleFunc("POST /products/{id}/delete", s.handleProductDelete)
	browser.HandleFunc("POST /products/{id}/photos", s.handleProductPhotoAdd)
	browser.HandleFunc("POST /products/{id}/photos/{sha}/delete", s.handleProductPhotoDelete)
	browser.HandleFunc("POST /products/{id}/guide", s.handleGuideAdd)
	browser.HandleFunc("GET /guide/{id}/edit", s.handleGuideEdit)
	browser.HandleFunc("POST /guide/{id}/edit", s.handleGuideUpdate)
	browser.HandleFunc("POST /guide/{id}/delete", s.handleGuideDelete)
	browser.HandleFunc("POST /guide/{id}/move", s.handleGuideMove)
	browser.HandleFunc("GET /screening", s.handleScreeningQueue)
	browser.HandleFunc("GET /declarations/{id}", s.handleDeclarationShow)
	browser.HandleFunc("POST /declarations/{id}/dismiss", s.handleDeclarationDismiss)
	browser.HandleFunc("POST /declarations/{id}/inspect", s.handleDeclarationInspect)
	browser.HandleFunc("GET /cases", s.handleCaseList)
	browser.HandleFunc("GET /cases/new", s.handleCaseNew)
	browser.HandleFunc("POST /cases/new", s.handleCaseCreate)
	browser.HandleFunc("GET /cases/{id}", s.handleCaseShow)
	browser.HandleFunc("POST /cases/{id}/act", s.handleCaseAct)
	browser.HandleFunc("POST /cases/{id}/bond", s.handleCaseBond)
	browser.HandleFunc("POST /cases/{id}/recompute", s.handleCaseRecompute)
	browser.HandleFunc("POST /cases/{id}/identifications", s.handleIdentificationRequest)
	browser.HandleFunc("GET /cases/{id}/documents/{kind}", s.handleCaseDocument)
	browser.HandleFunc("GET /cases/{id}/items", s.handleCaseItems)
	browser.HandleFunc("POST /cases/{id}/items", s.handleCaseItemAdd)
	browser.HandleFunc("POST /cases/{id}/items/{item}/edit", s.handleCaseItemUpdate)
	browser.HandleFunc("POST /cases/{id}/items/{item}/files", s.handleCaseItemFile)
	browser.HandleFunc("POST /cases/{id}/custody", s.handleCustodyMove)
	browser.HandleFunc("GET /identifications/{id}", s.handleIdentificationShow)
	browser.HandleFunc("POST /identifications/{id}", s.handleIdentificationAnswer)
	browser.HandleFunc("GET /guarantee", s.handleGuaranteeShow)
	browser.HandleFunc("GET /admin/webhooks", s.handleWebhookList)
	browser.HandleFunc("POST /guarantee", s.handleGuaranteeFile)
	browser.HandleFunc("GET /rules", s.handleRuleList)
	browser.HandleFunc("GET /rules/new", s.handleRuleNew)
	browser.HandleFunc("POST /rules", s.handleRuleCreate)
	browser.HandleFunc("GET /rules/{id}/edit", s.handleRuleEdit)
	browser.HandleFunc("POST /rules/{id}/edit", s.handleRuleUpdate)
	browser.HandleFunc("POST /rules/{id}/delete", s.handleRuleDelete)
	browser.HandleFunc("GET /files/{sha}", s.handleFileShow)
	browser.HandleFunc("GET /files/{sha}/thumb", s.handleFileThumb)
	browser.HandleFunc("GET /report", s.handlePublicTipForm)
	browser.HandleFunc("POST /report", s.handlePublicTipSubmit)
	browser.HandleFunc("GET /report/status", s.handlePublicTipStatusForm)
	browser.HandleFunc("POST /report/status", s.handlePublicTipStatus)
	browser.HandleFunc("GET /triage", s.handleTriageList)
	browser.HandleFunc("GET /triage/{id}", s.handleTriageShow)
	browser.HandleFunc("POST /triage/{id}", s.handleTriageDecide)
	browser.HandleFunc("GET /triage/{id}/photos/{sha}", s.handleTriagePhoto)
	browser.HandleFunc("GET /triage/{id}/photos/{sha}/thumb", s.handleTriagePhoto)
	browser.HandleFunc("GET /tips", s.handleTipList)
	browser.HandleFunc("GET /tips/new", s.handleTipNew)
	browser.HandleFunc("POST /tips/new", s.handleTipCreate)
	browser.HandleFunc("GET /tips/patterns", s.handleTipPatterns)
	browser.HandleFunc("GET /tips/feedback", s.handleTipFeedback)
	browser.HandleFunc("GET /tips/{id}", s.handleTipShow)
	browser.HandleFunc("GET /tips/{id}/files/{sha}", s.handleTipFile)
	browser.HandleFunc("POST /tips/{id}/rule", s.handleTipRule)
	browser.HandleFunc("POST /tips/{id}/dismiss", s.handleTipDismiss)
	browser.HandleFunc("POST /tips/{id}/share", s.handleTipShare)
	browser.HandleFunc("GET /cases/{id}/transfer", s.handleTransferCase)
	browser.HandleFunc("POST /cases/{id}/transfer", s.handleTransferPropose)
	browser.HandleFunc("GET /transfers", s.handleTransferList)
	browser.HandleFunc("GET /transfers/stats", s.handleTransferStats)
	browser.HandleFunc("GET /transfers/{id}", s.handleTransferShow)
	browser.HandleFunc("POST /transfers/{id}/act", s.handleTransferAct)
	browser.HandleFunc("POST /transfers/{id}/outcome", s.handleTransferOutcome)
	browser.HandleFunc("GET /transfers/{id}/dossier", s.handleTransferDossier)
	browser.HandleFunc("GET /stats", s.handleStatsDashboard)
	browser.HandleFunc("GET /stats/annual", s.handleStatsAnnual)
	browser.HandleFunc("GET /stats/annual.xlsx", s.handleStatsAnnualExport)
	browser.HandleFunc("GET /stats/{view}", s.handleStatsView)
	browser.HandleFunc("GET /exhibition", s.handleExhibition)
	browser.HandleFunc("GET /exhibition/{id}", s.handleExhibitionShow)
	browser.HandleFunc("GET /exhibition/{id}/label", s.handleExhibitLabel)
	browser.HandleFunc("GET /exhibition/{id}/qr.png", s.handleExhibitQR)
	browser.HandleFunc("GET /exhibition/{id}/photos/{sha}", s.handleExhibitPhoto)
	browser.HandleFunc("GET /exhibition/{id}/photos/{sha}/thumb", s.handleExhibitPhoto)
	browser.HandleFunc("GET /exhibits", s.handleExhibitList)
	browser.HandleFunc("GET /exhibits/new", s.handleExhibitNew)
	browser.HandleFunc("POST /exhibits/new", s.handleExhibitCreate)
	browser.HandleFunc("GET /exhibits/{id}", s.handleExhibitShow)
	browser.HandleFunc("GET /exhibits/{id}/edit", s.handleExhibitEdit)
	browser.HandleFunc("POST /exhibits/{id}/edit", s.handleExhibitUpdate)
	browser.HandleFunc("POST /exhibits/{id}/submit", s.handleExhibitSubmit)
	browser.HandleFunc("POST /exhibits/{id}/review", s.handleExhibitReview)
	browser.HandleFunc("GET /model-cases", s.handleModelCaseList)
	browser.HandleFunc("GET /model-cases/{id}", s.handleModelCaseShow)
	browser.HandleFunc("POST /model-cases/{id}/withdraw", s.handleModelCaseWithdraw)
	browser.HandleFunc("GET /cases/{id}/model-case", s.handleModelCaseForm)
	browser.HandleFunc("POST /cases/{id}/model-case", s.handleModelCasePublish)
	browser.HandleFunc("GET /news", s.handleNewsList)
	browser.HandleFunc("GET /news/feed.xml", s.handleNewsFeed)
	browser.HandleFunc("GET /news/desk", s.handleNewsDesk)
	browser.HandleFunc("GET /news/new", s.handleNewsNew)
	browser.HandleFunc("POST /news/new", s.handleNewsCreate)
	browser.HandleFunc("GET /news-images/{sha}", s.handleNewsImage)
	browser.HandleFunc("GET /news-images/{sha}/thumb", s.handleNewsThumb)
	browser.HandleFunc("GET /news/{id}", s.handleNewsShow)
	browser.HandleFunc("GET /news/{id}/edit", s.handleNewsEdit)
	browser.HandleFunc("POST /news/{id}/edit", s.handleNewsUpdate)
	browser.HandleFunc("POST /news/{id}/publish", s.handleNewsPublish)
	browser.HandleFunc("POST /news/{id}/withdraw", s.handleNewsWithdraw)
	browser.HandleFunc("GET /practice", s.handlePracticeList)
	browser.HandleFunc("GET /practice/new", s.handlePracticeNew)
	browser.HandleFunc("POST /practice/new", s.handlePracticeCreate)
	browser.HandleFunc("GET /practice/{id}", s.handlePracticeShow)
	browser.HandleFunc("GET /practice/{id}/edit", s.handlePracticeEdit)
	browser.HandleFunc("POST /practice/{id}/edit", s.handlePracticeUpdate)
	browser.HandleFunc("GET /questions", s.handleQuestionList)
	browser.HandleFunc("GET /questions/new", s.handleQuestionNew)
	browser.HandleFunc("POST /questions/new", s.handleQuestionCreate)
	browser.HandleFunc("GET /questions/{id}", s.handleQuestionShow)
	browser.HandleFunc("POST /questions/{id}/answer", s.handleQuestionAnswer)
	browser.HandleFunc("POST /questions/{id}/share", s.handleQuestionShare)
	browser.HandleFunc("GET /static/{name}", s.handleStatic)
	browser.HandleFunc("GET /favicon.ico", s.handleFavicon)
	browser.HandleFunc("/", s.handleNotFound)

	root := http.NewServeMux()
	root.Handle("/", s.browserChain(recordRoute(browser)))
	if opts.API != nil {
		root.Handle("/api/", opts.API)
	}
	root.HandleFunc("GET /healthz", s.handleHealth)
	root.HandleFunc("GET /readyz", s.handleReady)
	root.Handle("GET /metrics", s.metricsHandler(opts.MetricsToken))
	return s.commonChain(recordRoute(root))
}

// commonChain wraps every route: request id, panic recovery, logging and metrics.
func (s *Server) commonChain(h http.Handler) http.Handler {
	return s.withRequestID(s.withRecover(s.withMetrics(s.withLogging(h))))
}

// browserChain wraps the pages: security headers, cross-origin protection for
// unsafe methods, the signed-in user and the language.
func (s *Server) browserChain(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// withLanguage has not run: pick the language here, without remembering anything.
		lang, _ := chooseLang(r, "")
		r = r.WithContext(context.WithValue(r.Context(), langKey, lang))
		s.renderStatus(w, r, http.StatusForbidden, "error.cross_origin")
	}))
	return withSecurityHeaders(cop.Handler(s.withSession(s.withLanguage(h))))
}
