package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"math/bits"
	"strconv"
	"time"
)

// powGuard issues and checks the anti-abuse challenge of the public tip line,
// without any third-party service and without inline script.
//
// The server signs a challenge (when it was issued, random bytes, the difficulty
// and a small sum) with a key kept in the database (enforce.ServerSecret), so
// that a challenge issued before a restart, or by another instance over the
// same database, is still accepted. The static script
// pow.js looks for a nonce such that SHA-256(challenge ":" nonce) starts with
// Bits zero bits, about 2^Bits hashes, while the reporter types. Without
// JavaScript (or without crypto.subtle, which browsers give only to HTTPS pages),
// the form asks the sum instead, and the server then also wants the form to
// have been open at least minDelay: a slower, weaker path that the rate limit
// per address backs up. A challenge is accepted within ttl, and once: the
// service spends it in the report's transaction (enforce.PublicTipInput.Proof).
type powGuard struct {
	key      []byte
	bits     int
	ttl      time.Duration
	minDelay time.Duration
}

// powChallenge is what the form carries.
type powChallenge struct {
	Token string
	Bits  int
	A, B  int // the question for browsers without the script: A + B
}

const (
	powPayloadLen = 8 + 12 + 3 // issued (unix seconds), random, bits, a, b
	powMACLen     = 16
)

// Problems with the proof, as message keys of the tip line.
const (
	powMissing = "publictip.problem.proof_missing"
	powInvalid = "publictip.problem.proof_invalid"
	powExpired = "publictip.problem.proof_expired"
	powWrong   = "publictip.problem.proof_wrong"
	powTooSoon = "publictip.problem.proof_too_soon"
	powUsed    = "publictip.problem.proof_used"
)

// powSecret names the guard's key among the server's secrets.
const powSecret = "publictip.pow"

// newKeyedPowGuard is a guard that signs with key, which every instance that
// is to accept its challenges shares.
func newKeyedPowGuard(key []byte, bits int) *powGuard {
	return &powGuard{key: key, bits: bits, ttl: time.Hour, minDelay: 3 * time.Second}
}

// newPowGuard is a guard with a key of its own: its challenges hold only for it.
func newPowGuard(bits int) *powGuard {
	key := make([]byte, 32)
	rand.Read(key)
	return newKeyedPowGuard(key, bits)
}

// issue makes a fresh challenge.
func (g *powGuard) issue(now time.Time) powChallenge {
	payload := make([]byte, powPayloadLen)
	binary.BigEndian.PutUint64(payload, uint64(now.Unix()))
	rand.Read(payload[8:20])
	a, b := 1+int(payload[8]%9), 1+int(payload[9]%9)
	payload[20], payload[21], payload[22] = byte(g.bits), byte(a), byte(b)
	token := base64.RawURLEncoding.EncodeToString(append(payload, g.mac(payload)...))
	return powChallenge{Token: token, Bits: g.bits, A: a, B: b}
}

func (g *powGuard) mac(payload []byte) []byte {
	m := hmac.New(sha256.New, g.key)
	m.Write(payload)
	return m.Sum(nil)[:powMACLen]
}

// check returns the problem with a proof ("" when it holds): a nonce solving the
// challenge, or else the answer to its question. It does not spend the challenge.
func (g *powGuard) check(token, nonce, answer string, now time.Time) string {
	if token == "" || (nonce == "" && answer == "") {
		return powMissing
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(raw) != powPayloadLen+powMACLen {
		return powInvalid
	}
	payload, mac := raw[:powPayloadLen], raw[powPayloadLen:]
	if !hmac.Equal(mac, g.mac(payload)) {
		return powInvalid
	}
	issued := time.Unix(int64(binary.BigEndian.Uint64(payload)), 0)
	if now.Before(issued.Add(-time.Minute)) || now.After(issued.Add(g.ttl)) {
		return powExpired
	}
	if nonce != "" {
		if len(nonce) > 20 || !allASCIIDigits(nonce) || !solves(token, nonce, int(payload[20])) {
			return powWrong
		}
		return ""
	}
	n, err := strconv.Atoi(answer)
	if len(answer) > 3 || err != nil || n != int(payload[21])+int(payload[22]) {
		return powWrong
	}
	if now.Before(issued.Add(g.minDelay)) {
		return powTooSoon
	}
	return ""
}

// solves reports whether SHA-256(token ":" nonce) starts with want zero bits.
func solves(token, nonce string, want int) bool {
	sum := sha256.Sum256([]byte(token + ":" + nonce))
	return leadingZeroBits(sum[:]) >= want
}

func leadingZeroBits(b []byte) int {
	n := 0
	for _, c := range b {
		if c != 0 {
			return n + bits.LeadingZeros8(c)
		}
		n += 8
	}
	return n
}

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
