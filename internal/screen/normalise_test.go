package screen

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestNormalise(t *testing.T) {
	tests := []struct {
		in, want, joined string
	}{
		{"Nike", "NIKE", "NIKE"},
		{"ＮＩＫＥ shoes", "NIKE SHOES", "NIKESHOES"},
		{"G\u200bUCCI", "GUCCI", "GUCCI"},
		{"GRAYSTO\ufeffNE", "GRAYSTONE", "GRAYSTONE"},
		{"Z\u200dT", "ZT", "ZT"},
		{"é\u00adlan", "ELAN", "ELAN"},
		{"Pokémon", "POKEMON", "POKEMON"},
		{"Poke\u0301mon", "POKEMON", "POKEMON"},
		{"Lancôme", "LANCOME", "LANCOME"},
		{"SÖDERBERG", "SODERBERG", "SODERBERG"},
		{"Nіke", "NIKE", "NIKE"}, // U+0456 Cyrillic і
		{"ΝΙΚΕ", "NIKE", "NIKE"}, // Greek capitals
		{"ԁоѕ", "DOS", "DOS"},    // Cyrillic ԁ о ѕ
		{"GRAYSTOΝЕ", "GRAYSTONE", "GRAYSTONE"},
		{"ΤІGRІS", "TIGRIS", "TIGRIS"},
		{"ոike", "NIKE", "NIKE"}, // Armenian ո
		{"N1KE", "NIKE", "NIKE"},
		{"Gucc1", "GUCCI", "GUCCI"},
		{"@didas", "ADIDAS", "ADIDAS"},
		{"9opro", "GOPRO", "GOPRO"},
		{"V3randa", "VERANDA", "VERANDA"},
		{"1umar3x", "IUMAREX", "IUMAREX"},
		{"Z7", "ZT", "ZT"},
		{"a-u-r-3-0-n", "AUREON", "AUREON"},
		{"size 42 shoes", "SIZE 42 SHOES", "SIZE42SHOES"},
		{"3m cable", "3M CABLE", "3MCABLE"},
		{"5hp pump", "5HP PUMP", "5HPPUMP"},
		{"2026", "2026", "2026"},
		{"100ml", "100ML", "100ML"},
		{"engine oil 4L 4pcs", "ENGINE OIL 4L 4PCS", "ENGINEOIL4L4PCS"},
		{"205/55R16", "205 55R16", "20555R16"},
		{"nikeshoes2026", "NIKESHOES2026", "NIKESHOES2026"},
		{"G U C C I", "GUCCI", "GUCCI"},
		{"N.I.K.E", "NIKE", "NIKE"},
		{"P-r-a-d-a", "PRADA", "PRADA"},
		{"D_R_A_K_O_N lighters", "DRAKON LIGHTERS", "DRAKONLIGHTERS"},
		{"K . i . t . s . u . n . 3", "KITSUNE", "KITSUNE"},
		{"T*A*K*U*M*1*P*R*O", "TAKUMIPRO", "TAKUMIPRO"},
		{"é 1 4 n", "EIAN", "EIAN"},
		{"7-R", "TR", "TR"},
		{"L'Oréal", "LOREAL", "LOREAL"},
		{"L’Oréal Paris", "LOREAL PARIS", "LOREALPARIS"},
		{"rock 'n' roll", "ROCK N ROLL", "ROCKNROLL"},
		{"Canada-Goose", "CANADA GOOSE", "CANADAGOOSE"},
		{"LouisVuitton", "LOUISVUITTON", "LOUISVUITTON"},
		{"Red  Falcon", "RED FALCON", "REDFALCON"},
		{"Orion_Star", "ORION STAR", "ORIONSTAR"},
		{"耐克 运动鞋", "耐克 运动鞋", "耐克运动鞋"},
		{"北峰 运动鞋 84件", "北峰 运动鞋 84 件", "北峰运动鞋84件"},
		{"华为手机", "华为手机", "华为手机"},
		{"ｈａｎｚｏ lcd tv 55 inch", "HANZO LCD TV 55 INCH", "HANZOLCDTV55INCH"},
		{"ǲ", "DZ", "DZ"},
		{"Straße", "STRASSE", "STRASSE"},
		{"Ørsted", "ORSTED", "ORSTED"},
		{"$100", "$100", "$100"},
		{"สวัสดี", "สวัสดี", "สวัสดี"}, // Thai keeps its marks
		{"ναι", "VAI", "VAI"},
		{"x\u0301", "X", "X"},
		{"Ｅ\u0301lan", "ELAN", "ELAN"},
		{"Levi's 501", "LEVIS 501", "LEVIS501"},
		{"ABC-123 USB3", "ABC 123 USBE", "ABC123USBE"},
		{"", "", ""},
		{" \t-- ", "", ""},
		{"\xff\xfeNIKE", "NIKE", "NIKE"},
		{"NI\xffKE", "NI KE", "NIKE"},
		{"NI\uFFFDKE", "NI KE", "NIKE"},
	}
	var n Normaliser
	var got Text
	for _, tt := range tests {
		n.Normalise(&got, tt.in)
		if string(got.Norm) != tt.want || string(got.Joined) != tt.joined {
			t.Errorf("Normalise(%q) = %q joined %q, want %q joined %q", tt.in, got.Norm, got.Joined, tt.want, tt.joined)
		}
	}
}

func TestTokenKinds(t *testing.T) {
	tests := []struct {
		in   string
		want []Kind
		leet []bool
	}{
		{"size 42 shoes", []Kind{Word, Number, Word}, []bool{false, false, false}},
		{"3m N1KE 耐克", []Kind{Measure, Word, Han}, []bool{false, true, false}},
		{"G U C C I 2026", []Kind{Word, Number}, []bool{false, false}},
	}
	for _, tt := range tests {
		got := Normalise(tt.in)
		if len(got.Tokens) != len(tt.want) {
			t.Errorf("Normalise(%q): got %d tokens, want %d", tt.in, len(got.Tokens), len(tt.want))
			continue
		}
		for k, tok := range got.Tokens {
			if tok.Kind != tt.want[k] || tok.Leet != tt.leet[k] {
				t.Errorf("Normalise(%q) token %q: got kind %d leet %v, want %d %v", tt.in, got.Word(k), tok.Kind, tok.Leet, tt.want[k], tt.leet[k])
			}
		}
	}
	if got := Normalise("G U C C I"); !got.Tokens[0].Spread {
		t.Errorf("G U C C I: got Spread false, want true")
	}
}

func TestFromOne(t *testing.T) {
	got := Normalise("1umar3x")
	if !got.FromOne(0) || got.FromOne(1) {
		t.Errorf("FromOne on %q: got %v %v, want true false", got.Norm, got.FromOne(0), got.FromOne(1))
	}
}

func TestSourceRanges(t *testing.T) {
	tests := []struct{ in, token, src string }{
		{"buy G U C C I bags", "GUCCI", "G U C C I"},
		{"Ｎ１ＫＥ shoes", "NIKE", "Ｎ１ＫＥ"},
		{"genuine L’Oréal cream", "LOREAL", "L’Oréal"},
		{"x G\u200bUCCI", "GUCCI", "G\u200bUCCI"},
		{"Canada-Goose", "GOOSE", "Goose"},
		{"女鞋 耐克", "耐克", "耐克"},
	}
	for _, tt := range tests {
		got := Normalise(tt.in)
		found := false
		for k, tok := range got.Tokens {
			if string(got.Word(k)) != tt.token {
				continue
			}
			found = true
			a, b := got.Source(int(tok.Start), int(tok.End))
			if tt.in[a:b] != tt.src {
				t.Errorf("Normalise(%q) token %s: got source %q, want %q", tt.in, tt.token, tt.in[a:b], tt.src)
			}
		}
		if !found {
			t.Errorf("Normalise(%q) = %q: token %s missing", tt.in, got.Norm, tt.token)
		}
	}
	got := Normalise("Canada-Goose")
	i := strings.Index(string(got.Joined), "CANADAGOOSE")
	if a, b := got.JoinedSource(i, i+len("CANADAGOOSE")); got.Src[a:b] != "Canada-Goose" {
		t.Errorf("joined CANADAGOOSE: got source %q, want %q", got.Src[a:b], "Canada-Goose")
	}
}

// tricky inputs for the offset and fuzz tests.
var tricky = []string{
	"Pokémon", "Poke\u0301mon", "ＮＩＫＥ", "G\u200bUCCI", "L'Oréal Paris", "N.I.K.E", "é 1 4 n",
	"ﬁne ¼ ⑴ ㏂ x㏂", "ΝΙΚΕ Nіke", "耐克123abc", "a\u0301\u0302\u0303", "\xc3", "ß ẞ ǅ",
	"ก\u0e34\u0e48", "한국어 테스트", "@ $ @@ $$", "1 2 3", "A 中 B", "'quoted' it's",
}

// TestOffsetsExact checks that every token maps to a source range which,
// normalised again, yields that token.
func TestOffsetsExact(t *testing.T) {
	inputs := append([]string{}, tricky...)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aZ1 .-'é\u0301ÖΝіＮ\u200b耐$@3mß㏂¼")
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		checkOffsets(t, in)
	}
}

func checkOffsets(t *testing.T, in string) {
	t.Helper()
	got := Normalise(in)
	for k, tok := range got.Tokens {
		a, b := got.Source(int(tok.Start), int(tok.End))
		if a < 0 || b > len(in) || a >= b {
			t.Fatalf("Normalise(%q) token %q: got source range [%d,%d), want within [0,%d]", in, got.Word(k), a, b, len(in))
		}
		again := Normalise(in[a:b])
		if !hasToken(&again, got.Word(k)) {
			t.Errorf("Normalise(%q) token %q: source %q normalises to %q, want it to contain the token", in, got.Word(k), in[a:b], again.Norm)
		}
	}
}

func hasToken(t *Text, w []byte) bool {
	for k := range t.Tokens {
		if string(t.Word(k)) == string(w) {
			return true
		}
	}
	return false
}

func TestNormaliseReusesBuffers(t *testing.T) {
	var n Normaliser
	var got Text
	in := "Pokémon G U C C I N1KE 3m cable 耐克"
	n.Normalise(&got, in)
	allocs := testing.AllocsPerRun(100, func() { n.Normalise(&got, in) })
	if allocs != 0 {
		t.Errorf("Normalise with warm buffers: got %v allocs, want 0", allocs)
	}
}

// checkSamePaths checks that the ASCII fast path, when it applies, gives
// exactly what the general path gives.
func checkSamePaths(t *testing.T, in string) {
	t.Helper()
	var n Normaliser
	var fast, slow Text
	if !n.normaliseASCII(&fast, in) {
		return
	}
	n.normaliseGeneral(&slow, in)
	if string(fast.Norm) != string(slow.Norm) || string(fast.Joined) != string(slow.Joined) || len(fast.Tokens) != len(slow.Tokens) {
		t.Fatalf("Normalise(%q): fast path %q, general path %q", in, fast.Norm, slow.Norm)
	}
	for i := range fast.Norm {
		fa, fb := fast.Source(i, i+1)
		sa, sb := slow.Source(i, i+1)
		if fa != sa || fb != sb {
			t.Fatalf("Normalise(%q) byte %d: fast path source [%d,%d), general path [%d,%d)", in, i, fa, fb, sa, sb)
		}
	}
	for k := range fast.Tokens {
		if fast.Tokens[k] != slow.Tokens[k] {
			t.Fatalf("Normalise(%q) token %d: fast path %+v, general path %+v", in, k, fast.Tokens[k], slow.Tokens[k])
		}
	}
}

func TestASCIIPathMatchesGeneral(t *testing.T) {
	inputs := append([]string{}, tricky...)
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := "aZ19 .-'`$@3mx_*"
	for range 5000 {
		b := make([]byte, rng.IntN(14))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, d := range descriptions(t) {
		inputs = append(inputs, d)
	}
	for _, in := range inputs {
		checkSamePaths(t, in)
	}
}
