package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// The public tip line's guards. Every POST from an address counts, valid or not.
const (
	publicTipPowBits       = 16 // about 65 000 hashes: a second or two in a browser, while the reporter types
	publicTipSubmitLimit   = 10
	publicTipStatusLimit   = 20
	publicTipWindow        = 10 * time.Minute
	publicTipMaxRequest    = ipr.MaxTipPhotos*ipr.MaxTipPhotoSize + 1<<20 // photos plus the text fields
	publicTipFormMemory    = 1 << 20                                      // larger parts spill to temporary files
	publicTipHoneypotField = "website"                                    // hidden from people; bots fill it in
)

// publicTipLine holds the public tip line's abuse guards, one set per Server.
type publicTipLine struct {
	pow     *powGuard
	submits *rateLimiter
	checks  *rateLimiter
}

// newPublicTipLine sets up the guards, with the proof-of-work key the database
// keeps for every instance (made on the first start).
func newPublicTipLine(ctx context.Context, svc *enforce.Service) (*publicTipLine, error) {
	key, err := svc.ServerSecret(ctx, powSecret)
	if err != nil {
		return nil, fmt.Errorf("the public tip line's key: %w", err)
	}
	return &publicTipLine{pow: newKeyedPowGuard(key, publicTipPowBits),
		submits: newRateLimiter(publicTipSubmitLimit, publicTipWindow),
		checks:  newRateLimiter(publicTipStatusLimit, publicTipWindow)}, nil
}

// publicTipForm is the report as posted, before any check.
type publicTipForm struct {
	What, Where, Seller, Shipment string
	Honeypot                      string
	Challenge, Nonce, Answer      string
}

func readPublicTipForm(v url.Values) publicTipForm {
	return publicTipForm{What: v.Get("what"), Where: v.Get("where"), Seller: v.Get("seller"), Shipment: v.Get("shipment"),
		Honeypot: v.Get(publicTipHoneypotField), Challenge: v.Get("challenge"), Nonce: strings.TrimSpace(v.Get("nonce")),
		Answer: strings.TrimSpace(v.Get("answer"))}
}

// errPublicTipHoneypot is the refusal of a form whose hidden field was filled in: a
// generic message that does not teach a bot what gave it away.
var errPublicTipHoneypot = ipr.Errorf(ipr.EINVALID, "the report could not be accepted")

// checkPublicTipForm runs the checks that need no database: the honeypot, the proof and
// the text fields. Problems are by field; the proof's are message keys.
func checkPublicTipForm(f publicTipForm, pow *powGuard, now time.Time) (ipr.Problems, error) {
	if f.Honeypot != "" {
		return nil, errPublicTipHoneypot
	}
	p := ipr.Problems{}
	if problem := pow.check(f.Challenge, f.Nonce, f.Answer, now); problem != "" {
		p.Add("proof", problem)
	}
	t := ipr.PublicTip{What: f.What, Where: f.Where, Seller: f.Seller, Shipment: f.Shipment}
	for field, problem := range ipr.ErrorFields(t.Validate()) {
		p.Add(field, problem)
	}
	return p, nil
}

type publicTipFormData struct {
	Form      publicTipForm
	Challenge powChallenge
	Errs      publicTipErrors
	Limits    map[string]int
}

func (s *Server) publicTipFormPage(r *http.Request, f publicTipForm) *page {
	p := s.newPage(r, "publictip.title", nil)
	p.Data = &publicTipFormData{Form: f, Challenge: s.reports.pow.issue(s.svc.Clock.Now()), Errs: s.newPublicTipErrors(p.L.Lang),
		Limits: map[string]int{"what": ipr.MaxTipWhat, "where": ipr.MaxTipWhere, "seller": ipr.MaxTipSeller,
			"shipment": ipr.MaxTipShipment, "photos": ipr.MaxTipPhotos, "mb": ipr.MaxTipPhotoSize >> 20}}
	return p
}

// handlePublicTipForm shows the tip line's form to anyone.
func (s *Server) handlePublicTipForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "publictip_form", s.publicTipFormPage(r, publicTipForm{}))
}

// handlePublicTipSubmit takes a report: rate limit, size, honeypot, proof, fields
// and photos are all checked before anything is stored.
func (s *Server) handlePublicTipSubmit(w http.ResponseWriter, r *http.Request) {
	if !s.reports.submits.allow(clientAddr(r)) {
		w.Header().Set("Retry-After", strconv.Itoa(int(publicTipWindow/time.Second)))
		s.publicTipFailed(w, r, publicTipForm{}, ipr.Errorf(ipr.ETOOMANY, "too many reports from your address"), "publictip.error.too_many")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, publicTipMaxRequest)
	err := r.ParseMultipartForm(publicTipFormMemory)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	if err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			e := &ipr.Error{Code: ipr.EINVALID, Message: "the report is too large",
				Fields: map[string]string{"photos": "publictip.problem.too_large"}}
			s.publicTipFailed(w, r, publicTipForm{}, e, "publictip.error.invalid")
			return
		}
		s.publicTipFailed(w, r, publicTipForm{}, ipr.Errorf(ipr.EINVALID, "the form could not be read"), "publictip.error.unreadable")
		return
	}
	form := readPublicTipForm(r.PostForm)
	problems, err := checkPublicTipForm(form, s.reports.pow, s.svc.Clock.Now())
	if err != nil {
		s.publicTipFailed(w, r, publicTipForm{}, err, "publictip.error.refused")
		return
	}
	uploads, problem := publicTipUploads(r)
	defer closePublicTipUploads(uploads)
	if problem != "" {
		problems.Add("photos", problem)
	}
	if err := problems.Err("the report is not complete"); err != nil {
		s.publicTipFailed(w, r, form, err, "publictip.error.invalid")
		return
	}
	// The challenge is spent only with a stored report, so that a report refused
	// for a typo can be sent again at once.
	in := enforce.PublicTipInput{What: form.What, Where: form.Where, Seller: form.Seller, Shipment: form.Shipment,
		Lang: langFrom(r), Photos: uploads, Proof: form.Challenge}
	checked, err := s.svc.CheckPublicTip(in)
	if err != nil {
		s.publicTipFailed(w, r, form, err, "publictip.error.invalid")
		return
	}
	receipt, err := s.svc.StorePublicTip(r.Context(), checked)
	if ipr.ErrorCode(err) == ipr.ECONFLICT && ipr.ErrorFields(err)["proof"] != "" {
		err = &ipr.Error{Code: ipr.EINVALID, Message: "the check was already used", Fields: map[string]string{"proof": powUsed}}
	}
	if err != nil {
		s.publicTipFailed(w, r, form, err, "publictip.error.invalid")
		return
	}
	s.render(w, r, http.StatusCreated, "publictip_receipt", s.newPage(r, "publictip.receipt_title", receipt))
}

// publicTipUploads opens the photos of the form; empty file inputs are skipped.
func publicTipUploads(r *http.Request) ([]enforce.Upload, string) {
	if r.MultipartForm == nil {
		return nil, ""
	}
	var out []enforce.Upload
	headers := r.MultipartForm.File["photos"]
	n := 0
	for _, h := range headers {
		if h.Filename != "" || h.Size > 0 {
			n++
		}
	}
	if n > ipr.MaxTipPhotos {
		return nil, "publictip.problem.too_many_photos"
	}
	for _, h := range headers {
		if h.Filename == "" && h.Size == 0 {
			continue
		}
		if h.Size > ipr.MaxTipPhotoSize {
			return nil, "publictip.problem.photo_too_large"
		}
		f, err := h.Open()
		if err != nil {
			return nil, "publictip.problem.unreadable"
		}
		out = append(out, enforce.Upload{Field: "photos", Name: h.Filename, Body: f})
	}
	return out, ""
}

func closePublicTipUploads(uploads []enforce.Upload) {
	for _, u := range uploads {
		if c, ok := u.Body.(io.Closer); ok {
			c.Close()
		}
	}
}

// publicTipFailed shows the form again with the problems, keeping what was typed (never the photos).
func (s *Server) publicTipFailed(w http.ResponseWriter, r *http.Request, f publicTipForm, err error, key string) {
	if ipr.ErrorCode(err) == ipr.EINTERNAL {
		s.renderError(w, r, err)
		return
	}
	f.Honeypot, f.Challenge, f.Nonce, f.Answer = "", "", "", ""
	p := s.publicTipFormPage(r, f)
	p.Error = p.L.T(key)
	p.Fields = ipr.ErrorFields(err)
	p.Data.(*publicTipFormData).Errs.Fields = p.Fields
	s.render(w, r, ipr.HTTPStatus(err), "publictip_form", p)
}
