package ipr

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ArticleStatus is where a news article stands: written, or out for the public.
type ArticleStatus string

const (
	ArticleDraft     ArticleStatus = "draft"
	ArticlePublished ArticleStatus = "published"
)

// ArticleLangs are the languages articles are written in.
var ArticleLangs = []string{"en", "zh"}

// Article is a piece of news by the association or customs, in one language.
// Articles that translate each other share a GroupID, one per language.
type Article struct {
	ID      int64
	GroupID int64
	Lang    string // "en" or "zh"
	Title   string
	Body    string // Markdown; pages render it through the sanitiser
	Tags    []string
	Images  []string // SHA-256 of uploaded pictures, in order

	Status      ArticleStatus
	OrgID       int64 // the association or customs office that wrote it
	OrgName     string
	OrgKind     OrgKind
	CreatedBy   int64
	CreatedAt   time.Time
	UpdatedAt   time.Time
	PublishedBy int64
	PublishedAt time.Time

	Translations []ArticleRef // the other languages of its group, loaded with it
}

// ArticleRef names another language's version of an article.
type ArticleRef struct {
	ID     int64
	Lang   string
	Title  string
	Status ArticleStatus
}

// Date is the article's date: when it was published, or written for a draft.
func (a *Article) Date() time.Time {
	if !a.PublishedAt.IsZero() {
		return a.PublishedAt
	}
	return a.CreatedAt
}

// Resource is the article as permissions see it: its organisation's kind, the organisation and its status.
func (a *Article) Resource() Resource {
	return Resource{Kind: string(a.OrgKind), OrgID: a.OrgID, State: string(a.Status)}
}

// TagCount is a tag and how many published articles carry it.
type TagCount struct {
	Tag   string
	Count int64
}

// ArticleFilter selects a page of articles, newest first. Published limits the
// list to published articles; OrgKind to articles of that kind of organisation.
type ArticleFilter struct {
	Lang      string
	Tag       string
	Published bool
	OrgKind   OrgKind
	Limit     int
	Offset    int
}

// MaxArticleBody is the longest body accepted, in bytes.
const MaxArticleBody = 100_000

// Validate trims an article and checks it before it is stored. Problems name the field.
func (a *Article) Validate() error {
	p := Problems{}
	a.Title, a.Body, a.Lang = strings.TrimSpace(a.Title), strings.TrimSpace(a.Body), strings.TrimSpace(a.Lang)
	checkText(p, "title", a.Title, 200, true)
	checkText(p, "body", a.Body, MaxArticleBody, true)
	if !oneOf(a.Lang, ArticleLangs...) {
		p.Add("lang", "must be en or zh")
	}
	tags, problem := NormaliseTags(a.Tags)
	if problem != "" {
		p.Add("tags", problem)
	}
	a.Tags = tags
	if len(a.Images) > 12 {
		p.Add("images", "give at most 12 pictures")
	}
	for i, sha := range a.Images {
		a.Images[i] = strings.ToLower(strings.TrimSpace(sha))
		if !sha256Hex.MatchString(a.Images[i]) {
			p.Add(fmt.Sprintf("images[%d]", i), "must be the SHA-256 of an uploaded picture")
		}
	}
	if a.OrgID == 0 {
		p.Add("org", "is required")
	}
	return p.Err("the article is not valid")
}

// NormaliseTags lower-cases tags, drops empty ones and repeats, and reports a
// problem when there are too many or one is too long or not a word.
func NormaliseTags(in []string) ([]string, string) {
	var out []string
	seen := map[string]bool{}
	for _, t := range in {
		t = strings.ToLower(strings.Join(strings.Fields(t), " "))
		if t == "" || seen[t] {
			continue
		}
		if utf8.RuneCountInString(t) > 40 {
			return out, fmt.Sprintf("%q is longer than 40 characters", t)
		}
		for _, r := range t {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && r != '-' {
				return out, fmt.Sprintf("%q may only have letters, digits, spaces and hyphens", t)
			}
		}
		seen[t] = true
		out = append(out, t)
	}
	if len(out) > 10 {
		return out, "give at most 10 tags"
	}
	return out, ""
}

// checkText adds a problem when a text is missing or longer than max bytes, or
// carries control characters other than line breaks and tabs.
func checkText(p Problems, field, s string, max int, required bool) {
	switch {
	case s == "" && required:
		p.Add(field, "is required")
	case len(s) > max:
		p.Add(field, fmt.Sprintf("must be at most %d characters", max))
	case !utf8.ValidString(s):
		p.Add(field, "is not valid text")
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' }):
		p.Add(field, "must not contain control characters")
	}
}
