package enforce

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"sync"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// The demo's exhibition: two exhibits, each with a drawn photo of the genuine
// product and of a fake, written by the holder, submitted and approved by
// customs; and one model case made of the demo's closed Hangzhou case. All go
// through the services, so each step has its audit event.

// demoExhibit is one demo exhibit: a product of the demo catalogue, its fake's
// colours, and the guide points (by title) its points link to.
type demoExhibit struct {
	holder, ref     string
	title, titleZH  string
	body            string
	fakeBody        color.RGBA
	points          []string // Markdown, one per point
	guide           []string // the title of the guide point each links to, "" for none
	genuine, fakeOf string   // captions
}

var demoExhibits = []demoExhibit{
	{holder: northwindHolder, ref: "DEMO-NORTHWIND", title: "Northwind Stratus Runner: genuine and fake",
		titleZH: "北风 Stratus 跑鞋：正品与假冒", fakeBody: color.RGBA{40, 96, 140, 255},
		body:    "Fakes of the **Stratus Runner** are the most detained Northwind goods in Yiwu. Look at the toe cap, the label in the tongue and the sole.",
		points:  []string{"Even double stitching on the toe cap; fakes have uneven or single stitching.", "The woven size label gives model **NW-STR-3** and a valid GTIN.", "The wind rose on the sole has **8** points; fakes often have 6."},
		guide:   []string{"Stitching on the toe cap", "Size label inside the tongue", "Wind-rose logo on the sole"},
		genuine: "GENUINE NW-STR-3", fakeOf: "FAKE NW-STR-3"},
	{holder: "brand@voltis.example", ref: "DEMO-VOLTIS", title: "Voltis AirPulse Pro earbuds: genuine and fake",
		titleZH: "沃尔蒂斯 AirPulse Pro 耳机：正品与假冒", fakeBody: color.RGBA{70, 70, 70, 255},
		body:    "Counterfeit earbuds are often sent by express in small parcels. The serial number and the hologram give them away.",
		points:  []string{"The serial is laser-etched in the lid and matches the box.", "The hologram on the box changes colour when tilted.", "Genuine boxes carry the CCC mark."},
		guide:   []string{"Serial number on the case and the box", "Security hologram on the box", ""},
		genuine: "GENUINE VT-AP2", fakeOf: "FAKE VT-AP2"},
}

// demoModelCase is the model case made of the demo's closed Hangzhou case.
var demoModelCase = struct {
	marker string // an item of the case, to find it
	in     ipr.ModelCaseInput
}{"NORTHWIND down jackets", ipr.ModelCaseInput{
	Title: "Down jackets by express: identified within a day",
	Summary: "An express consignment declared as padded jackets held **150 down jackets** and 600 gloves under the " +
		"NORTHWIND mark. Northwind Apparel answered the identification request within 20 hours; the goods were " +
		"detained, investigated and found infringing, and a fine was imposed.",
	Lessons: "- A quick identification answer lets customs detain before the bond deadline.\n" +
		"- The down fill (polyester wadding) was the decisive point: put such points in the authentication guide.",
	Reveal: []ipr.ModelCaseField{ipr.MCOffice, ipr.MCMonth, ipr.MCChannel, ipr.MCGoods, ipr.MCQuantity,
		ipr.MCValueBand, ipr.MCDetermination, ipr.MCPenaltyTier}}}

// ensureDemoExhibits loads the demo exhibits and model case, unless they are there.
func (s *Service) ensureDemoExhibits(ctx context.Context, rep *DemoReport) error {
	if s.Files == nil {
		return nil // no photos without a file store, as for the catalogue
	}
	approver, err := s.demoUser(ctx, yiwuOfficer)
	if err != nil {
		return err
	}
	for i, d := range demoExhibits {
		if err := s.demoExhibit(ctx, approver, d, demoExhibitPictures()[i], rep); err != nil {
			return fmt.Errorf("demo exhibit %s: %w", d.ref, err)
		}
	}
	return s.demoModelCase(ctx, rep)
}

func (s *Service) demoExhibit(ctx context.Context, approver *ipr.User, d demoExhibit, pics [2][]byte, rep *DemoReport) error {
	holder, err := s.demoUser(ctx, d.holder)
	if err != nil {
		return err
	}
	var right *ipr.Right
	var have []*ipr.Exhibit
	err = s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if right, err = tx.RightByRef(ctx, d.ref); err != nil {
			return err
		}
		have, _, err = tx.ListExhibits(ctx, ipr.ExhibitFilter{HolderIDs: []int64{holder.OrgID}, Limit: 500})
		return err
	})
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return nil // the right is not loaded
	} else if err != nil || slices.ContainsFunc(have, func(e *ipr.Exhibit) bool { return e.Title == d.title }) {
		return err
	}
	choices, err := s.ExhibitChoices(ctx, holder, holder.OrgID)
	if err != nil {
		return err
	}
	in := ExhibitInput{HolderID: holder.OrgID, RightID: right.ID, Title: d.title, TitleZH: d.titleZH, Body: d.body,
		GenuinePhoto: &Upload{Field: "genuine_photo", Name: "genuine.png", Body: bytes.NewReader(pics[0])},
		FakePhoto:    &Upload{Field: "fake_photo", Name: "fake.png", Body: bytes.NewReader(pics[1])}}
	if len(choices.Groups) > 0 {
		in.GroupID = choices.Groups[0].ID
	}
	for i, text := range d.points {
		pt := ipr.ExhibitPoint{Text: text}
		for _, g := range choices.Guide {
			if d.guide[i] != "" && g.Title == d.guide[i] {
				pt.GuidePointID = g.ID
			}
		}
		in.Points = append(in.Points, pt)
	}
	e, err := s.CreateExhibit(ctx, holder, in)
	if err != nil {
		return err
	}
	if e, err = s.SubmitExhibit(ctx, holder, e.ID, e.Version); err != nil {
		return err
	}
	if _, err = s.ReviewExhibit(ctx, approver, e.ID, e.Version, true, ""); err != nil {
		return err
	}
	rep.Created += 5 // two photos, the exhibit, its submission and approval
	return nil
}

func (s *Service) demoModelCase(ctx context.Context, rep *DemoReport) error {
	chief, err := s.demoUser(ctx, districtChief)
	if err != nil {
		return err
	}
	var cases []*ipr.Case
	err = s.DB.View(ctx, func(tx *store.Tx) (err error) {
		cases, _, err = tx.Cases(ctx, ipr.CaseFilter{Search: demoModelCase.marker, Limit: 1})
		return err
	})
	if err != nil || len(cases) == 0 || cases[0].Open() {
		return err // the demo cases are not loaded
	}
	if _, err := s.ModelCaseOf(ctx, chief, cases[0].ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
		return err // already published, or a real error
	}
	if _, err := s.PublishModelCase(ctx, chief, cases[0].ID, demoModelCase.in); err != nil {
		return err
	}
	rep.Created++
	return nil
}

// The exhibits' photos are drawn once per process, like the catalogue's.
var demoExhibitDrawing struct {
	once sync.Once
	pngs [][2][]byte
}

// demoExhibitPictures draws each exhibit's product as the genuine shows it and as a fake does.
func demoExhibitPictures() [][2][]byte {
	demoExhibitDrawing.once.Do(func() {
		for _, d := range demoExhibits {
			i := slices.IndexFunc(demoCatalogue, func(p demoProduct) bool { return p.Ref == d.ref })
			p := demoCatalogue[i]
			genuine, _ := picture{Ground: p.Ground, Body: p.Body, Shape: p.Shape, Caption: d.genuine}.png()
			fake, _ := picture{Ground: p.Ground, Body: d.fakeBody, Shape: p.Shape, Caption: strings.ToUpper(d.fakeOf)}.png()
			demoExhibitDrawing.pngs = append(demoExhibitDrawing.pngs, [2][]byte{genuine, fake})
		}
	})
	return demoExhibitDrawing.pngs
}
