package importer

import (
	"fmt"

	"tracker/importer/sheet"
	"tracker/models"
)

// rowReader reads the cells of one data row and reports their problems.
type rowReader struct {
	s     *sheetReader
	r     *sheet.Row
	rec   Record
	alt   *column // read this column for its field instead (a twin)
	quiet bool    // report no problems (reading a twin)
}

// record turns a data row into a Record; its problems go to the builder.
// The sheet's one rowReader is reused row after row: called through the
// readers table it would escape, and a new one per row was 88 MB of
// garbage for 300,000 rows.
func (s *sheetReader) record(r *sheet.Row) Record {
	rr := &s.rr
	*rr = rowReader{s: s, r: r, rec: Record{Sheet: s.src.Name, Row: r.Num}}
	rr.code()
	for _, d := range models.FieldDefs() {
		readers[d.Kind](rr, d)
		for _, t := range s.h.twins[d.Field] {
			rr.readTwin(d, t)
		}
	}
	rr.warnings()
	return rr.rec
}

// readers read a field's cell by what the field holds (models.FieldDefs).
var readers = map[models.ValueKind]func(*rowReader, models.FieldDef){
	models.ValueName:     (*rowReader).name,
	models.ValueUnit:     (*rowReader).district,
	models.ValueText:     (*rowReader).shortText,
	models.ValueLongText: (*rowReader).longText,
	models.ValueNature:   (*rowReader).nature,
	models.ValueMoney:    (*rowReader).amount,
	models.ValueMonth:    (*rowReader).month,
	models.ValueClass:    (*rowReader).class,
}

// cell returns the cell of a field and whether the ledger has that column.
func (rr *rowReader) cell(f Field) (sheet.Cell, column, bool) {
	if rr.alt != nil && rr.alt.field == f {
		return rr.r.Get(rr.alt.col), *rr.alt, true
	}
	c, ok := rr.s.h.column(f)
	if !ok {
		return sheet.Cell{}, c, false
	}
	return rr.r.Get(c.col), c, true
}

// text returns a field's trimmed text, "" for blank or a none-mark.
func (rr *rowReader) text(f Field) string {
	c, _, ok := rr.cell(f)
	if !ok {
		return ""
	}
	t := models.TrimText(c.Text)
	if noneWords[t] {
		return ""
	}
	return t
}

func (rr *rowReader) code() {
	c, col, ok := rr.cell(fieldCode)
	if !ok {
		rr.rowError("表中没有项目代码列，无法识别项目（请增加“项目代码”列）")
		return
	}
	c, col = rr.codeTwins(c, col)
	code, valid := normCode(c.Text)
	rr.rec.Code = code
	switch {
	case code == "":
		rr.error(col, "缺少项目代码（尚未赋码的准备类项目请先取得统一项目代码再报送）")
	case !valid:
		rr.error(col, fmt.Sprintf("项目代码“%s”格式不对，应为24位，如2403-370303-04-01-000123", models.TrimText(c.Text)))
	}
}

// codeTwins compares the code with the other columns read as the code:
// a blank code is taken from them, a different one is an error.
func (rr *rowReader) codeTwins(c sheet.Cell, col column) (sheet.Cell, column) {
	code, _ := normCode(c.Text)
	for _, t := range rr.s.h.twins[fieldCode] {
		tc := rr.r.Get(t.col)
		other, ok := normCode(tc.Text)
		switch {
		case !ok:
		case code == "":
			c, col, code = tc, t, other
		case other != code:
			rr.error(col, fmt.Sprintf("与%s列（%s）的项目代码不一致：%s列为%s，%s列为%s，请核实后只保留一列", sheet.ColLetter(t.col), t.text, sheet.ColLetter(col.col), code, sheet.ColLetter(t.col), other))
		default:
			rr.s.agree(fieldCode, col, t)
		}
	}
	return c, col
}

// readTwin reads a field again from another column read as it and
// compares: a row where both columns state it differently is an error
// naming both; where only the twin states it, the twin's value is taken.
// The twin's own problems are not reported: an unreadable twin cell
// states nothing.
func (rr *rowReader) readTwin(d models.FieldDef, t column) {
	if blankCell(rr.r.Get(t.col)) {
		return
	}
	primary, _ := rr.s.h.column(d.Field)
	saved := rr.rec
	rr.rec.Has &^= d.Field
	rr.alt, rr.quiet = &t, true
	readers[d.Kind](rr, d)
	rr.alt, rr.quiet = nil, false
	other := rr.rec
	rr.rec = saved
	switch {
	case other.Has&d.Field == 0:
	case saved.Has&d.Field == 0:
		d.Copy(&rr.rec.Facts, &other.Facts)
		rr.rec.Has |= d.Field
	case !d.Equal(&saved.Facts, &other.Facts):
		rr.error(primary, fmt.Sprintf("与%s列（%s）不一致：%s列为%s，%s列为%s，请核实后只保留一列", sheet.ColLetter(t.col), t.text,
			sheet.ColLetter(primary.col), textOf(d, &saved.Facts), sheet.ColLetter(t.col), textOf(d, &other.Facts)))
	default:
		rr.s.agree(d.Field, primary, t)
	}
}

// textOf is a field's value for a message.
func textOf(d models.FieldDef, f *models.Facts) string {
	if v := d.Text(f); v != nil {
		return *v
	}
	return "空"
}

// blankCell reports a cell that states nothing.
func blankCell(c sheet.Cell) bool {
	t := foldText(c.Text)
	return c.Kind == sheet.KindText && (t == "" || noneWords[t])
}

func (rr *rowReader) name(models.FieldDef) {
	c, col, ok := rr.cell(FieldName)
	rr.rec.Name = models.NormalizeName(c.Text)
	if !ok || rr.rec.Name == "" {
		rr.error(col, "缺少项目名称")
		return
	}
	rr.rec.Has |= FieldName
}

// district takes the district column, else the unit the sheet's title or
// name names, else the file's title's, else the uploader's; with an uploader's district, any other district is an error.
func (rr *rowReader) district(models.FieldDef) {
	b := rr.s.b
	raw := rr.text(FieldDistrict)
	_, col, _ := rr.cell(FieldDistrict)
	u, ok := b.resolve(raw)
	if !ok && raw != "" {
		u, ok = b.units.Leading(raw) // 张店区马尚街道: the district and its town (not for content: names begin so too)
	}
	switch {
	case raw != "" && ok:
		rr.rec.District = u.Name
	case raw != "":
		rr.warnf(col, warnDistrict, "所属区县“%s”无法识别，请使用规范名称（如张店区、高新区）", raw)
	case rr.s.unitName != "":
		rr.rec.District = rr.s.unitName
	case b.ledger.District != "":
		rr.rec.District = b.ledger.District
	default:
		rr.rec.District = b.district
	}
	if rr.rec.District != "" {
		rr.rec.Has |= FieldDistrict
	}
	if b.district != "" && rr.rec.District != "" && rr.rec.District != b.district {
		rr.error(col, fmt.Sprintf("该行属于%s，不是本单位（%s）的项目，只能上传本单位的项目", rr.rec.District, b.district))
	}
}

// shortText reads a short text field (责任单位, 类别, 级别), interned: a
// ledger repeats the same few values over thousands of rows.
func (rr *rowReader) shortText(d models.FieldDef) {
	if v := rr.text(d.Field); v != "" {
		*d.Ptr(&rr.rec.Facts).(*string) = rr.s.b.intern(v)
		rr.rec.Has |= d.Field
	}
}

// longText reads free text (形象进度, 存在问题) as written, trimmed.
func (rr *rowReader) longText(d models.FieldDef) {
	if v := rr.text(d.Field); v != "" {
		*d.Ptr(&rr.rec.Facts).(*string) = v
		rr.rec.Has |= d.Field
	}
}

func (rr *rowReader) nature(models.FieldDef) {
	raw := rr.text(FieldNature)
	if raw == "" {
		rr.sectionNature()
		return
	}
	if n, ok := models.ParseNature(raw); ok {
		rr.rec.Nature, rr.rec.Has = n, rr.rec.Has|FieldNature
		return
	}
	if c, ok := models.ParseClass(foldText(raw)); ok {
		rr.rec.Class, rr.rec.Has = c, rr.rec.Has|models.FieldClass // a list's class, not a nature
		return
	}
	_, col, _ := rr.cell(FieldNature)
	rr.warnf(col, warnNature, "建设性质“%s”无法识别，应为新开工或续建，本项未导入", raw)
}

// class reads 实施类/准备类 from its own column; anything else there is a
// warning and states nothing.
func (rr *rowReader) class(d models.FieldDef) {
	raw := rr.text(d.Field)
	if raw == "" {
		if c := rr.s.section.class; c != "" && rr.rec.Has&d.Field == 0 {
			rr.rec.Class, rr.rec.Has = c, rr.rec.Has|d.Field
		}
		return
	}
	if c, ok := models.ParseClass(foldText(raw)); ok {
		rr.rec.Class, rr.rec.Has = c, rr.rec.Has|d.Field
		return
	}
	_, col, _ := rr.cell(d.Field)
	rr.warnf(col, warnNature, "项目分类“%s”无法识别，应为实施类或准备类，本项未导入", raw)
}

// amount reads an amount in its column's unit; unreadable or negative
// amounts are errors, a formula without a cached value a warning.
func (rr *rowReader) amount(d models.FieldDef) {
	c, col, ok := rr.cell(d.Field)
	if !ok {
		return
	}
	v, stated, msg := parseAmount(c, col.unit)
	switch {
	case msg != "":
		rr.error(col, msg)
	case c.Kind == sheet.KindNoCache:
		rr.warnf(col, warnNoCache, "公式没有计算结果，本项未导入（请在Excel中打开、保存后再上传）")
	case stated:
		*d.Ptr(&rr.rec.Facts).(*models.Money), rr.rec.Has = v, rr.rec.Has|d.Field
	}
}

// month reads a month; an unreadable one is a warning. 未开工 and — state
// "not started" for the actual start only; for a planned month they
// state nothing.
func (rr *rowReader) month(d models.FieldDef) {
	c, col, ok := rr.cell(d.Field)
	span := !ok && d.Field == FieldPlannedStart && rr.s.h.spanStart != nil && rr.alt == nil
	if span {
		col = *rr.s.h.spanStart
		c = rr.r.Get(col.col)
	} else if !ok {
		return
	}
	year := rr.s.b.ledger.Period.Year()
	v := parseMonth(c, year, rr.s.src.Date1904)
	if from, to, isRange := textRange(c, year); isRange {
		v = to // 2024.03-2026.12: the start, then the completion
		if d.Field != models.FieldPlannedCompletion {
			v = from
		}
	} else if span {
		return // one month under 计划开竣工时间 is the completion's
	}
	switch {
	case v.err != "":
		rr.warnf(col, warnDate, "%s，本项未导入", v.err)
	case v.notStarted && d.Field != FieldActualStart:
	case v.stated:
		*d.Ptr(&rr.rec.Facts).(*models.Month), rr.rec.Has = v.m, rr.rec.Has|d.Field
	}
}
