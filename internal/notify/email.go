package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"

	"github.com/riverqueue/river"
)

// SMTPConfig names the mail server e-mail is sent through. Username "" sends
// without authentication; net/smtp refuses to send a password unencrypted except to localhost.
type SMTPConfig struct {
	Host     string
	Port     int // 25 when 0
	From     string
	Username string
	Password string
}

func (c SMTPConfig) check() error {
	if c.Host == "" {
		return nil // e-mail off; e-mail jobs fail until it is configured
	}
	p := ipr.Problems{}
	if _, err := mail.ParseAddress(c.From); err != nil {
		p.Add("smtp_from", "is not an e-mail address")
	}
	if c.Port < 0 || c.Port > 65535 {
		p.Add("smtp_port", "must be between 1 and 65535")
	}
	return p.Err("the mail server settings are not valid")
}

// Email is a plain-text message. Subject may hold both languages ("Identification due / 鉴定到期").
type Email struct {
	To      []string `json:"to"`
	Subject string   `json:"subject"`
	Body    string   `json:"body"`
}

// Kind names the job kind in River's table.
func (Email) Kind() string { return "email" }

func (e Email) validate() error {
	p := ipr.Problems{}
	if len(e.To) == 0 {
		p.Add("to", "is required")
	}
	for _, to := range e.To {
		if _, err := mail.ParseAddress(to); err != nil {
			p.Add("to", fmt.Sprintf("%q is not an e-mail address", to))
		}
	}
	if strings.TrimSpace(e.Subject) == "" {
		p.Add("subject", "is required")
	} else if strings.ContainsAny(e.Subject, "\r\n") {
		p.Add("subject", "must be one line")
	}
	return p.Err("the e-mail is not valid")
}

type emailWorker struct {
	river.WorkerDefaults[Email]
	smtp SMTPConfig
}

func (w *emailWorker) Work(ctx context.Context, job *river.Job[Email]) error {
	if w.smtp.Host == "" {
		return errors.New("e-mail is not configured (no SMTP host)")
	}
	msg, err := composeEmail(w.smtp.From, job.Args, job.ID, time.Now())
	if err != nil {
		return err
	}
	return w.smtp.send(ctx, job.Args.To, msg)
}

func (w *emailWorker) Timeout(*river.Job[Email]) time.Duration { return time.Minute }

// composeEmail writes the message; its Message-ID is the job's, so a receiver can drop a retry's duplicate.
func composeEmail(from string, e Email, jobID int64, now time.Time) ([]byte, error) {
	var b bytes.Buffer
	header := func(name, value string) { fmt.Fprintf(&b, "%s: %s\r\n", name, value) }
	header("From", headerAddress(from))
	to := make([]string, len(e.To))
	for i, a := range e.To {
		to[i] = headerAddress(a)
	}
	header("To", strings.Join(to, ", "))
	header("Subject", mime.QEncoding.Encode("utf-8", e.Subject))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", "<job-"+strconv.FormatInt(jobID, 10)+"@bordermark>")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	if _, err := qp.Write([]byte(e.Body)); err != nil {
		return nil, err
	}
	if err := qp.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// send delivers msg with one SMTP session, upgrading to TLS when the server offers it.
func (c SMTPConfig) send(ctx context.Context, to []string, msg []byte) error {
	addr := net.JoinHostPort(c.Host, strconv.Itoa(orDefault(c.Port, 25)))
	conn, err := (&net.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return err
	}
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline) // net/smtp takes no context
	}
	client, err := smtp.NewClient(conn, c.Host)
	if err != nil {
		conn.Close()
		return err
	}
	defer client.Close()
	if ok, _ := client.Extension("STARTTLS"); ok {
		if err := client.StartTLS(&tls.Config{ServerName: c.Host}); err != nil {
			return err
		}
	}
	if c.Username != "" {
		if err := client.Auth(smtp.PlainAuth("", c.Username, c.Password, c.Host)); err != nil {
			return err
		}
	}
	if err := client.Mail(bareAddress(c.From)); err != nil {
		return err
	}
	for _, rcpt := range to {
		if err := client.Rcpt(bareAddress(rcpt)); err != nil {
			return err
		}
	}
	w, err := client.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return client.Quit()
}

// headerAddress encodes a name in another script ("张三 <a@b>") as RFC 2047 asks.
func headerAddress(s string) string {
	if a, err := mail.ParseAddress(s); err == nil {
		return a.String()
	}
	return s
}

// bareAddress turns "Name <a@b>" into "a@b" for the SMTP envelope.
func bareAddress(s string) string {
	if a, err := mail.ParseAddress(s); err == nil {
		return a.Address
	}
	return s
}
