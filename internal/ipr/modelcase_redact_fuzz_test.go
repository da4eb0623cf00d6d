package ipr

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzRedact checks the model cases' redactor on arbitrary names and text: a
// known name standing as words of its own is always replaced, alone or amid
// any text, and nothing makes it panic.
func FuzzRedact(f *testing.F) {
	for _, seed := range [][2]string{
		{"Acme Trading", "Shipped by ACME  TRADING Co., Ltd. to Lagos; call +86 571 8888 1234"},
		{"Wang Li", "wang-li@example.com wrote to Wang Li"},
		{"Northwind", "NORTHWIND, Northwind's fakes"},
		{"Zhejiang Yiwu Gift", "[company] and Zhejiang   Yiwu\nGift"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) }), " ")
		if len(strings.ReplaceAll(name, " ", "")) < minRedactRunes || withoutSuffix(name) != name {
			return // too short to be redacted, or a company suffix on its own
		}
		var r Redactor
		r.Add(name, PlaceholderCompany)
		if got := r.Redact(name); got != PlaceholderCompany {
			t.Fatalf("Redact(%q) with %q known: got %q, want %s", name, name, got, PlaceholderCompany)
		}
		out := r.Redact(text + " " + name + " " + text)
		if strings.Contains(strings.ToLower(" "+out+" "), " "+strings.ToLower(name)+" ") {
			t.Fatalf("Redact(%q amid %q) with %q known: got %q, the name still there", name, text, name, out)
		}
	})
}
