package enforce

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"os"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// PublicTipInput is a report from the public tip line as the form sent it.
type PublicTipInput struct {
	What, Where, Seller, Shipment string
	Lang                          string
	Photos                        []Upload // field "photos"; pictures only
	// Proof is the solved proof-of-work challenge, if the form had one. It is
	// spent with the report, in its transaction, so that it buys only one.
	Proof string
}

// challengeMemory is how long spent challenges are remembered: longer than a
// challenge lives (the tip line's last an hour).
const challengeMemory = 2 * time.Hour

// PublicTipReceipt is what the reporter takes away: the receipt number and the
// secret that, together, show the tip's status. The secret is shown only once.
type PublicTipReceipt struct {
	Receipt string
	Secret  string
}

// publicActor is the actor recorded in the audit log for the public.
var publicActor = &ipr.User{Email: "public", Name: "public tip line"}

// CheckedPublicTip is a report that passed every check, photos read into memory,
// ready for StorePublicTip.
type CheckedPublicTip struct {
	tip   *ipr.PublicTip
	files []*pendingFile
	proof string // SHA-256 (hex) of the challenge, "" without one
}

// CheckPublicTip validates a report without storing anything: the text fields
// and every photo (read once), by field. The caller may then run checks of its
// own before StorePublicTip.
func (s *Service) CheckPublicTip(in PublicTipInput) (*CheckedPublicTip, error) {
	t := &ipr.PublicTip{What: in.What, Where: in.Where, Seller: in.Seller, Shipment: in.Shipment, Lang: in.Lang}
	p := ipr.Problems{}
	if err := t.Validate(); err != nil {
		for f, problem := range ipr.ErrorFields(err) {
			p.Add(f, problem)
		}
	}
	if len(in.Photos) > ipr.MaxTipPhotos {
		p.Add("photos", fmt.Sprintf("at most %d photos", ipr.MaxTipPhotos))
		return nil, p.Err("the report is not complete")
	}
	files := s.checkUploads(publicActor, 0, in.Photos, true, p)
	for _, f := range files {
		if f.file.Size > ipr.MaxTipPhotoSize {
			p.Add("photos", fmt.Sprintf("%s: is larger than the limit of %d MB", f.file.Name, ipr.MaxTipPhotoSize>>20))
		}
	}
	if err := p.Err("the report is not complete"); err != nil {
		return nil, err
	}
	c := &CheckedPublicTip{tip: t, files: files}
	if in.Proof != "" {
		sum := sha256.Sum256([]byte(in.Proof))
		c.proof = hex.EncodeToString(sum[:])
	}
	return c, nil
}

// SubmitPublicTip stores a report from anyone, signed in or not. Nothing is
// stored, not even a photo, unless the whole report is valid. The caller has
// already checked the abuse guards (rate limit, honeypot, proof of work).
func (s *Service) SubmitPublicTip(ctx context.Context, in PublicTipInput) (*PublicTipReceipt, error) {
	c, err := s.CheckPublicTip(in)
	if err != nil {
		return nil, err
	}
	return s.StorePublicTip(ctx, c)
}

// StorePublicTip writes a checked report's photos to the blob store and the tip,
// with its audit event, to the database. It gives the reporter's receipt.
func (s *Service) StorePublicTip(ctx context.Context, c *CheckedPublicTip) (*PublicTipReceipt, error) {
	t, files := c.tip, c.files
	secret := randomCode(16)
	t.Receipt, t.SecretHash = "T-"+randomCode(10), hashTipSecret(secret)
	t.Status, t.CreatedAt = ipr.PublicTipReceived, s.Clock.Now()
	if err := s.checkUnspent(ctx, c.proof); err != nil { // before any photo is written
		return nil, err
	}
	if err := s.writeBlobs(files); err != nil {
		return nil, err
	}
	for _, f := range files {
		t.Photos = append(t.Photos, ipr.PublicTipPhoto{SHA256: f.file.SHA256, ContentType: f.file.ContentType,
			Size: f.file.Size, Name: f.file.Name})
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if c.proof != "" {
			if err := tx.SpendChallenge(ctx, c.proof, t.CreatedAt, t.CreatedAt.Add(-challengeMemory)); err != nil {
				return err
			}
		}
		if err := tx.CreatePublicTip(ctx, t); err != nil {
			return err
		}
		return s.audit(ctx, tx, publicActor, change{Action: "publictip.submit", ObjectType: "publictip",
			ObjectID: t.ID, After: fmt.Sprintf("%s (%d photos)", t.Receipt, len(t.Photos))})
	})
	if err != nil {
		return nil, err
	}
	return &PublicTipReceipt{Receipt: t.Receipt, Secret: secret}, nil
}

// checkUnspent refuses a challenge already spent. The unique key of the spent
// challenges settles a race between two servers; this check only keeps a
// replay from writing its photos.
func (s *Service) checkUnspent(ctx context.Context, proof string) error {
	if proof == "" {
		return nil
	}
	return s.DB.View(ctx, func(tx *store.Tx) error {
		spent, err := tx.ChallengeSpent(ctx, proof)
		if err == nil && spent {
			err = &ipr.Error{Code: ipr.ECONFLICT, Message: "already exists", Fields: map[string]string{"proof": "was already used"}}
		}
		return err
	})
}

// PublicTipStatus is what the reporter may see of their tip: no text, no names.
type PublicTipStatus struct {
	Receipt   string
	Status    ipr.PublicTipStatus
	CreatedAt string // the day it was received
	UpdatedAt string // the day it was last triaged, "" if never
}

// PublicTipStatusOf returns the status of the tip with receipt, for the one who
// holds its secret. A wrong secret and an unknown receipt give the same answer.
func (s *Service) PublicTipStatusOf(ctx context.Context, receipt, secret string) (*PublicTipStatus, error) {
	missing := &ipr.Error{Code: ipr.ENOTFOUND, Message: "no tip matches this receipt and secret",
		Fields: map[string]string{"receipt": "or the secret is wrong"}}
	if !ipr.ValidPublicTipReceipt(receipt) || len(secret) == 0 || len(secret) > 64 {
		return nil, missing
	}
	var t *ipr.PublicTip
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		t, err = tx.PublicTipByReceipt(ctx, receipt)
		return err
	})
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return nil, missing
	} else if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare([]byte(hashTipSecret(secret)), []byte(t.SecretHash)) != 1 {
		return nil, missing
	}
	out := &PublicTipStatus{Receipt: t.Receipt, Status: t.Status, CreatedAt: t.CreatedAt.Format("2006-01-02")}
	if !t.TriagedAt.IsZero() {
		out.UpdatedAt = t.TriagedAt.Format("2006-01-02")
	}
	return out, nil
}

// PublicTips returns a page of customs' triage queue and how many tips match.
func (s *Service) PublicTips(ctx context.Context, actor *ipr.User, f ipr.PublicTipFilter) ([]*ipr.PublicTip, int64, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPublicTips, ipr.Anything); err != nil {
		return nil, 0, err
	}
	var list []*ipr.PublicTip
	var total int64
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		list, total, err = tx.PublicTips(ctx, f)
		return err
	})
	return list, total, err
}

// PublicTip returns one tip with its photos, for customs.
func (s *Service) PublicTip(ctx context.Context, actor *ipr.User, id int64) (*ipr.PublicTip, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPublicTips, ipr.Anything); err != nil {
		return nil, err
	}
	var t *ipr.PublicTip
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		t, err = tx.PublicTipByID(ctx, id)
		return err
	})
	return t, err
}

// TriagePublicTip marks a tip triaged, forwarded or dismissed, with a reason.
func (s *Service) TriagePublicTip(ctx context.Context, actor *ipr.User, id int64, status, reason string) error {
	if err := ipr.Authorize(actor, ipr.ActionTriagePublicTip, ipr.Anything); err != nil {
		return err
	}
	to, err := ipr.ParsePublicTipStatus(status)
	if err != nil {
		return err
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		t, err := tx.PublicTipByID(ctx, id)
		if err != nil {
			return err
		}
		before := t.Status
		if err := t.Triage(to, reason, actor.ID, s.Clock.Now()); err != nil {
			return err
		}
		if err := tx.UpdatePublicTipTriage(ctx, t); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "publictip.triage", ObjectType: "publictip", ObjectID: t.ID,
			Before: string(before), After: string(t.Status) + ": " + t.Reason})
	})
}

// OpenPublicTipPhoto opens a photo of a tip, or its thumbnail, for customs. The
// caller closes the file.
func (s *Service) OpenPublicTipPhoto(ctx context.Context, actor *ipr.User, id int64, sha string, thumb bool) (*ipr.PublicTipPhoto, *os.File, error) {
	t, err := s.PublicTip(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	missing := ipr.Errorf(ipr.ENOTFOUND, "photo not found")
	for _, p := range t.Photos {
		if p.SHA256 == sha {
			f, err := s.openBlob(sha, thumb, missing)
			return &p, f, err
		}
	}
	return nil, nil, missing
}

// randomCode is n characters of ipr.PublicTipAlphabet from a secure source
// (31 symbols: about 4.95 bits each).
func randomCode(n int) string {
	const alphabet = ipr.PublicTipAlphabet
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[randIndex(len(alphabet))]
	}
	return string(out)
}

// randIndex is a uniform index below n, refusing bytes that would bias it.
func randIndex(n int) int {
	var b [1]byte
	limit := 256 - 256%n
	for {
		rand.Read(b[:])
		if int(b[0]) < limit {
			return int(b[0]) % n
		}
	}
}

func hashTipSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
