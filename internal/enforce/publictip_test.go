package enforce_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// tipService is a service on an empty database: the tip line needs no demo world.
func tipService(t *testing.T, db *store.DB) *enforce.Service {
	s := enforce.New(db, ipr.NewFixedClock(start), nil)
	s.Files = store.NewBlobs(t.TempDir())
	return s
}

var tipOfficer = &ipr.User{ID: 5, Email: "officer@customs.example", Role: ipr.RoleCustomsOfficer, OrgID: 1}

func countTips(t *testing.T, s *enforce.Service) (tips, photos int64) {
	t.Helper()
	err := s.DB.View(context.Background(), func(tx *store.Tx) (err error) {
		tips, photos, err = tx.CountPublicTips(context.Background())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tips, photos
}

func TestPublicTipSubmitAndStatus(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := tipService(t, db)
		ctx := context.Background()
		photo := pngOf(t, picture(40, 30, red, blue))
		got, err := s.SubmitPublicTip(ctx, enforce.PublicTipInput{What: "Fake Northwind bags", Where: "Yiwu market",
			Seller: "stall 12", Lang: "zh", Photos: []enforce.Upload{upload("photos", "bag.png", photo)}})
		if err != nil {
			t.Fatalf("SubmitPublicTip: %v", err)
		}
		if !ipr.ValidPublicTipReceipt(got.Receipt) || len(got.Secret) != 16 {
			t.Fatalf("got receipt %q secret %q, want T- and 10 characters, and 16 characters", got.Receipt, got.Secret)
		}
		if n := len(blobFiles(t, s)); n == 0 {
			t.Errorf("got %d blobs, want the photo stored", n)
		}

		status, err := s.PublicTipStatusOf(ctx, got.Receipt, got.Secret)
		if err != nil || status.Status != ipr.PublicTipReceived || status.CreatedAt != "2025-03-03" || status.UpdatedAt != "" {
			t.Fatalf("PublicTipStatusOf: got %+v, %v", status, err)
		}
		wrongSecret := got.Secret[:15] + "X"
		if wrongSecret == got.Secret {
			wrongSecret = got.Secret[:15] + "Y"
		}
		for _, wrong := range [][2]string{{got.Receipt, wrongSecret}, {got.Receipt, ""}, {"T-ZZZZZZZZZZ", got.Secret},
			{"' OR 1=1 --", got.Secret}} {
			if _, err := s.PublicTipStatusOf(ctx, wrong[0], wrong[1]); ipr.ErrorCode(err) != ipr.ENOTFOUND {
				t.Errorf("PublicTipStatusOf(%q, %q): got %v, want not found", wrong[0], wrong[1], err)
			}
		}

		list, total, err := s.PublicTips(ctx, tipOfficer, ipr.PublicTipFilter{})
		if err != nil || total != 1 || list[0].Receipt != got.Receipt || len(list[0].Photos) != 1 || list[0].SecretHash == got.Secret {
			t.Fatalf("PublicTips: got %d tips (%v), want the one, with its photo and the secret only hashed", total, err)
		}
		id := list[0].ID
		if err := s.TriagePublicTip(ctx, tipOfficer, id, "dismissed", ""); ipr.ErrorFields(err)["reason"] == "" {
			t.Errorf("dismiss without reason: got %v, want a reason problem", err)
		}
		if err := s.TriagePublicTip(ctx, tipOfficer, id, "forwarded", "to the Yiwu office"); err != nil {
			t.Fatalf("TriagePublicTip: %v", err)
		}
		if status, _ := s.PublicTipStatusOf(ctx, got.Receipt, got.Secret); status == nil || status.Status != ipr.PublicTipForwarded || status.UpdatedAt == "" {
			t.Errorf("status after forwarding: got %+v", status)
		}
		sha := list[0].Photos[0].SHA256
		p, f, err := s.OpenPublicTipPhoto(ctx, tipOfficer, id, sha, false)
		if err != nil || p.ContentType != "image/png" {
			t.Fatalf("OpenPublicTipPhoto: got %v, %v", p, err)
		}
		f.Close()
		if _, _, err := s.OpenPublicTipPhoto(ctx, tipOfficer, id, strings.Repeat("0", 64), false); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("another photo: got %v, want not found", err)
		}
	})
}

func TestPublicTipOnlyCustomsTriage(t *testing.T) {
	s := tipService(t, storetest.SQLite(t))
	ctx := context.Background()
	if _, err := s.SubmitPublicTip(ctx, enforce.PublicTipInput{What: "fake shoes", Where: "online"}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []*ipr.User{nil, {ID: 3, Role: ipr.RoleRightHolder, OrgID: 2}, {ID: 4, Role: ipr.RolePolice, OrgID: 3}} {
		if _, _, err := s.PublicTips(ctx, u, ipr.PublicTipFilter{}); err == nil {
			t.Errorf("PublicTips(%v): got nil, want refused", u)
		}
		if err := s.TriagePublicTip(ctx, u, 1, "triaged", ""); err == nil {
			t.Errorf("TriagePublicTip(%v): got nil, want refused", u)
		}
	}
}

// Every refused report leaves no row and no blob behind.
func TestPublicTipRejectedStoresNothing(t *testing.T) {
	s := tipService(t, storetest.SQLite(t))
	ctx := context.Background()
	good := pngOf(t, picture(20, 20, red, blue))
	six := make([]enforce.Upload, ipr.MaxTipPhotos+1)
	for i := range six {
		six[i] = upload("photos", "p.png", good)
	}
	tests := []struct {
		name  string
		in    enforce.PublicTipInput
		field string
	}{
		{"no what", enforce.PublicTipInput{Where: "x"}, "what"},
		{"where too long", enforce.PublicTipInput{What: "x", Where: strings.Repeat("y", ipr.MaxTipWhere+1)}, "where"},
		{"binary text", enforce.PublicTipInput{What: "x\x00", Where: "y"}, "what"},
		{"a program as a photo", enforce.PublicTipInput{What: "x", Where: "y",
			Photos: []enforce.Upload{upload("photos", "ok.png", good), upload("photos", "cat.png", []byte("MZ\x90\x00 program"))}}, "photos"},
		{"a PDF", enforce.PublicTipInput{What: "x", Where: "y", Photos: []enforce.Upload{upload("photos", "a.pdf", []byte("%PDF-1.4 x"))}}, "photos"},
		{"too many photos", enforce.PublicTipInput{What: "x", Where: "y", Photos: six}, "photos"},
		{"photo too large", enforce.PublicTipInput{What: "x", Where: "y",
			Photos: []enforce.Upload{upload("photos", "big.png", append(bytes.Clone(good), make([]byte, ipr.MaxTipPhotoSize)...))}}, "photos"},
	}
	for _, tt := range tests {
		_, err := s.SubmitPublicTip(ctx, tt.in)
		if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)[tt.field] == "" {
			t.Errorf("%s: got %v, want a problem with %s", tt.name, err, tt.field)
		}
		if tips, photos := countTips(t, s); tips != 0 || photos != 0 || len(blobFiles(t, s)) != 0 {
			t.Fatalf("%s: got %d tips, %d photos, %d blobs stored, want none", tt.name, tips, photos, len(blobFiles(t, s)))
		}
	}
}
