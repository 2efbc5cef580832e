package importer

import (
	"fmt"
	"sort"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// builder collects the records and problems of a whole file, sheet after
// sheet, and settles the ledger-level facts: the reporting period and the
// district named by a title.
type builder struct {
	opts       Options
	limits     Limits
	units      *models.UnitIndex
	district   string // Options.District, canonical
	ledger     *Ledger
	headers    map[string]*header // per sheet read, for ProblemsWorkbook
	order      map[string]int     // sheet → position, to sort problems
	badRows    map[rowKey]bool    // rows with an error
	resolved   map[string]resolvedUnit
	interned   map[string]string
	warned     [warnKinds]int          // warnings listed, per kind
	suppressed [warnKinds]int          // warnings past the limit, per kind
	seen       []*sheetSeen            // every sheet of the workbook, for Inspect
	noCode     []noCodeSheet           // sheets with a header but no code column
	examples   int                     // template example rows seen (not data, but not nothing either)
	stated     map[string]models.Month // sheet → the month it states itself, 0 if none
	sheetRows  map[string]int          // sheet → data rows read
	blocks     []*sheet.Sheet          // the tables right of a sheet's first, read as sheets of their own
}

// intern shares one copy of a short text repeated over many rows (责任单位,
// 类别, 级别): a big ledger holds a few hundred of them, not a copy a row.
func (b *builder) intern(s string) string {
	if v, ok := b.interned[s]; ok {
		return v
	}
	if len(b.interned) < 20000 && len(s) <= 128 {
		b.interned[s] = s
	}
	return s
}

type resolvedUnit struct {
	u  models.Unit
	ok bool
}

// resolve is units.Resolve with a cache: a ledger spells its few districts
// over and over.
func (b *builder) resolve(s string) (models.Unit, bool) {
	if r, ok := b.resolved[s]; ok {
		return r.u, r.ok
	}
	u, ok := b.units.Resolve(s)
	if len(b.resolved) < 1000 {
		b.resolved[s] = resolvedUnit{u, ok}
	}
	return u, ok
}

type rowKey struct {
	sheet string
	row   int
}

func newBuilder(opts Options) (*builder, error) {
	units := opts.Units
	if len(units) == 0 {
		units = models.DefaultUnits()
	}
	b := &builder{
		opts: opts, limits: opts.Limits.withDefaults(), units: models.NewUnitIndex(units),
		ledger:  &Ledger{Sheets: []string{}, Problems: []Problem{}, Columns: []models.LedgerColumn{}, Layouts: []models.LedgerLayout{}},
		headers: map[string]*header{}, order: map[string]int{}, stated: map[string]models.Month{}, sheetRows: map[string]int{}, badRows: map[rowKey]bool{}, resolved: map[string]resolvedUnit{}, interned: map[string]string{},
	}
	if opts.District != "" {
		u, ok := b.units.Resolve(opts.District)
		if !ok {
			return nil, models.Errorf(models.EINVALID, "上传单位“%s”不是已知的区县或功能区", opts.District)
		}
		b.district = u.Name
	}
	return b, nil
}

// noteTitle takes the unit a sheet's title or 填报单位 line names, when no
// earlier sheet named one.
func (b *builder) noteTitle(lines []string) {
	if u, ok := b.titleDistrict(lines); ok && b.ledger.District == "" {
		b.ledger.District = u
	}
}

// beginSheet is called when a sheet's columns are decided: it settles the
// period, reports the columns' warnings and records the columns and the
// layout.
func (b *builder) beginSheet(s *sheetReader, lines []string) error {
	name := s.src.Name
	b.order[name] = len(b.ledger.Sheets)
	b.ledger.Sheets = append(b.ledger.Sheets, name)
	b.headers[name] = s.h
	b.ledger.Records.Grow(min(s.src.RowsHint, b.limits.MaxRows) - b.ledger.Records.Len())
	if err := b.settlePeriod(s, lines); err != nil {
		return err
	}
	for _, w := range s.h.warnings {
		b.columnProblem(s, w.c, w.msg)
	}
	b.unknownColumns(s)
	for _, c := range s.h.ignored {
		b.columnProblem(s, c, "与另一列重复，本列未导入")
	}
	b.ledger.Columns = append(b.ledger.Columns, s.columns()...)
	b.ledger.Layouts = append(b.ledger.Layouts, s.layout())
	return nil
}

// endSheet is called when a ledger sheet has been read to its end.
func (b *builder) endSheet(s *sheetReader) {
	b.sheetRows[s.src.Name] = s.rows
	s.twinWarnings()
	s.recordSheet("")
}

// columnProblem warns about a header column.
func (b *builder) columnProblem(s *sheetReader, c column, msg string) {
	name, row := s.src.Name, max(s.h.bottom, 1)
	b.problem(Problem{Sheet: name, Row: row, Column: sheet.ColLetter(c.col), Severity: SeverityWarning,
		Message: fmt.Sprintf("工作表“%s”第%d行 %s列（%s）：%s", name, row, sheet.ColLetter(c.col), orDash(c.text), msg)})
}

func orDash(s string) string {
	if s == "" {
		return "无表头"
	}
	return s
}

// unknownColumns warns once per sheet of the columns that look like a
// field but map none, so that nothing is dropped without a word.
func (b *builder) unknownColumns(s *sheetReader) {
	u := s.h.unknown
	if len(u) == 0 {
		return
	}
	names := make([]string, len(u))
	for i, c := range u {
		names[i] = fmt.Sprintf("%s（%s）", sheet.ColLetter(c.col), c.text)
	}
	p := Problem{Sheet: s.src.Name, Row: s.h.bottom, Severity: SeverityWarning}
	which := "该列"
	if len(u) == 1 {
		p.Column = sheet.ColLetter(u[0].col)
	} else {
		which = "这些列"
	}
	p.Message = fmt.Sprintf("工作表“%s”第%d行：未识别的列 %s，%s未导入；如需导入，请在预览中指定其对应的字段，或改用模板表头", s.src.Name, s.h.bottom, strings.Join(names, "、"), which)
	b.problem(p)
}

// sheetUnit is the unit a sheet's own title names, else its name when that
// is a unit's (a workbook of one sheet per district).
func (b *builder) sheetUnit(name string, lines []string) string {
	if u, ok := b.titleDistrict(lines); ok {
		return u
	}
	if u, ok := b.units.Resolve(name); ok {
		return u.Name
	}
	return ""
}

// titleDistrict finds a unit named in the title or 填报单位 line.
func (b *builder) titleDistrict(lines []string) (string, bool) {
	for _, l := range lines {
		if isSentDateLine(l) && !containsAny(l, "填报单位", "报送单位") {
			continue
		}
		if u, ok := b.units.Find(l); ok {
			return u.Name, true
		}
	}
	return "", false
}

// problem records one problem; errors mark their row as not to apply.
func (b *builder) problem(p Problem) {
	b.ledger.Problems = append(b.ledger.Problems, p)
	if p.Severity == SeverityError && p.Row > 0 {
		b.badRows[rowKey{p.Sheet, p.Row}] = true
	}
}

// addRow reads one data row into a record.
func (b *builder) addRow(s *sheetReader, r *sheet.Row) error {
	b.ledger.RowsTotal++
	s.rows++
	if b.ledger.RowsTotal > b.limits.MaxRows {
		return tooLarge(fmt.Sprintf("数据行超过%d行", b.limits.MaxRows))
	}
	rec := s.record(r)
	if b.badRows[rowKey{rec.Sheet, rec.Row}] {
		return nil
	}
	b.ledger.Records.Add(&rec)
	return nil
}

// headerOnlyError refuses a file whose ledger sheets have a header and no
// row under it: importing it would change nothing and say nothing.
func (b *builder) headerOnlyError() error {
	where := make([]string, 0, len(b.ledger.Sheets))
	for _, name := range b.ledger.Sheets {
		where = append(where, fmt.Sprintf("工作表“%s”第%d行", name, max(b.headers[name].bottom, 1)))
	}
	return models.Errorf(models.EUNPROCESSABLE, "%s是台账表头，但表头下没有项目数据行，文件中没有可导入的项目。请填入项目后再上传", strings.Join(where, "、"))
}

// finish checks rows against each other, drops the rows with errors and
// puts the problems in sheet/row/column order.
func (b *builder) finish() *Ledger {
	b.settleSheetMonths()
	b.checkDuplicates()
	b.warnSummary()
	if recs := &b.ledger.Records; len(b.badRows) > 0 {
		recs.Keep(func(i int) bool { // the heads only: a spilled body is not read back for this
			sheet, row := recs.SheetRow(i)
			return !b.badRows[rowKey{sheet, row}]
		})
	}
	p := b.ledger.Problems
	sort.SliceStable(p, func(i, j int) bool {
		if b.order[p[i].Sheet] != b.order[p[j].Sheet] {
			return b.order[p[i].Sheet] < b.order[p[j].Sheet]
		}
		if p[i].Row != p[j].Row {
			return p[i].Row < p[j].Row
		}
		return colIndex(p[i].Column) < colIndex(p[j].Column)
	})
	return b.ledger
}

// colIndex orders column letters ("" first, then A, B, …, Z, AA).
func colIndex(s string) int {
	if s == "" {
		return -1
	}
	c, _, _ := sheet.ParseCellRef(s)
	return c
}

func containsAny(s string, words ...string) bool {
	f := foldText(s)
	for _, w := range words {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}
