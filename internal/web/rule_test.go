package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/screen"
)

// scrRuleID is the id of the rule named name, as a string for URLs.
func scrRuleID(t *testing.T, w *world, name string) string {
	t.Helper()
	rules, err := w.svc.Rules(t.Context(), hdUser(t, w, officer))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if r.Name == name {
			return strconv.FormatInt(r.ID, 10)
		}
	}
	t.Fatalf("no rule %q", name)
	return ""
}

// ruleForm is a valid rule's form: teapots from Jingdezhen, two tests of three rows.
func ruleForm(changes ...string) url.Values {
	f := url.Values{"name": {"Jingdezhen teapots"}, "weight": {"45"}, "expires": {"2027-06-30"}, "source": {"Tip T-9"},
		"active": {"1"}, "group": {"all"},
		"field": {"origin", "unit_value", ""}, "op": {"prefix", "between", "is"}, "value": {"CN-JX", "0.5", ""}, "to": {"", "3", ""}}
	for i := 0; i+1 < len(changes); i += 2 {
		f.Set(changes[i], changes[i+1])
	}
	return f
}

// The rules with their conditions in words and their counts, which decisions feed.
func TestRuleList(t *testing.T) {
	w := scrQueueWorld(t)
	off := w.signIn(t, officer)
	if _, err := w.svc.DismissDeclaration(t.Context(), hdUser(t, w, officer), "Q-RULE", "a teapot, nothing else"); err != nil {
		t.Fatal(err)
	}
	r := w.get(t, off, "/rules")
	scrWant(t, "the rules", r, http.StatusOK, "Risk rules", `href="/rules/new"`,
		"Putian footwear in small parcels", "Origin starts with CN-FJ-Putian and HS code starts with 6404 and Channel is one of postal, express, ecommerce",
		"Consignor contains Everbright Trading", "HS code starts with 9102 and Unit value is below 10", "Until 2027-11-27",
		`href="/rules/`+scrRuleID(t, w, teapotRule.Name)+`/edit">Teapots at the test harbour</a>`,
		"Customs office is Test Harbour and Description of goods contains teapot")
	_, row, _ := strings.Cut(r.body, "Teapots at the test harbour</a>")
	row, _, _ = strings.Cut(row, "</tr>")
	if got := strings.Count(row, `<td class="figure-cell">1</td>`); got != 2 || !strings.Contains(row, `<td class="figure-cell">0</td>`) {
		t.Errorf("the teapot rule's counts: got %q, want weight 30, met 1, dismissed 1, inspected 0", row)
	}
	scrWant(t, "the rules in 中文", w.get(t, off, "/rules?lang=zh"), http.StatusOK, "风险规则", "启运地 开头为 CN-FJ-Putian 且 商品编码 开头为 6404")
}

// A rule written in the form applies to the declarations screened after it.
func TestRuleCreate(t *testing.T) {
	w := newSQLiteWorld(t)
	sup := w.signIn(t, supervisor)
	r := w.get(t, sup, "/rules/new")
	scrWant(t, "the new rule's form", r, http.StatusOK, "New risk rule", `name="weight" type="number" min="1" max="100" value="50"`,
		`<option value="unit_value">Unit value</option>`, `<option value="between">is between</option>`, `name="add_row"`)
	if n := strings.Count(r.body, `<select name="field"`); n != 3 {
		t.Errorf("the new rule's form: got %d rows, want 3", n)
	}

	// Adding a row keeps what was typed and saves nothing.
	r = w.do(t, sup, "POST", "/rules", ruleForm("add_row", "1"))
	scrWant(t, "add a row", r, http.StatusOK, `value="Jingdezhen teapots"`, `<option value="unit_value" selected>`,
		`<option value="between" selected>`, `name="to" value="3"`, `name="expires" type="date" value="2027-06-30"`)
	if n := strings.Count(r.body, `<select name="field"`); n != 4 {
		t.Errorf("add a row: got %d rows, want 4", n)
	}

	scrRedirect(t, "save", w.do(t, sup, "POST", "/rules", ruleForm("group", "any")), "/rules?done=created")
	scrWant(t, "the rules after saving", w.get(t, sup, "/rules?done=created"), http.StatusOK, "The rule was saved",
		"Jingdezhen teapots", "Origin starts with CN-JX or Unit value is between 0.5 – 3", "Tip T-9", "Until 2027-06-30")
	d := scrDecl("R-TEAPOT", 20, "porcelain tea set", "")
	d.Origin = "CN-JX-Jingdezhen"
	if res := scrSubmit(t, w, d); len(res[0].Rules) != 1 || res[0].Rules[0].Name != "Jingdezhen teapots" {
		t.Errorf("a declaration after the rule: got rules %+v, want Jingdezhen teapots met", res[0].Rules)
	}
	scrWant(t, "the queue", w.get(t, sup, "/screening?office=Test+Harbour"), http.StatusOK, "Risk rule: Jingdezhen teapots")
}

// Problems are shown next to the fields, and rows' problems next to the row's parts.
func TestRuleFormProblems(t *testing.T) {
	w := newSQLiteWorld(t)
	off := w.signIn(t, officer)
	r := w.do(t, off, "POST", "/rules", ruleForm("name", " ", "weight", "200", "expires", "soon"))
	scrWant(t, "bad name, weight and date", r, http.StatusBadRequest, "The rule was not saved",
		`id="name-error">is required<`, `id="weight-error">must be between 1 and 100<`, `id="expires-error">is not a date like 2026-11-29<`,
		`value="200"`, `value="soon"`, `<option value="origin" selected>`)

	f := ruleForm()
	f["field"], f["op"], f["value"], f["to"] = []string{"", "origin", "unit_value"}, []string{"is", "lt", "is"}, []string{"", "CN", "cheap"}, []string{"", "", ""}
	r = w.do(t, off, "POST", "/rules", f)
	scrWant(t, "bad rows", r, http.StatusBadRequest, `&#34;lt&#34; cannot test origin; use one of is, in, contains, prefix`)
	// The blank first row is dropped, so the rows' problems line up with the rows shown.
	rows := strings.Split(r.body, `<li class="cond-row">`)[1:]
	if len(rows) != 2 || !strings.Contains(rows[0], `<option value="origin" selected>`) ||
		!strings.Contains(rows[0], `<select name="op" aria-invalid="true">`) || !strings.Contains(rows[0], "cannot test origin") ||
		!strings.Contains(rows[1], `<option value="unit_value" selected>`) || strings.Contains(rows[1], "cannot test") {
		t.Errorf("bad rows: got rows %q, want origin's with its problem, then unit_value's", rows)
	}

	f["field"], f["op"], f["value"] = []string{"", ""}, []string{"is", "is"}, []string{"", ""}
	scrWant(t, "no condition", w.do(t, off, "POST", "/rules", f), http.StatusBadRequest, `id="when-error">Give at least one test.<`)
	f["field"], f["op"], f["value"], f["to"] = []string{"unit_value"}, []string{"between"}, []string{"1"}, []string{"lots"}
	scrWant(t, "a bad bound", w.do(t, off, "POST", "/rules", f), http.StatusBadRequest, `must be a number`, `name="to" value="lots"`)
	f["field"], f["op"], f["value"] = []string{"unit_value"}, []string{"lt"}, []string{"cheap"}
	r = w.do(t, off, "POST", "/rules", f)
	scrWant(t, "a bad number", r, http.StatusBadRequest, `<span class="field-error">must be a number</span>`, `aria-invalid="true"`)

	rules, _ := w.svc.Rules(t.Context(), hdUser(t, w, officer))
	for _, rule := range rules {
		if rule.Name == "Jingdezhen teapots" {
			t.Errorf("after refused forms: got the rule saved")
		}
	}
}

func TestRuleEdit(t *testing.T) {
	w := newSQLiteWorld(t)
	off := w.signIn(t, officer)
	id := scrRuleID(t, w, "Putian footwear in small parcels")
	page := "/rules/" + id + "/edit"
	r := w.get(t, off, page)
	scrWant(t, "the edit form", r, http.StatusOK, "Edit risk rule", `value="Putian footwear in small parcels"`, `value="35"`,
		`name="value" value="postal, express, ecommerce"`, `<option value="in" selected>`, "Met by ", `action="/rules/`+id+`/delete"`)
	if n := strings.Count(r.body, `<select name="field"`); n != 4 {
		t.Errorf("the edit form: got %d rows, want the 3 tests and a blank one", n)
	}
	scrRedirect(t, "save", w.do(t, off, "POST", page, ruleForm("name", "Jiangxi teapots", "active", "")), "/rules?done=updated")
	r = w.get(t, off, "/rules")
	scrWant(t, "after the change", r, http.StatusOK, "Jiangxi teapots", "Origin starts with CN-JX and Unit value is between 0.5 – 3",
		`<span class="badge badge-draft">Inactive</span>`)
	scrNot(t, "after the change", r, "Putian footwear in small parcels")

	// A condition with nested groups, written through the API, is shown in words and kept.
	nested := screen.Rule{Name: "Nested", Weight: 20, When: screen.Condition{Any: []screen.Condition{
		{Field: "brand", Op: screen.OpIs, Value: "X"},
		{All: []screen.Condition{{Field: "origin", Op: screen.OpPrefix, Value: "CN-FJ"}, {Field: "quantity", Op: screen.OpMore, Value: "100"}}},
	}}}
	scrRule(t, w, nested)
	nid := scrRuleID(t, w, "Nested")
	r = w.get(t, off, "/rules/"+nid+"/edit")
	scrWant(t, "a nested condition", r, http.StatusOK, `<input type="hidden" name="keep" value="1">`,
		"Brand is X or (Origin starts with CN-FJ and Quantity is above 100)", "it is kept as it is")
	scrNot(t, "a nested condition", r, `<select name="field"`, `name="add_row"`)
	scrRedirect(t, "save a nested one", w.do(t, off, "POST", "/rules/"+nid+"/edit",
		url.Values{"keep": {"1"}, "name": {"Nested, renamed"}, "weight": {"25"}, "active": {"1"}}), "/rules?done=updated")
	scrWant(t, "the nested one kept", w.get(t, off, "/rules"), http.StatusOK,
		"Nested, renamed", "Brand is X or (Origin starts with CN-FJ and Quantity is above 100)")
	r = w.do(t, off, "POST", "/rules/"+nid+"/edit", url.Values{"keep": {"1"}, "name": {""}, "weight": {"25"}})
	scrWant(t, "a nested one refused", r, http.StatusBadRequest, `id="name-error"`, "Brand is X or (Origin", `name="keep" value="1"`)

	scrWant(t, "an unknown rule", w.get(t, off, "/rules/99999/edit"), http.StatusNotFound)
	scrWant(t, "an unknown rule saved", w.do(t, off, "POST", "/rules/99999/edit", ruleForm()), http.StatusNotFound)
}

func TestRuleDelete(t *testing.T) {
	w := newSQLiteWorld(t)
	off := w.signIn(t, officer)
	id := scrRuleID(t, w, "Everbright Trading: known counterfeit exporter")
	scrRedirect(t, "delete", w.do(t, off, "POST", "/rules/"+id+"/delete", url.Values{}), "/rules?done=deleted")
	r := w.get(t, off, "/rules?done=deleted")
	scrWant(t, "after deleting", r, http.StatusOK, "The rule was deleted")
	scrNot(t, "after deleting", r, "Everbright Trading: known counterfeit exporter")
	scrWant(t, "delete again", w.do(t, off, "POST", "/rules/"+id+"/delete", url.Values{}), http.StatusNotFound)
}

// Holders and police may neither read nor change rules; a stranger is sent to sign in.
func TestRuleAccess(t *testing.T) {
	w := newSQLiteWorld(t)
	id := scrRuleID(t, w, "Putian footwear in small parcels")
	for _, email := range []string{brand, counsel, catPolice, regSecretariat, admin} {
		c := w.signIn(t, email)
		for _, tc := range []struct{ method, path string }{
			{"GET", "/rules"}, {"GET", "/rules/new"}, {"POST", "/rules"}, {"GET", "/rules/" + id + "/edit"},
			{"POST", "/rules/" + id + "/edit"}, {"POST", "/rules/" + id + "/delete"},
		} {
			var form url.Values
			if tc.method == "POST" {
				form = ruleForm()
			}
			if r := w.do(t, c, tc.method, tc.path, form); r.status != http.StatusForbidden {
				t.Errorf("%s %s %s: got %d, want 403", email, tc.method, tc.path, r.status)
			}
		}
	}
	if r := w.get(t, w.client(t), "/rules/new"); r.status != http.StatusSeeOther {
		t.Errorf("anonymous GET /rules/new: got %d, want 303 to sign in", r.status)
	}
	scrWant(t, "the rule unchanged", w.get(t, w.signIn(t, officer), "/rules"), http.StatusOK, "Putian footwear in small parcels")
}
