package web

import (
	"net/http"
	"strconv"

	"bordermark/internal/ipr"
)

// identificationPath is the holder's batch answer screen of a request.
func identificationPath(requestID int64) string {
	return "/identifications/" + strconv.FormatInt(requestID, 10)
}

// handleIdentificationRequest asks the case's holder to identify its items:
// all of them, or those ticked.
func (s *Server) handleIdentificationRequest(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	var items []int64
	if r.PostFormValue("all") != "" {
		d, err := s.svc.CaseDetail(r.Context(), user, id)
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		for _, it := range d.Items {
			items = append(items, it.ID)
		}
	} else {
		for _, v := range r.PostForm["item"] {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				s.renderError(w, r, ipr.Errorf(ipr.EINVALID, "the form could not be read"))
				return
			}
			items = append(items, n)
		}
	}
	_, err = s.svc.RequestIdentification(r.Context(), user, id, items, r.PostFormValue("note"))
	s.afterCaseForm(w, r, id, &caseForm{event: "identification"}, err, "identification")
}
