package enforce_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// registerFile is the screening development register: 20,041 rights of as many holders.
const registerFile = "../../testdata/rights.csv"

func readRegister(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(registerFile)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func importBytes(t *testing.T, s *enforce.Service, actor *ipr.User, b []byte, skip bool) (*enforce.ImportReport, error) {
	t.Helper()
	return s.ImportRights(t.Context(), actor, bytes.NewReader(b), enforce.ImportOptions{SkipInvalid: skip})
}

func rightByRef(t *testing.T, s *enforce.Service, ref string) (*ipr.Right, []string) {
	t.Helper()
	var r *ipr.Right
	var names []string
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		if r, err = tx.RightByRef(t.Context(), ref); err != nil {
			return err
		}
		parties, err := tx.Parties(t.Context(), r.ID)
		for _, p := range parties {
			if p.Role == ipr.PartyExporter {
				names = append(names, p.Name)
			}
		}
		return err
	})
	if err != nil {
		t.Fatalf("right %s: %v", ref, err)
	}
	slices.Sort(names)
	return r, names
}

func countRights(t *testing.T, s *enforce.Service) int64 {
	t.Helper()
	var n int64
	err := s.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		n, err = tx.CountRights(t.Context(), 0, "")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The whole development register imports, and importing it again changes nothing.
func TestImportRegister(t *testing.T) {
	file := readRegister(t)
	sum := sha256.Sum256(file)
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		supervisor := user(t, s, supervisorEmail)
		before := count(t, s)
		rights := countRights(t, s)

		rep, err := importBytes(t, s, supervisor, file, false)
		if err != nil {
			t.Fatalf("import: %v (problems %v)", err, rep)
		}
		want := enforce.ImportReport{Rows: 20041, Created: 20041, HoldersCreated: 20041, SHA256: hex.EncodeToString(sum[:])}
		if rep.String() != want.String() || len(rep.Problems) != 0 {
			t.Errorf("first import: got %s, %d problems; want %s", rep, len(rep.Problems), &want)
		}
		if got := countRights(t, s); got != rights+20041 {
			t.Errorf("got %d rights, want %d", got, rights+20041)
		}
		if got := count(t, s).events; got != before.events+1 {
			t.Errorf("got %d audit events, want %d (one for the import)", got, before.events+1)
		}
		if e := lastEvent(t, s); e.Action != "right.import" || !strings.Contains(e.After, rep.SHA256) || !strings.Contains(e.After, "20041 created") {
			t.Errorf("got audit event %s %q, want right.import with the counts and the file's hash", e.Action, e.After)
		}

		r, exporters := rightByRef(t, s, "R03-00002")
		if r.Status != ipr.StatusApproved || r.HolderName != "Northpeak Holdings" || r.Mark != "NORTHPEAK" ||
			!slices.Equal(r.Variants, []string{"北峰"}) || !slices.Equal(r.NiceClasses, []int{25, 28}) ||
			r.RecordFrom != ipr.NewDate(2018, 1, 1) || r.RecordTo != ipr.NewDate(2028, 12, 31) || r.ValidTo != r.RecordTo {
			t.Errorf("R03-00002: got %+v, want approved NORTHPEAK of Northpeak Holdings recorded 2018-01-01 to 2028-12-31", r)
		}
		if want := []string{"Jinhua Guodai Industrial Co., Ltd.", "Ningbo Wuwang Supply Chain Co., Ltd."}; !slices.Equal(exporters, want) {
			t.Errorf("R03-00002 exporters: got %q, want %q", exporters, want)
		}

		events := count(t, s).events
		rep, err = importBytes(t, s, supervisor, file, false)
		if err != nil || rep.Unchanged != 20041 || rep.Created+rep.Updated+rep.HoldersCreated != 0 {
			t.Errorf("second import: got %v, %v; want 20041 unchanged", rep, err)
		}
		if got := count(t, s).events; got != events {
			t.Errorf("second import: got %d audit events, want %d (nothing changed)", got, events)
		}
	})
}

// An expired row is stored expired: it stops protecting.
func TestImportExpiredRight(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		in := header + "OLD-1,Bygone Co,trademark,BYGONE,,25,CN,2004-01-01,2014-12-31,\n"
		if _, err := importBytes(t, s, ipr.SystemUser(), []byte(in), false); err != nil {
			t.Fatal(err)
		}
		r, _ := rightByRef(t, s, "OLD-1")
		today := ipr.DateOf(start, start.Location())
		if !r.Expired(today) || r.Protecting(today) || r.DisplayStatus(today) != "expired" {
			t.Errorf("got %s, protecting %v; want expired and not protecting", r.DisplayStatus(today), r.Protecting(today))
		}
		var protected []*ipr.Right
		if err := db.View(t.Context(), func(tx *store.Tx) (err error) {
			protected, err = tx.ProtectedRights(t.Context(), today)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(protected, func(p *ipr.Right) bool { return p.Ref == "OLD-1" }) {
			t.Errorf("the expired right is among the protected rights")
		}
	})
}

// A changed row updates its right and replaces its exporters; a draft filed in the
// register under the same id becomes the approved recordation the file describes.
func TestImportUpdates(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		admin := user(t, s, adminEmail)
		first := header + "U-1,Acme Ltd,trademark,ACME,,25,CN,2020-01-01,2030-12-31,A Co.|B Co.\n" +
			"U-2,Acme Ltd,trademark,ACMEX,,9,CN,2020-01-01,2030-12-31,C Co.\n"
		if rep, err := importBytes(t, s, admin, []byte(first), false); err != nil || rep.Created != 2 || rep.HoldersCreated != 1 {
			t.Fatalf("first import: got %v, %v; want 2 created and 1 holder", rep, err)
		}
		old, _ := rightByRef(t, s, "U-1")
		second := header + "U-1,Acme Ltd,trademark,ACME,艾克米,25 18,CN,2020-01-01,2031-12-31,C Co.|A Co.\n" +
			"U-2,Acme Ltd,trademark,ACMEX,,9,CN,2020-01-01,2030-12-31,C Co.\n" +
			"DEMO-GOLDFIELD,Goldfield Foods,trademark,GOLDFIELD,金田,29 30,CN,2016-05-14,2036-05-13,\n"
		rep, err := importBytes(t, s, admin, []byte(second), false)
		if err != nil || rep.Created != 0 || rep.Updated != 2 || rep.Unchanged != 1 || rep.HoldersCreated != 0 {
			t.Fatalf("second import: got %v, %v; want 2 updated, 1 unchanged", rep, err)
		}
		r, exporters := rightByRef(t, s, "U-1")
		if r.ID != old.ID || r.Version != old.Version+1 || r.RecordTo != ipr.NewDate(2031, 12, 31) ||
			!slices.Equal(r.NiceClasses, []int{18, 25}) || !slices.Equal(r.Variants, []string{"艾克米"}) {
			t.Errorf("U-1: got %+v, want the same right, one version on, with the new classes, variant and dates", r)
		}
		if want := []string{"A Co.", "C Co."}; !slices.Equal(exporters, want) {
			t.Errorf("U-1 exporters: got %q, want %q", exporters, want)
		}
		g, _ := rightByRef(t, s, "DEMO-GOLDFIELD")
		if g.Status != ipr.StatusApproved || g.RecordFrom != g.ValidFrom || g.Goods == "" {
			t.Errorf("DEMO-GOLDFIELD: got %s from %s, goods %q; want approved from valid_from, goods kept", g.Status, g.RecordFrom, g.Goods)
		}
	})
}

// A file with one bad row names its line and field and imports nothing, unless told to skip it.
func TestImportInvalidRow(t *testing.T) {
	lines := strings.SplitAfter(string(readRegister(t)), "\n")
	lines[10000] = strings.Replace(lines[10000], ",trademark,", ",trademarc,", 1) // line 10,001
	bad := []byte(strings.Join(lines, ""))
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		actor := user(t, s, supervisorEmail)
		before, rights := count(t, s), countRights(t, s)

		rep, err := importBytes(t, s, actor, bad, false)
		wantError(t, err, ipr.EINVALID, "")
		wantProblem := `line 10001: kind: "trademarc" is not one of trademark, copyright, invention_patent, utility_model, design_patent`
		if rep == nil || len(rep.Problems) != 1 || rep.Problems[0].String() != wantProblem {
			t.Fatalf("got %v, want the one problem %q", rep, wantProblem)
		}
		if got := countRights(t, s); got != rights || count(t, s) != before {
			t.Errorf("got %d rights and %+v, want %d and %+v: nothing imported", got, count(t, s), rights, before)
		}

		part := []byte(strings.Join(lines[:10001], "")) // a smaller file with the same bad row, to keep the test quick
		rep, err = importBytes(t, s, actor, part, true)
		if err != nil || rep.Created != 9999 || rep.Skipped != 1 || len(rep.Problems) != 1 {
			t.Errorf("with skip-invalid: got %v, %v; want 9999 created and 1 skipped", rep, err)
		}
	})
}

// Holders must be right holders; only those who may import can.
func TestImportRefused(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		in := []byte(header + "X-1,Yiwu Customs,trademark,X,,25,CN,2020-01-01,2030-12-31,\n" +
			"X-2,Northwind Apparel,trademark,Y,,25,CN,2020-01-01,2030-12-31,\n")
		rep, err := importBytes(t, s, ipr.SystemUser(), in, false)
		wantError(t, err, ipr.EINVALID, "")
		if want := `line 2: holder: "Yiwu Customs" is a customs_office, not a right holder`; rep == nil || len(rep.Problems) != 1 || rep.Problems[0].String() != want {
			t.Errorf("got %v, want the problem %q", rep, want)
		}
		if rep, err := importBytes(t, s, ipr.SystemUser(), in, true); err != nil || rep.Created != 1 || rep.Skipped != 1 {
			t.Errorf("with skip-invalid: got %v, %v; want 1 created, 1 skipped", rep, err)
		}
		for _, email := range []string{officerEmail, holderEmail, agentEmail, secretaryEmail, policeEmail} {
			_, err := importBytes(t, s, user(t, s, email), in, true)
			if ipr.ErrorCode(err) != ipr.EFORBIDDEN {
				t.Errorf("%s: got %v, want forbidden", email, err)
			}
		}
		_, err = importBytes(t, s, nil, in, true)
		wantError(t, err, ipr.EUNAUTHENTICATED, "")

		rep, err = importBytes(t, s, ipr.SystemUser(), []byte("ref,mark\n"), true)
		wantError(t, err, ipr.EINVALID, "")
		if rep == nil || len(rep.Problems) != 1 || rep.Problems[0].Field != "header" {
			t.Errorf("wrong header: got %v, want a header problem", rep)
		}
	})
}

// An export imports back unchanged, and each role exports only what it may see.
func TestExportRights(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		in := header + "E-1,Acme Ltd,trademark,ACME,\"艾克米|A,C\"\"ME\",25 18,CN,2020-01-01,2030-12-31,B Co.|A Co.\n" +
			"E-2,Beta Co,copyright,Beta artwork,,,EU,2019-01-01,2069-12-31,\n"
		if _, err := importBytes(t, s, ipr.SystemUser(), []byte(in), false); err != nil {
			t.Fatal(err)
		}
		export := func(actor *ipr.User) ([]byte, *enforce.RightRegister) {
			t.Helper()
			g, err := s.ExportRights(t.Context(), actor, "")
			if err != nil {
				t.Fatalf("export as %v: %v", actor.Email, err)
			}
			var buf bytes.Buffer
			if err := g.WriteCSV(&buf); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes(), g
		}
		approved, err := s.ExportRights(t.Context(), ipr.SystemUser(), ipr.StatusApproved)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := approved.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "E-1,Acme Ltd,trademark,ACME,\"艾克米|A,C\"\"ME\",18 25,CN,2020-01-01,2030-12-31,A Co.|B Co.\n") {
			t.Errorf("export: got\n%s\nwant E-1 as imported", buf.String())
		}
		rep, err := importBytes(t, s, ipr.SystemUser(), buf.Bytes(), false)
		if err != nil || rep.Unchanged != len(approved.Rights) || rep.Unchanged == 0 || rep.Created+rep.Updated != 0 {
			t.Errorf("re-import of the export: got %v, %v; want all %d unchanged", rep, err, len(approved.Rights))
		}

		all, everything := export(ipr.SystemUser())
		if !bytes.HasPrefix(all, []byte(header)) || !slices.ContainsFunc(everything.Rights, func(r *ipr.Right) bool { return r.Status == ipr.StatusDraft }) {
			t.Errorf("the command line's export: want the header and every right, drafts too")
		}
		_, customs := export(user(t, s, officerEmail))
		if len(customs.Rights) == 0 || slices.ContainsFunc(customs.Rights, func(r *ipr.Right) bool { return r.Status == ipr.StatusDraft }) {
			t.Errorf("officer: got %d rights, want all but drafts", len(customs.Rights))
		}
		holder := user(t, s, holderEmail)
		_, own := export(holder)
		if len(own.Rights) == 0 || slices.ContainsFunc(own.Rights, func(r *ipr.Right) bool { return r.HolderID != holder.OrgID }) {
			t.Errorf("holder: got %d rights, want only its own", len(own.Rights))
		}
		for _, email := range []string{policeEmail, secretaryEmail} {
			if _, err := s.ExportRights(t.Context(), user(t, s, email), ""); ipr.ErrorCode(err) != ipr.EFORBIDDEN {
				t.Errorf("%s: got %v, want forbidden", email, err)
			}
		}
	})
}
