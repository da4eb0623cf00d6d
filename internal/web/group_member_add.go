package web

import (
	"net/http"
	"strconv"
	"strings"
)

// handleGroupMemberAdd makes a right holder a member of a group: the secretariat may.
func (s *Server) handleGroupMemberAdd(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	if err == nil {
		err = parseHolderForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	holder, _ := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("holder")), 10, 64) // 0 is refused as "choose a right holder"
	if err := s.svc.AddGroupMember(r.Context(), userFrom(r), id, holder); err != nil {
		s.renderGroup(w, r, id, nil, err)
		return
	}
	http.Redirect(w, r, groupPath(id), http.StatusSeeOther)
}

func groupPath(id int64) string { return "/groups/" + strconv.FormatInt(id, 10) }
