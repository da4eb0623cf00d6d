package ipr

import (
	"slices"
	"testing"
)

// articleColumns are the resources of each article cell, in order: a new
// article; drafts of the user's own customs office and of another; another
// office's published article; drafts of the user's own association and of
// another organisation of that kind; the own association's published article.
var articleColumns = []Resource{
	Anything,
	{Kind: string(OrgCustomsOffice), OrgID: ownOrg, State: string(ArticleDraft)},
	{Kind: string(OrgCustomsOffice), OrgID: otherOrg, State: string(ArticleDraft)},
	{Kind: string(OrgCustomsOffice), OrgID: otherOrg, State: string(ArticlePublished)},
	{Kind: string(OrgAssociation), OrgID: ownOrg, State: string(ArticleDraft)},
	{Kind: string(OrgAssociation), OrgID: otherOrg, State: string(ArticleDraft)},
	{Kind: string(OrgAssociation), OrgID: ownOrg, State: string(ArticlePublished)},
}

// questionColumns: anything; questions of the user's own organisation, of the
// agent's client and of another holder; another holder's question shared with all.
var questionColumns = []Resource{
	Anything,
	{Kind: "question", OrgID: ownOrg},
	{Kind: "question", OrgID: clientOrg},
	{Kind: "question", OrgID: otherOrg},
	{Kind: "question", OrgID: otherOrg, State: QuestionShared},
}

// publicityColumns gives each action its columns; practice notes use the
// foundation's (anything, own, client, other organisation).
func publicityColumns(a Action) []Resource {
	switch a {
	case ActionWriteArticle, ActionPublishArticle, ActionViewArticle:
		return articleColumns
	case ActionAskQuestion, ActionViewQuestion, ActionAnswerQuestion:
		return questionColumns
	}
	cols := make([]Resource, len(matrixResources))
	for i, r := range matrixResources {
		cols[i] = r.res
	}
	return cols
}

var publicityActions = []Action{ActionWriteArticle, ActionPublishArticle, ActionViewArticle,
	ActionViewPractice, ActionWritePractice, ActionAskQuestion, ActionViewQuestion, ActionAnswerQuestion}

func publicityRow(cells ...string) map[Action]string {
	if len(cells) != len(publicityActions) {
		panic("publicityRow: one cell per publicity action")
	}
	row := map[Action]string{}
	for i, c := range cells {
		row[publicityActions[i]] = c
	}
	return row
}

// publicityMatrix is written out by hand. Columns: write, publish, view article
// (7 each); view, write practice (4 each); ask, view, answer question (5 each).
var publicityMatrix = []matrixRow{
	{"public", nil, publicityRow("nnnnnnn", "nnnnnnn", "nnnnnnn", "nnnn", "nnnn", "nnnnn", "nnnnn", "nnnnn")},
	{"disabled customs_supervisor", &User{ID: 2, Role: RoleCustomsSupervisor, OrgID: ownOrg, Disabled: true},
		publicityRow("nnnnnnn", "nnnnnnn", "nnnnnnn", "nnnn", "nnnn", "nnnnn", "nnnnn", "nnnnn")},
	{"command line", SystemUser(), publicityRow("nnnnnnn", "nnnnnnn", "nnnynny", "nnnn", "nnnn", "nnnnn", "nnnnn", "nnnnn")},
	{string(RoleCustomsOfficer), member(RoleCustomsOfficer),
		publicityRow("yyynnnn", "nnnnnnn", "yyyynny", "yyyy", "yynn", "nnnnn", "yyyyy", "yyyyy")},
	{string(RoleCustomsSupervisor), member(RoleCustomsSupervisor),
		publicityRow("yyynnnn", "nyyynnn", "yyyynny", "yyyy", "yynn", "nnnnn", "yyyyy", "yyyyy")},
	{string(RoleRightHolder), member(RoleRightHolder),
		publicityRow("nnnnnnn", "nnnnnnn", "nnnynny", "yyyy", "yynn", "nynnn", "nynny", "nnnnn")},
	{string(RoleAgent), member(RoleAgent),
		publicityRow("nnnnnnn", "nnnnnnn", "nnnynny", "yyyy", "yynn", "nnynn", "nyyny", "nnnnn")},
	{string(RolePolice), member(RolePolice),
		publicityRow("nnnnnnn", "nnnnnnn", "nnnynny", "nnnn", "nnnn", "nnnnn", "nnnnn", "nnnnn")},
	{string(RoleAssociationAdmin), member(RoleAssociationAdmin),
		publicityRow("ynnnynn", "nnnnyny", "ynnyyny", "yyyy", "yynn", "nnnnn", "nnnny", "nnnnn")},
	{string(RoleSystemAdmin), member(RoleSystemAdmin),
		publicityRow("nnnnnnn", "nnnnnnn", "nnnynny", "nnnn", "nnnn", "nnnnn", "nnnnn", "nnnnn")},
}

func init() { matrices["publicity"] = publicityMatrix }

func TestPublicityPermissionMatrix(t *testing.T) {
	for _, row := range publicityMatrix {
		for _, action := range publicityActions {
			cell, cols := row.want[action], publicityColumns(action)
			if len(cell) != len(cols) {
				t.Errorf("%s × %s: got %d letters, want %d", row.who, action, len(cell), len(cols))
				continue
			}
			for i, r := range cols {
				want := cell[i] == 'y'
				if got := Can(row.user, action, r); got != want {
					t.Errorf("Can(%s, %s, column %d): got %v, want %v", row.who, action, i, got, want)
				}
			}
		}
	}
}

func TestPublicityMatrixCoversEveryRole(t *testing.T) {
	for _, role := range Roles {
		if !slices.ContainsFunc(publicityMatrix, func(row matrixRow) bool { return row.user != nil && row.user.Role == role }) {
			t.Errorf("role %s has no row in publicityMatrix", role)
		}
	}
}

// The public reads published articles and nothing else.
func TestCanReadArticle(t *testing.T) {
	for i, r := range articleColumns {
		want := r.State == string(ArticlePublished)
		if got := CanReadArticle(nil, r); got != want {
			t.Errorf("CanReadArticle(public, column %d): got %v, want %v", i, got, want)
		}
	}
	if !CanReadArticle(member(RoleCustomsOfficer), articleColumns[2]) {
		t.Error("CanReadArticle(officer, another office's draft): got false, want true")
	}
	if CanReadArticle(member(RoleRightHolder), articleColumns[4]) {
		t.Error("CanReadArticle(right holder, the association's draft): got true, want false")
	}
}
