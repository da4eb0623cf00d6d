package screen

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

//go:embed data/hs_nice.csv data/generic_terms.csv
var dataFiles embed.FS

// heading is one row of the HS → Nice concordance.
type heading struct {
	id      int32 // its row, for hashing
	prefix  string
	classes classSet
	goods   string
}

// concordance maps HS chapters (2 digits), headings (4) and subheadings
// (6) to the Nice classes of the goods they hold; genericTerms maps each
// class to the words that describe its goods.
var concordance, genericTerms = loadData()

func loadData() (map[string]*heading, map[string]classSet) {
	conc := map[string]*heading{}
	for _, row := range readData("data/hs_nice.csv") {
		h := &heading{id: int32(len(conc) + 1), prefix: row[0], classes: classesOf(parseClasses(row[1])), goods: row[2]}
		conc[h.prefix] = h
	}
	generic := map[string]classSet{}
	for _, row := range readData("data/generic_terms.csv") {
		c, _ := strconv.Atoi(row[0])
		for _, term := range strings.Split(row[1], ";") {
			generic[term] |= classesOf([]int{c})
		}
	}
	return conc, generic
}

// readData reads an embedded CSV file without its comments and header. The
// files are part of the binary and tested, so a bad one is a programming
// error.
func readData(name string) [][]string {
	f, err := dataFiles.Open(name)
	if err != nil {
		panic(err)
	}
	r := csv.NewReader(f)
	r.Comment = '#'
	var rows [][]string
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(fmt.Sprintf("%s: %v", name, err))
		}
		rows = append(rows, row)
	}
	return rows[1:]
}

func parseClasses(s string) []int {
	var out []int
	for _, f := range strings.Fields(s) {
		c, err := strconv.Atoi(f)
		if err != nil || c < 1 || c > 45 {
			panic(fmt.Sprintf("hs_nice.csv: bad class %q", f))
		}
		out = append(out, c)
	}
	return out
}

// headingOf returns the most specific concordance row for an HS code, or
// nil when the code is missing or unknown.
func headingOf(hs string) *heading {
	n, v := 0, 0
	var prefix [7]int // prefix[l] is the number made of the code's first l digits
	for n < len(hs) && n < 6 && '0' <= hs[n] && hs[n] <= '9' {
		v = v*10 + int(hs[n]-'0')
		n++
		prefix[n] = v
	}
	switch {
	case n >= 6 && len(concordanceBySub) > 0:
		if h := concordanceBySub[prefix[6]]; h != nil {
			return h
		}
		return concordanceByHeading[prefix[4]]
	case n >= 4:
		return concordanceByHeading[prefix[4]]
	case n >= 2:
		return concordanceByHeading[prefix[2]*100]
	}
	return nil
}

// concordanceByHeading holds, for every four-digit prefix, its heading's
// row or else its chapter's: one array load per declaration. Subheadings,
// rarer, are in a map.
var concordanceByHeading, concordanceBySub = func() (byHeading [10000]*heading, bySub map[int]*heading) {
	bySub = map[int]*heading{}
	for p, h := range concordance {
		v, _ := strconv.Atoi(p)
		switch len(p) {
		case 2:
			for i := v * 100; i < (v+1)*100; i++ {
				if byHeading[i] == nil || len(byHeading[i].prefix) < 4 {
					byHeading[i] = h
				}
			}
		case 4:
			byHeading[v] = h
		case 6:
			bySub[v] = h
		}
	}
	return byHeading, bySub
}()

// GoodsClasses returns the Nice classes the concordance gives an HS code,
// and the goods it names; nil when unknown.
func GoodsClasses(hs string) ([]int, string) {
	h := headingOf(hs)
	if h == nil {
		return nil, ""
	}
	return h.classes.list(), h.goods
}
