package web

import (
	"embed"
	"encoding/json"
	"fmt"
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

// LoadCatalogs reads the embedded message catalogues.
func LoadCatalogs() (Catalogs, error) {
	cats := Catalogs{}
	for _, lang := range Languages {
		b, err := messageFiles.ReadFile("messages/" + lang + ".json")
		if err != nil {
			return nil, err
		}
		c := &Catalog{Lang: lang}
		if err := json.Unmarshal(b, &c.messages); err != nil {
			return nil, fmt.Errorf("messages/%s.json: %w", lang, err)
		}
		cats[lang] = c
	}
	return cats, nil
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
