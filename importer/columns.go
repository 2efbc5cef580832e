package importer

import (
	"fmt"
	"sort"

	"tracker/importer/sheet"
	"tracker/models"
)

// decide settles every column of a sheet once rows under its header have
// been sampled, in three steps, each over the one before:
//
//  1. the label (mapColumn: a spelling of the table, else a concept);
//  2. the content: a column whose cells clearly hold codes, districts,
//     natures or levels (profile.go) is read as that field when its label
//     names nothing or names a field the content cannot be; where label and
//     content disagree the content decides and a warning names the column.
//     A column of districts under a 责任单位 label stays the 责任单位 (a unit
//     may well be a district). When no label names the project name, the
//     column of texts that read like names, all different, is the name;
//  3. the office's mapping (Options.Mapping, or the one remembered for the
//     sheet's layout), which overrides both.
//
// Then each field gets one column (assemble).
func (s *sheetReader) decide(sample []*sheet.Row) {
	profiles, rows := s.profiles(sample)
	if len(s.h.heads) == 0 {
		s.h.layout = headerlessLayout(profiles)
	}
	s.sheetMapping()
	cands := s.candidates(profiles)
	s.byContent(cands, profiles, rows)
	byName(cands, profiles)
	cands = s.byMapping(cands)
	s.h.assemble(cands)
	s.h.all = append(s.h.all, s.hiddenColumns()...)
	sort.SliceStable(s.h.all, func(i, j int) bool { return s.h.all[i].col < s.h.all[j].col })
}

// headerlessLayout is the layout of a sheet without header rows: its
// columns of data, so that only a file of the same columns shares it.
func headerlessLayout(profiles map[int]*profile) string {
	heads := map[int]column{}
	for col := range profiles {
		heads[col] = column{col: col, label: "（无表头）"}
	}
	return layoutSignature(heads)
}

// headerByContent finds a header no label names: the rows of text right
// above the first row holding a project code, when at least two rows of
// the window hold one (or the only row there is). Such a header may name
// nothing at all; decide then reads every column by its content.
func headerByContent(rows []*sheet.Row, unit models.Money) *header {
	first, n := -1, 0
	for i, r := range rows {
		if rowHasCode(r) {
			n++
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 || n < 2 && first != len(rows)-1 {
		return nil
	}
	top := first
	for top > 0 && first-top < 3 && adjacent(rows, top-1) && headerLike(rows[top-1]) {
		top--
	}
	if top == first {
		num := rows[first].Num
		return &header{top: num, bottom: num - 1, byField: map[Field]int{}, texts: map[int]string{}, heads: map[int]column{}, signatures: map[string]bool{}, layout: layoutSignature(nil)}
	}
	return buildHeader(rows, top, first-1, unit)
}

// rowHasCode reports a row with a project code in any cell.
func rowHasCode(r *sheet.Row) bool {
	for _, c := range r.Cells {
		if _, ok := normCode(c.Text); ok && c.Kind == sheet.KindText {
			return true
		}
	}
	return false
}

// profileRows is how many rows under the header are sampled for content.
const profileRows = 60

// profiles profiles every column over the sampled rows that can be data:
// not a repeated header, title, section, total or note (told by their
// first cell, before the columns are known). rows counts those rows.
func (s *sheetReader) profiles(sample []*sheet.Row) (map[int]*profile, int) {
	out := map[int]*profile{}
	rows := 0
	for _, r := range sample {
		if len(r.Cells) < 2 || s.h.signatures[rowSignature(r)] {
			continue
		}
		lead := foldText(r.Cells[0].Text)
		if isTotal(lead) || hasPrefix(lead, noteWords) || reSection.MatchString(lead) && !codeShape(lead) {
			continue
		}
		rows++
		for _, c := range r.Cells {
			p := out[c.Col]
			if p == nil {
				p = &profile{}
				out[c.Col] = p
			}
			p.add(s.b, c)
		}
	}
	return out, rows
}

// candidates lists every column with a header or sampled data, in order,
// with what its label says.
func (s *sheetReader) candidates(profiles map[int]*profile) []*column {
	seen := map[int]bool{}
	var out []*column
	add := func(c column) {
		if !seen[c.col] {
			seen[c.col] = true
			out = append(out, &c)
		}
	}
	for _, c := range s.h.heads {
		add(c)
	}
	for col, p := range profiles {
		if p.n > 0 {
			add(column{col: col, unit: s.unit, by: byLabel})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].col < out[j].col })
	return out
}

// pending is a column the content gives another field than its label.
type pending struct {
	c   *column
	f   Field
	why string
}

// byContent applies step 2 of decide.
func (s *sheetReader) byContent(cands []*column, profiles map[int]*profile, rows int) {
	var todo []pending
	moving := map[*column]bool{}
	for _, c := range cands {
		p := profiles[c.col]
		if p == nil {
			continue
		}
		f, why := p.says(rows)
		if f == 0 || f == c.field || c.field == FieldUnit && f == FieldDistrict {
			if c.field == 0 && c.note == "" {
				c.note = p.vague()
			}
			continue
		}
		todo = append(todo, pending{c, f, why})
		moving[c] = true
	}
	held := map[Field]*column{}
	for _, c := range cands {
		if c.field != 0 && !moving[c] && held[c.field] == nil {
			held[c.field] = c
		}
	}
	for _, t := range todo {
		if h := held[t.f]; h != nil && denies(profiles[h.col], t.f) {
			s.demote(h, t.f, profiles[h.col])
			delete(held, t.f)
		}
		s.moveByContent(t, held)
	}
}

// denies reports content with none of a field's values although the
// column has some: a column labelled 项目代码 holding names, when another
// holds the codes.
func denies(p *profile, f Field) bool {
	for _, r := range contentRules {
		if r.field == f {
			return p != nil && p.n >= 2 && p.counts[r.class] == 0
		}
	}
	return false
}

// demote stops reading a column as the field its label names when its
// content has none of that field's values and another column's has.
func (s *sheetReader) demote(c *column, f Field, p *profile) {
	c.field, c.by = 0, byContent
	c.note = fmt.Sprintf("表头“%s”读作%s，但内容中没有%s（0/%d），本列不按%s读取", c.text, f.ZhName(), valueNames[classOfField(f)], p.n, f.ZhName())
	s.h.warn(*c, c.note)
}

// classOfField is the value class that tells a field by content.
func classOfField(f Field) valueClass {
	for _, r := range contentRules {
		if r.field == f {
			return r.class
		}
	}
	return vText
}

// moveByContent gives a column the field its content tells, unless another
// column already holds that field; either way a column whose label said
// something else is no longer read as that.
func (s *sheetReader) moveByContent(t pending, held map[Field]*column) {
	c, was := t.c, t.c.field
	c.by = byContent
	if h := held[t.f]; h != nil {
		c.field = 0
		c.note = fmt.Sprintf("%s，但已由%s列读作%s，本列未导入", t.why, sheet.ColLetter(h.col), t.f.ZhName())
		if was != 0 {
			s.h.warn(*c, fmt.Sprintf("表头“%s”读作%s，但%s，与%s列重复，本列未导入", c.text, was.ZhName(), t.why, sheet.ColLetter(h.col)))
		}
		return
	}
	c.field, held[t.f] = t.f, c
	switch {
	case was != 0:
		c.note = fmt.Sprintf("表头“%s”读作%s，但%s，按内容读作%s", c.text, was.ZhName(), t.why, t.f.ZhName())
		s.h.warn(*c, c.note)
	default:
		c.note = fmt.Sprintf("%s，%s，按内容读作%s", unreadLabel(c), t.why, t.f.ZhName())
	}
}

// unreadLabel says of a column read by its content what its label was.
func unreadLabel(c *column) string {
	switch {
	case c.label == "":
		return "表头为空"
	case c.rank > 0:
		return fmt.Sprintf("表头“%s”与内容不符", c.text)
	}
	return "表头未能识别"
}

// byName finds the names by content when no label names them.
func byName(cands []*column, profiles map[int]*profile) {
	for _, c := range cands {
		if c.field == FieldName {
			return
		}
	}
	for _, c := range cands {
		if p := profiles[c.col]; c.field == 0 && p != nil && p.namesLike() {
			c.field, c.by = FieldName, byContent
			c.note = fmt.Sprintf("%s，内容为各不相同的项目名称（%d/%d），按内容读作项目名称", unreadLabel(c), p.counts[vText], p.n)
			return
		}
	}
}

// byMapping applies the office's choices for this sheet (step 3): a
// column mapped to a field takes it from any column that had it
// otherwise; two columns mapped to one field are both read.
func (s *sheetReader) byMapping(cands []*column) []*column {
	cols := make([]int, 0, len(s.mapping))
	for col := range s.mapping {
		cols = append(cols, col)
	}
	sort.Ints(cols)
	for _, col := range cols {
		c := findColumn(cands, col)
		if c == nil {
			c = &column{col: col, unit: s.unit}
			cands = append(cands, c)
		}
		f, _ := fieldByName(s.mapping[col])
		c.field, c.by, c.note = f, byMapping, s.mappingNote(f)
		for _, o := range cands {
			if _, mapped := s.mapping[o.col]; f != 0 && o != c && o.field == f && !mapped {
				o.field, o.note = 0, fmt.Sprintf("已按指定由%s列读取%s，本列未导入", sheet.ColLetter(col), f.ZhName())
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].col < cands[j].col })
	return cands
}

// mappingNote says where a column's mapped field came from.
func (s *sheetReader) mappingNote(f Field) string {
	src := "按指定的列对应关系"
	if s.remembered {
		src = rememberedNote
	}
	if f == 0 {
		return src + "：本列不导入"
	}
	return src + "：读作" + f.ZhName()
}

// rememberedNote is what the preview says of a column read by the
// mapping the office confirmed for the same layout before.
const rememberedNote = "按上次确认的列对应关系读取"

func findColumn(cands []*column, col int) *column {
	for _, c := range cands {
		if c.col == col {
			return c
		}
	}
	return nil
}

// warn keeps a warning about a header column for beginSheet to report.
func (h *header) warn(c column, msg string) {
	h.warnings = append(h.warnings, columnWarning{c, msg})
}

// columnWarning is a warning about one header column.
type columnWarning struct {
	c   column
	msg string
}

// hiddenColumns lists the hidden columns for the preview: they are not
// data (a 1-5月 column left from last month).
func (s *sheetReader) hiddenColumns() []column {
	var out []column
	for col := range s.src.HiddenCols {
		if t := s.hiddenText[col]; t != "" {
			out = append(out, column{col: col, label: t, text: t, by: byLabel, note: "隐藏列，不是数据，未导入"})
		}
	}
	return out
}

// isText reports a free-text field, for which of two columns the first
// is read (two texts that differ are no contradiction: 责任单位 beside
// 主管部门); other fields read from two columns are compared row by row.
func isText(f Field) bool {
	d, ok := f.Def()
	return ok && (d.Kind == models.ValueText || d.Kind == models.ValueName || d.Kind == models.ValueLongText)
}
