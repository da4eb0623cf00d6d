package web_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"math/bits"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"bordermark/internal/store"
)

var (
	ptChallengeRE   = regexp.MustCompile(`name="challenge" value="([A-Za-z0-9_-]+)"`)
	ptPowBitsRE     = regexp.MustCompile(`data-pow="(\d+)"`)
	ptQuestionRE    = regexp.MustCompile(`(\d) (?:\+|&#43;) (\d)`)
	ptReceiptRE     = regexp.MustCompile(`<code class="receipt">(T-[A-Z0-9]+)</code>`)
	ptSecretRE      = regexp.MustCompile(`<code class="secret">([A-Z0-9]+)</code>`)
	publicTipLinkRE = regexp.MustCompile(`href="/triage/(\d+)"`)
)

// publicTipChallenge opens the form and returns its challenge, solved as pow.js solves it.
func publicTipChallenge(t *testing.T, w *world, c *http.Client) (token, nonce string, question int) {
	t.Helper()
	r := w.get(t, c, "/report")
	catWant(t, "GET /report", r, http.StatusOK, `<script src="/static/pow.js?v=`, `name="website"`)
	m, b, q := ptChallengeRE.FindStringSubmatch(r.body), ptPowBitsRE.FindStringSubmatch(r.body), ptQuestionRE.FindStringSubmatch(r.body)
	if m == nil || b == nil || q == nil {
		t.Fatalf("the form has no challenge, difficulty or question:\n%s", r.body)
	}
	want, _ := strconv.Atoi(b[1])
	for n := 0; ; n++ {
		sum := sha256.Sum256([]byte(m[1] + ":" + strconv.Itoa(n)))
		if ptZeroBits(sum[:]) >= want {
			nonce = strconv.Itoa(n)
			break
		}
	}
	x, _ := strconv.Atoi(q[1])
	y, _ := strconv.Atoi(q[2])
	return m[1], nonce, x + y
}

func ptZeroBits(b []byte) int {
	n := 0
	for _, c := range b {
		if c != 0 {
			return n + bits.LeadingZeros8(c)
		}
		n += 8
	}
	return n
}

// publicTipParts is a valid report with a solved challenge, plus extra parts. To
// change a field, drop it with ptWithout and add the new value as an extra part.
func publicTipParts(token, nonce string, extra ...part) []part {
	parts := []part{field("challenge", token), field("nonce", nonce), field("what", "Fake Northwind handbags, about 200"),
		field("where", "Yiwu International Trade City, district 2"), field("seller", "stall 4411"), field("website", "")}
	return append(parts, extra...)
}

func ptWithout(parts []part, name string) []part {
	var out []part
	for _, p := range parts {
		if p.field != name {
			out = append(out, p)
		}
	}
	return out
}

func publicTipCounts(t *testing.T, w *world) (tips, photos int64) {
	t.Helper()
	err := w.svc.DB.View(context.Background(), func(tx *store.Tx) (err error) {
		tips, photos, err = tx.CountPublicTips(context.Background())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tips, photos
}

func TestPublicTipReportAndTriage(t *testing.T) {
	eachWorld(t, func(t *testing.T, db *store.DB) {
		w := newWorld(t, db)
		public := w.client(t)
		home := w.get(t, public, "/")
		catWant(t, "home", home, http.StatusOK, `href="/report"`)

		token, nonce, _ := publicTipChallenge(t, w, public)
		r := w.multipart(t, public, "/report", append(publicTipParts(token, nonce),
			part{field: "photos", name: "bag.png", data: pngPicture(t, 1)}, part{field: "photos", name: "", data: nil})...)
		catWant(t, "POST /report", r, http.StatusCreated)
		receipt, secret := ptReceiptRE.FindStringSubmatch(r.body), ptSecretRE.FindStringSubmatch(r.body)
		if receipt == nil || secret == nil {
			t.Fatalf("no receipt and secret on the page:\n%s", r.body)
		}
		if tips, photos := publicTipCounts(t, w); tips != 1 || photos != 1 {
			t.Fatalf("got %d tips and %d photos, want 1 and 1", tips, photos)
		}
		again := w.multipart(t, public, "/report", publicTipParts(token, nonce)...)
		catWant(t, "the same challenge again", again, http.StatusBadRequest, "already sent")

		status := w.do(t, public, http.MethodPost, "/report/status", url.Values{"receipt": {receipt[1]}, "secret": {strings.ToLower(secret[1])}})
		catWant(t, "status with the secret", status, http.StatusOK, "Received, waiting to be read")
		if strings.Contains(status.body, "Northwind") || strings.Contains(status.body, "stall 4411") {
			t.Errorf("the status page shows what the reporter wrote")
		}
		wrong := w.do(t, public, http.MethodPost, "/report/status", url.Values{"receipt": {receipt[1]}, "secret": {"WRONGWRONGWRONG2"}})
		catWant(t, "status with a wrong secret", wrong, http.StatusNotFound, "No report matches")

		catWant(t, "the public at /triage", w.get(t, public, "/triage"), http.StatusSeeOther)
		holder := w.signIn(t, brand)
		catWant(t, "a right holder at /triage", w.get(t, holder, "/triage"), http.StatusForbidden)

		customs := w.signIn(t, officer)
		queue := w.get(t, customs, "/triage?status=received")
		catWant(t, "the triage queue", queue, http.StatusOK, receipt[1], "Fake Northwind handbags", `href="/triage"`)
		link := publicTipLinkRE.FindStringSubmatch(queue.body)
		if link == nil {
			t.Fatalf("no link to the tip in the queue")
		}
		show := w.get(t, customs, "/triage/"+link[1])
		catWant(t, "the tip", show, http.StatusOK, "stall 4411", "/thumb")
		photo := regexp.MustCompile(`/triage/\d+/photos/[0-9a-f]{64}`).FindString(show.body)
		catWant(t, "its photo", w.get(t, customs, photo), http.StatusOK)
		catWant(t, "its photo for the public", w.get(t, public, photo), http.StatusSeeOther)

		noReason := w.do(t, customs, http.MethodPost, "/triage/"+link[1], url.Values{"status": {"dismissed"}})
		catWant(t, "dismiss ptWithout a reason", noReason, http.StatusBadRequest, "Reason")
		done := w.do(t, customs, http.MethodPost, "/triage/"+link[1], url.Values{"status": {"forwarded"}, "reason": {"to the Yiwu office"}})
		catRedirect(t, "forward", done, "/triage/"+link[1])
		catWant(t, "queue of received tips", w.get(t, customs, "/triage?status=received"), http.StatusOK, "0 tips")
		catWant(t, "queue of forwarded tips", w.get(t, customs, "/triage?status=forwarded"), http.StatusOK, receipt[1])
		status = w.do(t, public, http.MethodPost, "/report/status", url.Values{"receipt": {receipt[1]}, "secret": {secret[1]}})
		catWant(t, "status after forwarding", status, http.StatusOK, "Passed on for action")
	})
}

// Each refused report is shown again with its problem by field, and nothing is stored.
func TestPublicTipReportRejected(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	picture := pngPicture(t, 2)
	var six []part
	for i := range 6 {
		six = append(six, part{field: "photos", name: "p" + strconv.Itoa(i) + ".png", data: pngPicture(t, uint8(i))})
	}
	tests := []struct {
		name   string
		parts  func(token, nonce string) []part
		status int
		want   []string
	}{
		{"no proof", func(tk, n string) []part { return ptWithout(publicTipParts(tk, n), "nonce") }, 400, []string{"Check: the anti-spam check is missing"}},
		{"wrong nonce", func(tk, n string) []part {
			return append(ptWithout(publicTipParts(tk, n), "nonce"), field("nonce", "x1"))
		}, 400,
			[]string{"Check: the answer to the question is wrong"}},
		{"forged challenge", func(tk, n string) []part {
			return append(ptWithout(publicTipParts(tk, n), "challenge"), field("challenge", strings.Repeat("A", len(tk))))
		}, 400, []string{"Check: the anti-spam check is not valid"}},
		{"honeypot", func(tk, n string) []part {
			return append(ptWithout(publicTipParts(tk, n), "website"), field("website", "http://spam.example"))
		}, 400, []string{"The report could not be accepted."}},
		{"missing and oversized fields", func(tk, n string) []part {
			return append(ptWithout(ptWithout(publicTipParts(tk, n), "what"), "where"), field("where", strings.Repeat("x", 501)))
		}, 400, []string{"What you saw: is required", "Where: is too long", "What you saw: is required · 您看到了什么: 为必填项"}},
		{"a program as a photo", func(tk, n string) []part {
			return append(publicTipParts(tk, n), part{field: "photos", name: "bag.png", data: picture},
				part{field: "photos", name: "cat.jpg", data: append([]byte("MZ\x90\x00"), make([]byte, 200)...)})
		}, 400, []string{"Photos: cat.jpg: is not a picture"}},
		{"too many photos", func(tk, n string) []part { return append(publicTipParts(tk, n), six...) }, 400, []string{"Photos: too many photos"}},
		{"photo too large", func(tk, n string) []part {
			return append(publicTipParts(tk, n), part{field: "photos", name: "big.png", data: append(bytes.Clone(picture), make([]byte, 5<<20)...)})
		}, 400, []string{"Photos: a photo is larger than the limit"}},
	}
	for _, tt := range tests {
		token, nonce, _ := publicTipChallenge(t, w, c)
		r := w.multipart(t, c, "/report", tt.parts(token, nonce)...)
		catWant(t, tt.name, r, tt.status, tt.want...)
		if tips, photos := publicTipCounts(t, w); tips != 0 || photos != 0 {
			t.Fatalf("%s: got %d tips and %d photos stored, want none", tt.name, tips, photos)
		}
	}
	if tips, _ := publicTipCounts(t, w); tips != 0 {
		t.Fatalf("got %d tips", tips)
	}
	// A malformed body, in a fresh world so that the rate limit is not in the way.
	w = newSQLiteWorld(t)
	req, _ := http.NewRequest(http.MethodPost, w.srv.URL+"/report", strings.NewReader("--x\r\nbroken"))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	resp, err := w.client(t).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("malformed body: got status %d, want 400", resp.StatusCode)
	}
}

// In Chinese, the problems name the fields in Chinese, with the English after.
func TestPublicTipReportChinese(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	token, nonce, _ := publicTipChallenge(t, w, c)
	r := w.multipart(t, c, "/report?lang=zh", ptWithout(publicTipParts(token, nonce), "what")...)
	catWant(t, "zh", r, http.StatusBadRequest, "举报未提交", "您看到了什么: 为必填项 · What you saw: is required")
}

// Without JavaScript the reporter answers the question, and may not send the form at once.
func TestPublicTipReportWithoutScript(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	token, _, sum := publicTipChallenge(t, w, c)
	parts := append(ptWithout(publicTipParts(token, ""), "nonce"), field("answer", strconv.Itoa(sum)))
	catWant(t, "at once", w.multipart(t, c, "/report", parts...), http.StatusBadRequest, "sent too quickly")
	wrong := append(ptWithout(publicTipParts(token, ""), "nonce"), field("answer", strconv.Itoa(sum+1)))
	w.clock.Advance(5 * time.Second)
	catWant(t, "a wrong answer", w.multipart(t, c, "/report", wrong...), http.StatusBadRequest, "the answer to the question is wrong")
	catWant(t, "after a few seconds", w.multipart(t, c, "/report", parts...), http.StatusCreated, "T-")
}

func TestPublicTipReportRateLimit(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	for i := range 10 {
		if r := w.multipart(t, c, "/report", field("what", "x")); r.status != http.StatusBadRequest {
			t.Fatalf("attempt %d: got status %d, want 400", i+1, r.status)
		}
	}
	r := w.multipart(t, c, "/report", field("what", "x"))
	catWant(t, "the 11th attempt", r, http.StatusTooManyRequests, "Too many attempts")
	if got := r.header.Get("Retry-After"); got != "600" {
		t.Errorf("Retry-After: got %q, want 600", got)
	}
	for range 20 {
		w.do(t, c, http.MethodPost, "/report/status", url.Values{"receipt": {"T-23456789AB"}, "secret": {"x"}})
	}
	s := w.do(t, c, http.MethodPost, "/report/status", url.Values{"receipt": {"T-23456789AB"}, "secret": {"x"}})
	catWant(t, "the 21st status check", s, http.StatusTooManyRequests)
	if s.header.Get("Retry-After") == "" {
		t.Errorf("status check: got no Retry-After")
	}
}
