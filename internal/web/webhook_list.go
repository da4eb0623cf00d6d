package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// webhookRow is one delivery attempt as the log shows it.
type webhookRow struct {
	At, Event, URL, Duration, Error string
	Job                             int64
	Attempt, Status                 int
	Failed                          bool
}

type webhookListData struct {
	Rows  []webhookRow
	Older string // the next page's URL, "" on the last
}

// handleWebhookList shows the webhook delivery log to the system
// administrator: every attempt, newest first, failures marked.
func (s *Server) handleWebhookList(w http.ResponseWriter, r *http.Request) {
	var before int64
	if v := r.URL.Query().Get("before"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 1 {
			s.renderError(w, r, &ipr.Error{Code: ipr.EINVALID, Message: "the page is not valid",
				Fields: map[string]string{"before": "must be a delivery number"}})
			return
		}
		before = n
	}
	list, err := s.svc.WebhookDeliveries(r.Context(), userFrom(r), before)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var data webhookListData
	for _, d := range list {
		data.Rows = append(data.Rows, webhookRow{At: d.AttemptedAt.UTC().Format("2006-01-02 15:04:05 UTC"), Event: d.Event,
			URL: d.URL, Duration: d.Duration.String(), Error: d.Error, Job: d.JobID, Attempt: d.Attempt,
			Status: d.StatusCode, Failed: d.Error != ""})
	}
	if len(list) == enforce.WebhookPage { // there may be older ones
		data.Older = "/admin/webhooks?before=" + strconv.FormatInt(list[len(list)-1].ID, 10)
	}
	s.render(w, r, http.StatusOK, "webhooks", s.newPage(r, "webhook.title", data))
}
