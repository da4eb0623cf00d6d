package enforce

import (
	"context"
	"net/url"
	"os"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// The exhibition as the public sees it: only the version of each exhibit that
// customs last approved, copied when they approved it.

// PublicExhibitPage is one page of the exhibition, with the filters' choices.
type PublicExhibitPage struct {
	Exhibits []*ipr.PublicExhibit
	Total    int64
	Brands   []ipr.ExhibitFacet
	Groups   []ipr.ExhibitFacet
}

// PublicExhibits returns a page of approved exhibits, for anyone.
func (s *Service) PublicExhibits(ctx context.Context, actor *ipr.User, f ipr.PublicExhibitFilter) (*PublicExhibitPage, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPublic, ipr.Anything); err != nil {
		return nil, err
	}
	page := &PublicExhibitPage{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if page.Exhibits, page.Total, err = tx.PublishedExhibits(ctx, f); err != nil {
			return err
		}
		page.Brands, page.Groups, err = tx.ExhibitFacets(ctx)
		return err
	})
	return page, err
}

// PublicExhibit returns the approved version of an exhibit, for anyone; an
// exhibit never approved does not exist for the public.
func (s *Service) PublicExhibit(ctx context.Context, actor *ipr.User, id int64) (*ipr.PublicExhibit, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPublic, ipr.Anything); err != nil {
		return nil, err
	}
	var p *ipr.PublicExhibit
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		p, err = tx.PublishedExhibit(ctx, id)
		return err
	})
	return p, err
}

// OpenExhibitPhoto opens a photo of an exhibit, or its thumbnail: for anyone when
// it is a photo of the approved version, and for those who may see the working
// copy when it is one of its photos. Anything else is not found.
func (s *Service) OpenExhibitPhoto(ctx context.Context, actor *ipr.User, id int64, sha string, thumb bool) (*ipr.File, *os.File, error) {
	missing := ipr.Errorf(ipr.ENOTFOUND, "photo not found")
	if !store.ValidSHA(sha) || s.Files == nil {
		return nil, nil, missing
	}
	var f *ipr.File
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		e, err := tx.ExhibitByID(ctx, id)
		if err != nil {
			return err
		}
		public := e.Published != nil && (e.Published.GenuinePhoto == sha || e.Published.FakePhoto == sha)
		working := (e.GenuinePhoto == sha || e.FakePhoto == sha) && ipr.Can(actor, ipr.ActionViewExhibit, e.Resource())
		if !public && !working {
			return missing
		}
		f, err = tx.FileBySHA(ctx, sha)
		return err
	})
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return nil, nil, missing
	} else if err != nil {
		return nil, nil, err
	}
	body, err := s.openBlob(sha, thumb, missing)
	return f, body, err
}

// ExhibitPublicURL is the address of an exhibit's public page under base, the
// server's public address such as https://bordermark.example: what its label's
// QR code encodes.
func ExhibitPublicURL(base *url.URL, id int64) string {
	u := url.URL{Scheme: base.Scheme, Host: base.Host,
		Path: strings.TrimSuffix(base.Path, "/") + "/exhibition/" + strconv.FormatInt(id, 10)}
	return u.String()
}
