package web_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/web"
)

// Markers of each language on the public home page.
const (
	enHome = `<html lang="en">`
	zhHome = `<html lang="zh-CN">`
	enHead = "Customs and right holders, together at the border"
	zhHead = "海关与权利人携手守护国门"
)

func wantLang(t *testing.T, what string, r reply, lang string) {
	t.Helper()
	html, heading := enHome, enHead
	if lang == "zh" {
		html, heading = zhHome, zhHead
	}
	if !strings.Contains(r.body, html) || !strings.Contains(r.body, heading) {
		t.Errorf("%s: got a page without %s and %q, want it in %s", what, html, heading, lang)
	}
}

func TestLanguageChoice(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		name string
		path string
		hdr  []string
		want string
	}{
		{"default", "/", nil, "en"},
		{"query zh", "/?lang=zh", nil, "zh"},
		{"query en beats browser", "/?lang=en", []string{"Accept-Language", "zh-CN"}, "en"},
		{"unknown query ignored", "/?lang=fr", nil, "en"},
		{"browser zh-CN", "/", []string{"Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"}, "zh"},
		{"browser zh-TW", "/", []string{"Accept-Language", "zh-TW"}, "zh"},
		{"browser en-GB", "/", []string{"Accept-Language", "en-GB,en;q=0.9"}, "en"},
		{"browser fr falls back", "/", []string{"Accept-Language", "fr-FR"}, "en"},
		{"cookie beats browser", "/", []string{"Accept-Language", "zh-CN", "Cookie", "bm_lang=en"}, "en"},
		{"bad cookie ignored", "/", []string{"Accept-Language", "zh-CN", "Cookie", "bm_lang=xx"}, "zh"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := w.get(t, w.client(t), tc.path, tc.hdr...)
			if r.status != http.StatusOK {
				t.Fatalf("GET %s: got status %d, want 200", tc.path, r.status)
			}
			wantLang(t, "GET "+tc.path, r, tc.want)
		})
	}
}

// A choice made with ?lang= is kept in a cookie, so the next page without it stays in that language.
func TestLanguageRemembered(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	r := w.get(t, c, "/?lang=zh")
	wantLang(t, "GET /?lang=zh", r, "zh")
	if !strings.Contains(r.body, ">首页<") || !strings.Contains(r.body, ">登录<") {
		t.Errorf("GET /?lang=zh: got no Chinese navigation (首页, 登录)")
	}
	ck := r.cookie("bm_lang")
	if ck == nil || ck.Value != "zh" || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.MaxAge <= 0 {
		t.Fatalf("GET /?lang=zh: got cookie %v, want a lasting bm_lang=zh, HttpOnly, SameSite=Lax", ck)
	}
	wantLang(t, "next GET /", w.get(t, c, "/"), "zh")
	if r := w.get(t, c, "/login"); !strings.Contains(r.body, zhHome) || !strings.Contains(r.body, "电子邮箱") {
		t.Errorf("GET /login after choosing zh: got the form not in Chinese")
	}
	wantLang(t, "GET /?lang=en", w.get(t, c, "/?lang=en"), "en")
	wantLang(t, "GET / after switching back", w.get(t, c, "/"), "en")
}

// A signed-in user's choice is stored with the account, so it follows them to another browser.
func TestLanguageOfUser(t *testing.T) {
	w := newSQLiteWorld(t)
	first := w.signIn(t, officer)
	if r := w.get(t, first, "/"); !strings.Contains(r.body, "Welcome, Chen Jie") {
		t.Fatalf("dashboard before choosing: got no %q", "Welcome, Chen Jie")
	}
	w.get(t, first, "/?lang=zh")

	other := w.signIn(t, officer) // a fresh cookie jar: no bm_lang cookie
	r := w.get(t, other, "/")
	for _, want := range []string{zhHome, "欢迎，Chen Jie", ">工作台<", "海关关员"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("dashboard in another browser: got no %q, want the remembered Chinese", want)
		}
	}

	// The demo's postal officer has chosen Chinese already.
	r = w.get(t, w.signIn(t, "officer@postal.customs.example"), "/")
	if !strings.Contains(r.body, zhHome) || !strings.Contains(r.body, "欢迎，Zhou Min") {
		t.Errorf("dashboard of a user whose language is zh: got it not in Chinese")
	}
}

// The language link keeps the rest of the query, so switching does not lose a filter.
func TestLanguageLinkKeepsQuery(t *testing.T) {
	w := newSQLiteWorld(t)
	r := w.get(t, w.signIn(t, supervisor), "/audit?action=user.login")
	if want := `href="/audit?action=user.login&amp;lang=zh"`; !strings.Contains(r.body, want) {
		t.Errorf("audit page: got no language link %s", want)
	}
}

// Every message exists in both languages, is not empty, and every key a template names exists.
func TestCatalogsComplete(t *testing.T) {
	cats, err := web.LoadCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	en, zh := cats["en"], cats["zh"]
	if en == nil || zh == nil {
		t.Fatalf("LoadCatalogs: got languages %v, want en and zh", keysOf(cats))
	}
	for _, pair := range [][2]*web.Catalog{{en, zh}, {zh, en}} {
		have, other := pair[0], pair[1]
		for _, k := range have.Keys() {
			if !slices.Contains(other.Keys(), k) {
				t.Errorf("key %q: in messages/%s.json, missing from messages/%s.json", k, have.Lang, other.Lang)
			}
			if strings.TrimSpace(have.T(k)) == "" {
				t.Errorf("key %q: empty in messages/%s.json", k, have.Lang)
			}
		}
	}
	// Same number of %d/%s verbs, or one language shows %!d(MISSING) or %!(EXTRA …).
	verbs := regexp.MustCompile(`%[ds]`)
	for _, k := range en.Keys() {
		if a, b := verbs.FindAllString(en.T(k), -1), verbs.FindAllString(zh.T(k), -1); !slices.Equal(a, b) {
			t.Errorf("key %q: got verbs %v in en, %v in zh, want the same", k, a, b)
		}
	}

	used := templateKeys(t)
	if len(used) < 20 {
		t.Fatalf("templates: got %d literal keys, want the scan to find at least 20", len(used))
	}
	for _, k := range used {
		for _, c := range []*web.Catalog{en, zh} {
			if !slices.Contains(c.Keys(), k) {
				t.Errorf("key %q: used in a template, missing from messages/%s.json", k, c.Lang)
			}
		}
	}
}

// templateKeys returns the literal keys templates pass to T.
func templateKeys(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: got %v, %v", files, err)
	}
	re := regexp.MustCompile(`\.L\.T "([^"]+)"`)
	var keys []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if !slices.Contains(keys, m[1]) {
				keys = append(keys, m[1])
			}
		}
	}
	return keys
}

func keysOf(m web.Catalogs) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
