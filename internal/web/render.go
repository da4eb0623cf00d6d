package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

//go:embed templates
var templateFS embed.FS

// pages are the parsed templates: each page is the layout plus its own file.
type pages struct{ byName map[string]*template.Template }

func parsePages(static *staticFiles) (*pages, error) {
	funcs := template.FuncMap{
		"static": static.URL,
		"add":    func(a, b int) int { return a + b },
		// pageArgs gives the "pages" partial the page's catalogue and the list.
		"pageArgs": func(p *page, list any) map[string]any { return map[string]any{"L": p.L, "List": list} },
		"time":     func(t interface{ Format(string) string }) string { return t.Format("2006-01-02 15:04:05") },
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		p.byName[base] = t
	}
	return p, nil
}

// navItem is one link of the navigation, shown only to roles allowed to use it.
type navItem struct {
	Key     string
	Path    string
	Current bool
	Count   int64 // shown next to the link when not 0, e.g. unread notifications
}

// page is what every template gets.
type page struct {
	TitleKey  string
	L         *Catalog
	User      *ipr.User
	Nav       []navItem
	URL       *url.URL
	Error     string
	Fields    map[string]string
	RequestID string
	Version   string
	Data      any
}

// LangURL is the current page in another language. It uses the escaped path: the
// decoded one of a request for /%2Fevil.example would make the link //evil.example, another site.
func (p *page) LangURL(lang string) string {
	q := p.URL.Query()
	q.Set("lang", lang)
	path := p.URL.EscapedPath()
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") {
		path = "/"
	}
	return path + "?" + q.Encode()
}

// RoleName is the user's role in the page language.
func (p *page) RoleName() string { return p.L.T("role." + string(p.User.Role)) }

func (s *Server) newPage(r *http.Request, titleKey string, data any) *page {
	user := userFrom(r)
	nav := navFor(user, r.URL.Path)
	s.countNotifications(r, nav)
	return &page{TitleKey: titleKey, L: s.catalogs[langFrom(r)], User: user, Nav: nav,
		URL: r.URL, RequestID: enforce.RequestID(r.Context()), Version: s.version, Data: data}
}

func navFor(user *ipr.User, current string) []navItem {
	if user == nil {
		return []navItem{{Key: "nav.home", Path: "/", Current: current == "/"}}
	}
	items := []navItem{{Key: "nav.dashboard", Path: "/"}}
	if ipr.Can(user, ipr.ActionViewOrg, ipr.OrgResource("org", user.OrgID)) {
		items = append(items, navItem{Key: "nav.orgs", Path: "/orgs"})
	}
	if ipr.Can(user, ipr.ActionViewAudit, ipr.OrgResource("audit", user.OrgID)) {
		items = append(items, navItem{Key: "nav.audit", Path: "/audit"})
	}
	if ipr.Can(user, ipr.ActionManageTokens, ipr.Anything) {
		items = append(items, navItem{Key: "nav.webhooks", Path: "/admin/webhooks"})
	}
	items = append(items, rightsNav(user)...)
	items = append(items, statsNav(user)...)
	if ipr.Can(user, ipr.ActionViewDeclaration, ipr.Anything) {
		items = append(items, navItem{Key: "nav.screening", Path: "/screening"})
	}
	if ipr.Can(user, ipr.ActionViewRule, ipr.Anything) {
		items = append(items, navItem{Key: "nav.rules", Path: "/rules"})
	}
	if ipr.Can(user, ipr.ActionViewPublicTips, ipr.Anything) {
		items = append(items, navItem{Key: "publictip.nav_triage", Path: "/triage"})
	}
	if mayUseTips(user) {
		items = append(items, navItem{Key: "nav.tips", Path: "/tips"})
	}
	if user.Role.IsCustoms() || user.Role == ipr.RolePolice {
		items = append(items, navItem{Key: "nav.transfers", Path: "/transfers"})
	}
	if ipr.Can(user, ipr.ActionViewInfringer, ipr.OrgResource("infringer", user.OrgID)) {
		items = append(items, navItem{Key: "nav.infringers", Path: "/infringers"})
	}
	if ipr.Can(user, ipr.ActionViewContact, ipr.OrgResource("contact", user.OrgID)) {
		items = append(items, navItem{Key: "nav.contacts", Path: "/contacts"})
	}
	if ipr.Can(user, ipr.ActionViewWorkingGroup, ipr.Anything) {
		items = append(items, navItem{Key: "nav.groups", Path: "/groups"})
	}
	for i := range items {
		items[i].Current = items[i].Path == current
	}
	return items
}

// render writes a page with a status, buffering so a template error becomes a clean 500.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	t, ok := s.pages.byName[name]
	if !ok {
		s.renderError(w, r, ipr.Internal(fmt.Errorf("no template %q", name)))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("render", "template", name, "request_id", p.RequestID, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	buf.WriteTo(w)
}

// renderError shows the error page for err: the user sees its message, internal details are only logged.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status := ipr.HTTPStatus(err)
	if status == http.StatusUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	if ipr.ErrorCode(err) == ipr.EINTERNAL {
		s.log.Error("internal error", "request_id", enforce.RequestID(r.Context()), "path", r.URL.Path, "err", err)
	}
	p := s.newPage(r, "error.title", status)
	p.Error = ipr.ErrorMessage(err)
	s.render(w, r, status, "error", p)
}

// renderStatus shows the error page with a catalogue message instead of an error.
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int, key string) {
	p := s.newPage(r, "error.title", status)
	p.Error = p.L.T(key)
	s.render(w, r, status, "error", p)
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.renderStatus(w, r, http.StatusNotFound, "error.not_found")
}
