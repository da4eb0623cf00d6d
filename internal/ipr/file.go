package ipr

import "time"

// File is an uploaded image or document, stored once under the SHA-256 of its content.
type File struct {
	SHA256      string
	ContentType string // image/jpeg, image/png, image/gif, image/webp or application/pdf
	Size        int64
	Name        string // the name it was uploaded with
	OrgID       int64  // the organisation whose data it belongs to; it decides who may see it
	UploadedBy  int64
	CreatedAt   time.Time
}

// MaxFileSize is the largest upload accepted.
const MaxFileSize = 10 << 20

// AllowedFileTypes are the content types accepted for upload, detected from the content.
var AllowedFileTypes = map[string]string{
	"image/jpeg":      ".jpg",
	"image/png":       ".png",
	"image/gif":       ".gif",
	"image/webp":      ".webp",
	"application/pdf": ".pdf",
}

// IsImage reports whether the file is a picture that can have a thumbnail.
func (f *File) IsImage() bool { return f.ContentType != "application/pdf" }
