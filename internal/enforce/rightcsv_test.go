package enforce_test

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

const header = "id,holder,kind,mark,variants,nice_classes,jurisdiction,valid_from,valid_to,authorised_exporters\n"

func problemStrings(f *enforce.RightsFile) []string {
	var out []string
	for _, p := range f.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestParseRightsCSVProblems(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in       string
		want     []string
		wantRows int
		unusable bool
	}{
		{"valid", header + "R1,Acme Ltd,trademark,ACME,艾克米|AKM,25 18,CN,2020-01-01,2030-12-31,A Co.|B Co.\n", nil, 1, false},
		{"byte order mark and spaced header", "\uFEFF" + strings.ReplaceAll(header, ",", ", ") + "R1,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\n", nil, 1, false},
		{"empty file", "", []string{"line 1: header: the file is empty; want " + strings.TrimSpace(header)}, 0, true},
		{"wrong header", "id,holder,mark\nR1,Acme,ACME\n", []string{"line 1: header: want " + strings.TrimSpace(header)}, 0, true},
		{"bad kind", header + "R1,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\nR2,Acme,brand,BETA,,25,CN,2020-01-01,2030-12-31,\n",
			[]string{`line 3: kind: "brand" is not one of trademark, copyright, invention_patent, utility_model, design_patent`}, 1, false},
		{"several fields of one row", header + "R1,,trademark,,,46,CN,2020-13-01,,\n", []string{
			"line 2: holder: is required", "line 2: mark: is required", "line 2: nice_classes: 46 is not a Nice class (1–45)",
			`line 2: valid_from: "2020-13-01" is not a date like 2026-11-29`, "line 2: valid_to: is required"}, 0, false},
		{"column count", header + "R1,Acme,trademark,ACME,,25,CN,2020-01-01\n", []string{"line 2: row: has 8 columns, want 10"}, 0, false},
		{"missing id and valid_from", header + ",Acme,trademark,ACME,,25,CN,,2030-12-31,\n",
			[]string{"line 2: id: is required", "line 2: valid_from: is required: an imported recordation runs from it"}, 0, false},
		{"bad id", header + "R 1,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\n", []string{"line 2: id: use up to 64 letters, digits and . _ / -"}, 0, false},
		{"trademark without class", header + "R1,Acme,trademark,ACME,,,CN,2020-01-01,2030-12-31,\n", []string{"line 2: nice_classes: a trademark needs at least one Nice class"}, 0, false},
		{"valid_to before valid_from", header + "R1,Acme,trademark,ACME,,25,CN,2020-01-01,2019-12-31,\n", []string{"line 2: valid_to: is before valid_from"}, 0, false},
		{"duplicate id", header + "R1,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\nR1,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\n",
			[]string{`line 3: id: "R1" is already on line 2`}, 1, false},
		{"quoted fields spanning lines", header +
			"R1,Acme,trademark,ACME,\"one\ntwo\nthree\",25,CN,2020-01-01,2030-12-31,\"X Co.\nY Co.\"\n" +
			"R2,Acme,trademark,\"BE\nTA\",,25,CN,2020-01-01,2030-12-31,\n" +
			"R3,Acme,copyright,GAMMA,,,CN,2020-01-01,2030-99-31,\n",
			[]string{"line 6: mark: must be on one line", `line 8: valid_to: "2030-99-31" is not a date like 2026-11-29`}, 1, false},
		{"bare quote", header + "R1,Ac\"me,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\nR2,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\n",
			[]string{`line 2: row: bare " in non-quoted-field`}, 1, false},
		{"unterminated quote", header + "R1,Acme,trademark,ACME,,25,CN,2020-01-01,2030-12-31,\nR2,\"Acme,trademark\n\n",
			[]string{`line 4: row: extraneous or missing " in quoted-field (in the row that starts on line 3)`}, 1, false},
		{"control character and bad UTF-8", header + "R1,Ac\x01me,trademark,AC\xffME,,25,CN,2020-01-01,2030-12-31,\n",
			[]string{`line 2: holder: contains the control character '\x01'`, "line 2: mark: is not valid UTF-8"}, 0, false},
		{"organisation name too long", header + "R1," + strings.Repeat("a", 201) + ",trademark,ACME,,25,CN,2020-01-01,2030-12-31,\n",
			[]string{"line 2: holder: must be at most 200 characters"}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := enforce.ParseRightsCSV(strings.NewReader(tc.in))
			if err != nil {
				t.Fatalf("got error %v", err)
			}
			if got := problemStrings(f); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if len(f.Rows) != tc.wantRows || f.Unusable != tc.unusable {
				t.Errorf("got %d rows, unusable %v; want %d, %v", len(f.Rows), f.Unusable, tc.wantRows, tc.unusable)
			}
		})
	}
}

func TestParseRightsCSVRow(t *testing.T) {
	in := header + "R1, Acme Ltd ,Trademark, ACME ,\"艾克米| AKM |艾克米\nAcme  Co\",18 25 18,cn,2020-01-01,2030-12-31,\"B Co.|A Co.\"\n"
	f, err := enforce.ParseRightsCSV(strings.NewReader(in))
	if err != nil || len(f.Rows) != 1 {
		t.Fatalf("got %d rows, problems %v, err %v; want 1 row", len(f.Rows), problemStrings(f), err)
	}
	got := f.Rows[0]
	want := enforce.ImportRow{Line: 2, Exporters: []string{"B Co.", "A Co."}, Right: ipr.Right{
		Ref: "R1", HolderName: "Acme Ltd", Owner: "Acme Ltd", Kind: ipr.Trademark, Mark: "ACME",
		Variants: []string{"艾克米", "AKM", "Acme Co"}, NiceClasses: []int{18, 25}, Jurisdiction: "CN",
		ValidFrom: ipr.NewDate(2020, 1, 1), ValidTo: ipr.NewDate(2030, 12, 31)}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// FuzzParseRightsCSV checks that no input makes the parser fail or panic, that every
// problem names a line of the input, and that the valid rows survive writing and reading again.
func FuzzParseRightsCSV(f *testing.F) {
	f.Add([]byte(header + "R1,Acme,trademark,ACME,艾克米,25,CN,2020-01-01,2030-12-31,A Co.|B Co.\n"))
	f.Add([]byte(header + "R1,Acme,brand,,,0,,x,y,\n\"R2\nx\",\"a\"b,c\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		file, err := enforce.ParseRightsCSV(bytes.NewReader(in))
		if err != nil {
			t.Fatalf("ParseRightsCSV: %v", err)
		}
		lines := bytes.Count(in, []byte("\n")) + 1
		for _, p := range file.Problems {
			known := p.Field == "row" || p.Field == "header" || slices.Contains(enforce.RightsCSVHeader, p.Field)
			if p.Line < 1 || p.Line > lines || !known || p.Problem == "" {
				t.Errorf("problem %q: want a line within 1–%d, a column (or row or header) and a problem", p, lines)
			}
		}
		if file.Invalid > 0 && len(file.Problems) == 0 || file.Unusable && len(file.Rows) > 0 {
			t.Errorf("got %d invalid rows, %d problems, unusable %v, %d rows", file.Invalid, len(file.Problems), file.Unusable, len(file.Rows))
		}
		rights := make([]*ipr.Right, len(file.Rows))
		exporters := map[int64][]string{}
		for i, row := range file.Rows {
			r := row.Right
			r.ID = int64(i + 1)
			rights[i], exporters[r.ID] = &r, row.Exporters
		}
		var buf bytes.Buffer
		if err := enforce.WriteRightsCSV(&buf, rights, exporters); err != nil {
			t.Fatalf("WriteRightsCSV: %v", err)
		}
		again, err := enforce.ParseRightsCSV(&buf)
		if err != nil || len(again.Problems) > 0 || len(again.Rows) != len(file.Rows) {
			t.Fatalf("written and read again: got %d rows, problems %v, err %v; want %d rows\n%s",
				len(again.Rows), problemStrings(again), err, len(file.Rows), buf.String())
		}
		for i, row := range again.Rows {
			want := file.Rows[i]
			want.Line = row.Line
			if !reflect.DeepEqual(row, want) {
				t.Errorf("row %d written and read again:\ngot  %+v\nwant %+v", i, row, want)
			}
		}
	})
}
