package enforce

import (
	"context"
	"fmt"
	"os"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// MaxTipFiles is how many supporting files one tip may have.
const MaxTipFiles = 10

// checkTip validates t and checks the files uploaded with it in one go, so
// that a refusal names every problem (the files under their form field) and
// nothing is stored.
func (s *Service) checkTip(actor *ipr.User, t *ipr.Tip, uploads []Upload, today ipr.Date) ([]*pendingFile, error) {
	p := ipr.Problems{}
	if err := t.Validate(today); err != nil {
		fields := ipr.ErrorFields(err)
		if len(fields) == 0 {
			return nil, err
		}
		for f, m := range fields {
			p.Add(f, m)
		}
	}
	if len(uploads) == 0 {
		return nil, p.Err("the tip is not valid")
	}
	if err := ipr.Authorize(actor, ipr.ActionUploadFile, ipr.Anything); err != nil {
		return nil, err
	}
	field := uploads[0].Field
	if len(t.Files)+len(uploads) > MaxTipFiles {
		p.Add(field, fmt.Sprintf("a tip has at most %d supporting files", MaxTipFiles))
		return nil, p.Err("the tip is not valid")
	}
	files := s.checkUploads(actor, t.OrgID, uploads, false, p)
	return files, p.Err("the tip is not valid")
}

// recordTipFiles records checked files, already in the blob store, as the tip
// holder's and adds them to the tip's files.
func (s *Service) recordTipFiles(ctx context.Context, tx *store.Tx, actor *ipr.User, t *ipr.Tip, files []*pendingFile) error {
	for _, f := range files {
		if err := s.recordFile(ctx, tx, actor, &f.file); err != nil {
			return err
		}
		if !slices.Contains(t.Files, f.file.SHA256) {
			t.Files = append(t.Files, f.file.SHA256)
		}
	}
	return nil
}

// tipAttachments describes t's files in order; a file without its row (which
// CreateTip does not let happen) is left out.
func tipAttachments(ctx context.Context, tx *store.Tx, t *ipr.Tip) ([]ipr.File, error) {
	if len(t.Files) == 0 {
		return nil, nil
	}
	found, err := tx.Files(ctx, t.Files)
	if err != nil {
		return nil, err
	}
	var out []ipr.File
	for _, sha := range t.Files {
		if f := found[sha]; f != nil {
			out = append(out, *f)
		}
	}
	return out, nil
}

// OpenTipFile opens a supporting file of a tip for someone who sees the tip in
// full (tip.view): customs, its holder, and members of a working group it is
// shared with by name. To anyone else (an anonymised share included), and for
// a file the tip does not have, it is not found. The caller closes the file.
func (s *Service) OpenTipFile(ctx context.Context, actor *ipr.User, tipID int64, sha string) (*ipr.File, *os.File, error) {
	missing := ipr.Errorf(ipr.ENOTFOUND, "file not found")
	if actor == nil {
		return nil, nil, ipr.Authorize(nil, ipr.ActionViewTip, ipr.Anything)
	}
	v, err := s.Tip(ctx, actor, tipID)
	if err != nil {
		return nil, nil, err
	}
	i := slices.IndexFunc(v.Attachments, func(f ipr.File) bool { return f.SHA256 == sha })
	if v.Anonymised || i < 0 {
		return nil, nil, missing
	}
	body, err := s.openBlob(sha, false, missing)
	if err != nil {
		return nil, nil, err
	}
	return &v.Attachments[i], body, nil
}
