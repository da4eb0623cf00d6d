package web_test

import (
	"encoding/xml"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// atomEntry and atomFeed are what a feed reader takes from the media room's feed.
type atomEntry struct {
	Title     string `xml:"title"`
	ID        string `xml:"id"`
	Updated   string `xml:"updated"`
	Published string `xml:"published"`
	Links     []struct {
		Href     string `xml:"href,attr"`
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
	} `xml:"link"`
	Content struct {
		Type string `xml:"type,attr"`
		Body string `xml:",chardata"`
	} `xml:"content"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Entries []atomEntry `xml:"entry"`
}

// parseFeed fetches and parses a feed and checks every entry is complete.
func parseFeed(t *testing.T, w *world, path string) atomFeed {
	t.Helper()
	r := w.get(t, w.client(t), path)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("GET %s: got %d %s, want 200 application/atom+xml", path, r.status, r.header.Get("Content-Type"))
	}
	var f atomFeed
	if err := xml.Unmarshal([]byte(r.body), &f); err != nil {
		t.Fatalf("GET %s: not XML: %v\n%s", path, err, r.body)
	}
	for _, e := range f.Entries {
		_, errU := time.Parse(time.RFC3339, e.Updated)
		_, errP := time.Parse(time.RFC3339, e.Published)
		if e.Title == "" || e.ID == "" || errU != nil || errP != nil || len(e.Links) == 0 ||
			!strings.HasPrefix(e.Links[0].Href, w.srv.URL+"/news/") || e.Content.Type != "html" || e.Content.Body == "" {
			t.Errorf("%s: incomplete entry %+v", path, e)
		}
	}
	return f
}

var newsLinkRE = regexp.MustCompile(`<h2><a href="/news/(\d+)">`)

func TestNewsPublicPages(t *testing.T) {
	w := newSQLiteWorld(t)
	public := w.client(t)

	en := w.get(t, public, "/news")
	scrWant(t, "news in English", en, http.StatusOK, "Yiwu Customs stops 12,000 pairs", "World Intellectual Property Day",
		`href="/news/feed.xml?lang=en"`)
	if strings.Contains(en.body, "Postal channel: results") || strings.Contains(en.body, "世界知识产权日") {
		t.Error("the public list shows a draft or another language's article")
	}
	zh := w.get(t, public, "/news?lang=zh")
	scrWant(t, "news in 中文", zh, http.StatusOK, "义乌海关查获出口侵权运动鞋", "世界知识产权日")
	tagged := w.get(t, public, "/news?tag=yiwu&lang=en")
	if n := len(newsLinkRE.FindAllString(tagged.body, -1)); n != 1 {
		t.Errorf("tag yiwu: got %d articles, want 1", n)
	}
	scrWant(t, "bad page", w.get(t, public, "/news?page=x"), http.StatusBadRequest)

	// The article page switches between its languages.
	m := regexp.MustCompile(`<h2><a href="(/news/\d+)">Yiwu Customs`).FindStringSubmatch(en.body)
	if m == nil {
		t.Fatal("no link to the Yiwu article")
	}
	article := w.get(t, public, m[1]+"?lang=en")
	scrWant(t, "the Yiwu article", article, http.StatusOK, `<strong lang="en">English</strong> | <a href=`,
		`hreflang="zh-CN">中文版</a>`, `src="/news-images/`)
	img := regexp.MustCompile(`src="(/news-images/[0-9a-f]{64}/thumb)"`).FindStringSubmatch(article.body)
	if r := w.get(t, public, img[1]); r.status != http.StatusOK || r.header.Get("Content-Type") != "image/png" {
		t.Errorf("the article's picture for the public: got %d %s", r.status, r.header.Get("Content-Type"))
	}

	for lang, want := range map[string]string{"en": "World Intellectual Property Day", "zh": "世界知识产权日"} {
		f := parseFeed(t, w, "/news/feed.xml?lang="+lang)
		if len(f.Entries) != 3 || !strings.Contains(f.Entries[0].Title, want) {
			t.Errorf("feed %s: got %d entries, first %q; want 3, the newest %q", lang, len(f.Entries), f.Entries[0].Title, want)
		}
	}
	scrWant(t, "feed in French", w.get(t, public, "/news/feed.xml?lang=fr"), http.StatusBadRequest)
}

// An officer writes, a supervisor publishes; until then the public does not see it.
func TestNewsDeskWorkflow(t *testing.T) {
	w := newSQLiteWorld(t)
	off, sup, public := w.signIn(t, officer), w.signIn(t, supervisor), w.client(t)
	scrWant(t, "desk for the public", w.get(t, public, "/news/desk"), http.StatusSeeOther)
	scrWant(t, "desk for a holder", w.get(t, w.signIn(t, brand), "/news/desk"), http.StatusForbidden)

	bad := w.multipart(t, off, "/news/new", field("lang", "en"), field("title", ""), field("body", "text"))
	scrWant(t, "no title", bad, http.StatusBadRequest, `aria-invalid="true" aria-describedby="title-error"`)
	r := w.multipart(t, off, "/news/new", field("lang", "en"), field("title", "Wenzhou watches"),
		field("body", "3,000 **watches**"), field("tags", "wenzhou, watches"), part{"images", "w.png", pngPicture(t, 9)})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create: got %d, want 303\n%s", r.status, r.body)
	}
	path := strings.TrimSuffix(r.header.Get("Location"), "?done=created")
	scrWant(t, "the draft for the public", w.get(t, public, path), http.StatusNotFound)
	scrWant(t, "the draft for its desk", w.get(t, off, path), http.StatusOK, "<strong>watches</strong>", "/news-images/")
	scrWant(t, "officer publishes", w.do(t, off, http.MethodPost, path+"/publish", nil), http.StatusForbidden)
	scrWant(t, "supervisor publishes", w.do(t, sup, http.MethodPost, path+"/publish", nil), http.StatusSeeOther)
	scrWant(t, "published, for the public", w.get(t, public, path), http.StatusOK, "Wenzhou watches")
	if f := parseFeed(t, w, "/news/feed.xml?lang=en"); f.Entries[0].Title != "Wenzhou watches" {
		t.Errorf("feed: got newest %q, want the new article", f.Entries[0].Title)
	}
}
