package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// maxCompletedRatio: a cumulative figure above this multiple of the annual
// plan is more likely a unit or typing slip than real progress.
const maxCompletedRatio = 3

// error reports an error in a cell of the row: the row is not applied.
func (rr *rowReader) error(col column, msg string) { rr.add(col, SeverityError, msg) }

// warnf reports a doubtful cell: the row is applied. Past
// Limits.MaxWarningsPerKind warnings of one kind, the rest are only
// counted (see warnSummary): a list of 100,000 identical warnings helps
// nobody and costs memory.
func (rr *rowReader) warnf(col column, kind warnKind, format string, args ...any) {
	b := rr.s.b
	if rr.quiet {
		return
	}
	if b.warned[kind] >= b.limits.MaxWarningsPerKind {
		b.suppressed[kind]++
		return
	}
	b.warned[kind]++
	rr.add(col, SeverityWarning, fmt.Sprintf(format, args...))
}

// warnKind groups row warnings for the per-kind limit.
type warnKind int

const (
	warnDistrict warnKind = iota
	warnNature
	warnNoCache
	warnDate
	warnRatio
	warnEarly
	warnArea
	warnKinds
)

// warnNames describe each kind in the summary line.
var warnNames = [warnKinds]string{"所属区县无法识别", "建设性质无法识别", "公式没有计算结果", "开工时间无法识别",
	"累计完成投资超过年度计划投资3倍", "新开工项目的开工时间早于本年", "项目代码的区划段与所属区县不一致"}

// warnSummary adds one line per kind of warning that went past the limit.
func (b *builder) warnSummary() {
	for k := warnKind(0); k < warnKinds; k++ {
		if n := b.suppressed[k]; n > 0 {
			b.problem(Problem{Severity: SeverityWarning, Message: fmt.Sprintf("另有%d处“%s”的警告未逐行列出（每类最多列出%d处）", n, warnNames[k], b.limits.MaxWarningsPerKind)})
		}
	}
}

// rowError reports an error about the whole row.
func (rr *rowReader) rowError(msg string) {
	rr.s.b.problem(rowProblem(rr.rec.Sheet, rr.rec.Row, SeverityError, msg))
}

func (rr *rowReader) add(col column, sev, msg string) {
	if rr.quiet {
		return
	}
	if col.field == 0 { // the column is absent: the problem concerns the row
		rr.s.b.problem(rowProblem(rr.rec.Sheet, rr.rec.Row, sev, msg))
		return
	}
	rr.s.b.problem(Problem{Sheet: rr.rec.Sheet, Row: rr.rec.Row, Column: sheet.ColLetter(col.col), Severity: sev,
		Message: fmt.Sprintf("工作表“%s”第%d行 %s列（%s）：%s", rr.rec.Sheet, rr.rec.Row, sheet.ColLetter(col.col), col.text, msg)})
}

func rowProblem(sheet string, row int, sev, msg string) Problem {
	return Problem{Sheet: sheet, Row: row, Severity: sev, Message: fmt.Sprintf("工作表“%s”第%d行：%s", sheet, row, msg)}
}

// warnings checks a row's figures against each other and its district.
func (rr *rowReader) warnings() {
	r := &rr.rec
	if r.Has&FieldCompletedYTD != 0 && r.Has&FieldAnnualPlan != 0 && r.AnnualPlan > 0 && r.CompletedYTD > maxCompletedRatio*r.AnnualPlan {
		_, col, _ := rr.cell(FieldCompletedYTD)
		rr.warnf(col, warnRatio, "累计完成投资%s万元超过年度计划投资%s万元的%d倍，请核实金额和单位", r.CompletedYTD.WanString(), r.AnnualPlan.WanString(), maxCompletedRatio)
	}
	year := rr.s.b.ledger.Period.Year()
	if r.Nature == models.NatureNew {
		for _, m := range []struct {
			f Field
			v models.Month
		}{{FieldPlannedStart, r.PlannedStart}, {FieldActualStart, r.ActualStart}} {
			if r.Has&m.f != 0 && !m.v.IsZero() && m.v.Year() < year {
				_, col, _ := rr.cell(m.f)
				rr.warnf(col, warnEarly, "新开工项目的开工时间%s早于%d年，请核实建设性质（应为续建？）或开工时间", monthZh(m.v), year)
			}
		}
	}
	rr.checkArea()
}

// checkArea warns when a code's area segment is not the district's area
// code. Zones and departments have internal codes (their projects carry
// the area code of the district they lie in), so they are not checked.
func (rr *rowReader) checkArea() {
	r := &rr.rec
	if r.District == "" || !codeShape(r.Code) {
		return
	}
	u, ok := rr.s.b.resolve(r.District)
	area := r.Code[5:11] // models.CodeArea without its regexp, on a code of valid shape
	if !ok || u.Kind != models.KindDistrict || len(u.Code) != 6 || area == u.Code {
		return
	}
	_, col, _ := rr.cell(fieldCode)
	rr.warnf(col, warnArea, "项目代码的区划段%s与所属区县%s（%s）不一致，请核实", area, u.Name, u.Code)
}

// checkDuplicates compares the rows that share a code. Rows agree when
// every field that both state is equal; they then become one record (see
// sameCode). A field stated differently by two rows is a conflict: all the
// rows are errors, since nobody can tell which one is right. Records are
// grouped by sorting an index, which costs less memory than a map on a big
// ledger.
func (b *builder) checkDuplicates() {
	type entry struct {
		code string
		i    int32
	}
	recs := &b.ledger.Records
	idx := make([]entry, recs.Len())
	for i := range idx {
		idx[i] = entry{recs.Code(i), int32(i)}
	}
	slices.SortFunc(idx, func(x, y entry) int { return cmp.Or(strings.Compare(x.code, y.code), cmp.Compare(x.i, y.i)) })
	for lo := 0; lo < len(idx); {
		hi := lo + 1
		for hi < len(idx) && idx[hi].code == idx[lo].code {
			hi++
		}
		if hi-lo > 1 {
			group := make([]int32, 0, hi-lo)
			for _, e := range idx[lo:hi] {
				group = append(group, e.i)
			}
			b.sameCode(group)
		}
		lo = hi
	}
}

// sameCode settles one group of records with the same code, in row order.
// When they agree, the group becomes one record stating the union of their
// fields, kept where the base row is: the first row that states every
// field any of them states (a 项目明细 row beside the shorter lists of a
// quarterly workbook), else the first row. The other rows are dropped:
//   - an exact repeat of the base row with a warning (it counts as read);
//   - a row of another sheet stating only some of the base row's fields
//     silently, and it is not counted in RowsTotal: a list repeating part
//     of a detail sheet (未开工项目, 投资滞后项目 beside 项目明细) is not a
//     second row of the project;
//   - any other row with a warning that it was merged (not counted either:
//     its figures are in the record).
func (b *builder) sameCode(group []int32) {
	recs := make([]Record, len(group))
	for n, i := range group {
		recs[n] = b.ledger.Records.At(int(i))
	}
	union := recs[0]
	var differ Field // the fields stated differently
	for _, r := range recs[1:] {
		if differ = disagree(union, r); differ != 0 {
			break
		}
		union = merged(union, r)
	}
	if differ != 0 {
		for _, r := range recs {
			b.problem(rowProblem(r.Sheet, r.Row, SeverityError, fmt.Sprintf("项目代码%s在表中出现%d次且数据不一致（%s；%s不同），请删除重复行后重新上传", r.Code, len(group), b.rowList(group), strings.Join(differ.Labels(), "、"))))
		}
		return
	}
	base := 0
	for n, r := range recs {
		if r.Has == union.Has {
			base = n
			break
		}
	}
	first := recs[base]
	for n, r := range recs {
		switch {
		case n == base:
			continue
		case sameFigures(first, r):
			b.problem(rowProblem(r.Sheet, r.Row, SeverityWarning, fmt.Sprintf("与%s完全相同，重复行已忽略", b.rowName(first))))
		case r.Sheet != first.Sheet && r.Has&^first.Has == 0:
			b.ledger.RowsTotal--
		default:
			b.problem(rowProblem(r.Sheet, r.Row, SeverityWarning, fmt.Sprintf("与%s的项目代码相同，两行都填写的各项一致，已合并为一条%s", b.rowName(first), takenFrom(r.Has&^first.Has))))
			b.ledger.RowsTotal--
		}
		b.badRows[rowKey{r.Sheet, r.Row}] = true
	}
	union.Sheet, union.Row = first.Sheet, first.Row
	b.ledger.Records.Set(int(group[base]), &union)
}

// disagree returns the fields that both records state with different
// values; 0 when the rows agree.
func disagree(a, b Record) Field { return models.DifferingFields(&a.Facts, &b.Facts, a.Has&b.Has) }

// merged returns a with the fields that b states and a does not taken from b.
func merged(a, b Record) Record {
	f := b.Has &^ a.Has
	models.CopyFields(&a.Facts, &b.Facts, f)
	a.Has |= f
	return a
}

// takenFrom says which fields a merged row adds to the base row.
func takenFrom(f Field) string {
	if f == 0 {
		return ""
	}
	return "（" + strings.Join(f.Labels(), "、") + "取自本行）"
}

// sameFigures reports whether two records say the same, wherever they sit.
func sameFigures(a, b Record) bool {
	a.Sheet, a.Row, b.Sheet, b.Row = "", 0, "", 0
	return a == b
}

func (b *builder) rowName(r Record) string {
	if len(b.ledger.Sheets) > 1 {
		return fmt.Sprintf("工作表“%s”第%d行", r.Sheet, r.Row)
	}
	return fmt.Sprintf("第%d行", r.Row)
}

func (b *builder) rowList(idx []int32) string {
	s := ""
	for n, i := range idx {
		if n > 0 {
			s += "、"
		}
		s += b.rowName(b.ledger.Records.At(int(i)))
	}
	return s
}
