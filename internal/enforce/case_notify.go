package enforce

import (
	"context"
	"encoding/json"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/notify"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// NotifyConfig says which notifications of case changes leave Bordermark. They
// go through Service.Jobs, inserted in the transaction of the change, so they
// are sent exactly when it commits; with Jobs nil nothing is sent.
type NotifyConfig struct {
	Email      bool   // e-mail the people a change concerns; set it when a mail server is configured
	WebhookURL string // receives a signed "case.<event>" for every case transition; "" sends none
}

// CaseWebhook is the payload of a "case.<event>" webhook.
type CaseWebhook struct {
	CaseID       int64            `json:"case_id"`
	Ref          string           `json:"ref"`
	Event        string           `json:"event"`
	From         string           `json:"from"`
	State        string           `json:"state"`
	Version      int              `json:"version"`
	NextDeadline *WebhookDeadline `json:"next_deadline"` // null when no clock runs
}

// WebhookDeadline is a case's running clock that runs out first.
type WebhookDeadline struct {
	Name        string    `json:"name"`
	DueDate     string    `json:"due_date"` // the last day, in the office's calendar
	DueAt       time.Time `json:"due_at"`   // the instant it runs out
	Provisional bool      `json:"provisional"`
}

// notifyTransition enqueues what a saved transition tells the outside world:
// e-mail to the holder for each notice the workflow sends it, e-mail to the
// office's supervisors when a default awaits them, and the webhook event.
func (s *Service) notifyTransition(ctx context.Context, tx *store.Tx, c *ipr.Case, st *step) error {
	if s.Jobs == nil || (!s.Notify.Email && s.Notify.WebhookURL == "") {
		return nil
	}
	deadlines, err := tx.Deadlines(ctx, c.ID)
	if err != nil {
		return err
	}
	next := nextDeadline(deadlines, func(string) bool { return true })
	if s.Notify.Email {
		for _, ef := range st.effects {
			if err := s.emailEffect(ctx, tx, c, ef, deadlines); err != nil {
				return err
			}
		}
	}
	if s.Notify.WebhookURL == "" {
		return nil
	}
	from := string(st.before.State)
	if from == "" {
		from = "new"
	}
	hook := CaseWebhook{CaseID: c.ID, Ref: c.Ref, Event: st.ev.Kind, From: from, State: c.State, Version: c.Version}
	if next != nil {
		hook.NextDeadline = &WebhookDeadline{Name: next.Name, DueDate: next.DueDate.String(), DueAt: next.DueAt.UTC(),
			Provisional: next.Provisional}
	}
	payload, err := json.Marshal(hook)
	if err != nil {
		return ipr.Internal(err)
	}
	_, err = s.Jobs.Enqueue(ctx, tx, notify.Webhook{URL: s.Notify.WebhookURL, Event: "case." + st.ev.Kind, Payload: payload})
	return err
}

func (s *Service) emailEffect(ctx context.Context, tx *store.Tx, c *ipr.Case, ef workflow.Effect, deadlines []*ipr.Deadline) error {
	switch x := ef.(type) {
	case workflow.Notify:
		if x.Party != workflow.Holder {
			return nil
		}
		to, err := orgRecipients(ctx, tx, c.HolderOrgID, "")
		if err != nil {
			return err
		}
		return s.email(ctx, tx, to, holderNoticeMail(c, x.Document, nextDeadline(deadlines, holderClocks.has)))
	case workflow.AwaitSupervisor:
		to, err := s.officeSupervisors(ctx, tx, c)
		if err != nil {
			return err
		}
		var expired *ipr.Deadline
		for _, d := range deadlines {
			if d.Name == x.Clock {
				expired = d
			}
		}
		return s.email(ctx, tx, to, escalationMail(c, x, expired))
	}
	return nil
}

// notifyIdentificationRequest e-mails the holder's users that customs asks
// whether items are genuine. RequestIdentification should call it in its transaction.
func (s *Service) notifyIdentificationRequest(ctx context.Context, tx *store.Tx, c *ipr.Case, r *ipr.IdentificationRequest) error {
	if s.Jobs == nil || !s.Notify.Email {
		return nil
	}
	to, err := orgRecipients(ctx, tx, c.HolderOrgID, "")
	if err != nil {
		return err
	}
	return s.email(ctx, tx, to, identificationMail(c, r))
}

// email enqueues msg to the recipients; with none it sends nothing.
func (s *Service) email(ctx context.Context, tx *store.Tx, to []string, msg notify.Email) error {
	if len(to) == 0 {
		return nil
	}
	msg.To = to
	_, err := s.Jobs.Enqueue(ctx, tx, msg)
	return err
}

// orgRecipients are the addresses of an organisation's enabled users, of role when not "".
func orgRecipients(ctx context.Context, tx *store.Tx, orgID int64, role ipr.Role) ([]string, error) {
	if orgID == 0 {
		return nil, nil // ListUsers would list everyone
	}
	users, err := tx.ListUsers(ctx, orgID)
	if err != nil {
		return nil, err
	}
	var to []string
	for _, u := range users {
		if !u.Disabled && (role == "" || u.Role == role) {
			to = append(to, (&mail.Address{Name: u.Name, Address: u.Email}).String())
		}
	}
	return to, nil
}

// officeSupervisors are the supervisors of the case's customs office or, when
// it has none, of the nearest district above it.
func (s *Service) officeSupervisors(ctx context.Context, tx *store.Tx, c *ipr.Case) ([]string, error) {
	org, err := tx.OrgByName(ctx, c.Office)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		s.Log.WarnContext(ctx, "no supervisor to e-mail: the office is not an organisation", "case", c.Ref, "office", c.Office)
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	for range 10 { // districts are shallow; a cycle must not loop forever
		to, err := orgRecipients(ctx, tx, org.ID, ipr.RoleCustomsSupervisor)
		if err != nil || len(to) > 0 || org.ParentID == 0 {
			return to, err
		}
		if org, err = tx.OrgByID(ctx, org.ParentID); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// nextDeadline is the running clock of those named that runs out first, or nil.
func nextDeadline(list []*ipr.Deadline, named func(clock string) bool) *ipr.Deadline {
	var next *ipr.Deadline
	for _, d := range list {
		if d.State == ipr.DeadlineRunning && named(d.Name) && (next == nil || d.DueAt.Before(next.DueAt)) {
			next = d
		}
	}
	return next
}

// bilingual is a text in English and Chinese.
type bilingual struct{ en, zh string }

// holderDocuments name the notices the workflows send a right holder, and what each asks of it.
var holderDocuments = map[string]struct{ title, ask bilingual }{
	"suspicion_notice": {bilingual{"notice of suspected goods", "侵权嫌疑货物通知"}, bilingual{
		"Customs found goods suspected of infringing your right. Say whether you apply for their detention, and post the bond.",
		"海关发现涉嫌侵犯您知识产权的货物。请答复是否申请扣留，并提供担保。"}},
	"ex_officio_notice": {bilingual{"notice of suspended release", "暂停放行通知"}, bilingual{
		"Customs suspended the release of goods suspected of infringing your right. Apply for action to keep them detained.",
		"海关已暂停放行涉嫌侵权的货物。如需继续扣留，请提出申请。"}},
	"detention_notice": {bilingual{"detention notice", "扣留通知"}, bilingual{
		"The goods are detained.", "货物已被扣留。"}},
	"determination_notice": {bilingual{"determination notice", "侵权认定通知"}, bilingual{
		"Customs has determined whether the goods infringe; see the case.", "海关已作出侵权认定，详见案件。"}},
	"cannot_determine_notice": {bilingual{"notice that infringement cannot be determined", "不能认定侵权通知"}, bilingual{
		"Customs cannot determine whether the goods infringe. You may ask a court to keep them detained.",
		"海关不能认定货物是否侵权。您可向人民法院申请采取措施。"}},
	"release_notice": {bilingual{"release notice", "放行通知"}, bilingual{
		"The goods are released.", "货物已放行。"}},
	"objection_notice": {bilingual{"notice of objection", "异议通知"}, bilingual{
		"The declarant objects to the destruction of the goods. Start court proceedings to keep them detained.",
		"申报人反对销毁货物。如需继续扣留，请提起诉讼。"}},
	"disclosure_notice": {bilingual{"disclosure notice", "信息披露通知"}, bilingual{
		"Information about the importer and the goods is disclosed to you; see the case.", "已向您披露进口人及货物信息，详见案件。"}},
	"seizure_notice": {bilingual{"seizure notice", "没收通知"}, bilingual{
		"The goods are seized.", "货物已被没收。"}},
}

// clockNames are the workflows' clocks in both languages.
var clockNames = map[string]bilingual{
	"holder_reply":    {"holder's reply", "权利人答复"},
	"investigation":   {"investigation", "调查认定"},
	"court_notice":    {"court's assistance notice", "法院协助执行通知"},
	"application":     {"application", "提出申请"},
	"declarant_views": {"declarant's views", "申报人意见"},
	"confirmation":    {"confirmation", "权利人确认"},
	"proceedings":     {"court proceedings", "提起诉讼"},
	"importer_notice": {"notice to the importer", "通知进口人"},
	"importer_reply":  {"importer's reply", "进口人答复"},
}

// clockSet is a set of clock names.
type clockSet []string

func (s clockSet) has(name string) bool { return slices.Contains(s, name) }

// holderClocks are the clocks within which the holder must act; a notice to the
// holder names the first of them, not customs' own time limits.
var holderClocks = clockSet{"holder_reply", "court_notice", "application", "confirmation", "proceedings"}

func clockName(name string) bilingual {
	if b, ok := clockNames[name]; ok {
		return b
	}
	plain := strings.ReplaceAll(name, "_", " ")
	return bilingual{plain, plain}
}

// holderNoticeMail tells the holder what the notice says and, when a clock runs, by when.
func holderNoticeMail(c *ipr.Case, document string, next *ipr.Deadline) notify.Email {
	doc, ok := holderDocuments[document]
	if !ok {
		plain := strings.ReplaceAll(document, "_", " ")
		doc.title, doc.ask = bilingual{plain, plain}, bilingual{"See the case.", "详见案件。"}
	}
	subject := bilingual{"Case " + c.Ref + ": " + doc.title.en, "案件 " + c.Ref + "：" + doc.title.zh}
	en := []string{fmt.Sprintf("Case %s (%s): %s.", c.Ref, c.Office, doc.title.en), doc.ask.en}
	zh := []string{fmt.Sprintf("案件 %s（%s）：%s。", c.Ref, c.Office, doc.title.zh), doc.ask.zh}
	if next != nil {
		due, clock := next.DueDate.String(), clockName(next.Name)
		subject.en += " - by " + due
		subject.zh += " - " + due + " 前"
		en = append(en, fmt.Sprintf("Deadline (%s): %s.", clock.en, due))
		zh = append(zh, fmt.Sprintf("期限（%s）：%s。", clock.zh, due))
		if next.Provisional {
			en = append(en, "The date is provisional: that year's official calendar is not loaded yet, so only weekends were skipped.")
			zh = append(zh, "该日期为暂定：当年官方日历尚未导入，仅扣除了周末。")
		}
	}
	return mailOf(subject, en, zh)
}

// escalationMail asks the office's supervisors to confirm or cancel the legal default.
func escalationMail(c *ipr.Case, x workflow.AwaitSupervisor, expired *ipr.Deadline) notify.Email {
	clock, dflt := clockName(x.Clock), strings.ReplaceAll(x.Default.Kind, "_", " ")
	ranOut := ""
	if expired != nil {
		ranOut = expired.DueDate.String()
	}
	subject := bilingual{fmt.Sprintf("Case %s: the %s deadline ran out - confirm the default", c.Ref, clock.en),
		fmt.Sprintf("案件 %s：%s期限已届满 - 请确认法定后果", c.Ref, clock.zh)}
	en := []string{fmt.Sprintf("Case %s (%s): the %s deadline ran out on %s.", c.Ref, c.Office, clock.en, ranOut),
		fmt.Sprintf("The legal default is: %s. Confirm it, or cancel it and let the clock run on.", dflt)}
	zh := []string{fmt.Sprintf("案件 %s（%s）：%s期限已于 %s 届满。", c.Ref, c.Office, clock.zh, ranOut),
		fmt.Sprintf("法定后果为：%s。请确认，或取消并继续计时。", dflt)}
	return mailOf(subject, en, zh)
}

// identificationMail asks the holder whether the items are genuine, by the request's last day.
func identificationMail(c *ipr.Case, r *ipr.IdentificationRequest) notify.Email {
	due := ipr.DateOf(r.Due.Add(-time.Nanosecond), c.Profile.Location()).String()
	n := len(r.ItemIDs)
	subject := bilingual{fmt.Sprintf("Case %s: identification requested - answer by %s", c.Ref, due),
		fmt.Sprintf("案件 %s：请求鉴定 - 请于 %s 前答复", c.Ref, due)}
	en := []string{fmt.Sprintf("Case %s (%s): customs asks whether %d item(s) are genuine.", c.Ref, c.Office, n),
		fmt.Sprintf("Answer for each item by %s.", due)}
	zh := []string{fmt.Sprintf("案件 %s（%s）：海关请您鉴定 %d 项货物是否为正品。", c.Ref, c.Office, n),
		fmt.Sprintf("请于 %s 前逐项答复。", due)}
	return mailOf(subject, en, zh)
}

// mailOf puts both languages in one message: the subject "English / 中文", the
// body's English paragraph first.
func mailOf(subject bilingual, en, zh []string) notify.Email {
	body := strings.Join(slices.Concat(en, []string{""}, zh), "\n") + "\n"
	return notify.Email{Subject: subject.en + " / " + subject.zh, Body: body}
}
