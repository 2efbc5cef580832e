package importer

import (
	"fmt"
	"slices"

	"tracker/models"
)

// settleSheetMonths settles a workbook whose sheets state different months.
// Clerks keep one book for the year and add a sheet a month (4月, 5月,
// 6月…), each the same projects' ledger of its month: the report is the
// upload's month when a sheet states it, else the latest month stated, and
// a sheet of another month holding the same projects is last month's
// ledger, not data (its rows would be duplicates). A sheet of another month
// with projects of its own is read, with a warning, as before (a 续建 sheet
// whose title was not updated).
func (b *builder) settleSheetMonths() {
	target, ok := b.targetMonth()
	if !ok {
		return
	}
	codes := b.codesOfMonth(target)
	var drop []string
	for _, name := range b.ledger.Sheets {
		m := b.stated[name]
		switch {
		case m == 0 || m == target:
		case b.sharesCodes(name, codes):
			drop = append(drop, name)
		case b.opts.Period == 0:
			b.problem(Problem{Sheet: name, Row: b.headers[name].top, Severity: SeverityWarning,
				Message: fmt.Sprintf("工作表“%s”：本表标明的报告期为%s，与其他工作表不一致，按%s导入", name, monthZh(m), monthZh(target))})
		}
	}
	if b.opts.Period == 0 {
		b.ledger.Period = target
	}
	b.dropSheets(drop, target)
}

// targetMonth is the month a book of sheets stating different months
// reports: the upload's, when a sheet states it, else the latest; ok is
// false when the sheets do not differ (or none states the upload's month).
func (b *builder) targetMonth() (models.Month, bool) {
	var months []models.Month
	for _, name := range b.ledger.Sheets {
		if m := b.stated[name]; m != 0 && !slices.Contains(months, m) {
			months = append(months, m)
		}
	}
	if len(months) < 2 {
		return 0, false
	}
	if p := b.opts.Period; p != 0 {
		return p, slices.Contains(months, p)
	}
	return slices.Max(months), true
}

// codesOfMonth returns the codes of the records read from sheets stating m.
func (b *builder) codesOfMonth(m models.Month) map[string]bool {
	codes := map[string]bool{}
	recs := &b.ledger.Records
	for i := 0; i < recs.Len(); i++ {
		if sheet, _ := recs.SheetRow(i); b.stated[sheet] == m {
			codes[recs.Code(i)] = true
		}
	}
	return codes
}

// sharesCodes reports whether a sheet's records hold a code of codes.
func (b *builder) sharesCodes(name string, codes map[string]bool) bool {
	recs := &b.ledger.Records
	for i := 0; i < recs.Len(); i++ {
		if sheet, _ := recs.SheetRow(i); sheet == name && codes[recs.Code(i)] {
			return true
		}
	}
	return false
}

// dropSheets leaves the named sheets out of the ledger: their records,
// rows, problems, columns and layouts, with one warning each saying why.
func (b *builder) dropSheets(names []string, target models.Month) {
	if len(names) == 0 {
		return
	}
	gone := map[string]bool{}
	for _, n := range names {
		gone[n] = true
		b.ledger.RowsTotal -= b.sheetRows[n]
	}
	recs := &b.ledger.Records
	recs.Keep(func(i int) bool { sheet, _ := recs.SheetRow(i); return !gone[sheet] })
	l := b.ledger
	l.Problems = slices.DeleteFunc(l.Problems, func(p Problem) bool { return gone[p.Sheet] })
	l.Columns = slices.DeleteFunc(l.Columns, func(c models.LedgerColumn) bool { return gone[c.Sheet] })
	l.Layouts = slices.DeleteFunc(l.Layouts, func(c models.LedgerLayout) bool { return gone[c.Sheet] })
	l.Sheets = slices.DeleteFunc(l.Sheets, func(s string) bool { return gone[s] })
	for _, n := range names {
		b.problem(Problem{Sheet: n, Row: b.headers[n].top, Severity: SeverityWarning,
			Message: fmt.Sprintf("工作表“%s”是%s的台账，与%s的工作表项目相同，按%s导入，本表未导入", n, monthZh(b.stated[n]), monthZh(target), monthZh(target))})
	}
}
