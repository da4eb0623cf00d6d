package enforce

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"unicode"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// Upload is a file as a user sent it: the form field it came in (named in errors),
// the name it had on the user's computer, and its content.
type Upload struct {
	Field string
	Name  string
	Body  io.Reader
}

// pendingFile is an upload that passed every check, held in memory until it is stored.
type pendingFile struct {
	file  ipr.File
	data  []byte
	thumb []byte // PNG, for pictures
}

// sniff returns the content type of data from its first bytes, or "" when it is
// none of the accepted types. The name and the type the browser claimed are ignored.
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "image/gif"
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "image/webp"
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "application/pdf"
	}
	return ""
}

// checkUpload reads and checks one upload. It returns the file ready to store, or
// the problem to report for its field. imagesOnly refuses PDF.
func (s *Service) checkUpload(actor *ipr.User, orgID int64, u Upload, imagesOnly bool) (*pendingFile, string) {
	data, err := io.ReadAll(io.LimitReader(u.Body, ipr.MaxFileSize+1))
	switch {
	case err != nil:
		return nil, "could not be read; try again"
	case len(data) == 0:
		return nil, "is empty"
	case len(data) > ipr.MaxFileSize:
		return nil, fmt.Sprintf("is larger than the limit of %d MB", ipr.MaxFileSize>>20)
	}
	ct := sniff(data)
	if _, ok := ipr.AllowedFileTypes[ct]; !ok || (imagesOnly && ct == "application/pdf") {
		if imagesOnly {
			return nil, "is not a picture in JPEG, PNG, GIF or WebP format (checked from its content, not its name)"
		}
		return nil, "is not a picture (JPEG, PNG, GIF, WebP) or a PDF (checked from its content, not its name)"
	}
	p := &pendingFile{data: data, file: ipr.File{ContentType: ct, Size: int64(len(data)), Name: cleanFileName(u.Name),
		OrgID: orgID, UploadedBy: actor.ID, CreatedAt: s.Clock.Now()}}
	if p.file.IsImage() {
		if p.thumb, err = thumbnail(data); err != nil {
			return nil, err.Error()
		}
	}
	return p, ""
}

// checkUploads checks every upload and reports problems by field, so that nothing
// is stored unless everything can be.
func (s *Service) checkUploads(actor *ipr.User, orgID int64, uploads []Upload, imagesOnly bool, p ipr.Problems) []*pendingFile {
	var ok []*pendingFile
	for _, u := range uploads {
		f, problem := s.checkUpload(actor, orgID, u, imagesOnly)
		if problem != "" {
			name := cleanFileName(u.Name)
			if name != "" {
				problem = name + ": " + problem
			}
			p.Add(u.Field, problem)
			continue
		}
		ok = append(ok, f)
	}
	return ok
}

// cleanFileName keeps the last element of a name, without control characters, at most 200 characters.
func cleanFileName(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" {
		return ""
	}
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	return name
}

// writeBlobs puts checked files into the blob store and sets their SHA-256. It runs
// before the transaction that records them: a blob without a row is invisible and
// harmless, a row without its blob would not be.
func (s *Service) writeBlobs(files []*pendingFile) error {
	if len(files) > 0 && s.Files == nil {
		return ipr.Internal(fmt.Errorf("no file store configured"))
	}
	for _, f := range files {
		sha, _, err := s.Files.Put(bytes.NewReader(f.data))
		if err != nil {
			return err
		}
		f.file.SHA256 = sha
		if f.thumb != nil && !s.Files.HasThumb(sha) {
			if err := s.Files.PutThumb(sha, bytes.NewReader(f.thumb)); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordFile records a stored file in tx, with its audit event.
func (s *Service) recordFile(ctx context.Context, tx *store.Tx, actor *ipr.User, f *ipr.File) error {
	if _, err := tx.SaveFile(ctx, f); err != nil {
		return err
	}
	return tx.AppendAudit(ctx, &ipr.AuditEvent{Time: s.Clock.Now(), ActorID: actor.ID, ActorEmail: actor.Email,
		OrgID: actor.OrgID, Action: "file.upload", ObjectType: "file", ObjectID: f.SHA256, ObjectOrg: f.OrgID,
		After: fmt.Sprintf("%s (%s, %d bytes)", f.Name, f.ContentType, f.Size), RequestID: RequestID(ctx)})
}

// OpenFile opens a stored file, or its thumbnail, for someone allowed to see the
// catalogue of an organisation it belongs to. For anyone else it is not found, so
// that its existence does not leak. The caller closes the returned file.
func (s *Service) OpenFile(ctx context.Context, actor *ipr.User, sha string, thumb bool) (*ipr.File, *os.File, error) {
	missing := ipr.Errorf(ipr.ENOTFOUND, "file not found")
	if err := ipr.Authorize(actor, ipr.ActionViewCatalogue, ipr.OrgResource("catalogue", actor.OrgIDOrZero())); err != nil {
		if actor == nil {
			return nil, nil, err
		}
		return nil, nil, missing
	}
	if !store.ValidSHA(sha) || s.Files == nil {
		return nil, nil, missing
	}
	var f *ipr.File
	var orgs []int64
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if f, err = tx.FileBySHA(ctx, sha); err != nil {
			return err
		}
		orgs, err = tx.FileOrgs(ctx, sha)
		return err
	})
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return nil, nil, missing
	} else if err != nil {
		return nil, nil, err
	}
	if !canSeeAny(actor, orgs) {
		return nil, nil, missing
	}
	body, err := s.openBlob(sha, thumb, missing)
	return f, body, err
}

// openBlob opens a stored file, or its thumbnail, once the caller has checked
// that the actor may see it. A file missing from the blob store (or no store
// at all) is reported as missing, the caller's own "not found".
func (s *Service) openBlob(sha string, thumb bool, missing error) (*os.File, error) {
	if s.Files == nil {
		return nil, missing
	}
	open := s.Files.Open
	if thumb {
		open = s.Files.OpenThumb
	}
	body, err := open(sha)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return nil, missing
	}
	return body, err
}

func canSeeAny(actor *ipr.User, orgs []int64) bool {
	for _, org := range orgs {
		if ipr.Can(actor, ipr.ActionViewCatalogue, ipr.OrgResource("catalogue", org)) {
			return true
		}
	}
	return false
}
