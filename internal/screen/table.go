package screen

import "math/bits"

// Hashes are polynomial over bytes, modulo 2^64: the hash of any substring
// comes from two prefix hashes, and so does the hash of a substring with one
// byte deleted, which is what the approximate index needs. Equal hashes are
// always checked against the bytes, so a collision costs time, not a wrong hit.
const hashBase = 0x100000001b3

// pow[i] is hashBase^i, for substrings up to maxKey bytes.
const maxKey = 256

var pow = func() (p [maxKey + 1]uint64) {
	p[0] = 1
	for i := 1; i <= maxKey; i++ {
		p[i] = p[i-1] * hashBase
	}
	return p
}()

// hashBytes hashes b as prefixHashes would.
func hashBytes(b []byte) uint64 {
	var h uint64
	for _, c := range b {
		h = h*hashBase + uint64(c) + 1
	}
	return h
}

// prefixHashes fills ph so that ph[i] is the hash of b[:i].
func prefixHashes(ph []uint64, b []byte) []uint64 {
	ph = append(ph[:0], 0)
	var h uint64
	for _, c := range b {
		h = h*hashBase + uint64(c) + 1
		ph = append(ph, h)
	}
	return ph
}

// subHash is the hash of b[i:j] given b's prefix hashes (j-i <= maxKey).
func subHash(ph []uint64, i, j int) uint64 { return ph[j] - ph[i]*pow[j-i] }

// delHash is the hash of b[i:j] without the byte at p.
func delHash(ph []uint64, i, p, j int) uint64 {
	return subHash(ph, i, p)*pow[j-p-1] + subHash(ph, p+1, j)
}

// table maps hashes to lists of int32 (key ids), behind a Bloom filter
// small enough to stay in cache: most probes are misses and end there.
type table struct {
	bloom []uint64 // bit per (hash >> shift)
	shift uint
	mask  uint64
	slots []slot
	post  []int32
}

type slot struct {
	hash       uint64 // 0 marks an empty slot; stored hashes are never 0
	start, end int32  // range in post
}

// newTable builds a table from hash → ids.
func newTable(m map[uint64][]int32) *table {
	n := len(m)
	t := &table{}
	size := 1 << bits.Len(uint(n*2+1)) // load under one half
	t.mask = uint64(size - 1)
	t.slots = make([]slot, size)
	bloomBits := 1 << max(12, bits.Len(uint(n*16))) // 16 bits per entry: 1 probe misses ~94%
	t.bloom = make([]uint64, bloomBits/64)
	t.shift = uint(64 - bits.Len(uint(bloomBits-1)))
	for h, ids := range m {
		h = nonZero(h)
		b := h >> t.shift
		t.bloom[b/64] |= 1 << (b % 64)
		i := mix(h) & t.mask
		for t.slots[i].hash != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{hash: h, start: int32(len(t.post))}
		t.post = append(t.post, ids...)
		t.slots[i].end = int32(len(t.post))
	}
	return t
}

func nonZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// mix scrambles every bit of h into every bit of the result (splitmix64's
// finaliser), so slots can be picked by the low bits: the polynomial
// hash's own low bits depend only on the bytes' low bits.
func mix(h uint64) uint64 {
	h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
	h = (h ^ h>>27) * 0x94d049bb133111eb
	return h ^ h>>31
}

// get returns the ids stored under h (a view; do not modify).
func (t *table) get(h uint64) []int32 {
	h = nonZero(h)
	b := h >> t.shift
	if t.bloom[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	for i := mix(h) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.hash == h {
			return t.post[s.start:s.end]
		}
		if s.hash == 0 {
			return nil
		}
	}
}

// bytes is the table's memory footprint.
func (t *table) bytes() int {
	return len(t.bloom)*8 + len(t.slots)*16 + len(t.post)*4
}
