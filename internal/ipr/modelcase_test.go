package ipr

import "testing"

func TestRedactor(t *testing.T) {
	r := &Redactor{}
	r.Add("Acme Trading Co., Ltd.", PlaceholderCompany)
	r.Add("北风服饰有限公司", PlaceholderCompany)
	r.Add("Li Wei", PlaceholderPerson)
	r.Add("HZ-2026-000123", PlaceholderCase)
	r.Add("Al", PlaceholderPerson) // too short to remove safely
	tests := []struct{ in, want string }{
		{"Sent by ACME TRADING to Li  Wei.", "Sent by [company] to [person]."},
		{"acme-trading co ltd paid", "[company] paid"},
		{"北风服饰有限公司的货物", "[company]的货物"},
		{"Call +86 571-8765 4321 or li.wei@acme.example", "Call [phone] or [e-mail]"},
		{"Case HZ-2026-000123 of 2026-03-05: 1,200 pcs worth 126000.00", "Case [case] of 2026-03-05: 1,200 pcs worth 126000.00"},
		{"Also an Albatross and Acmeville", "Also an Albatross and Acmeville"},
	}
	for _, tt := range tests {
		if got := r.Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestModelCaseInputValidate(t *testing.T) {
	in := ModelCaseInput{Title: " ", Reveal: []ModelCaseField{MCOffice, "consignee", MCOffice}}
	fields := ErrorFields(in.Validate())
	if fields["title"] == "" || fields["summary"] == "" || fields["reveal"] == "" {
		t.Errorf("got fields %v, want problems for title, summary and reveal", fields)
	}
	if len(in.Reveal) != 1 {
		t.Errorf("got reveal %v, want office once", in.Reveal)
	}
	if got := ValueBand(12_000_00, "CNY"); got != "10,000 – 50,000 CNY" {
		t.Errorf("ValueBand: got %q", got)
	}
}
