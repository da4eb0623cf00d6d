package enforce

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	_ "image/gif" // decoders for the accepted picture formats
	_ "image/jpeg"
	"image/png"

	"golang.org/x/image/draw"   // nor any scaling
	_ "golang.org/x/image/webp" // the standard library has no WebP decoder
)

// ThumbSize is the longest side of a thumbnail, in pixels: enough for a phone's
// column at twice its density.
const ThumbSize = 360

// maxPixels refuses pictures that would take too much memory to decode: a small
// file can claim a huge size.
const maxPixels = 50_000_000

// thumbnail decodes a picture and returns a PNG at most ThumbSize on its longest
// side, turned upright as the camera recorded (JPEG's EXIF orientation). The
// error says what is wrong with the picture, in words for its field.
func thumbnail(data []byte) ([]byte, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("is not a readable picture")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return nil, errors.New("has too many pixels (at most 50 megapixels)")
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("is not a readable picture (it may be damaged)")
	}
	return thumbnailOf(src, jpegOrientation(data))
}

// thumbnailOf scales a decoded picture down, turns it upright and encodes it as PNG.
func thumbnailOf(src image.Image, orientation int) ([]byte, error) {
	b := src.Bounds()
	w, h := fit(b.Dx(), b.Dy(), ThumbSize)
	dst := image.NewRGBA(image.Rect(0, 0, w, h)) // RGBA: the scaler's fast path
	scaler := draw.Scaler(draw.BiLinear)         // averages every source pixel: no jagged edges when shrinking a lot
	if b.Dx() < 2*w && b.Dy() < 2*h {
		scaler = draw.ApproxBiLinear // as good when shrinking less than half, and much quicker
	}
	scaler.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed} // small pictures: speed matters more than bytes
	if err := enc.Encode(&out, orient(dst, orientation)); err != nil {
		return nil, errors.New("could not be made into a thumbnail")
	}
	return out.Bytes(), nil
}

// fit scales w×h down to fit in a square of side max, keeping its proportions.
func fit(w, h, max int) (int, int) {
	if w <= max && h <= max {
		return w, h
	}
	if w >= h {
		return max, ratio(h, max, w)
	}
	return ratio(w, max, h), max
}

func ratio(a, num, den int) int { return int(max(1, (int64(a)*int64(num)+int64(den)/2)/int64(den))) }

// orient turns img upright according to an EXIF orientation (1 to 8).
func orient(img *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return img
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			out.SetRGBA(x, y, img.RGBAAt(sx, sy))
		}
	}
	return out
}

// jpegOrientation returns the EXIF orientation of a JPEG, 1 (upright) when it has none.
func jpegOrientation(b []byte) int {
	if !bytes.HasPrefix(b, []byte{0xFF, 0xD8}) {
		return 1
	}
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return 1
		}
		marker := b[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8): // markers without a length
			i += 2
			continue
		case marker == 0xDA || marker == 0xD9: // image data starts: metadata comes before it
			return 1
		}
		n := int(b[i+2])<<8 | int(b[i+3])
		if n < 2 || i+2+n > len(b) {
			return 1
		}
		if seg := b[i+4 : i+2+n]; marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return exifOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

// exifOrientation reads tag 0x0112 from the first directory of an EXIF (TIFF) block.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	off := int64(bo.Uint32(t[4:8]))
	if off < 8 || off+2 > int64(len(t)) {
		return 1
	}
	n := int(bo.Uint16(t[off:]))
	for k := range n {
		e := int(off) + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 1
		}
	}
	return 1
}
