package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

type ctxKey int

const (
	userKey ctxKey = iota
	langKey
	routeKey
)

// requestInfo is filled in as a request passes through, for logs and metrics.
type requestInfo struct {
	route  string
	status int
}

func infoFrom(r *http.Request) *requestInfo {
	if info, ok := r.Context().Value(routeKey).(*requestInfo); ok {
		return info
	}
	return &requestInfo{}
}

// statusWriter remembers the status code written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// withRequestID gives every request an id, echoed in X-Request-Id, logged and audited.
func (s *Server) withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID()
		w.Header().Set("X-Request-Id", id)
		ctx := enforce.WithRequestID(r.Context(), id)
		ctx = context.WithValue(ctx, routeKey, &requestInfo{})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// withRecover turns a panic into a logged internal error instead of a dropped connection.
func (s *Server) withRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "request_id", enforce.RequestID(r.Context()),
					"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// withMetrics counts requests by route and status and times them.
func (s *Server) withMetrics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		info := infoFrom(r)
		info.status = sw.status
		s.metrics.observe(routeLabel(info.route, r.Pattern), r.Method, sw.status, time.Since(start))
	})
}

func routeLabel(inner, outer string) string {
	switch {
	case inner != "":
		return inner
	case outer != "":
		return outer
	}
	return "unmatched"
}

// withLogging writes one structured line per request.
func (s *Server) withLogging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(r.Context(), level, "request",
			slog.String("request_id", enforce.RequestID(r.Context())),
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", sw.status), slog.Duration("duration", time.Since(start)))
	})
}

// recordRoute notes the pattern that the inner mux matched, for metrics.
func recordRoute(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if info := infoFrom(r); info.route == "" {
			info.route = r.Pattern
		}
	})
}

// contentSecurityPolicy allows only Bordermark's own scripts, styles and images: no inline code.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

func withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// withSession puts the signed-in user, if any, in the request context.
func (s *Server) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		user, err := s.svc.SessionUser(r.Context(), c.Value)
		if err != nil {
			if ipr.ErrorCode(err) == ipr.EINTERNAL {
				s.renderError(w, r, err)
				return
			}
			clearCookie(w, r, sessionCookie) // expired or unknown: forget it
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, user)))
	})
}

// withLanguage chooses the page language and remembers a choice made with ?lang=.
func (s *Server) withLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user := userFrom(r)
		userLang := ""
		if user != nil {
			userLang = user.Lang
		}
		lang, chosen := chooseLang(r, userLang)
		if chosen {
			setCookie(w, r, langCookie, lang, 365*24*time.Hour)
			if err := s.svc.SetLanguage(r.Context(), user, lang); err != nil {
				s.log.Warn("remember language", "err", err)
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), langKey, lang)))
	})
}

func userFrom(r *http.Request) *ipr.User {
	u, _ := r.Context().Value(userKey).(*ipr.User)
	return u
}

func langFrom(r *http.Request) string {
	if l, ok := r.Context().Value(langKey).(string); ok {
		return l
	}
	return "en"
}
