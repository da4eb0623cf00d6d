package report

import (
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// Cell is one table cell: a text, or a number kept as a number so that
// spreadsheets can sum it. Decimals is how many digits a number is written with.
type Cell struct {
	Text     string
	Number   float64
	IsNumber bool
	Decimals int
}

// Text is a text cell.
func Text(s string) Cell { return Cell{Text: s} }

// Int is a whole-number cell.
func Int(n int64) Cell { return Cell{Number: float64(n), IsNumber: true} }

// Decimal is a number cell written with places decimals.
func Decimal(f float64, places int) Cell { return Cell{Number: f, IsNumber: true, Decimals: places} }

// Amount is a money cell in major units (yuan, euro), two decimals.
func Amount(m ipr.Money) Cell { return Decimal(float64(m)/100, 2) }

// String writes the cell as a file does: numbers plain, without grouping.
func (c Cell) String() string {
	if !c.IsNumber {
		return c.Text
	}
	return strconv.FormatFloat(c.Number, 'f', c.Decimals, 64)
}

// Display writes the cell as a reader sees it: numbers with thousands separators.
func (c Cell) Display() string {
	if !c.IsNumber {
		return c.Text
	}
	return group(c.String())
}

// group puts commas between thousands of a plain decimal number.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, dotted := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if dotted {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// Table is a titled grid: the unit of every export and of the numbers under a chart.
type Table struct {
	Title   string
	Columns []string
	Rows    [][]Cell
}

// Counts builds the table of a view: the label column, then batches, pieces and value.
func Counts(lang Lang, title, labelHeading string, dim ipr.StatsDimension, rows []ipr.StatsRow) Table {
	t := Table{Title: title, Columns: []string{labelHeading, Word(lang, "batches"), Word(lang, "pieces"), Word(lang, "value")}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []Cell{Text(RowLabel(lang, dim, r)), Int(r.Batches), Int(r.Pieces), Amount(r.Value)})
	}
	return t
}

// Trend builds the monthly table with each figure's change on the month before, in per cent.
func Trend(lang Lang, title string, rows []ipr.StatsRow) Table {
	t := Table{Title: title, Columns: []string{Word(lang, "month"), Word(lang, "batches"), Word(lang, "change"),
		Word(lang, "pieces"), Word(lang, "change"), Word(lang, "value"), Word(lang, "change")}}
	for i, r := range rows {
		var prev *ipr.StatsRow
		if i > 0 {
			prev = &rows[i-1]
		}
		row := []Cell{Text(r.Key), Int(r.Batches), changeCell(prev, r, batches), Int(r.Pieces), changeCell(prev, r, pieces),
			Amount(r.Value), changeCell(prev, r, value)}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// measure picks one figure of a row.
type measure func(ipr.StatsRow) float64

func batches(r ipr.StatsRow) float64 { return float64(r.Batches) }
func pieces(r ipr.StatsRow) float64  { return float64(r.Pieces) }
func value(r ipr.StatsRow) float64   { return float64(r.Value) / 100 }

// changeCell is the change of m from prev to r in per cent; empty when there is no base to compare with.
func changeCell(prev *ipr.StatsRow, r ipr.StatsRow, m measure) Cell {
	if prev == nil {
		return Text("")
	}
	pct, ok := Change(m(*prev), m(r))
	if !ok {
		return Text("")
	}
	return Decimal(pct, 1)
}

// Change is the change from prev to cur in per cent, rounded to one decimal;
// not ok when prev is zero, as a change on nothing has no meaning.
func Change(prev, cur float64) (pct float64, ok bool) {
	if prev == 0 {
		return 0, false
	}
	p := (cur - prev) / prev * 100
	return float64(int64(p*10+sign(p)*0.5)) / 10, true
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// Rules builds the table of the top risk rules by confirmed hits.
func Rules(lang Lang, title string, rows []ipr.StatsRuleRow) Table {
	t := Table{Title: title, Columns: []string{Word(lang, "rule"), Word(lang, "flagged"), Word(lang, "cases"),
		Word(lang, "confirmed"), Word(lang, "precision")}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []Cell{Text(r.Name), Int(r.Flagged), Int(r.Cases), Int(r.Confirmed), Decimal(r.Precision*100, 1)})
	}
	return t
}

// Spreads builds a durations table: per row the count, median and 90th
// percentile of every stage, in unit ("hours" or "days").
func Spreads(lang Lang, title, labelHeading, unit string, stages []string, rows []ipr.StatsSpreadRow) Table {
	t := Table{Title: title, Columns: []string{labelHeading}}
	for _, st := range stages {
		name := Word(lang, "stage."+st)
		t.Columns = append(t.Columns, name+" · "+Word(lang, "count"), name+" · "+Word(lang, "median")+" ("+Word(lang, unit)+")",
			name+" · "+Word(lang, "p90")+" ("+Word(lang, unit)+")")
	}
	for _, r := range rows {
		row := []Cell{Text(r.Label)}
		for i := range stages {
			var sp ipr.StatsSpread
			if i < len(r.Stages) {
				sp = r.Stages[i]
			}
			if sp.Count == 0 { // nothing measured: no median to show, rather than a misleading 0
				row = append(row, Int(0), Text(""), Text(""))
				continue
			}
			row = append(row, Int(sp.Count), Decimal(sp.Median, 1), Decimal(sp.P90, 1))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
