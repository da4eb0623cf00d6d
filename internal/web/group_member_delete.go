package web

import "net/http"

// handleGroupMemberDelete takes a right holder out of a group: the secretariat may.
func (s *Server) handleGroupMemberDelete(w http.ResponseWriter, r *http.Request) {
	id, err := holderPathID(r, "id")
	var holder int64
	if err == nil {
		holder, err = holderPathID(r, "holder")
	}
	if err == nil {
		err = s.svc.RemoveGroupMember(r.Context(), userFrom(r), id, holder)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, groupPath(id), http.StatusSeeOther)
}
