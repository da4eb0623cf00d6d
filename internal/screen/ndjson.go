package screen

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxLineBytes is the longest NDJSON line read; a longer one is a LineError.
const MaxLineBytes = 1 << 20

// LineError is what is wrong with one line of NDJSON declarations. Reading
// goes on after it.
type LineError struct {
	Line    int64  // counted from 1, blank lines included
	ID      string // the declaration's id, when it could be read
	Field   string // the field at fault; "" when it is the line as a whole
	Problem string
}

func (e *LineError) Error() string {
	return fmt.Sprintf("line %d: %s", e.Line, e.Message())
}

// Message is the error without its line number: "declared_at: … is not a date-time".
func (e *LineError) Message() string {
	if e.Field == "" {
		return e.Problem
	}
	return e.Field + ": " + e.Problem
}

// Reader reads NDJSON declarations, one JSON object a line, as encoding/json
// would read each into a Declaration: keys ignore case, unknown ones are
// skipped, null leaves a field zero. Blank lines are skipped; id is required.
type Reader struct {
	lines lineReader
	dec   decoder
}

// NewReader returns a reader of the NDJSON declarations in r.
func NewReader(r io.Reader) *Reader {
	return &Reader{lines: lineReader{br: bufio.NewReaderSize(r, 64<<10)}}
}

// Read reads the next declaration into d. It returns a *LineError for a line
// that is not a valid declaration, io.EOF after the last line, and any other
// error from the underlying reader.
func (r *Reader) Read(d *Declaration) error {
	b, err := r.lines.next()
	if err != nil {
		return err
	}
	*d = Declaration{}
	if err := r.dec.decode(string(b), d); err != nil {
		err.Line = r.lines.n
		return err
	}
	return nil
}

// Line is the number of the line last read, counted from 1.
func (r *Reader) Line() int64 { return r.lines.n }

// decoder parses one line into a Declaration. Strings without escapes are
// sliced from the line, so a line costs no allocation beyond its own string.
type decoder struct {
	s       string
	i       int
	buf     []byte // strings with escapes
	field   string // the first field with a bad value, and what is wrong
	problem string
}

// syntaxError stops decoding: the line is not JSON.
type syntaxError struct{ msg string }

func (dc *decoder) syntax(format string, args ...any) *syntaxError {
	return &syntaxError{fmt.Sprintf("invalid JSON at column %d: ", dc.i+1) + fmt.Sprintf(format, args...)}
}

// decode parses line into d, which must be zero. The error's Line is unset.
func (dc *decoder) decode(line string, d *Declaration) *LineError {
	dc.s, dc.i, dc.field, dc.problem = line, 0, "", ""
	err := dc.object(d)
	switch {
	case err != nil:
		return &LineError{ID: d.ID, Problem: err.msg}
	case dc.problem != "":
		return &LineError{ID: d.ID, Field: dc.field, Problem: dc.problem}
	case d.ID == "":
		return &LineError{Field: "id", Problem: "is required"}
	}
	return nil
}

func (dc *decoder) object(d *Declaration) *syntaxError {
	if dc.space(); dc.peek() != '{' {
		return &syntaxError{"not a JSON object"}
	}
	dc.i++
	if dc.space(); dc.peek() == '}' {
		dc.i++
		return dc.end()
	}
	for {
		if dc.peek() != '"' {
			return dc.syntax("want a field name in quotes, got %s", dc.what())
		}
		key, err := dc.str()
		if err != nil {
			return err
		}
		if dc.space(); dc.peek() != ':' {
			return dc.syntax("want ':' after %q, got %s", key, dc.what())
		}
		dc.i++
		dc.space()
		if err := dc.value(key, d); err != nil {
			return err
		}
		dc.space()
		switch dc.peek() {
		case ',':
			dc.i++
			dc.space()
		case '}':
			dc.i++
			return dc.end()
		default:
			return dc.syntax("want ',' or '}', got %s", dc.what())
		}
	}
}

// end checks that nothing but spaces follows the object.
func (dc *decoder) end() *syntaxError {
	if dc.space(); dc.i < len(dc.s) {
		return dc.syntax("text after the object")
	}
	return nil
}

// value decodes the value of key into its field of d, or skips it.
func (dc *decoder) value(key string, d *Declaration) *syntaxError {
	p, f := field(d, key)
	if p == nil && f == nil && key != "declared_at" { // only then fold: keys are rarely written in capitals
		key = foldKey(key)
		p, f = field(d, key)
	}
	switch {
	case p != nil:
		return dc.stringValue(key, p)
	case f != nil:
		return dc.numberValue(key, f)
	case key != "declared_at":
		return dc.skip(1)
	}
	start := dc.i
	var v string
	if err := dc.stringValue(key, &v); err != nil || v == "" && dc.s[start] == 'n' {
		return err // null leaves the time zero, as in encoding/json
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		dc.bad(key, start, "is not a date-time")
	}
	d.DeclaredAt = t
	return nil
}

func (dc *decoder) stringValue(key string, p *string) *syntaxError {
	switch dc.peek() {
	case '"':
		v, err := dc.str()
		*p = v
		return err
	case 'n':
		return dc.literal("null")
	}
	start := dc.i
	if err := dc.skip(1); err != nil {
		return err
	}
	dc.bad(key, start, "is not a string")
	return nil
}

func (dc *decoder) numberValue(key string, p *float64) *syntaxError {
	start := dc.i
	switch c := dc.peek(); {
	case c == '-' || c >= '0' && c <= '9':
		if err := dc.number(); err != nil {
			return err
		}
		f, err := strconv.ParseFloat(dc.s[start:dc.i], 64)
		if err != nil {
			dc.bad(key, start, "is out of range")
		}
		*p = f
		return nil
	case c == 'n':
		return dc.literal("null")
	}
	if err := dc.skip(1); err != nil {
		return err
	}
	dc.bad(key, start, "is not a number")
	return nil
}

// bad records the first field whose value, from start, is of no use.
func (dc *decoder) bad(key string, start int, problem string) {
	if dc.problem == "" {
		dc.field, dc.problem = key, quoteShort(dc.s[start:dc.i])+" "+problem
	}
}

// quoteShort is JSON text to show in an error, cut to 40 bytes.
func quoteShort(s string) string {
	if len(s) <= 40 {
		return s
	}
	n := 40
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// field is the field of d that key names: a text or a number; declared_at,
// the one time, is decoded apart.
func field(d *Declaration, key string) (*string, *float64) {
	switch key {
	case "id":
		return &d.ID, nil
	case "channel":
		return &d.Channel, nil
	case "direction":
		return &d.Direction, nil
	case "customs_office":
		return &d.CustomsOffice, nil
	case "origin":
		return &d.Origin, nil
	case "destination":
		return &d.Destination, nil
	case "transport":
		return &d.Transport, nil
	case "route":
		return &d.Route, nil
	case "port":
		return &d.Port, nil
	case "consignor":
		return &d.Consignor, nil
	case "consignor_address":
		return &d.ConsignorAddress, nil
	case "consignee":
		return &d.Consignee, nil
	case "consignee_address":
		return &d.ConsigneeAddress, nil
	case "hs_code":
		return &d.HSCode, nil
	case "description":
		return &d.Description, nil
	case "brand":
		return &d.Brand, nil
	case "currency":
		return &d.Currency, nil
	case "quantity":
		return nil, &d.Quantity
	case "weight_kg":
		return nil, &d.WeightKg
	case "value":
		return nil, &d.Value
	}
	return nil, nil
}

// foldKey lowers a key the way encoding/json matches names, for the keys it
// can match here (all ASCII): the Kelvin sign folds to k, the long s to s.
func foldKey(k string) string {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return foldSlow(k)
		}
	}
	return k
}

func foldSlow(k string) string {
	b := make([]byte, 0, len(k))
	for _, r := range k {
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '\u212A':
			r = 'k'
		case r == '\u017F':
			r = 's'
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func (dc *decoder) peek() byte {
	if dc.i < len(dc.s) {
		return dc.s[dc.i]
	}
	return 0
}

func (dc *decoder) space() {
	for dc.i < len(dc.s) {
		switch dc.s[dc.i] {
		case ' ', '\t', '\r', '\n':
			dc.i++
		default:
			return
		}
	}
}

// what names the byte at the cursor for a syntax error.
func (dc *decoder) what() string {
	if dc.i >= len(dc.s) {
		return "the end of the line"
	}
	r, _ := utf8.DecodeRuneInString(dc.s[dc.i:])
	return strconv.QuoteRune(r)
}

// str reads the string at the cursor: a slice of the line unless it has
// escapes or invalid UTF-8, which becomes U+FFFD as in encoding/json.
func (dc *decoder) str() (string, *syntaxError) {
	start := dc.i + 1
	for j := start; j < len(dc.s); {
		c := dc.s[j]
		if plainByte[c] {
			j++
			continue
		}
		switch {
		case c == '"':
			dc.i = j + 1
			return dc.s[start:j], nil
		case c == '\\':
			return dc.strSlow(start, j)
		case c < ' ':
			dc.i = j
			return "", dc.syntax("control character %#x in a string", c)
		}
		r, n := utf8.DecodeRuneInString(dc.s[j:])
		if r == utf8.RuneError && n == 1 {
			return dc.strSlow(start, j)
		}
		j += n
	}
	dc.i = len(dc.s)
	return "", dc.syntax("unterminated string")
}

// plainByte marks the bytes a string may hold as they are: ASCII but for
// controls, quotes and backslashes.
var plainByte = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// strSlow decodes the string from start, whose bytes up to j need no change.
func (dc *decoder) strSlow(start, j int) (string, *syntaxError) {
	b := append(dc.buf[:0], dc.s[start:j]...)
	defer func() { dc.buf = b[:0] }()
	for j < len(dc.s) {
		c := dc.s[j]
		switch {
		case c == '"':
			dc.i = j + 1
			return string(b), nil
		case c == '\\':
			dc.i = j
			var err *syntaxError
			if b, j, err = dc.escape(b, j); err != nil {
				return "", err
			}
		case c < ' ':
			dc.i = j
			return "", dc.syntax("control character %#x in a string", c)
		case c < utf8.RuneSelf:
			b = append(b, c)
			j++
		default:
			r, n := utf8.DecodeRuneInString(dc.s[j:])
			b = utf8.AppendRune(b, r) // U+FFFD for an invalid byte
			j += n
		}
	}
	dc.i = len(dc.s)
	return "", dc.syntax("unterminated string")
}

// escape decodes the escape at j into b; a lone surrogate becomes U+FFFD.
func (dc *decoder) escape(b []byte, j int) ([]byte, int, *syntaxError) {
	if j+1 >= len(dc.s) {
		return b, j, dc.syntax("unterminated string")
	}
	if c, ok := unescape[dc.s[j+1]]; ok {
		return append(b, c), j + 2, nil
	}
	if dc.s[j+1] != 'u' {
		return b, j, dc.syntax("invalid escape \\%c", dc.s[j+1])
	}
	r := hex4(dc.s[j+2:])
	if r < 0 {
		return b, j, dc.syntax("invalid \\u escape")
	}
	j += 6
	if utf16.IsSurrogate(r) {
		if dec := utf16.DecodeRune(r, hexEscape(dc.s[j:])); dec != utf8.RuneError {
			return utf8.AppendRune(b, dec), j + 6, nil
		}
		r = utf8.RuneError
	}
	return utf8.AppendRune(b, r), j, nil
}

var unescape = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// hexEscape is the rune of a \uXXXX escape at the start of s, or -1.
func hexEscape(s string) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	return hex4(s[2:])
}

func hex4(s string) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range []byte(s[:4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// number moves past a JSON number.
func (dc *decoder) number() *syntaxError {
	s, i := dc.s, dc.i
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(s, i)
	case i == dc.i:
		return dc.syntax("want a value, got %s", dc.what())
	default:
		dc.i = i
		return dc.syntax("want a digit, got %s", dc.what())
	}
	if i < len(s) && s[i] == '.' {
		if i++; i == len(s) || s[i] < '0' || s[i] > '9' {
			dc.i = i
			return dc.syntax("want a digit after '.', got %s", dc.what())
		}
		i = digits(s, i)
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		if i++; i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i == len(s) || s[i] < '0' || s[i] > '9' {
			dc.i = i
			return dc.syntax("want a digit in the exponent, got %s", dc.what())
		}
		i = digits(s, i)
	}
	dc.i = i
	return nil
}

func digits(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func (dc *decoder) literal(word string) *syntaxError {
	if len(dc.s)-dc.i < len(word) || dc.s[dc.i:dc.i+len(word)] != word {
		return dc.syntax("want %s, got %s", word, dc.what())
	}
	dc.i += len(word)
	return nil
}

// maxDepth is how deep arrays and objects may nest, as in encoding/json.
const maxDepth = 10000

// skip moves past any JSON value, checking it; depth containers are open.
func (dc *decoder) skip(depth int) *syntaxError {
	dc.space()
	switch c := dc.peek(); c {
	case '{', '[':
		if depth++; depth > maxDepth {
			return dc.syntax("nested too deep")
		}
		dc.i++
		if dc.space(); dc.peek() == c+2 { // '}' and ']' follow '{' and '[' by two
			dc.i++
			return nil
		}
		for {
			if c == '{' {
				if err := dc.key(); err != nil {
					return err
				}
			}
			if err := dc.skip(depth); err != nil {
				return err
			}
			dc.space()
			switch dc.peek() {
			case ',':
				dc.i++
			case c + 2:
				dc.i++
				return nil
			default:
				return dc.syntax("want ',' or %q, got %s", rune(c+2), dc.what())
			}
		}
	case '"':
		_, err := dc.str()
		return err
	case 't':
		return dc.literal("true")
	case 'f':
		return dc.literal("false")
	case 'n':
		return dc.literal("null")
	}
	return dc.number()
}

// key moves past a field name and its colon.
func (dc *decoder) key() *syntaxError {
	if dc.space(); dc.peek() != '"' {
		return dc.syntax("want a field name in quotes, got %s", dc.what())
	}
	if _, err := dc.str(); err != nil {
		return err
	}
	if dc.space(); dc.peek() != ':' {
		return dc.syntax("want ':', got %s", dc.what())
	}
	dc.i++
	return nil
}
