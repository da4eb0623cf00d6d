package api

import (
	"net/http"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// groupJSON is a working group in the list (schema Group).
type groupJSON struct {
	ID            int64   `json:"id"`
	AssociationID int64   `json:"association_id"`
	Name          string  `json:"name"`
	NameZH        string  `json:"name_zh"`
	MemberIDs     []int64 `json:"member_ids"`
}

func newGroupJSON(g *ipr.WorkingGroup) groupJSON {
	return groupJSON{ID: g.ID, AssociationID: g.OrgID, Name: g.Name, NameZH: g.NameZH, MemberIDs: orEmpty(g.Members)}
}

type groupListJSON struct {
	Groups []groupJSON `json:"groups"`
}

// groupDetailJSON is a group's page (schema GroupDetail).
type groupDetailJSON struct {
	groupJSON
	Association *orgJSON          `json:"association,omitempty"`
	Problems    string            `json:"problems"`
	Members     []groupMemberJSON `json:"members"`
	CanEdit     bool              `json:"can_edit"`
	CanManage   bool              `json:"can_manage"`
}

// groupMemberJSON is a member right holder with its brands: the marks of its approved rights.
type groupMemberJSON struct {
	orgJSON
	Brands []string `json:"brands"`
}

func newGroupDetailJSON(d *enforce.GroupDetail) groupDetailJSON {
	out := groupDetailJSON{groupJSON: newGroupJSON(d.WorkingGroup), Problems: d.Problems,
		Members: make([]groupMemberJSON, len(d.Members)), CanEdit: d.CanEdit, CanManage: d.CanManage}
	if d.Association != nil {
		org := newOrgJSON(d.Association)
		out.Association = &org
	}
	for i, m := range d.Members {
		out.Members[i] = groupMemberJSON{orgJSON: newOrgJSON(m.Org), Brands: orEmpty(m.Brands)}
	}
	return out
}

// problemsInput is the body of PUT /groups/{id}/problems (schema GroupProblems).
// A pointer, so that a body without the field is refused rather than clearing the text.
type problemsInput struct {
	Problems *string `json:"problems"`
}

// handleGroupList is every working group, by name.
func (a *API) handleGroupList(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.ListWorkingGroups(r.Context(), userFrom(r))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := groupListJSON{Groups: make([]groupJSON, len(list))}
	for i, g := range list {
		out.Groups[i] = newGroupJSON(g)
	}
	writeJSON(w, http.StatusOK, out)
}

// handleGroupShow is a group with its members, their brands and the common problems.
func (a *API) handleGroupShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeGroup(w, r, id)
}

// handleGroupProblems replaces the common problems: the group's members and the
// association's secretariat may.
func (a *API) handleGroupProblems(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in problemsInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	if in.Problems == nil {
		a.fail(w, r, invalidBody("problems", `is required: the whole text ("" clears it)`))
		return
	}
	if err := a.svc.SetGroupProblems(r.Context(), userFrom(r), id, *in.Problems); err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeGroup(w, r, id)
}

func (a *API) writeGroup(w http.ResponseWriter, r *http.Request, id int64) {
	d, err := a.svc.WorkingGroup(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newGroupDetailJSON(d))
}
