package api_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// apiGoods is the CaseGoods of openapi.json, as far as the tests look.
type apiGoods struct {
	Items []struct {
		ID                int64    `json:"id"`
		Position          int      `json:"position"`
		Description       string   `json:"description"`
		AssessedValue     string   `json:"assessed_value"`
		Location          string   `json:"location"`
		StorageCostPerDay string   `json:"storage_cost_per_day"`
		Files             []string `json:"files"`
		FileDetails       []struct {
			SHA256   string `json:"sha256"`
			URL      string `json:"url"`
			ThumbURL string `json:"thumb_url"`
			Name     string `json:"name"`
		} `json:"file_details"`
		StorageAccrued string `json:"storage_accrued"`
	} `json:"items"`
	Storage struct {
		Days     int64  `json:"days"`
		Total    string `json:"total"`
		Currency string `json:"currency"`
	} `json:"storage"`
}

type apiCustody struct {
	ID       int64  `json:"id"`
	ItemID   int64  `json:"item_id"`
	By       int64  `json:"by"`
	From     string `json:"from"`
	To       string `json:"to"`
	Received string `json:"received"`
}

// itemPNG is a small picture to upload.
func itemPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for x := range 24 {
		img.Set(x, x%16, color.RGBA{200, uint8(x * 9), 40, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func (w *caseWorld) goods(t *testing.T, token string, id int64) apiGoods {
	t.Helper()
	return decode[apiGoods](t, "GET items", w.send(t, "GET", casePath(id, "/items"), token, ""), http.StatusOK)
}

func TestCaseItemsAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := w.open(t, map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": "100000.00"})
		items := casePath(c.ID, "/items")
		if g := w.goods(t, w.holder, c.ID); len(g.Items) != 2 || g.Storage.Days != 0 || g.Storage.Total != "0.00" {
			t.Fatalf("goods at opening: got %+v, want 2 items, nothing accrued", g)
		}

		bad := js(t, map[string]any{"items": []map[string]any{{"description": "belts", "quantity": 3},
			{"description": "bags", "quantity": 1, "declared_value": "1,2x"}}})
		wantInvalid(t, "a bad declared value", w.send(t, "POST", items, w.officer, bad), "items[1].declared_value")
		bad = js(t, map[string]any{"items": []map[string]any{{"description": "belts", "quantity": 3},
			{"description": "bags", "quantity": 0}}})
		wantInvalid(t, "no quantity", w.send(t, "POST", items, w.officer, bad), "items[1].quantity")
		g := decode[apiGoods](t, "POST items", w.send(t, "POST", items, w.officer, js(t, map[string]any{"items": []map[string]any{
			{"description": "parcel 3: belts", "quantity": 3, "declared_value": "300"}}})), http.StatusCreated)
		if len(g.Items) != 3 || g.Items[2].Position != 3 || g.Items[2].Description != "parcel 3: belts" {
			t.Fatalf("after adding: got %+v, want the refused batches left out and parcel 3 last", g.Items)
		}
		wantError(t, "holder adds", w.send(t, "POST", items, w.holder, js(t, map[string]any{"items": []map[string]any{
			{"description": "x", "quantity": 1}}})), http.StatusForbidden, ipr.EFORBIDDEN)

		first := fmt.Sprintf("/api/v1/items/%d", g.Items[0].ID)
		wantInvalid(t, "a bad assessment", w.send(t, "PUT", first, w.officer, `{"assessed_value":"lots"}`), "assessed_value")
		it := decode[struct {
			AssessedValue     string `json:"assessed_value"`
			Location          string `json:"location"`
			StorageCostPerDay string `json:"storage_cost_per_day"`
		}](t, "PUT item", w.send(t, "PUT", first, w.officer,
			`{"assessed_value":"450","location":"Bay 3","storage_cost_per_day":"2.50"}`), http.StatusOK)
		if it.AssessedValue != "450.00" || it.Location != "Bay 3" || it.StorageCostPerDay != "2.50" {
			t.Errorf("assessed: got %+v, want 450.00 in Bay 3 at 2.50 a day", it)
		}
		wantError(t, "another holder assesses", w.send(t, "PUT", first, w.other, `{"location":"x"}`), http.StatusNotFound, ipr.ENOTFOUND)

		photo := itemPNG(t)
		sum := sha256.Sum256(photo)
		sha := hex.EncodeToString(sum[:])
		wantInvalid(t, "a file without a name", w.post(t, first+"/files", w.officer, "image/png", bytes.NewReader(photo)), "name")
		wantInvalid(t, "a program", w.post(t, first+"/files?name=x.png", w.officer, "image/png", bytes.NewReader([]byte("MZ\x90\x00 not a picture"))), "file")
		wantError(t, "holder attaches", w.post(t, first+"/files?name=a.png", w.holder, "image/png", bytes.NewReader(photo)),
			http.StatusForbidden, ipr.EFORBIDDEN)
		f := decode[struct {
			SHA256 string `json:"sha256"`
			URL    string `json:"url"`
			Name   string `json:"name"`
		}](t, "POST file", w.post(t, first+"/files?name=seized.png", w.officer, "image/png", bytes.NewReader(photo)), http.StatusCreated)
		if f.SHA256 != sha || f.Name != "seized.png" {
			t.Errorf("file: got %+v, want sha256 %s named seized.png", f, sha)
		}
		if r := w.send(t, "GET", f.URL, w.holder, ""); r.status != http.StatusOK || !bytes.Equal(r.body, photo) {
			t.Errorf("holder downloads: got %d, %d bytes; want 200, the %d uploaded", r.status, len(r.body), len(photo))
		}
		wantError(t, "another holder downloads", w.send(t, "GET", f.URL, w.other, ""), http.StatusNotFound, ipr.ENOTFOUND)

		custody := casePath(c.ID, "/custody")
		decode[apiCustody](t, "move all", w.send(t, "POST", custody, w.officer,
			`{"from":"Postal hall","to":"Warehouse A","received":"Wang Fang"}`), http.StatusCreated)
		w.clock.Advance(time.Hour)
		m := decode[apiCustody](t, "move one", w.send(t, "POST", custody, w.officer,
			js(t, map[string]any{"item_id": g.Items[1].ID, "to": "Inspection lab"})), http.StatusCreated)
		if m.From != "Warehouse A" || m.ItemID != g.Items[1].ID || m.By == 0 {
			t.Errorf("move one: got %+v, want from Warehouse A, the item, by the officer", m)
		}
		wantInvalid(t, "a bad time", w.send(t, "POST", custody, w.officer, `{"to":"x","at":"yesterday"}`), "at")
		wantInvalid(t, "another case's item", w.send(t, "POST", custody, w.officer, `{"to":"x","item_id":999999}`), "item_id")
		wantInvalid(t, "nowhere", w.send(t, "POST", custody, w.officer, `{"to":" "}`), "to")
		wantError(t, "holder moves", w.send(t, "POST", custody, w.holder, `{"to":"home"}`), http.StatusForbidden, ipr.EFORBIDDEN)
		wantError(t, "another holder's log", w.send(t, "GET", custody, w.other, ""), http.StatusNotFound, ipr.ENOTFOUND)
		wantError(t, "another holder's goods", w.send(t, "GET", items, w.other, ""), http.StatusNotFound, ipr.ENOTFOUND)

		log := decode[struct {
			Custody []apiCustody `json:"custody"`
		}](t, "GET custody", w.send(t, "GET", custody, w.holder, ""), http.StatusOK)
		if len(log.Custody) != 2 || log.Custody[0].To != "Warehouse A" || log.Custody[1].To != "Inspection lab" || log.Custody[0].ItemID != 0 {
			t.Errorf("custody log: got %+v, want all goods to Warehouse A, then item 2 to Inspection lab", log.Custody)
		}

		w.clock.Advance(3*24*time.Hour - time.Hour)
		g = w.goods(t, w.holder, c.ID)
		if g.Storage.Days != 3 || g.Storage.Total != "7.50" || g.Items[0].StorageAccrued != "7.50" || g.Items[1].StorageAccrued != "0.00" ||
			g.Items[0].Location != "Warehouse A" || g.Items[1].Location != "Inspection lab" {
			t.Errorf("after 3 days: got %+v, want 3 days, 7.50 for item 1, locations from the moves", g)
		}
		if d := g.Items[0].FileDetails; len(d) != 1 || d[0].SHA256 != sha || d[0].ThumbURL == "" || g.Items[0].Files[0] != sha {
			t.Errorf("item files: got %+v, want the photo with a thumbnail", d)
		}
	})
}
