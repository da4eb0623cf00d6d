package store_test

import (
	"bytes"
	"context"
	"sync"
	"testing"

	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestServerSecret(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		secret := func(name string, fresh []byte) []byte {
			var got []byte
			update(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				got, err = tx.ServerSecret(ctx, name, fresh, t0)
				return err
			})
			return got
		}
		first, second := bytes.Repeat([]byte{1}, 32), bytes.Repeat([]byte{2}, 32)
		if got := secret("pow", first); !bytes.Equal(got, first) {
			t.Fatalf("first call: got %x, want the fresh value %x", got, first)
		}
		if got := secret("pow", second); !bytes.Equal(got, first) {
			t.Errorf("second call: got %x, want the stored %x", got, first)
		}
		if got := secret("other", second); !bytes.Equal(got, second) {
			t.Errorf("another name: got %x, want its own %x", got, second)
		}
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			_, err := tx.ServerSecret(t.Context(), "empty", nil, t0)
			return err
		})
		if err == nil {
			t.Errorf("an empty fresh value: got no error, want one")
		}

		// Instances starting together all end with the one secret stored first.
		const n = 6
		got := make([][]byte, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				fresh := bytes.Repeat([]byte{byte(10 + i)}, 32)
				err := db.Update(t.Context(), func(tx *store.Tx) (err error) {
					got[i], err = tx.ServerSecret(t.Context(), "race", fresh, t0)
					return err
				})
				if err != nil {
					t.Errorf("instance %d: %v", i, err)
				}
			})
		}
		wg.Wait()
		for i := 1; i < n; i++ {
			if !bytes.Equal(got[i], got[0]) || len(got[0]) != 32 {
				t.Errorf("instance %d: got %x, want the same as instance 0 (%x)", i, got[i], got[0])
			}
		}
	})
}
