package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// caseItemsData is the page of a case's goods: the items with their values,
// location, storage cost and files, the forms to change them, and the chain of custody.
type caseItemsData struct {
	*enforce.ItemsView
	Path   string // the case's page
	Rows   []itemRow
	Moves  []moveRow
	Total  string // storage cost accrued by all items
	Until  string // until when it is counted
	Closed bool
	Done   string     // message, already translated
	Form   string     // the form that came back refused: add, move, edit-<item id>, file-<item id>
	Typed  url.Values // what was typed in it
	Errs   fieldErrors
}

type itemRow struct {
	enforce.ItemView
	Declared, Assessed, PerDay, Accrued string
	Links                               []fileLink
}

// fileLink is one photo (shown as a thumbnail) or document of an item.
type fileLink struct {
	SHA, Name string
	Image     bool
}

type moveRow struct {
	At, Who, What, From, To, Received, Note string
}

// itemForm is a refused form of the page: its name and what was typed.
type itemForm struct {
	name  string
	typed url.Values
	err   error
}

// TypedIn returns what was typed in field of the refused form name, or "".
func (d *caseItemsData) TypedIn(form, field string) string {
	if d.Form != form || d.Typed == nil {
		return ""
	}
	return d.Typed.Get(field)
}

// FormID names an item's form, as Form does when it was refused.
func (itemRow) FormID(kind string, id int64) string { return kind + "-" + strconv.FormatInt(id, 10) }

func caseItemsPath(id int64) string { return casePath(id) + "/items" }

// handleCaseItems is the page of a case's goods.
func (s *Server) handleCaseItems(w http.ResponseWriter, r *http.Request) {
	s.showCaseItems(w, r, http.StatusOK, nil)
}

func (s *Server) showCaseItems(w http.ResponseWriter, r *http.Request, status int, failed *itemForm) {
	id, err := pathID(r, "id")
	var v *enforce.ItemsView
	if err == nil {
		v, err = s.svc.CaseItems(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := s.newPage(r, "caseitems.title", nil)
	data := newCaseItemsData(p.L, v)
	if done := r.URL.Query().Get("done"); done != "" {
		if key := "caseitems.done." + done; p.L.T(key) != key {
			data.Done = p.L.T(key)
		}
	}
	if failed != nil {
		data.Form, data.Typed = failed.name, failed.typed
		p.Error, p.Fields = ipr.ErrorMessage(failed.err), withoutItemIndex(ipr.ErrorFields(failed.err))
	}
	data.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	p.Data = data
	s.render(w, r, status, "case_items", p)
}

func newCaseItemsData(l *Catalog, v *enforce.ItemsView) *caseItemsData {
	c := v.Case
	loc := c.Profile.Location()
	d := &caseItemsData{ItemsView: v, Path: casePath(c.ID), Total: money(v.Storage.Total, c.Currency),
		Until: v.Storage.Until.In(loc).Format("2006-01-02 15:04"), Closed: !c.Open()}
	positions := map[int64]int{}
	for _, it := range v.Items {
		positions[it.ID] = it.Position
		row := itemRow{ItemView: it, Declared: money(it.DeclaredValue, c.Currency), PerDay: money(it.StorageCostPerDay, c.Currency),
			Accrued: money(it.Accrued, c.Currency)}
		if it.AssessedValue > 0 {
			row.Assessed = money(it.AssessedValue, c.Currency)
		}
		for _, f := range it.Files {
			row.Links = append(row.Links, fileLink{SHA: f.SHA256, Name: f.Name, Image: f.IsImage()})
		}
		d.Rows = append(d.Rows, row)
	}
	for _, m := range v.Custody {
		what := l.T("caseitems.all_goods")
		if m.ItemID != 0 {
			what = l.T("caseitems.item_n", positions[m.ItemID])
		}
		who := v.Movers[m.By]
		if who == "" {
			who = "#" + strconv.FormatInt(m.By, 10)
		}
		d.Moves = append(d.Moves, moveRow{At: m.At.In(loc).Format("2006-01-02 15:04"), Who: who, What: what,
			From: m.From, To: m.To, Received: m.Received, Note: m.Note})
	}
	return d
}

var itemIndex = regexp.MustCompile(`^items\[\d+\]\.`)

// withoutItemIndex names the problems of one item's form by the form's fields:
// the services name them items[i].field.
func withoutItemIndex(fields map[string]string) map[string]string {
	out := make(map[string]string, len(fields))
	for f, problem := range fields {
		out[itemIndex.ReplaceAllString(f, "")] = problem
	}
	return out
}

// afterItemForm returns to the page: with ?done= when err is nil, else the page
// again with the refused form and what was typed.
func (s *Server) afterItemForm(w http.ResponseWriter, r *http.Request, caseID int64, form string, err error, done string) {
	switch ipr.ErrorCode(err) {
	case "":
		anchor := "#items"
		if done == "moved" {
			anchor = "#custody"
		}
		http.Redirect(w, r, caseItemsPath(caseID)+"?done="+done+anchor, http.StatusSeeOther)
	case ipr.EINVALID, ipr.ECONFLICT:
		s.showCaseItems(w, r, ipr.HTTPStatus(err), &itemForm{name: form, typed: r.PostForm, err: err})
	default:
		s.renderError(w, r, err)
	}
}

// formMoney reads an amount field; "" is 0.
func formMoney(r *http.Request, p ipr.Problems, field string) ipr.Money {
	v := formValue(r, field)
	if v == "" {
		return 0
	}
	m, err := ipr.ParseMoney(v)
	if err != nil {
		p.Add(field, err.Error())
	}
	return m
}

// handleCaseItemAdd adds one parcel to an open case.
func (s *Server) handleCaseItemAdd(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := ipr.Problems{}
	it := ipr.CaseItem{Description: formValue(r, "description"), Unit: formValue(r, "unit"),
		DeclaredValue: formMoney(r, p, "declared_value"), Location: formValue(r, "location"),
		StorageCostPerDay: formMoney(r, p, "storage_cost_per_day")}
	if it.Quantity, err = strconv.ParseInt(formValue(r, "quantity"), 10, 64); err != nil {
		p.Add("quantity", "is not a whole number")
	}
	err = p.Err("the item is not valid")
	if err == nil {
		_, err = s.svc.AddCaseItems(r.Context(), userFrom(r), id, []ipr.CaseItem{it})
	}
	s.afterItemForm(w, r, id, "add", err, "added")
}

// handleCaseItemUpdate saves customs' assessment of an item.
func (s *Server) handleCaseItemUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var itemID int64
	if err == nil {
		itemID, err = pathID(r, "item")
	}
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := ipr.Problems{}
	it := ipr.CaseItem{ID: itemID, AssessedValue: formMoney(r, p, "assessed_value"), Location: formValue(r, "location"),
		StorageCostPerDay: formMoney(r, p, "storage_cost_per_day")}
	err = p.Err("the item is not valid")
	if err == nil {
		_, err = s.svc.UpdateCaseItem(r.Context(), userFrom(r), it)
	}
	s.afterItemForm(w, r, id, itemRow{}.FormID("edit", itemID), err, "updated")
}

// handleCaseItemFile attaches a photo or document to an item.
func (s *Server) handleCaseItemFile(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var itemID int64
	if err == nil {
		itemID, err = pathID(r, "item")
	}
	var v *enforce.ItemsView
	if err == nil {
		v, err = s.svc.CaseItems(r.Context(), userFrom(r), id)
	}
	if err == nil && !v.CanEdit {
		err = ipr.Errorf(ipr.EFORBIDDEN, "only customs attach files to the goods of an open case")
	}
	if err != nil {
		s.renderError(w, r, err) // before reading the file: those who may not attach one do not get to send it
		return
	}
	form := itemRow{}.FormID("file", itemID)
	if err := readUploadForm(w, r, "file"); err != nil {
		s.afterItemForm(w, r, id, form, err, "")
		return
	}
	u, closeAll, err := formUpload(r, "file")
	defer closeAll()
	if err == nil && u == nil {
		err = &ipr.Error{Code: ipr.EINVALID, Message: "the file was not added", Fields: map[string]string{"file": "choose a file"}}
	}
	if err == nil {
		_, err = s.svc.AttachItemFile(r.Context(), userFrom(r), itemID, u.Name, u.Body)
	}
	s.afterItemForm(w, r, id, form, err, "file")
}

// handleCustodyMove records a move of the goods: all of them, or one item.
func (s *Server) handleCustodyMove(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	var v *enforce.ItemsView
	if err == nil {
		v, err = s.svc.CaseItems(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	p := ipr.Problems{}
	m := ipr.Custody{From: formValue(r, "from"), To: formValue(r, "to"), Received: formValue(r, "received"),
		Note: formValue(r, "note")}
	if item := formValue(r, "item"); item != "" {
		if m.ItemID, err = strconv.ParseInt(item, 10, 64); err != nil {
			p.Add("item", "is not an item of this case")
		}
	}
	if at := formValue(r, "at"); at != "" {
		// The officer types the time as the office's clock shows it.
		if m.At, err = time.ParseInLocation("2006-01-02T15:04", strings.Replace(at, " ", "T", 1), v.Case.Profile.Location()); err != nil {
			p.Add("at", "is not a date and time like 2026-11-27 09:30")
		}
	}
	err = p.Err("the custody entry is not valid")
	if err == nil {
		_, err = s.svc.MoveGoods(r.Context(), userFrom(r), id, m)
	}
	s.afterItemForm(w, r, id, "move", err, "moved")
}
