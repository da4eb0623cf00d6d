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
	Log     *slog.Logger
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
	s := &Server{svc: svc, log: log, version: opts.Version, pages: pages, catalogs: catalogs,
		static: static, registry: prometheus.NewRegistry(), logins: newRateLimiter(10, loginWindow)}
	s.metrics = newMetrics(s.registry, svc.DBPools())
	s.handler = s.routes(opts.API)
	return s, nil
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

func (s *Server) routes(api http.Handler) http.Handler {
	browser := http.NewServeMux()
	browser.HandleFunc("GET /{$}", s.handleHome)
	browser.HandleFunc("GET /login", s.handleLoginShow)
	browser.HandleFunc("POST /login", s.handleLoginSubmit)
	browser.HandleFunc("POST /logout", s.handleLogout)
	browser.HandleFunc("GET /audit", s.handleAuditList)
	browser.HandleFunc("GET /orgs", s.handleOrgList)
	browser.HandleFunc("GET /static/{name}", s.handleStatic)
	browser.HandleFunc("GET /favicon.ico", s.handleFavicon)
	browser.HandleFunc("/", s.handleNotFound)

	root := http.NewServeMux()
	root.Handle("/", s.browserChain(recordRoute(browser)))
	if api != nil {
		root.Handle("/api/", api)
	}
	root.HandleFunc("GET /healthz", s.handleHealth)
	root.HandleFunc("GET /readyz", s.handleReady)
	root.Handle("GET /metrics", s.metricsHandler())
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
