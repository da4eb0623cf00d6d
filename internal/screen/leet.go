package screen

// leetLetter is the letter a digit or symbol stands for in leetspeak
// (N1KE, Gucc1, @didas, 9opro). 1 reads as I here; Text.FromOne lets the
// matcher accept L too.
var leetLetter = [256]byte{
	'0': 'O', '1': 'I', '2': 'Z', '3': 'E', '4': 'A', '5': 'S', '6': 'G', '7': 'T',
	'8': 'B', '9': 'G', '$': 'S', '@': 'A', '!': 'I', '|': 'I',
}

// units are the suffixes that make a number a measurement (3M cable, 5HP
// pump, 100ML, 4PCS, 1080P): such tokens are never read as leet.
var units = map[string]bool{}

func init() {
	for _, u := range []string{
		"MM", "CM", "M", "KM", "IN", "INCH", "INCHES", "FT", "YD", "MTR", "METER", "METERS", "METRE",
		"G", "KG", "MG", "T", "LB", "LBS", "OZ", "ML", "L", "CL", "DL", "LTR", "CC", "GSM",
		"V", "KV", "A", "MA", "MAH", "AH", "W", "KW", "WH", "KWH", "HP", "KVA", "HZ", "KHZ", "MHZ", "GHZ",
		"RPM", "C", "F", "K", "P", "D", "X", "S", "H", "MIN", "Y", "YR", "YRS",
		"B", "KB", "MB", "GB", "TB", "MP", "PC", "PCS", "PK", "PACK", "SET", "SETS", "PAIR", "PAIRS",
		"PLY", "CT", "ST", "ND", "RD", "TH",
	} {
		units[u] = true
	}
}

// shape says what kind of word w is and reads leet in it, in place. Leet is
// read only in words that mix letters with digits or $ @, and not in
// measurements. Within such a word, a run of digits is read when it sits
// between letters (V3randa, aur30n) or is a single character at an edge
// (Gucc1, 9opro); a longer run at an edge is a number glued to a word
// (nikeshoes2026, 55R16) and stays.
// mixed reports a word of letters with digits or $ @ in it, which the
// matcher also reads a second way (see altToken).
func shape(w []byte) (kind Kind, leet, mixed bool) {
	letters, leetable := 0, 0
	for _, c := range w {
		if leetLetter[c] != 0 {
			leetable++
		} else {
			letters++
		}
	}
	switch {
	case letters == 0 && leetable == len(w) && isDigits(w):
		return Number, false, false
	case letters == 0 || leetable == 0:
		return Word, false, false
	case isMeasure(w):
		return Measure, false, false
	}
	leet = false
	for a := 0; a < len(w); {
		if leetLetter[w[a]] == 0 {
			a++
			continue
		}
		b := a
		for b < len(w) && leetLetter[w[b]] != 0 {
			b++
		}
		if (a > 0 && b < len(w)) || b-a == 1 || !isDigits(w[a:b]) {
			for k := a; k < b; k++ {
				w[k] = leetLetter[w[k]]
			}
			leet = true
		}
		a = b
	}
	return Word, leet, true
}

// isMeasure reports whether w is digits followed by a unit suffix.
func isMeasure(w []byte) bool {
	i := 0
	for i < len(w) && '0' <= w[i] && w[i] <= '9' {
		i++
	}
	return i > 0 && i < len(w) && units[string(w[i:])]
}

func isDigits(w []byte) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
