package enforce

import (
	"context"
	"fmt"
	"image/color"
	"runtime"
	"slices"
	"strings"
	"sync"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// demoProduct is one product of the demo catalogue, under the demo right with Ref.
type demoProduct struct {
	Ref     string
	Product ipr.Product
	Shape   string
	Ground  color.RGBA
	Body    color.RGBA
	Guide   []demoPoint
}

// demoPoint is one guide point with the close-ups drawn for it.
type demoPoint struct {
	Title, Genuine, Fake string
	Detail               string
	Caption              string
	GenuineLines         []string
	FakeLines            []string
}

var demoCatalogue = []demoProduct{
	{Ref: "DEMO-NORTHWIND", Shape: "shoe", Ground: color.RGBA{226, 236, 244, 255}, Body: color.RGBA{11, 79, 108, 255},
		Product: ipr.Product{Name: "Northwind Stratus Runner", Model: "NW-STR-3", HSCodes: []string{"6404110000", "640411"},
			Barcodes: []string{"6901234560015"}, PriceMin: 560, PriceMax: 1080, Currency: "CNY",
			Packaging: "Blue cardboard box with lid, tissue paper, hang tag with QR code; size label woven inside the tongue",
			MadeIn:    "Ho Chi Minh City, Viet Nam; Putian, Fujian, China (licensed factory)",
			Routes:    "Factory → Ningbo or Shanghai by truck → sea freight to Rotterdam, Hamburg and Los Angeles",
			Ports:     "Ningbo, Shanghai, Ho Chi Minh City (Cat Lai)"},
		Guide: []demoPoint{
			{Title: "Stitching on the toe cap", Detail: "stitching", Caption: "TOE CAP STITCHING",
				Genuine: "Even double stitching, 9 stitches per 2 cm, no loose threads.",
				Fake:    "Single or uneven stitching, loose thread ends, glue marks along the seam."},
			{Title: "Size label inside the tongue", Detail: "label", Caption: "SIZE LABEL",
				GenuineLines: []string{"NW-STR-3  EU 42", "6901234560015", "MADE IN VIET NAM"},
				FakeLines:    []string{"NW-STR-8  EU 42", "690123456001", "MADE IN VIETMAN"},
				Genuine:      "Woven label: model NW-STR-3, size, the 13-digit GTIN and the country of production.",
				Fake:         "Printed label; wrong model code, GTIN with a digit missing or a wrong check digit, misspellings."},
			{Title: "Wind-rose logo on the sole", Detail: "logo", Caption: "SOLE LOGO",
				Genuine: "Sharp moulded wind rose with 8 points.",
				Fake:    "Blurred logo, often with 6 points."},
			{Title: "Hologram sticker on the box", Detail: "hologram", Caption: "BOX HOLOGRAM",
				Genuine: "Rainbow hologram that changes colour when tilted.",
				Fake:    "Flat silver print that does not change when tilted."},
		}},
	{Ref: "DEMO-AURELIA", Shape: "bag", Ground: color.RGBA{246, 236, 226, 255}, Body: color.RGBA{122, 62, 38, 255},
		Product: ipr.Product{Name: "Aurelia Céleste Tote", Model: "AM-CT-32", HSCodes: []string{"4202210000", "420221"},
			Barcodes: []string{"6901234560022"}, PriceMin: 12800, PriceMax: 18500, Currency: "CNY",
			Packaging: "Ivory dust bag with gold drawstring in a rigid cream box; authenticity card with serial number",
			MadeIn:    "Florence, Italy; Dongguan, Guangdong, China (licensed workshop)",
			Routes:    "Workshop → Milan Malpensa by air; Dongguan → Shenzhen by truck → air freight to Paris",
			Ports:     "Milan Malpensa, Shenzhen Bao'an, Hong Kong"},
		Guide: []demoPoint{
			{Title: "Heat-stamped logo", Detail: "logo", Caption: "LOGO STAMP",
				Genuine: "Crisp, evenly deep stamp with a sun of 8 rays.",
				Fake:    "Shallow, smudged stamp; 6 rays or uneven spacing."},
			{Title: "Serial tag in the inner pocket", Detail: "serial", Caption: "SERIAL TAG",
				GenuineLines: []string{"AURELIA MAISON", "No. AM-04217", "FIRENZE"},
				FakeLines:    []string{"AURELIA MASION", "No. AM-00000", "FIRENZE"},
				Genuine:      "Leather tag with a unique serial that matches the authenticity card.",
				Fake:         "Serial missing, all zeros, or shared by many bags; name misspelt."},
			{Title: "Edge stitching of the handles", Detail: "stitching", Caption: "HANDLE STITCHING",
				Genuine: "Saddle stitching, slanted and perfectly regular.",
				Fake:    "Machine lock stitch, irregular length and spacing."},
		}},
	{Ref: "DEMO-VOLTIS", Shape: "earbuds", Ground: color.RGBA{232, 236, 242, 255}, Body: color.RGBA{40, 44, 52, 255},
		Product: ipr.Product{Name: "Voltis AirPulse Pro", Model: "VT-AP2", HSCodes: []string{"8518300000", "851830"},
			Barcodes: []string{"6937654000213"}, PriceMin: 699, PriceMax: 999, Currency: "CNY",
			Packaging: "White sleeve over a black box; charging cable in a paper wrap; CCC and CE marks on the back",
			MadeIn:    "Shenzhen, Guangdong, China; Batam, Indonesia",
			Routes:    "Factory → Shenzhen Yantian by truck → sea freight; express parcels via Shenzhen Bao'an",
			Ports:     "Shenzhen Yantian, Shenzhen Bao'an, Hong Kong"},
		Guide: []demoPoint{
			{Title: "Serial number on the case and the box", Detail: "serial", Caption: "CASE SERIAL",
				GenuineLines: []string{"VOLTIS VT-AP2", "SN V2A7K91Q", "CCC  CE"},
				FakeLines:    []string{"VOLTIS VT-AP2", "SN 00000000", "CE"},
				Genuine:      "The serial laser-etched in the lid matches the box label and answers on the Voltis website.",
				Fake:         "Printed serial, zeros or the same serial on many units; CCC mark missing."},
			{Title: "Security hologram on the box", Detail: "hologram", Caption: "BOX HOLOGRAM",
				Genuine: "Rainbow hologram with a V pattern that moves when tilted.",
				Fake:    "Flat grey sticker."},
			{Title: "Voltis logo on the case", Detail: "logo", Caption: "CASE LOGO",
				Genuine: "Sharp logo with 8 evenly spaced rays.",
				Fake:    "Fuzzy logo with 6 rays."},
		}},
	{Ref: "DEMO-ORBIS", Shape: "watch", Ground: color.RGBA{238, 234, 226, 255}, Body: color.RGBA{64, 40, 30, 255},
		Product: ipr.Product{Name: "Orbis Meridian Automatic", Model: "OB-MER-40", HSCodes: []string{"9102210000", "910221"},
			Barcodes: []string{"7612345000183"}, PriceMin: 28000, PriceMax: 36000, Currency: "CNY",
			Packaging: "Green lacquered wooden box, warranty card with the case number, instruction booklet",
			MadeIn:    "Biel/Bienne, Switzerland",
			Routes:    "Biel → Zurich by road → air freight to Shanghai Pudong; authorised distributor in Shanghai",
			Ports:     "Zurich, Shanghai Pudong"},
		Guide: []demoPoint{
			{Title: "Case number on the caseback", Detail: "serial", Caption: "CASEBACK",
				GenuineLines: []string{"ORBIS HORLOGERIE", "No. 1204 887", "SWISS MADE"},
				FakeLines:    []string{"ORBIS HOROLOGERIE", "No. 0000 000", "SWISS MAD"},
				Genuine:      "Deep, clean engraving; the number matches the warranty card.",
				Fake:         "Shallow etching, misspellings, number missing or not on the card."},
			{Title: "Crown logo", Detail: "logo", Caption: "CROWN LOGO",
				Genuine: "Relief compass rose with 8 points.",
				Fake:    "Flat print with 6 points."},
			{Title: "Strap stitching", Detail: "stitching", Caption: "STRAP STITCHING",
				Genuine: "Hand stitching, regular, the same colour as the strap.",
				Fake:    "Irregular machine stitching, often in a different colour."},
		}},
}

// ensureDemoCatalogue gives each demo right its product, photo and authentication
// guide. Rights not loaded (yet) are skipped, and so is a product already there.
func (s *Service) ensureDemoCatalogue(ctx context.Context, tx *store.Tx, actor *ipr.User, r *DemoReport) error {
	if s.Files == nil {
		s.Log.Warn("demo catalogue skipped: no file store for its photos")
		return nil
	}
	for _, d := range demoCatalogue {
		right, err := tx.RightByRef(ctx, d.Ref)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			continue
		} else if err != nil {
			return err
		}
		have, err := tx.Products(ctx, right.ID)
		if err != nil {
			return err
		}
		if hasProduct(have, d.Product.Name) {
			continue
		}
		if err := s.demoProduct(ctx, tx, actor, right, d, r); err != nil {
			return fmt.Errorf("demo product %s: %w", d.Ref, err)
		}
	}
	return nil
}

func hasProduct(list []*ipr.Product, name string) bool {
	for _, p := range list {
		if p.Name == name {
			return true
		}
	}
	return false
}

func (s *Service) demoProduct(ctx context.Context, tx *store.Tx, actor *ipr.User, right *ipr.Right, d demoProduct, r *DemoReport) error {
	drawn := drawDemoPictures()
	pics := d.pictures() // the product's photo, then each point's genuine and fake
	shas := make([]string, len(pics))
	var err error
	for i, pc := range pics {
		if shas[i], err = s.demoFile(ctx, tx, actor, right.HolderID, pc, drawn[pc.key()], r); err != nil {
			return err
		}
	}
	p := d.Product // a copy: the table stays as it is
	p.HSCodes, p.Barcodes, p.Photos = slices.Clone(p.HSCodes), slices.Clone(p.Barcodes), shas[:1]
	if err := s.createProduct(ctx, tx, actor, right, &p); err != nil {
		return err
	}
	r.Created++
	for i, pt := range d.Guide {
		g := &ipr.GuidePoint{Title: pt.Title, Genuine: pt.Genuine, Fake: pt.Fake, GenuinePhoto: shas[1+2*i], FakePhoto: shas[2+2*i]}
		if err := s.addGuidePoint(ctx, tx, actor, &p, right, g); err != nil {
			return err
		}
		r.Created++
	}
	return nil
}

// namedPicture is a demo picture with the file name it is "uploaded" with.
type namedPicture struct {
	picture
	Name string
}

func (pc namedPicture) key() string { return fmt.Sprint(pc.picture) }

// pictures lists the product's photo, then the genuine and the fake close-up of each guide point.
func (d demoProduct) pictures() []namedPicture {
	model := strings.ToLower(d.Product.Model)
	caption := strings.ToUpper(strings.ReplaceAll(d.Product.Name, "é", "E"))
	list := []namedPicture{{picture{Ground: d.Ground, Body: d.Body, Shape: d.Shape, Caption: caption}, model + ".png"}}
	for i, pt := range d.Guide {
		list = append(list,
			namedPicture{picture{Ground: d.Ground, Body: d.Body, Detail: pt.Detail, Caption: pt.Caption, Lines: pt.GenuineLines},
				fmt.Sprintf("%s-%d-genuine.png", model, i+1)},
			namedPicture{picture{Ground: d.Ground, Body: d.Body, Detail: pt.Detail, Fake: true, Caption: pt.Caption, Lines: pt.FakeLines},
				fmt.Sprintf("%s-%d-fake.png", model, i+1)})
	}
	return list
}

// The demo's pictures and thumbnails never change: they are drawn once per process,
// on every core, not again for every demo load (every test).
var demoDrawing struct {
	once  sync.Once
	files map[string]*pendingFile // by picture key
}

func drawDemoPictures() map[string]*pendingFile {
	demoDrawing.once.Do(func() {
		var all []namedPicture
		for _, d := range demoCatalogue {
			all = append(all, d.pictures()...)
		}
		files := make([]*pendingFile, len(all))
		var wg sync.WaitGroup
		slots := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i, pc := range all {
			wg.Go(func() {
				slots <- struct{}{}
				defer func() { <-slots }()
				data, thumb := pc.png()
				files[i] = &pendingFile{data: data, thumb: thumb, file: ipr.File{ContentType: "image/png", Size: int64(len(data))}}
			})
		}
		wg.Wait()
		demoDrawing.files = map[string]*pendingFile{}
		for i, pc := range all {
			demoDrawing.files[pc.key()] = files[i]
		}
	})
	return demoDrawing.files
}

// demoFile stores a drawn picture like an upload and records it.
func (s *Service) demoFile(ctx context.Context, tx *store.Tx, actor *ipr.User, org int64, pc namedPicture, drawn *pendingFile, r *DemoReport) (string, error) {
	f := *drawn // a copy: the drawing is shared
	f.file.Name, f.file.OrgID, f.file.UploadedBy, f.file.CreatedAt = pc.Name, org, actor.ID, s.Clock.Now()
	if err := s.writeBlobs([]*pendingFile{&f}); err != nil {
		return "", err
	}
	if err := s.recordFile(ctx, tx, actor, &f.file); err != nil {
		return "", err
	}
	r.Created++
	return f.file.SHA256, nil
}
