package enforce

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// Dossier is the printable transfer package sent to the police: the case's
// facts, goods and valuation, the holder's identification, the evidence with
// the SHA-256 of every file, the chain of custody, the determination and the
// legal basis. Each version is kept as sent; any change makes a new one.
type Dossier struct {
	TransferID int64     `json:"transfer_id"`
	Version    int       `json:"version"`
	SHA256     string    `json:"sha256"` // of the stored content
	CreatedAt  time.Time `json:"created_at"`
	Content    DossierContent
}

// DossierContent is what a dossier version holds, as stored (JSON).
type DossierContent struct {
	Case           DossierCase             `json:"case"`
	Goods          []DossierItem           `json:"goods"`
	GoodsValue     string                  `json:"goods_value"`
	Currency       string                  `json:"currency"`
	Rights         []DossierRight          `json:"rights"`
	Identification []DossierIdentification `json:"identification"`
	Evidence       []DossierEvidence       `json:"evidence"`
	Custody        []DossierCustody        `json:"custody"`
	Determination  string                  `json:"determination"`
	Penalty        string                  `json:"penalty,omitempty"`
	Thresholds     []string                `json:"thresholds_met"`
	Reasons        string                  `json:"reasons,omitempty"`
	LegalBasis     []string                `json:"legal_basis"`
}

// DossierCase are the case's facts.
type DossierCase struct {
	Ref      string    `json:"ref"`
	Profile  string    `json:"profile"`
	Mode     string    `json:"mode"`
	Office   string    `json:"office"`
	Channel  string    `json:"channel"`
	State    string    `json:"state"`
	OpenedAt time.Time `json:"opened_at"`
	Holder   string    `json:"holder"`
}

// DossierItem is one item of the goods with its valuation.
type DossierItem struct {
	Position      int    `json:"position"`
	Description   string `json:"description"`
	Quantity      int64  `json:"quantity"`
	Unit          string `json:"unit"`
	DeclaredValue string `json:"declared_value"`
	AssessedValue string `json:"assessed_value"`
}

// DossierRight is a right the goods infringe.
type DossierRight struct {
	Kind      string `json:"kind"`
	Mark      string `json:"mark"`
	RegNumber string `json:"reg_number"`
	RegOffice string `json:"reg_office"`
}

// DossierIdentification is the holder's verdict on one item.
type DossierIdentification struct {
	ItemID     int64     `json:"item_id"`
	Verdict    string    `json:"verdict"`
	Points     []string  `json:"points"`
	AnsweredAt time.Time `json:"answered_at"`
}

// DossierEvidence is one file of the evidence, named by its SHA-256.
type DossierEvidence struct {
	ItemPosition int    `json:"item_position"`
	SHA256       string `json:"sha256"`
	Name         string `json:"name"`
	ContentType  string `json:"content_type"`
	Size         int64  `json:"size"`
}

// DossierCustody is one move of the goods.
type DossierCustody struct {
	At       time.Time `json:"at"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Received string    `json:"received"`
	Note     string    `json:"note"`
}

// cnLegalBasis is cited in every CN dossier.
var cnLegalBasis = []string{
	"Provisions on the Transfer of Suspected Criminal Cases by Administrative Law Enforcement Organs (State Council, 2020)",
	"Regulations on Customs Protection of Intellectual Property Rights (2018) Art. 27",
	"Criminal Law Arts. 213-214",
}

// buildDossier gathers the dossier's content from the case as it stands.
func buildDossier(ctx context.Context, tx *store.Tx, t *ipr.Transfer) (*DossierContent, error) {
	c, err := tx.CaseByID(ctx, t.CaseID)
	if err != nil {
		return nil, err
	}
	d := &DossierContent{GoodsValue: c.GoodsValue.String(), Currency: c.Currency, Determination: string(c.Determination),
		Thresholds: t.Thresholds, Reasons: t.Reasons, LegalBasis: cnLegalBasis,
		Case: DossierCase{Ref: c.Ref, Profile: string(c.Profile), Mode: string(c.Mode), Office: c.Office,
			Channel: c.Channel, State: c.State, OpenedAt: c.OpenedAt}}
	if c.Penalty.Fine > 0 {
		d.Penalty = c.Penalty.Fine.String() + " " + c.Currency + " " + c.Penalty.Reason
	}
	if holder, err := tx.OrgByID(ctx, c.HolderOrgID); err == nil {
		d.Case.Holder = holder.Name
	}
	for _, id := range c.RightIDs {
		r, err := tx.RightByID(ctx, id)
		if err != nil {
			return nil, err
		}
		d.Rights = append(d.Rights, DossierRight{Kind: string(r.Kind), Mark: r.Mark, RegNumber: r.RegNumber, RegOffice: r.RegOffice})
	}
	items, err := tx.CaseItems(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		d.Goods = append(d.Goods, DossierItem{Position: it.Position, Description: it.Description, Quantity: it.Quantity,
			Unit: it.Unit, DeclaredValue: it.DeclaredValue.String(), AssessedValue: it.AssessedValue.String()})
		for _, sha := range it.Files {
			ev := DossierEvidence{ItemPosition: it.Position, SHA256: sha}
			if f, err := tx.FileBySHA(ctx, sha); err == nil {
				ev.Name, ev.ContentType, ev.Size = f.Name, f.ContentType, f.Size
			}
			d.Evidence = append(d.Evidence, ev)
		}
	}
	requests, err := tx.IdentificationRequests(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range requests {
		for _, a := range r.Answers {
			d.Identification = append(d.Identification, DossierIdentification{ItemID: a.ItemID, Verdict: string(a.Verdict),
				Points: a.Points, AnsweredAt: a.AnsweredAt})
		}
	}
	moves, err := tx.CustodyLog(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	for _, m := range moves {
		d.Custody = append(d.Custody, DossierCustody{At: m.At, From: m.From, To: m.To, Received: m.Received, Note: m.Note})
	}
	return d, nil
}

// saveDossier stores the case's current dossier as a new version, unless it
// is the same as the latest one; it returns the version in force.
func (s *Service) saveDossier(ctx context.Context, tx *store.Tx, actor *ipr.User, t *ipr.Transfer) (int, error) {
	content, err := buildDossier(ctx, tx, t)
	if err != nil {
		return 0, err
	}
	b, err := json.Marshal(content)
	if err != nil {
		return 0, ipr.Internal(err)
	}
	sum := sha256.Sum256(b)
	sha := hex.EncodeToString(sum[:])
	last, err := tx.Dossier(ctx, t.ID, 0)
	if err == nil && last.SHA256 == sha {
		return last.Version, nil
	}
	if err != nil && ipr.ErrorCode(err) != ipr.ENOTFOUND {
		return 0, err
	}
	d := &store.TransferDossier{TransferID: t.ID, Content: string(b), SHA256: sha, CreatedAt: s.Clock.Now(), CreatedBy: actor.ID}
	if err := tx.AddDossier(ctx, d); err != nil {
		return 0, err
	}
	return d.Version, s.audit(ctx, tx, actor, change{Action: "transfer.dossier", ObjectType: "transfer", ObjectID: t.ID,
		ObjectOrg: t.HolderOrgID, After: "version " + itoa(int64(d.Version)) + " sha256 " + sha})
}

// refreshSentDossiers is called, in the same transaction, wherever a case's
// evidence changes (its items, their files, the custody, the identification,
// the determination): every transfer of the case that was already sent gets a
// new dossier version when the content differs from its latest one. Transfers
// not yet sent get theirs when they are sent.
func (s *Service) refreshSentDossiers(ctx context.Context, tx *store.Tx, actor *ipr.User, caseID int64) error {
	list, _, err := tx.Transfers(ctx, ipr.TransferFilter{CaseID: caseID, Limit: 500})
	if err != nil {
		return err
	}
	for _, t := range list {
		if t.FirstSentAt.IsZero() {
			continue
		}
		if _, err := s.saveDossier(ctx, tx, actor, t); err != nil {
			return err
		}
	}
	return nil
}

// RefreshDossier makes a new dossier version of a sent transfer when its case
// changed since the latest one in a way the services do not follow by
// themselves (refreshSentDossiers does for evidence); before sending there is
// nothing to refresh.
func (s *Service) RefreshDossier(ctx context.Context, actor *ipr.User, transferID int64) (int, error) {
	var version int
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		t, err := loadTransfer(ctx, tx, actor, transferID)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionSendTransfer, t.Resource()); err != nil {
			return err
		}
		if t.FirstSentAt.IsZero() {
			return &ipr.Error{Code: ipr.ECONFLICT, Message: "the dossier is made when the transfer is sent",
				Fields: map[string]string{"transfer": "is " + string(t.State) + ", not sent yet"}}
		}
		version, err = s.saveDossier(ctx, tx, actor, t)
		return err
	})
	return version, err
}

// Dossier returns version of a transfer's dossier (0: the latest) to customs
// and the police unit it went to.
func (s *Service) Dossier(ctx context.Context, actor *ipr.User, transferID int64, version int) (*Dossier, error) {
	var out *Dossier
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		if _, err := loadTransfer(ctx, tx, actor, transferID); err != nil {
			return err
		}
		d, err := tx.Dossier(ctx, transferID, version)
		if err != nil {
			return err
		}
		out = &Dossier{TransferID: transferID, Version: d.Version, SHA256: d.SHA256, CreatedAt: d.CreatedAt}
		if err := json.Unmarshal([]byte(d.Content), &out.Content); err != nil {
			return ipr.Internal(err)
		}
		return nil
	})
	return out, err
}
