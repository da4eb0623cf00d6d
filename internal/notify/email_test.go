package notify_test

import (
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestEmailDeliveredOverSMTP(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		server := startSMTPServer(t)
		q := startQueue(t, db, notify.Config{SMTP: notify.SMTPConfig{
			Host: "127.0.0.1", Port: server.port(), From: "Bordermark <noreply@bordermark.test>"}})
		email := notify.Email{
			To:      []string{"officer@customs.test", "王芳 <agent@lawfirm.test>"},
			Subject: "Identification due / 鉴定到期",
			Body:    "Please answer by 3 March.\n请于3月3日前答复。\n",
		}
		enqueue(t, db, q, email, time.Time{})
		select {
		case <-server.received:
		case <-time.After(5 * time.Second):
			t.Fatal("no message reached the SMTP server within 5s")
		}

		got := server.all()[0]
		if want := []string{"officer@customs.test", "agent@lawfirm.test"}; got.From != "noreply@bordermark.test" ||
			!slices.Equal(got.To, want) {
			t.Errorf("got envelope from %q to %v, want noreply@bordermark.test to %v", got.From, got.To, want)
		}
		msg, err := mail.ReadMessage(strings.NewReader(got.Data))
		if err != nil {
			t.Fatalf("read message: %v", err)
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil || subject != email.Subject {
			t.Errorf("got subject %q (%v), want %q", subject, err, email.Subject)
		}
		to, err := msg.Header.AddressList("To")
		if err != nil || len(to) != 2 || to[1].Name != "王芳" {
			t.Errorf("got To %v (%v), want two addresses, the second named 王芳", to, err)
		}
		body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
		if want := strings.ReplaceAll(email.Body, "\n", "\r\n"); err != nil || string(body) != want {
			t.Errorf("got body %q (%v), want %q", body, err, want)
		}
		if ct := msg.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
			t.Errorf("got Content-Type %q, want text/plain; charset=utf-8", ct)
		}
	})
}

func TestStartRejectsBadSMTPSettings(t *testing.T) {
	db := storetest.SQLite(t)
	_, err := notify.Start(t.Context(), db, notify.Config{SMTP: notify.SMTPConfig{Host: "127.0.0.1", From: "not an address"}})
	if err == nil || !strings.Contains(err.Error(), "mail server") {
		t.Errorf("got %v, want the mail server settings refused", err)
	}
}
