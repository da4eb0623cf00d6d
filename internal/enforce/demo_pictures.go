package enforce

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// The demo's photos are drawn here: simple, clearly different placeholders (a
// product's silhouette, or a close-up of the detail a guide point is about, as
// the genuine shows it or as a typical fake does) with a label band. They are
// the same every time, so loading the demo twice stores each once.

const picW, picH = 480, 360

// picture describes one demo photo.
type picture struct {
	Ground  color.RGBA
	Body    color.RGBA
	Shape   string // shoe, bag, earbuds, watch: the product's silhouette
	Detail  string // stitching, label, logo, serial, hologram: a guide point's close-up instead
	Fake    bool
	Caption string // ASCII; basicfont has no Chinese
	Lines   []string
}

var (
	white   = color.RGBA{255, 255, 255, 255}
	ink     = color.RGBA{27, 36, 48, 255}
	steel   = color.RGBA{150, 158, 168, 255}
	genuine = color.RGBA{21, 115, 71, 255}
	fakeRed = color.RGBA{176, 0, 32, 255}
)

// png draws the picture and encodes it, with its thumbnail.
func (pc picture) png() (data, thumb []byte) {
	img := image.NewRGBA(image.Rect(0, 0, picW, picH))
	fill(img, img.Rect, pc.Ground)
	if pc.Detail != "" {
		pc.drawDetail(img)
	} else {
		pc.drawShape(img)
	}
	band, caption := ink, pc.Caption
	if pc.Detail != "" {
		band, caption = genuine, "GENUINE  "+pc.Caption
		if pc.Fake {
			band, caption = fakeRed, "FAKE  "+pc.Caption
		}
	}
	fill(img, image.Rect(0, picH-56, picW, picH), band)
	text(img, 16, picH-44, 2, caption, white)
	var b bytes.Buffer
	thumb, err := thumbnailOf(img, 1)
	if err == nil {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img)
	}
	if err != nil {
		panic(err) // cannot happen: an in-memory image into a buffer
	}
	return b.Bytes(), thumb
}

func (pc picture) drawShape(img *image.RGBA) {
	switch pc.Shape {
	case "shoe":
		ellipse(img, 190, 205, 140, 38, pc.Body)           // toe box
		ellipse(img, 300, 165, 100, 72, pc.Body)           // upper
		fill(img, image.Rect(300, 110, 405, 228), pc.Body) // heel
		ellipse(img, 345, 100, 62, 18, pc.Ground)          // ankle opening
		fill(img, image.Rect(50, 228, 410, 252), white)    // sole
		for i, x := 0, 215; i < 4; i, x = i+1, x+24 {
			line(img, x, 150-6*i, x+20, 160-6*i, 5, white) // laces
		}
	case "bag":
		ellipse(img, 240, 130, 80, 80, pc.Body)
		ellipse(img, 240, 130, 62, 62, pc.Ground)
		fill(img, image.Rect(120, 130, 360, 280), pc.Body)
		fill(img, image.Rect(222, 170, 258, 190), steel) // clasp
	case "earbuds":
		for _, cx := range []int{160, 320} {
			ellipse(img, cx, 140, 52, 52, pc.Body)
			ellipse(img, cx, 140, 22, 22, steel)
			fill(img, image.Rect(cx-14, 180, cx+14, 280), pc.Body)
		}
	case "watch":
		fill(img, image.Rect(200, 20, 280, 290), pc.Body)
		ellipse(img, 240, 155, 100, 100, steel)
		ellipse(img, 240, 155, 84, 84, white)
		line(img, 240, 155, 240, 90, 4, ink)
		line(img, 240, 155, 290, 175, 5, ink)
		fill(img, image.Rect(338, 145, 356, 165), steel) // crown
	}
}

func (pc picture) drawDetail(img *image.RGBA) {
	panel := image.Rect(40, 24, picW-40, picH-80)
	fill(img, panel, pc.Body)
	switch pc.Detail {
	case "stitching":
		for i, x := 0, 70; x < picW-80; i, x = i+1, x+30 {
			w, y := 18, 140
			if pc.Fake { // uneven length, gaps and line
				w, y = 10+(i*7)%16, 140+int(10*math.Sin(float64(i)))
				x += (i * 5) % 9
			}
			fill(img, image.Rect(x, y, x+w, y+5), white)
			fill(img, image.Rect(x, y+40, x+w, y+45), white)
		}
	case "label", "serial":
		fill(img, image.Rect(80, 60, picW-80, picH-110), white)
		for i, l := range pc.Lines {
			x := 100
			if pc.Fake {
				x += 9 * (i % 2) // misaligned print
			}
			text(img, x, 80+i*40, 2, l, ink)
		}
	case "logo":
		rays := 8
		if pc.Fake {
			rays = 6
		}
		for k := range rays {
			a := 2 * math.Pi * float64(k) / float64(rays)
			line(img, 240, 140, 240+int(90*math.Cos(a)), 140+int(90*math.Sin(a)), 7, white)
		}
		ellipse(img, 240, 140, 28, 28, white)
		if pc.Fake { // smudged: a blurred copy beside it
			ellipse(img, 252, 148, 30, 30, color.RGBA{120, 120, 120, 120}) // premultiplied: half-transparent white
		}
	case "hologram":
		sq := image.Rect(150, 50, 330, 230)
		for y := sq.Min.Y; y < sq.Max.Y; y++ {
			for x := sq.Min.X; x < sq.Max.X; x++ {
				c := steel
				if !pc.Fake { // a rainbow that a flat print cannot copy
					t := float64(x+y-sq.Min.X-sq.Min.Y) / 360
					c = color.RGBA{uint8(128 + 127*math.Sin(6.28*t)), uint8(128 + 127*math.Sin(6.28*t+2.1)),
						uint8(128 + 127*math.Sin(6.28*t+4.2)), 255}
				}
				img.SetRGBA(x, y, c)
			}
		}
	}
}

func fill(img *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Over)
}

func ellipse(img *image.RGBA, cx, cy, rx, ry int, c color.RGBA) {
	for y := cy - ry; y <= cy+ry; y++ {
		for x := cx - rx; x <= cx+rx; x++ {
			dx, dy := float64(x-cx)/float64(rx), float64(y-cy)/float64(ry)
			if dx*dx+dy*dy <= 1 {
				if c.A == 255 {
					img.SetRGBA(x, y, c)
				} else {
					fill(img, image.Rect(x, y, x+1, y+1), c)
				}
			}
		}
	}
}

// line draws a thick line as a row of small discs.
func line(img *image.RGBA, x0, y0, x1, y1, width int, c color.RGBA) {
	steps := max(abs(x1-x0), abs(y1-y0), 1)
	for i := 0; i <= steps; i++ {
		x := x0 + (x1-x0)*i/steps
		y := y0 + (y1-y0)*i/steps
		ellipse(img, x, y, width/2, width/2, c)
	}
}

func abs(n int) int { return max(n, -n) }

// text writes ASCII s with its top left at x, y, scale times the size of basicfont.
func text(img *image.RGBA, x, y, scale int, s string, c color.RGBA) {
	face := basicfont.Face7x13
	small := image.NewRGBA(image.Rect(0, 0, 7*len(s), 13))
	d := font.Drawer{Dst: small, Src: image.NewUniform(c), Face: face, Dot: fixed.P(0, face.Ascent)}
	d.DrawString(s)
	dst := image.Rect(x, y, x+small.Rect.Dx()*scale, y+13*scale)
	draw.NearestNeighbor.Scale(img, dst, small, small.Rect, draw.Over, nil)
}
