package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progressBar draws "label [#####.....] 1200/50000 2%" on a terminal, redrawn in place.
// On anything else (a file, a pipe, a test's buffer) it draws nothing.
type progressBar struct {
	w     io.Writer // nil when not a terminal
	label string
	last  time.Time
	drawn bool
}

func newProgressBar(w io.Writer, label string) *progressBar {
	if f, ok := w.(*os.File); !ok || !isTerminal(f) {
		w = nil
	}
	return &progressBar{w: w, label: label}
}

// isTerminal reports whether f is a character device, such as a terminal.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

const barWidth = 30

// show redraws the bar, at most ten times a second and always at the end.
func (b *progressBar) show(done, total int) {
	if b.w == nil || total == 0 || done < total && time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last, b.drawn = time.Now(), true
	filled := barWidth * done / total
	fmt.Fprintf(b.w, "\r%s [%s%s] %d/%d %d%%", b.label, strings.Repeat("#", filled),
		strings.Repeat(".", barWidth-filled), done, total, 100*done/total)
}

// done ends the bar's line, so that what follows starts on its own.
func (b *progressBar) done() {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
}
