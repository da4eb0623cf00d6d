package ipr

// The exhibition and model cases. The public reads them through ActionViewPublic,
// the one action a nil user has, and the services give it only approved exhibits
// and published model cases. These actions are about the working copies.
const (
	ActionViewExhibit      Action = "exhibit.view"      // an exhibit's working copy: the holder's, customs' once submitted
	ActionEditExhibit      Action = "exhibit.edit"      // create, change and submit one's own exhibits
	ActionReviewExhibit    Action = "exhibit.review"    // approve or reject submitted exhibits
	ActionPublishModelCase Action = "modelcase.publish" // publish a closed case as an anonymised model case, or withdraw it
)

func init() {
	Actions = append(Actions, ActionViewExhibit, ActionEditExhibit, ActionReviewExhibit, ActionPublishModelCase)
	rules[ActionViewExhibit] = func(u *User, r Resource) bool {
		switch {
		case holderSide(u) && actsFor(u, r.OrgID):
			return true
		case u.Role.IsCustoms():
			return r.State != string(ExhibitDraft) && r.State != ""
		}
		return r.State == string(ExhibitApproved) // as anyone may see it in the exhibition
	}
	rules[ActionEditExhibit] = ownerOnly
	rules[ActionReviewExhibit] = roles(RoleCustomsOfficer, RoleCustomsSupervisor)
	rules[ActionPublishModelCase] = roles(RoleCustomsSupervisor)
}
