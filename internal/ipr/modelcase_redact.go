package ipr

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Placeholders that replace what a model case must not name.
const (
	PlaceholderCompany = "[company]"
	PlaceholderPerson  = "[person]"
	PlaceholderBrand   = "[brand]"
	PlaceholderAddress = "[address]"
	PlaceholderPhone   = "[phone]"
	PlaceholderEmail   = "[e-mail]"
	PlaceholderCase    = "[case]"
)

// Redactor removes known names, phone numbers and e-mail addresses from text.
// Names are matched without regard to case, spacing or punctuation between
// their words, and also without company suffixes ("Co., Ltd.", 有限公司), so
// that "ACME TRADING" is caught when the case knows "Acme Trading Co., Ltd.".
type Redactor struct {
	names []redactName
}

type redactName struct {
	re          *regexp.Regexp
	length      int
	placeholder string
}

var (
	emailRE    = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(\.[\p{L}\p{N}\-]+)+`)
	phoneRE    = regexp.MustCompile(`\+?\(?\d[\d \-().]{5,}\d`)
	dateLikeRE = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
	amountRE   = regexp.MustCompile(`^\d+\.\d{1,2}$`)
)

// minRedactRunes keeps very short names (initials, "Co") from blanking ordinary words.
const minRedactRunes = 3

// Add makes the redactor replace name, and its form without a company suffix, with placeholder.
func (r *Redactor) Add(name, placeholder string) {
	for _, form := range []string{name, withoutSuffix(name)} {
		tokens := nameTokens(form)
		n := len([]rune(strings.Join(tokens, "")))
		if n < minRedactRunes {
			continue
		}
		quoted := make([]string, len(tokens))
		for i, t := range tokens {
			quoted[i] = regexp.QuoteMeta(t)
		}
		pattern := strings.Join(quoted, `[^\p{L}\p{N}\[\]]{0,3}`)
		if isASCIIWord(tokens[0]) {
			pattern = `\b` + pattern
		}
		if isASCIIWord(tokens[len(tokens)-1]) {
			pattern += `\b`
		}
		r.names = append(r.names, redactName{re: regexp.MustCompile(`(?i)` + pattern), length: n, placeholder: placeholder})
	}
}

// Redact returns s with e-mail addresses, every added name and phone numbers replaced.
// E-mail goes first, as an address may contain a company's name; names go
// before phone numbers, so that a case number is not taken for a phone number.
func (r *Redactor) Redact(s string) string {
	s = emailRE.ReplaceAllString(s, PlaceholderEmail)
	names := make([]redactName, len(r.names))
	copy(names, r.names)
	sort.SliceStable(names, func(i, j int) bool { return names[i].length > names[j].length }) // longest first
	for _, n := range names {
		s = n.re.ReplaceAllLiteralString(s, n.placeholder)
	}
	return phoneRE.ReplaceAllStringFunc(s, func(m string) string {
		digits := 0
		for _, c := range m {
			if c >= '0' && c <= '9' {
				digits++
			}
		}
		if digits < 7 || dateLikeRE.MatchString(m) || amountRE.MatchString(m) {
			return m
		}
		return PlaceholderPhone
	})
}

// nameTokens splits a name into its words of letters and digits.
func nameTokens(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
}

// withoutSuffix drops trailing company suffixes: "Acme Trading Co., Ltd." → "Acme Trading".
func withoutSuffix(s string) string {
	tokens := nameTokens(s)
	for len(tokens) > 1 && companySuffix[strings.ToUpper(tokens[len(tokens)-1])] {
		tokens = tokens[:len(tokens)-1]
	}
	out := strings.Join(tokens, " ")
	for _, zh := range []string{"有限责任公司", "股份有限公司", "有限公司", "公司"} {
		if strings.HasSuffix(out, zh) && len([]rune(out)) > len([]rune(zh))+1 {
			return strings.TrimSuffix(out, zh)
		}
	}
	return out
}

func isASCIIWord(s string) bool {
	for _, c := range s {
		if c > unicode.MaxASCII {
			return false
		}
	}
	return s != ""
}
