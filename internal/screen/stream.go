package screen

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"
	"unicode/utf8"
)

// Stats counts what a stream has read and written.
type Stats struct {
	Lines    int64 // non-blank lines read, each with its result line written
	Screened int64 // declarations screened
	Flagged  int64 // results that put the declaration before an officer
	Errors   int64 // lines that were not valid declarations
	Bytes    int64 // input read
}

func (s *Stats) add(o Stats) {
	s.Lines += o.Lines
	s.Screened += o.Screened
	s.Flagged += o.Flagged
	s.Errors += o.Errors
	s.Bytes += o.Bytes
}

// Lines go to the workers in chunks, so that handing them over costs little
// next to screening them, and few enough that memory stays small.
const (
	chunkLines = 512
	chunkBytes = 1 << 20
)

// Stream screens the NDJSON declarations of r on workers goroutines (all
// cores when workers < 1) and writes one NDJSON result to w for each
// non-blank line, in input order. A line that is not a valid declaration
// gets an error line (see AppendLineError), and the stream goes on. Stream
// calls progress, if not nil, on its own goroutine after each batch of lines
// it writes. It returns when r is exhausted, on the first error of r or w, or
// as soon as ctx is cancelled, having written whole lines only; the goroutine
// reading r then stops once its current Read returns.
func Stream(ctx context.Context, r io.Reader, w io.Writer, e *Engine, workers int, progress func(Stats)) (Stats, error) {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *chunk, workers)
	order := make(chan *chunk, 2*workers+2) // chunks read, in input order
	var readErr error
	go func() {
		readErr = readChunks(ctx, r, jobs, order)
		close(jobs)
		close(order)
	}()
	for range workers {
		go screenChunks(e.Screener(), jobs)
	}
	var st Stats
	for {
		var c *chunk
		select {
		case c = <-order:
		case <-ctx.Done():
			return st, ctx.Err()
		}
		if c == nil {
			return st, readErr // closing order published readErr
		}
		select {
		case <-c.done:
		case <-ctx.Done():
			return st, ctx.Err()
		}
		if _, err := w.Write(c.out); err != nil {
			return st, err
		}
		st.add(c.stats)
		chunks.Put(c)
		if progress != nil {
			progress(st)
		}
	}
}

// lineReader splits its input into lines, skipping blank ones and refusing
// those over MaxLineBytes.
type lineReader struct {
	br   *bufio.Reader
	n    int64  // the number of the line last read
	read int64  // bytes read
	long []byte // a line longer than br's buffer
}

var errTooLong = errors.New("line too long")

// next returns the next non-blank line without its line ending, valid until
// the following call, or a *LineError for a line that is too long.
func (lr *lineReader) next() ([]byte, error) {
	for {
		b, err := lr.br.ReadSlice('\n')
		lr.read += int64(len(b))
		if err == bufio.ErrBufferFull {
			b, err = lr.slow(b)
		}
		switch {
		case err == errTooLong:
			lr.n++
			return nil, &LineError{Line: lr.n, Problem: "line is longer than 1 MiB"}
		case err != nil && (err != io.EOF || len(b) == 0):
			return nil, err
		}
		lr.n++
		if lr.n == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF")) // a byte-order mark some editors write
		}
		b = bytes.TrimRight(b, "\r\n")
		if len(bytes.Trim(b, " \t\r")) > 0 {
			return b, nil
		}
	}
}

// slow gathers a line longer than the buffer, up to MaxLineBytes; beyond
// that it skips to the line's end and returns errTooLong.
func (lr *lineReader) slow(b []byte) ([]byte, error) {
	lr.long = append(lr.long[:0], b...)
	for {
		b, err := lr.br.ReadSlice('\n')
		lr.read += int64(len(b))
		if len(lr.long) <= MaxLineBytes+2 { // room for "\r\n"
			lr.long = append(lr.long, b...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if len(bytes.TrimRight(lr.long, "\r\n")) > MaxLineBytes {
			return nil, errTooLong
		}
		return lr.long, err
	}
}

// chunk is a batch of lines on its way through a stream.
type chunk struct {
	buf   []byte // the lines, one after the other
	lines []chunkLine
	out   []byte // their results
	stats Stats
	done  chan struct{} // a worker has filled out
}

// chunkLine is one line of a chunk: buf[start:end], or err when it was too long.
type chunkLine struct {
	n          int64
	start, end int
	err        *LineError
}

var chunks = sync.Pool{New: func() any { return &chunk{done: make(chan struct{}, 1)} }}

func newChunk() *chunk {
	c := chunks.Get().(*chunk)
	c.buf, c.lines, c.out, c.stats = c.buf[:0], c.lines[:0], c.out[:0], Stats{}
	return c
}

// readChunks splits r into chunks and hands each to the writer, in order,
// and to a worker.
func readChunks(ctx context.Context, r io.Reader, jobs, order chan<- *chunk) error {
	lr := lineReader{br: bufio.NewReaderSize(r, 64<<10)}
	c, from := newChunk(), int64(0)
	send := func() bool {
		if len(c.lines) == 0 {
			return true
		}
		c.stats.Lines, c.stats.Bytes = int64(len(c.lines)), lr.read-from
		for _, ch := range [2]chan<- *chunk{order, jobs} {
			select {
			case ch <- c:
			case <-ctx.Done():
				return false
			}
		}
		c, from = newChunk(), lr.read
		return true
	}
	for {
		b, err := lr.next()
		var lineErr *LineError
		switch {
		case err == nil:
			c.lines = append(c.lines, chunkLine{n: lr.n, start: len(c.buf), end: len(c.buf) + len(b)})
			c.buf = append(c.buf, b...)
		case errors.As(err, &lineErr):
			c.lines = append(c.lines, chunkLine{n: lr.n, err: lineErr})
		case err == io.EOF:
			send()
			return ctx.Err()
		default:
			send()
			return err
		}
		if (len(c.lines) == chunkLines || len(c.buf) >= chunkBytes) && !send() {
			return ctx.Err()
		}
	}
}

// screenChunks screens the chunks it is given, with its own screener.
func screenChunks(s *Screener, jobs <-chan *chunk) {
	var dc decoder
	for c := range jobs {
		c.screen(s, &dc)
		c.done <- struct{}{}
	}
}

func (c *chunk) screen(s *Screener, dc *decoder) {
	text := string(c.buf) // one allocation: the declarations' strings are slices of it
	for _, l := range c.lines {
		err := l.err
		var d Declaration
		if err == nil {
			if err = dc.decode(text[l.start:l.end], &d); err != nil {
				err.Line = l.n
			}
		}
		if err != nil {
			c.stats.Errors++
			c.out = AppendLineError(c.out, err)
			continue
		}
		res := s.Screen(&d)
		c.stats.Screened++
		if res.Flagged() {
			c.stats.Flagged++
		}
		c.out = AppendResult(c.out, &res)
	}
}

// AppendResult appends r as a line of JSON: what encoding/json writes
// without HTML escaping, except that a nil list is [] rather than null.
func AppendResult(b []byte, r *Result) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, r.ID)
	b = append(b, `,"risk":`...)
	b = strconv.AppendInt(b, int64(r.Risk), 10)
	b = append(b, `,"hits":[`...)
	for i := range r.Hits {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendHit(b, &r.Hits[i])
	}
	b = append(b, `],"rules":[`...)
	for i, h := range r.Rules {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = strconv.AppendInt(b, h.ID, 10)
		b = append(b, `,"name":`...)
		b = appendString(b, h.Name)
		b = append(b, `,"weight":`...)
		b = strconv.AppendInt(b, int64(h.Weight), 10)
		b = append(b, `,"reason":`...)
		b = appendString(b, h.Reason)
		b = append(b, '}')
	}
	b = append(b, ']')
	if r.Error != "" {
		b = append(b, `,"error":`...)
		b = appendString(b, r.Error)
	}
	return append(b, "}\n"...)
}

func appendHit(b []byte, h *Hit) []byte {
	b = append(b, `{"right_id":`...)
	b = appendString(b, h.RightID)
	b = append(b, `,"mark":`...)
	b = appendString(b, h.Mark)
	b = append(b, `,"matched":`...)
	b = appendString(b, h.Matched)
	b = append(b, `,"field":`...)
	b = appendString(b, h.Field)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(h.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(h.End), 10)
	b = append(b, `,"method":`...)
	b = appendString(b, h.Method)
	b = append(b, `,"score":`...)
	b = appendFloat(b, h.Score)
	b = append(b, `,"authorised":`...)
	b = strconv.AppendBool(b, h.Authorised)
	b = append(b, `,"reasons":[`...)
	for i, r := range h.Reasons {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, r)
	}
	return append(b, "]}"...)
}

// AppendLineError appends the result line for a line that could not be
// screened: {"id":…,"line":…,"error":…}, the id only when it was read.
func AppendLineError(b []byte, e *LineError) []byte {
	b = append(b, '{')
	if e.ID != "" {
		b = append(b, `"id":`...)
		b = appendString(b, e.ID)
		b = append(b, ',')
	}
	b = append(b, `"line":`...)
	b = strconv.AppendInt(b, e.Line, 10)
	b = append(b, `,"error":`...)
	b = appendString(b, e.Message())
	return append(b, "}\n"...)
}

// appendFloat writes f as encoding/json does; a score is never infinite or
// NaN, which JSON cannot carry, but if one were it would be written 0.
func appendFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		f = 0
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-07 → e-7
		b = b[:n-1]
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString writes s quoted as encoding/json does without HTML escaping:
// invalid UTF-8 becomes \ufffd, and U+2028 and U+2029 are escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
