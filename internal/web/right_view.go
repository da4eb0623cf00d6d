package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"

	"bordermark/internal/ipr"
)

// alertDays is how close to its end an approved recordation is shown in red.
const alertDays = 30

// rightView is a recordation as the pages show it.
type rightView struct {
	*ipr.Right
	Display  string // status to show: draft, submitted, approved, rejected or expired
	Variants []variantText
	Overdue  bool // submitted, and customs' decision is past due
	Ending   bool // approved and in force, ending within alertDays
}

// variantText is a variant of a mark; Chinese ones are tagged so that browsers pick a Chinese font.
type variantText struct {
	Text string
	ZH   bool
}

func newRightView(r *ipr.Right, today ipr.Date) rightView {
	v := rightView{Right: r, Display: r.DisplayStatus(today)}
	for _, t := range r.Variants {
		v.Variants = append(v.Variants, variantText{Text: t, ZH: hasHan(t)})
	}
	v.Overdue = r.Status == ipr.StatusSubmitted && !r.DecisionDue.IsZero() && today.After(r.DecisionDue)
	v.Ending = r.Protecting(today) && !r.RecordTo.After(today.AddDate(0, 0, alertDays))
	return v
}

func rightViews(rights []*ipr.Right, today ipr.Date) []rightView {
	views := make([]rightView, len(rights))
	for i, r := range rights {
		views[i] = newRightView(r, today)
	}
	return views
}

// Alert reports whether the row needs attention and is shown in red.
func (v rightView) Alert() bool { return v.Overdue || v.Ending }

// Classes are the Nice classes as "18 25".
func (v rightView) Classes() string {
	parts := make([]string, len(v.NiceClasses))
	for i, c := range v.NiceClasses {
		parts[i] = strconv.Itoa(c)
	}
	return strings.Join(parts, " ")
}

// StatusKey and KindKey name the status and the kind in the message catalogues.
func (v rightView) StatusKey() string { return "right.status." + v.Display }
func (v rightView) KindKey() string   { return "right.kind." + string(v.Kind) }

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// today is the current day, for statuses and alerts.
func (s *Server) today() ipr.Date { return ipr.DateOf(s.svc.Clock.Now(), time.UTC) }

// pathID reads a numeric id from the path; anything else is a page that does not exist.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, &ipr.Error{Code: ipr.ENOTFOUND, Message: "not found"}
	}
	return id, nil
}

// fieldErrors shows the problem of each form field in the page language. The problems
// come from the domain in English; in Chinese a translated hint goes first.
type fieldErrors struct {
	L      *Catalog
	Fields map[string]string
}

// For is the problem of field name, or "".
func (f fieldErrors) For(name string) string {
	msg := f.Fields[name]
	if msg == "" || f.L == nil || f.L.Lang == "en" {
		return msg
	}
	key := "right.problem." + name
	if hint := f.L.T(key); hint != key {
		return hint + "（" + msg + "）"
	}
	return msg
}

// Has reports whether field name has a problem, for aria-invalid.
func (f fieldErrors) Has(name string) bool { return f.Fields[name] != "" }

// formValue returns a trimmed form value.
func formValue(r *http.Request, name string) string { return strings.TrimSpace(r.PostFormValue(name)) }

// readForm parses a posted form of reasonable size.
func readForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		return ipr.Errorf(ipr.EINVALID, "the form could not be read")
	}
	return nil
}

// rightsNav are the register's navigation entries for user.
func rightsNav(user *ipr.User) []navItem {
	var items []navItem
	if ipr.Can(user, ipr.ActionViewRight, ipr.Resource{Kind: "right", State: string(ipr.StatusApproved)}) {
		items = append(items, navItem{Key: "nav.rights", Path: "/rights"})
	}
	if holderSide(user) {
		items = append(items, navItem{Key: "nav.portfolio", Path: "/portfolio"})
	}
	if user != nil && (holderSide(user) || ipr.Can(user, ipr.ActionReadNotices, ipr.OrgResource("notification", user.OrgID))) {
		items = append(items, navItem{Key: "nav.notifications", Path: "/notifications"})
	}
	if ipr.Can(user, ipr.ActionReviewRight, ipr.Anything) {
		items = append(items, navItem{Key: "nav.review", Path: "/review"})
	}
	return items
}

func holderSide(u *ipr.User) bool {
	return u != nil && (u.Role == ipr.RoleRightHolder || u.Role == ipr.RoleAgent)
}
