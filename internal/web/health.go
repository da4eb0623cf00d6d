package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"bordermark/internal/enforce"
)

// handleHealth says the process is up.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// handleReady says whether the database answers and its migrations are current.
func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.svc.Ready(ctx); err != nil {
		// The detail (driver errors name hosts and users) goes to the log, not to the public.
		s.log.Error("not ready", "request_id", enforce.RequestID(r.Context()), "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "not ready")
		return
	}
	fmt.Fprintln(w, "ready")
}
