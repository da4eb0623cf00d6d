package enforce

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// MaxItemFiles is how many photos and documents one item of a case may have.
const MaxItemFiles = 24

// ItemsView is a case's goods as their page shows them: every item with its
// files and the storage it has cost, and the chain of custody, oldest first.
type ItemsView struct {
	Case    *ipr.Case
	Items   []ItemView
	Custody []ipr.Custody
	Storage Storage
	Movers  map[int64]string // the names of those who moved the goods, by user id
	CanEdit bool             // the actor may add items, change them and attach files: customs, while the case is open
	CanMove bool             // the actor may record a move of the goods: customs, also after the case closed
}

// ItemView is one item with its photos and documents, in the item's order.
type ItemView struct {
	*ipr.CaseItem
	Files   []*ipr.File
	Accrued ipr.Money // storage cost so far: Storage.Days × StorageCostPerDay
}

// Storage is what a case's goods have cost in the warehouse from the case's
// opening until Until.
type Storage struct {
	Until   time.Time
	Days    int64       // every 24 hours begun counts as a day, as warehouses charge
	PerItem []ipr.Money // in the order of the items given
	Total   ipr.Money
}

// StorageCost is the storage the items have cost from openedAt until until
// (now, or when the case closed): each begun day at the item's cost per day.
// Amounts that would overflow stop at the largest Money.
func StorageCost(items []*ipr.CaseItem, openedAt, until time.Time) Storage {
	s := Storage{Until: until, PerItem: make([]ipr.Money, len(items))}
	if d := until.Sub(openedAt); d > 0 {
		s.Days = int64((d + 24*time.Hour - 1) / (24 * time.Hour))
	}
	for i, it := range items {
		s.PerItem[i] = mulMoney(it.StorageCostPerDay, s.Days)
		s.Total = addMoney(s.Total, s.PerItem[i])
	}
	return s
}

func mulMoney(m ipr.Money, n int64) ipr.Money {
	if m > 0 && n > math.MaxInt64/int64(m) {
		return math.MaxInt64
	}
	return m * ipr.Money(n)
}

func addMoney(a, b ipr.Money) ipr.Money {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// storageUntil is when storage stops accruing: when the case closed, else now.
func storageUntil(c *ipr.Case, now time.Time) time.Time {
	if !c.Open() {
		return c.ClosedAt
	}
	return now
}

// CaseItems returns a case's items, their files and storage cost, and its chain
// of custody, to anyone who may see the case.
func (s *Service) CaseItems(ctx context.Context, actor *ipr.User, caseID int64) (*ItemsView, error) {
	var out *ItemsView
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, caseID)
		if err != nil {
			return err
		}
		items, err := tx.CaseItems(ctx, caseID)
		if err != nil {
			return err
		}
		custody, err := tx.CustodyLog(ctx, caseID)
		if err != nil {
			return err
		}
		var shas []string
		for _, it := range items {
			shas = append(shas, it.Files...)
		}
		files, err := tx.Files(ctx, shas)
		if err != nil {
			return err
		}
		mayAct := ipr.Can(actor, ipr.ActionActCase, c.Resource())
		out = &ItemsView{Case: c, Custody: custody, Storage: StorageCost(items, c.OpenedAt, storageUntil(c, s.Clock.Now())),
			CanEdit: mayAct && c.Open(), CanMove: mayAct}
		movers := make([]int64, len(custody))
		for i, m := range custody {
			movers[i] = m.By
		}
		if out.Movers, err = userNames(ctx, tx, movers); err != nil {
			return err
		}
		for i, it := range items {
			v := ItemView{CaseItem: it, Accrued: out.Storage.PerItem[i]}
			for _, sha := range it.Files {
				if f := files[sha]; f != nil {
					v.Files = append(v.Files, f)
				}
			}
			out.Items = append(out.Items, v)
		}
		return nil
	})
	return out, err
}

// CustodyLog returns the moves of a case's goods, oldest first, to anyone who may see the case.
func (s *Service) CustodyLog(ctx context.Context, actor *ipr.User, caseID int64) ([]ipr.Custody, error) {
	var out []ipr.Custody
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		if _, err := loadCase(ctx, tx, actor, caseID); err != nil {
			return err
		}
		var err error
		out, err = tx.CustodyLog(ctx, caseID)
		return err
	})
	return out, err
}

// actableCase loads a case the actor may see and work: customs, and when open, only while the case is.
func actableCase(ctx context.Context, tx *store.Tx, actor *ipr.User, caseID int64, open bool) (*ipr.Case, error) {
	c, err := loadCase(ctx, tx, actor, caseID)
	if err != nil {
		return nil, err
	}
	if err := ipr.Authorize(actor, ipr.ActionActCase, c.Resource()); err != nil {
		return nil, err
	}
	if open && !c.Open() {
		return nil, ipr.Errorf(ipr.ECONFLICT, "case %s is closed: its goods can no longer be changed", c.Ref)
	}
	return c, nil
}

// AddCaseItems adds parcels to an open case, after those it has, in one
// transaction: one bad item stores none, and its problems are named
// items[i].field by its place in the list given.
func (s *Service) AddCaseItems(ctx context.Context, actor *ipr.User, caseID int64, items []ipr.CaseItem) ([]*ipr.CaseItem, error) {
	if len(items) == 0 {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "no items to add",
			Fields: map[string]string{"items": "list at least one item of the goods"}}
	}
	var out []*ipr.CaseItem
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := actableCase(ctx, tx, actor, caseID, true)
		if err != nil {
			return err
		}
		var names []string
		for i := range items {
			it := items[i]
			it.ID, it.CaseID, it.Position = 0, c.ID, 0
			if err := tx.AddCaseItem(ctx, &it); err != nil {
				return itemError(err, i)
			}
			out = append(out, &it)
			names = append(names, fmt.Sprintf("%d. %s × %d %s", it.Position, it.Description, it.Quantity, it.Unit))
		}
		if err := s.refreshSentDossiers(ctx, tx, actor, c.ID); err != nil { // evidence changed after sending
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "case.items_add", ObjectType: "case", ObjectID: c.ID,
			ObjectOrg: c.HolderOrgID, After: strings.Join(names, "; ")})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// itemError names the fields of an item's problems items[i].field.
func itemError(err error, i int) error {
	var e *ipr.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	out := &ipr.Error{Code: e.Code, Message: fmt.Sprintf("item %d: %s", i+1, e.Message), Err: e.Err, Fields: map[string]string{}}
	for f, problem := range e.Fields {
		out.Fields["items["+strconv.Itoa(i)+"]."+f] = problem
	}
	return out
}

// UpdateCaseItem saves customs' assessment of an item of an open case: its
// assessed value, where it is kept and what storing it costs per day. The
// rest of the item stays as listed. Problems are named items[i].field, i
// being the item's place in the case.
func (s *Service) UpdateCaseItem(ctx context.Context, actor *ipr.User, item ipr.CaseItem) (*ipr.CaseItem, error) {
	var out *ipr.CaseItem
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		it, c, err := s.itemOfCase(ctx, tx, actor, item.ID, true)
		if err != nil {
			return err
		}
		before := itemTerms(it)
		it.AssessedValue, it.Location, it.StorageCostPerDay = item.AssessedValue, item.Location, item.StorageCostPerDay
		if err := tx.UpdateCaseItem(ctx, it); err != nil {
			return itemError(err, it.Position-1)
		}
		out = it
		if err := s.refreshSentDossiers(ctx, tx, actor, c.ID); err != nil { // evidence changed after sending
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "case.item_update", ObjectType: "case", ObjectID: c.ID,
			ObjectOrg: c.HolderOrgID, Before: before, After: itemTerms(it)})
	})
	return out, err
}

// itemTerms describes what UpdateCaseItem changes, for the audit log.
func itemTerms(it *ipr.CaseItem) string {
	return fmt.Sprintf("item %d: assessed %s, at %q, storage %s a day", it.Position, it.AssessedValue,
		it.Location, it.StorageCostPerDay)
}

// itemOfCase loads an item and its case for an actor who may work the case;
// to anyone who may not see the case, the item does not exist.
func (s *Service) itemOfCase(ctx context.Context, tx *store.Tx, actor *ipr.User, itemID int64, open bool) (*ipr.CaseItem, *ipr.Case, error) {
	if actor == nil {
		return nil, nil, ipr.Authorize(nil, ipr.ActionViewCase, ipr.Anything)
	}
	it, err := tx.CaseItemByID(ctx, itemID)
	if err != nil {
		return nil, nil, err
	}
	c, err := actableCase(ctx, tx, actor, it.CaseID, open)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return nil, nil, &ipr.Error{Code: ipr.ENOTFOUND, Message: "item not found",
			Fields: map[string]string{"item": "no item with id " + strconv.FormatInt(itemID, 10)}}
	}
	return it, c, err
}

// AttachItemFile stores a photo or document of an item of an open case (customs
// only) and records its SHA-256 on the item. The file belongs to the case's
// right holder, so that the holder and customs may download it. Its content is
// checked as any upload's; a problem names the field "file".
func (s *Service) AttachItemFile(ctx context.Context, actor *ipr.User, itemID int64, name string, r io.Reader) (*ipr.File, error) {
	if err := ipr.Authorize(actor, ipr.ActionUploadFile, ipr.Anything); err != nil {
		return nil, err
	}
	var c *ipr.Case
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		_, c, err = s.itemOfCase(ctx, tx, actor, itemID, true)
		return err
	})
	if err != nil {
		return nil, err
	}
	f, problem := s.checkUpload(actor, c.HolderOrgID, Upload{Field: "file", Name: name, Body: r}, false)
	if problem != "" {
		if n := cleanFileName(name); n != "" {
			problem = n + ": " + problem
		}
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "the file was not added", Fields: map[string]string{"file": problem}}
	}
	if err := s.writeBlobs([]*pendingFile{f}); err != nil {
		return nil, err
	}
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		it, c, err := s.itemOfCase(ctx, tx, actor, itemID, true)
		if err != nil {
			return err
		}
		if err := s.recordFile(ctx, tx, actor, &f.file); err != nil {
			return err
		}
		if slices.Contains(it.Files, f.file.SHA256) {
			return nil // attached already
		}
		if len(it.Files) >= MaxItemFiles {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the file was not added",
				Fields: map[string]string{"file": fmt.Sprintf("an item has at most %d photos and documents", MaxItemFiles)}}
		}
		it.Files = append(it.Files, f.file.SHA256)
		if err := tx.UpdateCaseItem(ctx, it); err != nil {
			return err
		}
		if err := s.refreshSentDossiers(ctx, tx, actor, c.ID); err != nil { // evidence changed after sending
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "case.item_file", ObjectType: "case", ObjectID: c.ID,
			ObjectOrg: c.HolderOrgID, After: fmt.Sprintf("item %d: %s sha256:%s", it.Position, f.file.Name, f.file.SHA256)})
	})
	if err != nil {
		return nil, err
	}
	return &f.file, nil
}

// MoveGoods records a move of a case's goods in its chain of custody (customs
// only, also after the case closed) and sets where the goods are now: the one
// item moved, or all of them when m.ItemID is 0. The actor is who moved them;
// m.At defaults to now and may not be in the future; m.From defaults to where
// the goods were.
func (s *Service) MoveGoods(ctx context.Context, actor *ipr.User, caseID int64, m ipr.Custody) (*ipr.Custody, error) {
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		c, err := actableCase(ctx, tx, actor, caseID, false)
		if err != nil {
			return err
		}
		now := s.Clock.Now()
		m.ID, m.CaseID, m.By = 0, c.ID, actor.ID
		if m.At.IsZero() {
			m.At = now
		}
		if m.At.After(now) {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the custody entry is not valid",
				Fields: map[string]string{"at": "is in the future"}}
		}
		items, err := tx.CaseItems(ctx, c.ID)
		if err != nil {
			return err
		}
		moved := slices.DeleteFunc(items, func(it *ipr.CaseItem) bool { return m.ItemID != 0 && it.ID != m.ItemID })
		if strings.TrimSpace(m.From) == "" {
			m.From = commonLocation(moved)
		}
		if err := tx.AddCustody(ctx, &m); err != nil {
			return err
		}
		for _, it := range moved {
			it.Location = m.To
			if err := tx.UpdateCaseItem(ctx, it); err != nil {
				return err
			}
		}
		what := "all goods"
		if m.ItemID != 0 && len(moved) == 1 {
			what = "item " + strconv.Itoa(moved[0].Position)
		}
		if err := s.refreshSentDossiers(ctx, tx, actor, c.ID); err != nil { // evidence changed after sending
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "case.custody", ObjectType: "case", ObjectID: c.ID,
			ObjectOrg: c.HolderOrgID, Before: m.From, After: fmt.Sprintf("%s to %s, received by %s", what, m.To, m.Received)})
	})
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// commonLocation is where all the items are, or "" when they are not in one place.
func commonLocation(items []*ipr.CaseItem) string {
	if len(items) == 0 {
		return ""
	}
	for _, it := range items[1:] {
		if it.Location != items[0].Location {
			return ""
		}
	}
	return items[0].Location
}
