package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// tipParts is a tip form as multipart parts, as the browser sends it with files.
func tipParts(form url.Values, files ...part) []part {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []part
	for _, k := range keys {
		parts = append(parts, field(k, form.Get(k)))
	}
	return append(parts, files...)
}

// tipPDF is a small PDF document.
var tipPDF = []byte("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")

var tipFileLinkRE = regexp.MustCompile(`href="(/tips/\d+/files/[0-9a-f]{64})">([^<]*)<`)

func TestTipFormWithFiles(t *testing.T) {
	w := newSQLiteWorld(t)
	holder := w.signIn(t, aurelia)
	scrWant(t, "GET /tips/new", w.get(t, holder, "/tips/new"), http.StatusOK, `enctype="multipart/form-data"`,
		`name="files" type="file" multiple`)
	photo := pngPicture(t, 7)

	// A program among the files: the form comes back naming it, and nothing is stored.
	bad := w.multipart(t, holder, "/tips/new", tipParts(tipForm("Acme ships fakes", "Acme Trading"),
		part{field: "files", name: "seizure.png", data: photo}, part{field: "files", name: "tool.exe", data: exeBytes})...)
	scrWant(t, "a program attached", bad, http.StatusBadRequest, `id="files-error"`, "tool.exe", "Acme Trading")
	if n := tipCount(t, w); n != 0 {
		t.Fatalf("after a refused upload: got %d tips, want 0", n)
	}

	r := w.multipart(t, holder, "/tips/new", tipParts(tipForm("Acme ships fakes", "Acme Trading"),
		part{field: "files", name: "seizure.png", data: photo}, part{field: "files", name: "invoice.pdf", data: tipPDF})...)
	m := tipLocRE.FindStringSubmatch(r.header.Get("Location"))
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("POST /tips/new with files: got %d to %q\n%s", r.status, r.header.Get("Location"), scrExcerpt(r.body))
	}
	path := "/tips/" + m[1]
	page := w.get(t, holder, path)
	scrWant(t, "the tip with files", page, http.StatusOK, "Supporting files", "PNG", "PDF")
	links := tipFileLinkRE.FindAllStringSubmatch(page.body, -1)
	if len(links) != 2 || links[0][2] != "seizure.png" || links[1][2] != "invoice.pdf" {
		t.Fatalf("file links: got %v, want seizure.png then invoice.pdf", links)
	}
	photoLink, pdfLink := strings.ReplaceAll(links[0][1], "&amp;", "&"), strings.ReplaceAll(links[1][1], "&amp;", "&")

	off := w.signIn(t, officer)
	for _, c := range []struct {
		who    string
		client *http.Client
	}{{"holder", holder}, {"officer", off}} {
		got := w.get(t, c.client, photoLink)
		if got.status != http.StatusOK || got.body != string(photo) || got.header.Get("Content-Type") != "image/png" {
			t.Errorf("%s opens the photo: got %d, %s, %d bytes", c.who, got.status, got.header.Get("Content-Type"), len(got.body))
		}
		doc := w.get(t, c.client, pdfLink)
		if doc.status != http.StatusOK || !strings.HasPrefix(doc.header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s opens the PDF: got %d, disposition %q", c.who, doc.status, doc.header.Get("Content-Disposition"))
		}
	}
	scrWant(t, "another holder opens the photo", w.get(t, w.signIn(t, orbis), photoLink), http.StatusNotFound)
	scrWant(t, "not one of the tip's files", w.get(t, off, path+"/files/"+strings.Repeat("ab", 32)), http.StatusNotFound)
	if r := w.get(t, w.client(t), photoLink); r.status == http.StatusOK {
		t.Errorf("the public opens the photo: got 200")
	}
}

func TestTipFormProblemsInEachLanguage(t *testing.T) {
	w := newSQLiteWorld(t)
	bad := func(lang string) reply {
		form := tipForm("Acme ships fakes", "Acme Trading", "title", " ", "hs_codes", "6403\n61.10", "unit_value_max", "cheap")
		return w.do(t, w.signIn(t, aurelia), "POST", "/tips/new?lang="+lang, form)
	}
	zh := bad("zh")
	scrWant(t, "zh", zh, http.StatusBadRequest, "线索未能保存", "请填写标题（不超过 200 字符）（is required）",
		"[1] HS 编码为数字", "（must be digits, e.g. 6403）", "请填写单价，例如 12.50")
	en := bad("en")
	scrWant(t, "en", en, http.StatusBadRequest, "The tip could not be saved", `id="title-error">is required<`,
		"[1] must be digits, e.g. 6403", `id="unit_value_max-error">is not a number<`)
	scrNot(t, "en", en, "请填写", "HS 编码")

	// The tip page's forms too.
	holder := w.signIn(t, aurelia)
	path := submitTip(t, w, holder, tipForm("Acme ships fakes", "Acme Trading"))
	off := w.signIn(t, officer)
	scrWant(t, "weight in zh", w.do(t, off, "POST", path+"/rule?lang=zh", url.Values{"weight": {"500"}}),
		http.StatusBadRequest, "权重须为 1 至 100 的整数（must be a whole number from 1 to 100）")
	scrWant(t, "weight in en", w.do(t, off, "POST", path+"/rule?lang=en", url.Values{"weight": {"500"}}),
		http.StatusBadRequest, `id="weight-error">must be a whole number from 1 to 100<`)
	scrWant(t, "files in zh", w.multipart(t, holder, "/tips/new?lang=zh", tipParts(tipForm("Acme", "Acme Trading"),
		part{field: "files", name: "tool.exe", data: exeBytes})...), http.StatusBadRequest, "请选择图片（JPEG、PNG、GIF、WebP）或 PDF 文件")
}
