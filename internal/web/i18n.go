package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"

	"golang.org/x/text/language"
)

//go:embed messages/*.json
var messageFiles embed.FS

// Languages are the interface languages, the first being the default.
var Languages = []string{"en", "zh"}

var languageMatcher = language.NewMatcher([]language.Tag{language.English, language.Chinese})

// Catalog holds one language's messages. Templates call {{.L.T "key"}}.
type Catalog struct {
	Lang     string
	messages map[string]string
}

// T returns the message for key, formatted with args; a missing key shows itself so it is noticed.
func (c *Catalog) T(key string, args ...any) string {
	msg, ok := c.messages[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(msg, args...)
	}
	return msg
}

// Catalogs are every language's messages, loaded once at start.
type Catalogs map[string]*Catalog

// LoadCatalogs reads the embedded message catalogues: one file per area and
// language, messages/<area>.<lang>.json, merged. A key defined twice is an error.
func LoadCatalogs() (Catalogs, error) {
	cats := Catalogs{}
	for _, lang := range Languages {
		names, err := fs.Glob(messageFiles, "messages/*."+lang+".json")
		if err != nil || len(names) == 0 {
			return nil, fmt.Errorf("no message files for %s", lang)
		}
		c := &Catalog{Lang: lang, messages: map[string]string{}}
		for _, name := range names {
			if err := c.load(name); err != nil {
				return nil, err
			}
		}
		cats[lang] = c
	}
	return cats, nil
}

func (c *Catalog) load(name string) error {
	b, err := messageFiles.ReadFile(name)
	if err != nil {
		return err
	}
	var area map[string]string
	if err := json.Unmarshal(b, &area); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for k, v := range area {
		if _, dup := c.messages[k]; dup {
			return fmt.Errorf("%s: key %q is already defined in another message file", name, k)
		}
		c.messages[k] = v
	}
	return nil
}

// Keys returns the message keys of a language, for the completeness test.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.messages))
	for k := range c.messages {
		keys = append(keys, k)
	}
	return keys
}

func validLang(s string) bool { return s == "en" || s == "zh" }

const langCookie = "bm_lang"

// chooseLang picks the language: ?lang= first, then the remembered cookie, then
// the signed-in user's preference, then the browser's Accept-Language.
func chooseLang(r *http.Request, userLang string) (lang string, fromQuery bool) {
	if q := r.URL.Query().Get("lang"); validLang(q) {
		return q, true
	}
	if c, err := r.Cookie(langCookie); err == nil && validLang(c.Value) {
		return c.Value, false
	}
	if validLang(userLang) {
		return userLang, false
	}
	tags, _, _ := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	_, i, _ := languageMatcher.Match(tags...)
	return Languages[i], false
}
