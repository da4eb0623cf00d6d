package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"

	qrcode "github.com/skip2/go-qrcode"
)

const (
	exhibitionPageSize = 24
	qrSize             = 256 // pixels, enough for a printed label at 3 cm
)

// exhibitionData is the public exhibition: a page of approved exhibits and the
// brand and working group filters.
type exhibitionData struct {
	Exhibits []exhibitCard
	Total    int64
	Brands   []ipr.ExhibitFacet
	Groups   []ipr.ExhibitFacet
	Brand    int64
	Group    int64
	PageNo   int
	Pages    int
	CanWork  bool // a link to the exhibits to write or review
}

// exhibitCard is an approved exhibit as the list shows it, in the page language.
type exhibitCard struct {
	*ipr.PublicExhibit
	ShownTitle string
	ShownGroup string
}

func newExhibitCard(p *ipr.PublicExhibit, lang string) exhibitCard {
	title, group := p.Title, p.GroupName
	if lang == "zh" {
		title, group = firstNonEmpty(p.TitleZH, p.Title), firstNonEmpty(p.GroupNameZH, p.GroupName)
	} else if title == "" {
		title = p.TitleZH
	}
	return exhibitCard{PublicExhibit: p, ShownTitle: title, ShownGroup: group}
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// PageURL is the current filter at another page number.
func (d *exhibitionData) PageURL(n int) string {
	q := url.Values{}
	if d.Brand != 0 {
		q.Set("brand", strconv.FormatInt(d.Brand, 10))
	}
	if d.Group != 0 {
		q.Set("group", strconv.FormatInt(d.Group, 10))
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return "/exhibition"
	}
	return "/exhibition?" + q.Encode()
}

// handleExhibition is the public exhibition, filtered by brand and working group.
func (s *Server) handleExhibition(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p := ipr.Problems{}
	brand, group := queryID(q, "brand", p), queryID(q, "group", p)
	pageNo := pageNumber(q, p)
	if err := p.Err("the filter is not valid"); err != nil {
		s.renderError(w, r, err)
		return
	}
	page, err := s.svc.PublicExhibits(r.Context(), userFrom(r), ipr.PublicExhibitFilter{RightID: brand, GroupID: group,
		Limit: exhibitionPageSize, Offset: (pageNo - 1) * exhibitionPageSize})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &exhibitionData{Total: page.Total, Brands: page.Brands, Groups: page.Groups, Brand: brand, Group: group,
		PageNo: pageNo, Pages: max(1, int((page.Total+exhibitionPageSize-1)/exhibitionPageSize)),
		CanWork: mayWorkOnExhibits(userFrom(r))}
	for _, e := range page.Exhibits {
		d.Exhibits = append(d.Exhibits, newExhibitCard(e, langFrom(r)))
	}
	s.render(w, r, http.StatusOK, "exhibition", s.newPage(r, "exhibition.title", d))
}

// queryID reads an optional positive id from the query; 0 when absent.
func queryID(q url.Values, name string, p ipr.Problems) int64 {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		p.Add(name, "must be a positive whole number")
		return 0
	}
	return id
}

// exhibitShowData is an approved exhibit's public page, its Markdown rendered safe.
type exhibitShowData struct {
	exhibitCard
	BodyHTML template.HTML
	Points   []exhibitPointView
	URL      string // the public address, printed on the label
}

type exhibitPointView struct {
	HTML       template.HTML
	GuideTitle string
}

func (s *Server) loadPublicExhibit(w http.ResponseWriter, r *http.Request) (*exhibitShowData, bool) {
	id, err := pathID(r, "id")
	if err == nil {
		var e *ipr.PublicExhibit
		if e, err = s.svc.PublicExhibit(r.Context(), userFrom(r), id); err == nil {
			d := &exhibitShowData{exhibitCard: newExhibitCard(e, langFrom(r)), BodyHTML: renderMarkdown(e.Body),
				URL: exhibitPublicURL(r, id)}
			for _, pt := range e.Points {
				d.Points = append(d.Points, exhibitPointView{HTML: renderMarkdown(pt.Text), GuideTitle: pt.GuideTitle})
			}
			return d, true
		}
	}
	s.renderError(w, r, err)
	return nil, false
}

// handleExhibitionShow is an approved exhibit: the genuine beside the fake.
func (s *Server) handleExhibitionShow(w http.ResponseWriter, r *http.Request) {
	if d, ok := s.loadPublicExhibit(w, r); ok {
		s.render(w, r, http.StatusOK, "exhibit_public", s.newPage(r, "exhibition.title", d))
	}
}

// handleExhibitLabel is the printable label of an exhibit, with its QR code.
func (s *Server) handleExhibitLabel(w http.ResponseWriter, r *http.Request) {
	if d, ok := s.loadPublicExhibit(w, r); ok {
		s.render(w, r, http.StatusOK, "exhibit_label", s.newPage(r, "exhibition.label_title", d))
	}
}

// exhibitPublicURL is the address of an exhibit's public page on the host the
// request came to: what its label's QR code encodes.
func exhibitPublicURL(r *http.Request, id int64) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return enforce.ExhibitPublicURL(&url.URL{Scheme: scheme, Host: r.Host}, id)
}

// exhibitQR is the PNG of a QR code of content.
func exhibitQR(content string) ([]byte, error) {
	png, err := qrcode.Encode(content, qrcode.Medium, qrSize)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	return png, nil
}

// handleExhibitQR serves the QR code of an approved exhibit's public page as a PNG.
func (s *Server) handleExhibitQR(w http.ResponseWriter, r *http.Request) {
	d, ok := s.loadPublicExhibit(w, r)
	if !ok {
		return
	}
	png, err := exhibitQR(d.URL)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "image/png")
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("Content-Length", strconv.Itoa(len(png)))
	w.Write(png)
}

// handleExhibitPhoto serves a photo of an exhibit, or its thumbnail: the
// approved version's to anyone, the working copy's to those who may see it.
func (s *Server) handleExhibitPhoto(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	thumb := strings.HasSuffix(r.URL.Path, "/thumb")
	f, body, err := s.svc.OpenExhibitPhoto(r.Context(), userFrom(r), id, r.PathValue("sha"), thumb)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer body.Close()
	sendFile(w, r, f, body, thumb, "private, no-cache") // who may see it changes with approval
}

// mayWorkOnExhibits reports whether user writes exhibits (a holder's side) or reviews them (customs).
func mayWorkOnExhibits(user *ipr.User) bool {
	return holderSide(user) || ipr.Can(user, ipr.ActionReviewExhibit, ipr.Anything)
}
