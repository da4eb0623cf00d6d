package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// goodsJSON is a case's goods (schema CaseGoods): the items with their files
// and accrued storage, and the storage of all of them.
type goodsJSON struct {
	CaseID  int64           `json:"case_id"`
	Items   []goodsItemJSON `json:"items"`
	Storage storageJSON     `json:"storage"`
}

// goodsItemJSON is an item (schema CaseItem) with its files described and the storage it has cost.
type goodsItemJSON struct {
	caseItemJSON
	FileDetails    []fileJSON `json:"file_details"`
	StorageAccrued ipr.Money  `json:"storage_accrued"`
}

type storageJSON struct {
	Days     int64     `json:"days"`
	Until    time.Time `json:"until"`
	Total    ipr.Money `json:"total"`
	Currency string    `json:"currency"`
}

func newItemJSON(it *ipr.CaseItem) caseItemJSON {
	return caseItemJSON{ID: it.ID, Position: it.Position, Description: it.Description, Quantity: it.Quantity,
		Unit: it.Unit, DeclaredValue: it.DeclaredValue, AssessedValue: it.AssessedValue, Location: it.Location,
		StorageCostPerDay: it.StorageCostPerDay, Files: orEmpty(it.Files)}
}

func newGoodsJSON(v *enforce.ItemsView) goodsJSON {
	out := goodsJSON{CaseID: v.Case.ID, Items: make([]goodsItemJSON, len(v.Items)), Storage: storageJSON{
		Days: v.Storage.Days, Until: v.Storage.Until, Total: v.Storage.Total, Currency: v.Case.Currency}}
	for i, it := range v.Items {
		out.Items[i] = goodsItemJSON{caseItemJSON: newItemJSON(it.CaseItem), FileDetails: []fileJSON{}, StorageAccrued: it.Accrued}
		for _, f := range it.Files {
			out.Items[i].FileDetails = append(out.Items[i].FileDetails, newFileJSON(f.SHA256, f))
		}
	}
	return out
}

// custodyJSON is one move of the goods (schema Custody).
type custodyJSON struct {
	ID       int64     `json:"id"`
	ItemID   int64     `json:"item_id,omitzero"` // absent when all the goods moved
	At       time.Time `json:"at"`
	By       int64     `json:"by"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	Received string    `json:"received"`
	Note     string    `json:"note"`
}

func newCustodyJSON(m ipr.Custody) custodyJSON {
	return custodyJSON{ID: m.ID, ItemID: m.ItemID, At: m.At, By: m.By, From: m.From, To: m.To, Received: m.Received, Note: m.Note}
}

func (a *API) writeGoods(w http.ResponseWriter, r *http.Request, status int, caseID int64) {
	v, err := a.svc.CaseItems(r.Context(), userFrom(r), caseID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, status, newGoodsJSON(v))
}

func (a *API) handleCaseItemList(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeGoods(w, r, http.StatusOK, id)
}

// itemsInput is the body of POST /cases/{id}/items (schema CaseItemsInput).
type itemsInput struct {
	Items []caseItemInput `json:"items"`
}

// handleCaseItemAdd adds parcels to an open case and answers with all its goods.
func (a *API) handleCaseItemAdd(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var body itemsInput
	if err == nil {
		err = decodeJSON(w, r, &body)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p := ipr.Problems{}
	items := make([]ipr.CaseItem, len(body.Items))
	for i, it := range body.Items {
		field := fmt.Sprintf("items[%d].", i)
		items[i] = ipr.CaseItem{Description: it.Description, Quantity: it.Quantity, Unit: it.Unit,
			DeclaredValue: money(p, field+"declared_value", it.DeclaredValue), Location: it.Location,
			StorageCostPerDay: money(p, field+"storage_cost_per_day", it.StorageCostPerDay), Files: it.Files}
	}
	if err := p.Err("the items are not valid"); err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.svc.AddCaseItems(r.Context(), userFrom(r), id, items); err != nil {
		a.fail(w, r, err)
		return
	}
	a.writeGoods(w, r, http.StatusCreated, id)
}

// itemUpdate is the body of PUT /items/{id} (schema CaseItemUpdate): customs'
// assessment. Fields left out are cleared, as a PUT replaces.
type itemUpdate struct {
	AssessedValue     string `json:"assessed_value"`
	Location          string `json:"location"`
	StorageCostPerDay string `json:"storage_cost_per_day"`
}

func (a *API) handleCaseItemUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var body itemUpdate
	if err == nil {
		err = decodeJSON(w, r, &body)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p := ipr.Problems{}
	it := ipr.CaseItem{ID: id, AssessedValue: money(p, "assessed_value", body.AssessedValue), Location: body.Location,
		StorageCostPerDay: money(p, "storage_cost_per_day", body.StorageCostPerDay)}
	if err := p.Err("the item is not valid"); err != nil {
		a.fail(w, r, err)
		return
	}
	saved, err := a.svc.UpdateCaseItem(r.Context(), userFrom(r), it)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newItemJSON(saved))
}

// handleCaseItemFile stores the raw body as a photo or document of the item,
// named by the query parameter name, and answers with the file.
func (a *API) handleCaseItemFile(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if name == "" {
		a.fail(w, r, &ipr.Error{Code: ipr.EINVALID, Message: "the file was not added",
			Fields: map[string]string{"name": "is required: the file's name, such as ?name=seized.jpg"}})
		return
	}
	// One byte over the limit lets the service say the file is too large.
	body := http.MaxBytesReader(w, r.Body, ipr.MaxFileSize+1)
	f, err := a.svc.AttachItemFile(r.Context(), userFrom(r), id, name, body)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/files/"+f.SHA256)
	writeJSON(w, http.StatusCreated, newFileJSON(f.SHA256, f))
}

// custodyLogJSON is a case's chain of custody, oldest first (schema CustodyLog).
type custodyLogJSON struct {
	Custody []custodyJSON `json:"custody"`
}

func (a *API) handleCustodyLog(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	log, err := a.svc.CustodyLog(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := custodyLogJSON{Custody: make([]custodyJSON, len(log))}
	for i, m := range log {
		out.Custody[i] = newCustodyJSON(m)
	}
	writeJSON(w, http.StatusOK, out)
}

// custodyInput is the body of POST /cases/{id}/custody (schema CustodyInput).
type custodyInput struct {
	ItemID   int64  `json:"item_id"` // 0 or absent: all the goods
	At       string `json:"at"`      // RFC 3339; absent: now
	From     string `json:"from"`    // absent: where the goods are
	To       string `json:"to"`
	Received string `json:"received"`
	Note     string `json:"note"`
}

func (a *API) handleCustodyMove(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	var body custodyInput
	if err == nil {
		err = decodeJSON(w, r, &body)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	in := ipr.Custody{ItemID: body.ItemID, From: body.From, To: body.To, Received: body.Received, Note: body.Note}
	if strings.TrimSpace(body.At) != "" {
		if in.At, err = time.Parse(time.RFC3339, strings.TrimSpace(body.At)); err != nil {
			a.fail(w, r, invalidBody("at", "is not an instant such as 2026-11-27T09:30:00+08:00"))
			return
		}
	}
	m, err := a.svc.MoveGoods(r.Context(), userFrom(r), id, in)
	if err != nil {
		a.fail(w, r, renamed(err, map[string]string{"item": "item_id"}))
		return
	}
	writeJSON(w, http.StatusCreated, newCustodyJSON(*m))
}
