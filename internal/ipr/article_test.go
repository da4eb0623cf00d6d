package ipr

import (
	"strings"
	"testing"
)

func TestArticleValidate(t *testing.T) {
	sha := strings.Repeat("ab", 32)
	tests := []struct {
		name  string
		in    Article
		field string // "" for valid
	}{
		{"valid", Article{Lang: "zh", Title: " 世界知识产权日 ", Body: "正文", Tags: []string{"IP Day", "ip  day", ""}, Images: []string{sha}, OrgID: 1}, ""},
		{"no title", Article{Lang: "en", Body: "b", OrgID: 1}, "title"},
		{"no body", Article{Lang: "en", Title: "t", OrgID: 1}, "body"},
		{"bad language", Article{Lang: "fr", Title: "t", Body: "b", OrgID: 1}, "lang"},
		{"control character", Article{Lang: "en", Title: "t\x00", Body: "b", OrgID: 1}, "title"},
		{"tag with markup", Article{Lang: "en", Title: "t", Body: "b", Tags: []string{"<b>"}, OrgID: 1}, "tags"},
		{"bad image", Article{Lang: "en", Title: "t", Body: "b", Images: []string{"../x"}, OrgID: 1}, "images[0]"},
		{"no organisation", Article{Lang: "en", Title: "t", Body: "b"}, "org"},
	}
	for _, tt := range tests {
		err := tt.in.Validate()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: got %v, want no error", tt.name, err)
			}
			continue
		}
		if ErrorFields(err)[tt.field] == "" {
			t.Errorf("%s: got %v, want a problem for %s", tt.name, err, tt.field)
		}
	}
	a := Article{Lang: "zh", Title: " 标题 ", Body: "b", Tags: []string{"IP Day", "ip  day"}, OrgID: 1}
	if err := a.Validate(); err != nil || a.Title != "标题" || len(a.Tags) != 1 || a.Tags[0] != "ip day" {
		t.Errorf("got %q %v, %v; want trimmed title and one tag \"ip day\"", a.Title, a.Tags, err)
	}
}

func TestQuestionAndNoteValidate(t *testing.T) {
	q := Question{OrgID: 1, Title: " ", Body: "How long is the bond held?"}
	if ErrorFields(q.Validate())["title"] == "" {
		t.Error("question without title: got no problem for title")
	}
	if _, err := ValidateAnswer("  "); ErrorFields(err)["answer"] == "" {
		t.Errorf("empty answer: got %v, want a problem for answer", err)
	}
	n := PracticeNote{Title: "Recordation tips", Body: "Record every variant."}
	if ErrorFields(n.Validate())["org"] == "" {
		t.Error("note without organisation: got no problem for org")
	}
}
