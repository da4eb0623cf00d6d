package ipr

// Actions on publicity: news articles, best-practice notes and members' questions.
const (
	ActionWriteArticle   Action = "article.write"   // write or change a draft: the association and customs
	ActionPublishArticle Action = "article.publish" // publish or withdraw: the association's admin, a customs supervisor
	ActionViewArticle    Action = "article.view"    // a published article, or a draft at the desk that may write it
	ActionViewPractice   Action = "practice.view"   // best-practice notes: customs and members
	ActionWritePractice  Action = "practice.write"  // write a note, or change one of one's organisation
	ActionAskQuestion    Action = "question.ask"    // ask customs: a right holder or its agent
	ActionViewQuestion   Action = "question.view"   // customs, the asker, and every member when shared
	ActionAnswerQuestion Action = "question.answer" // answer, and share with all members: customs
)

func init() {
	Actions = append(Actions, ActionWriteArticle, ActionPublishArticle, ActionViewArticle,
		ActionViewPractice, ActionWritePractice, ActionAskQuestion, ActionViewQuestion, ActionAnswerQuestion)
	// For an article, Kind is the kind of its organisation, OrgID the organisation
	// and State its status; Anything is a new article.
	rules[ActionWriteArticle] = func(u *User, r Resource) bool {
		return articleDesk(u, r) && (r.State == "" || r.State == string(ArticleDraft))
	}
	rules[ActionPublishArticle] = func(u *User, r Resource) bool {
		switch u.Role {
		case RoleAssociationAdmin:
			return r.Kind == string(OrgAssociation) && r.OrgID == u.OrgID
		case RoleCustomsSupervisor:
			return r.Kind == string(OrgCustomsOffice)
		}
		return false
	}
	rules[ActionViewArticle] = func(u *User, r Resource) bool {
		return r.State == string(ArticlePublished) || articleDesk(u, r)
	}
	rules[ActionViewPractice] = exchangeMember
	rules[ActionWritePractice] = func(u *User, r Resource) bool {
		return exchangeMember(u, r) && (r.OrgID == 0 || r.OrgID == u.OrgID)
	}
	// For a question, OrgID is the organisation it is asked for and State
	// QuestionShared once customs share it.
	// A holder asks for itself; an agent for one of its clients, so that the
	// holder sees the question and the notice of its answer reaches both.
	rules[ActionAskQuestion] = func(u *User, r Resource) bool {
		return (u.Role == RoleRightHolder && actsFor(u, r.OrgID)) ||
			(u.Role == RoleAgent && r.OrgID != u.OrgID && actsFor(u, r.OrgID))
	}
	rules[ActionViewQuestion] = func(u *User, r Resource) bool {
		return u.Role.IsCustoms() || ownerOnly(u, r) ||
			(r.State == QuestionShared && (holderSide(u) || u.Role == RoleAssociationAdmin))
	}
	rules[ActionAnswerQuestion] = roles(RoleCustomsOfficer, RoleCustomsSupervisor)
}

// articleDesk reports whether u writes for the article's side: the association's
// admin for its own association's articles, customs officers for any customs
// office's (one district writes together). Anything is a new article.
func articleDesk(u *User, r Resource) bool {
	switch u.Role {
	case RoleAssociationAdmin:
		return (r.OrgID == 0 && r.Kind == "") || (r.Kind == string(OrgAssociation) && r.OrgID == u.OrgID)
	case RoleCustomsOfficer, RoleCustomsSupervisor:
		return (r.OrgID == 0 && r.Kind == "") || r.Kind == string(OrgCustomsOffice)
	}
	return false
}

// exchangeMember reports whether u takes part in the exchange between customs and
// brand owners: customs, right holders, agents and the association.
func exchangeMember(u *User, _ Resource) bool {
	return u.Role.IsCustoms() || holderSide(u) || u.Role == RoleAssociationAdmin
}

// CanReadArticle reports whether user (nil for the public) may read an article
// with resource r: anyone a published one, through ActionViewPublic; a draft
// only its desk, through ActionViewArticle.
func CanReadArticle(user *User, r Resource) bool {
	if r.State == string(ArticlePublished) && Can(user, ActionViewPublic, r) {
		return true
	}
	return Can(user, ActionViewArticle, r)
}
