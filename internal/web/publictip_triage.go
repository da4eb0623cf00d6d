package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

const publicTipPageSize = 50

type publicTipQueueData struct {
	Tips     []*ipr.PublicTip
	Total    int64
	Query    url.Values
	Statuses []ipr.PublicTipStatus
	PageNo   int
	Pages    int
}

// PageURL is the current filter at another page number.
func (d *publicTipQueueData) PageURL(n int) string {
	q := url.Values{}
	for _, k := range []string{"status", "q"} {
		if v := d.Query.Get(k); v != "" {
			q.Set(k, v)
		}
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return "/triage"
	}
	return "/triage?" + q.Encode()
}

// handleTriageList is customs' queue of tips from the public, oldest first.
func (s *Server) handleTriageList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	data := &publicTipQueueData{Query: q, Statuses: ipr.PublicTipStatuses, PageNo: 1}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 && n < 100000 {
		data.PageNo = n
	}
	f := ipr.PublicTipFilter{Search: q.Get("q"), Limit: publicTipPageSize, Offset: (data.PageNo - 1) * publicTipPageSize}
	if st := q.Get("status"); st != "" {
		status, err := ipr.ParsePublicTipStatus(st)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		f.Status = status
	}
	tips, total, err := s.svc.PublicTips(r.Context(), userFrom(r), f)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Tips, data.Total = tips, total
	data.Pages = max(1, int((total+publicTipPageSize-1)/publicTipPageSize))
	s.render(w, r, http.StatusOK, "publictip_triage", s.newPage(r, "publictip.triage_title", data))
}

type publicTipShowData struct {
	Tip  *ipr.PublicTip
	Errs publicTipErrors
}

// handleTriageShow shows one tip with its photos and the triage form.
func (s *Server) handleTriageShow(w http.ResponseWriter, r *http.Request) {
	s.showPublicTip(w, r, http.StatusOK, nil)
}

func (s *Server) showPublicTip(w http.ResponseWriter, r *http.Request, status int, problem error) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	t, err := s.svc.PublicTip(r.Context(), userFrom(r), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "publictip.tip_title", nil)
	data := &publicTipShowData{Tip: t, Errs: s.newPublicTipErrors(p.L.Lang)}
	if problem != nil {
		p.Error = ipr.ErrorMessage(problem)
		p.Fields = ipr.ErrorFields(problem)
		data.Errs.Fields = p.Fields
	}
	p.Data = data
	s.render(w, r, status, "publictip_show", p)
}

// handleTriageDecide marks a tip triaged, forwarded or dismissed with a reason.
func (s *Server) handleTriageDecide(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err == nil {
		err = s.svc.TriagePublicTip(r.Context(), userFrom(r), id, formValue(r, "status"), formValue(r, "reason"))
	}
	switch ipr.ErrorCode(err) {
	case "":
		http.Redirect(w, r, "/triage/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	case ipr.EINVALID, ipr.ECONFLICT:
		s.showPublicTip(w, r, ipr.HTTPStatus(err), err)
	default:
		s.renderError(w, r, err)
	}
}

// handleTriagePhoto serves a tip's photo, or its thumbnail, to customs only.
func (s *Server) handleTriagePhoto(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	thumb := strings.HasSuffix(r.URL.Path, "/thumb")
	photo, body, err := s.svc.OpenPublicTipPhoto(r.Context(), userFrom(r), id, r.PathValue("sha"), thumb)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer body.Close()
	f := &ipr.File{SHA256: photo.SHA256, ContentType: photo.ContentType, Name: photo.Name}
	sendFile(w, r, f, body, thumb, "private, no-cache")
}
