package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// tipFormData is the form a right holder or its agent fills to send customs a
// tip. Lists are typed one entry per line; everything is kept as typed so a
// refused form comes back as it was.
type tipFormData struct {
	Holder     string // the client an agent sends it for
	Holders    []tipHolder
	Title      string
	Lists      []tipListField
	ValueMin   string
	ValueMax   string
	WindowFrom string
	WindowTo   string
	Confidence string
	Expires    string
	Notes      string
	Errs       tipErrors
}

// tipErrors shows the problems of the tip forms' fields in the page language:
// the problems come from the domain in English; in Chinese a translated hint
// (tip.problem.<field>, the same for every line of a list) goes first.
type tipErrors struct {
	L      *Catalog
	Fields map[string]string
}

// For is the problem of field name ("hs_codes[2]" for a line of a list), or "".
func (f tipErrors) For(name string) string {
	msg := f.Fields[name]
	if msg == "" || f.L == nil || f.L.Lang == "en" {
		return msg
	}
	base, _, _ := strings.Cut(name, "[")
	if key := "tip.problem." + base; f.L.T(key) != key {
		return f.L.T(key) + "（" + msg + "）"
	}
	return msg
}

// Has reports whether field name has a problem, for aria-invalid.
func (f tipErrors) Has(name string) bool { return f.Fields[name] != "" }

type tipHolder struct {
	ID   int64
	Name string
}

// tipListField is one of the tip's lists: its form name (as ipr.Tip.Validate
// names the field) and the lines typed.
type tipListField struct {
	Name  string
	Value string
}

// ListError is the problem of the list or of one of its lines.
func (d *tipFormData) ListError(name string) string {
	if msg := d.Errs.For(name); msg != "" {
		return msg
	}
	var msgs []string
	for k := range d.Errs.Fields {
		if strings.HasPrefix(k, name+"[") {
			msgs = append(msgs, k[len(name):]+" "+d.Errs.For(k))
		}
	}
	slices.Sort(msgs) // by line, whatever the map's order
	return strings.Join(msgs, "; ")
}

// tipListNames are the lists in the order the form shows them.
var tipListNames = []string{"consignors", "consignees", "addresses", "factories", "routes", "ports", "transports", "hs_codes"}

// Confidences are the choices of the confidence field.
func (d *tipFormData) Confidences() []ipr.Confidence {
	return []ipr.Confidence{ipr.ConfidenceLow, ipr.ConfidenceMedium, ipr.ConfidenceHigh}
}

func newTipForm(today ipr.Date) tipFormData {
	d := tipFormData{Confidence: string(ipr.ConfidenceMedium), Expires: today.AddDate(0, 6, 0).String()}
	for _, n := range tipListNames {
		d.Lists = append(d.Lists, tipListField{Name: n})
	}
	return d
}

// tipFormFrom reads the posted form.
func tipFormFrom(r *http.Request) tipFormData {
	d := tipFormData{Holder: formValue(r, "holder"), Title: r.PostFormValue("title"), ValueMin: formValue(r, "unit_value_min"),
		ValueMax: formValue(r, "unit_value_max"), WindowFrom: formValue(r, "window_from"), WindowTo: formValue(r, "window_to"),
		Confidence: formValue(r, "confidence"), Expires: formValue(r, "expires"), Notes: r.PostFormValue("notes")}
	for _, n := range tipListNames {
		d.Lists = append(d.Lists, tipListField{Name: n, Value: r.PostFormValue(n)})
	}
	return d
}

// tip turns the form into a tip for the service. Problems the service would
// not see (a date or a number that is not one) are reported with its own.
func (d *tipFormData) tip(user *ipr.User, today ipr.Date) (ipr.Tip, error) {
	p := ipr.Problems{}
	t := ipr.Tip{Title: d.Title, Confidence: ipr.Confidence(d.Confidence), Notes: d.Notes}
	if d.Holder != "" {
		id, err := strconv.ParseInt(d.Holder, 10, 64)
		if err != nil || id <= 0 {
			p.Add("holder", "choose a right holder")
		}
		t.OrgID = id
	} else if user.Role == ipr.RoleAgent && len(user.ActsFor) == 1 {
		t.OrgID = user.ActsFor[0]
	}
	lists := map[string]*[]string{"consignors": &t.Consignors, "consignees": &t.Consignees, "addresses": &t.Addresses,
		"factories": &t.Factories, "routes": &t.Routes, "ports": &t.Ports, "transports": &t.Transports, "hs_codes": &t.HSCodes}
	for _, l := range d.Lists {
		*lists[l.Name] = lines(l.Value)
	}
	for _, n := range []struct {
		name, value string
		to          *float64
	}{{"unit_value_min", d.ValueMin, &t.UnitValueMin}, {"unit_value_max", d.ValueMax, &t.UnitValueMax}} {
		if n.value != "" {
			f, err := strconv.ParseFloat(n.value, 64)
			if err != nil {
				p.Add(n.name, "is not a number")
			}
			*n.to = f
		}
	}
	for _, dt := range []struct {
		name, value string
		to          *ipr.Date
	}{{"window_from", d.WindowFrom, &t.WindowFrom}, {"window_to", d.WindowTo, &t.WindowTo}, {"expires", d.Expires, &t.Expires}} {
		if dt.value != "" {
			day, err := ipr.ParseDate(dt.value)
			if err != nil {
				p.Add(dt.name, "is not a date like 2026-11-29")
			}
			*dt.to = day
		}
	}
	if len(p) == 0 {
		return t, nil
	}
	if t.OrgID == 0 {
		t.OrgID = user.OrgID
	}
	probe := t
	if err := probe.Validate(today); err != nil {
		for f, m := range ipr.ErrorFields(err) {
			p.Add(f, m)
		}
	}
	return t, p.Err("the tip is not valid")
}

// lines splits a text area into its non-blank lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
