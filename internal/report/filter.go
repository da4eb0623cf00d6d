package report

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// Channels and Transports are the codes the channel and transport filters accept, in display order.
var (
	Channels   = []string{"ecommerce", "postal", "express", "general"}
	Transports = []string{"post", "express", "air", "sea", "road", "rail"}
)

// monthLayout is how months are written in URLs: 2026-03.
const monthLayout = "2006-01"

// ParseFilter reads a view's filter from a URL query, so every view has a
// stable address: from and to (months, both inclusive, 2026-01), office,
// channel, transport, group (an id), brand, province, profile and holder (an id). Bad values
// give an EINVALID error naming each field.
func ParseFilter(q url.Values) (ipr.StatsFilter, error) {
	p := ipr.Problems{}
	text := func(name string, max int) string {
		v := strings.TrimSpace(q.Get(name))
		if len([]rune(v)) > max {
			p.Add(name, "must be at most "+strconv.Itoa(max)+" characters")
			return ""
		}
		return v
	}
	f := ipr.StatsFilter{Office: text("office", 100), Brand: text("brand", 200), Province: text("province", 40)}
	f.From = month(q, "from", p)
	if to := month(q, "to", p); !to.IsZero() {
		f.To = to.AddDate(0, 1, 0) // the filter's To is exclusive: the first day after the month
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		p.Add("to", "is before from")
	}
	if f.Channel = text("channel", 20); f.Channel != "" && !slices.Contains(Channels, f.Channel) {
		p.Add("channel", "is not one of "+strings.Join(Channels, ", "))
	}
	if f.Transport = text("transport", 20); f.Transport != "" && !slices.Contains(Transports, f.Transport) {
		p.Add("transport", "is not one of "+strings.Join(Transports, ", "))
	}
	if v := strings.TrimSpace(q.Get("group")); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			p.Add("group", "is not a working group id")
		}
		f.GroupID = max(id, 0)
	}
	if v := strings.TrimSpace(q.Get("holder")); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			p.Add("holder", "is not a right holder id")
		}
		f.HolderOrgID = max(id, 0) // the service keeps a right holder to itself and an agent to its clients
	}
	if v := strings.ToUpper(strings.TrimSpace(q.Get("profile"))); v != "" {
		if !slices.Contains(ipr.Profiles, ipr.Profile(v)) {
			p.Add("profile", "is not CN, EU or US")
		}
		f.Profile = ipr.Profile(v)
	}
	if err := p.Err("the statistics filter is not valid"); err != nil {
		return ipr.StatsFilter{}, err
	}
	return f, nil
}

func month(q url.Values, name string, p ipr.Problems) time.Time {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(monthLayout, v)
	if err != nil || t.Year() < 1990 || t.Year() > 2200 {
		p.Add(name, "is not a month like 2026-03")
		return time.Time{}
	}
	return t
}

// FilterQuery writes f back as the query ParseFilter reads, with only the
// fields set, in a fixed order: the stable, shareable address of a view.
func FilterQuery(f ipr.StatsFilter) url.Values {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	if !f.From.IsZero() {
		set("from", f.From.Format(monthLayout))
	}
	if !f.To.IsZero() {
		set("to", f.To.AddDate(0, -1, 0).Format(monthLayout))
	}
	set("office", f.Office)
	set("channel", f.Channel)
	set("transport", f.Transport)
	if f.GroupID > 0 {
		set("group", strconv.FormatInt(f.GroupID, 10))
	}
	set("brand", f.Brand)
	set("province", f.Province)
	set("profile", string(f.Profile))
	if f.HolderOrgID > 0 {
		set("holder", strconv.FormatInt(f.HolderOrgID, 10))
	}
	return q
}

// ParseMeasure reads which figure a chart draws; batches when empty.
func ParseMeasure(s string) (Measure, error) {
	if s == "" {
		return Batches, nil
	}
	if m := Measure(s); slices.Contains(Measures, m) {
		return m, nil
	}
	return "", &ipr.Error{Code: ipr.EINVALID, Message: "the statistics filter is not valid",
		Fields: map[string]string{"measure": "is not batches, pieces or value"}}
}
