package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"tracker/importer/sheet"
	"tracker/models"
)

// valueClass is what one cell of a column looks like, before the column's
// field is known.
type valueClass uint8

const (
	vCode       valueClass = iota // a 24-character project code
	vUnit                         // a reporting unit in any spelling (张店, 淄博高新区, 370303)
	vNature                       // 新开工 / 续建 in any spelling
	vLevel                        // 省重大 / 省重点 / 市重大
	vClass                        // 实施类 / 准备类
	vMonth                        // a date cell, or a month written as text (2024年3月, 2024-03)
	vNumber                       // a number, or an amount written as text ("1,234.5", "3亿元")
	vNotStarted                   // 未开工, —
	vText                         // any other text
	vClasses
)

// valueNames name the classes in the preview's notes.
var valueNames = [vClasses]string{"24位项目代码", "区县名称", "新开工/续建", "项目级别", "实施类/准备类", "日期", "数字", "未开工", "文字"}

// profile counts the classes of a column's non-empty cells in the rows
// sampled under the header.
type profile struct {
	n        int // non-empty cells
	counts   [vClasses]int
	distinct map[string]bool // texts, to tell names (all different) from lists
	nameLike int             // texts that read like project names
}

// contentRule says which field a column holds when most of its cells are
// of one class. Only classes that tell one field are here: a column of
// numbers or of dates could be any of several, and the office chooses.
type contentRule struct {
	class valueClass
	field Field
	share float64 // at least this share of the non-empty cells
	least int     // and at least this many of them (fewer if the sheet has fewer rows)
}

var contentRules = []contentRule{
	{class: vCode, field: fieldCode, share: 0.8, least: 1},
	{class: vNature, field: FieldNature, share: 0.8, least: 2},
	{class: vUnit, field: FieldDistrict, share: 0.8, least: 2},
	{class: vLevel, field: FieldLevel, share: 0.8, least: 2},
	{class: vClass, field: models.FieldClass, share: 0.8, least: 2},
}

// levelWords are the project levels a level column holds.
var levelWords = map[string]bool{"省重大": true, "省重点": true, "市重大": true, "省重大项目": true, "省重点项目": true, "市重大项目": true, "市重点": true, "市重点项目": true}

// nameHints are words project names usually hold; a column of texts most of
// which hold one, all different, is read as the names when no header says
// where the names are.
var nameHints = []string{"项目", "工程", "建设", "改造", "扩建", "新建", "基地", "园", "中心", "生产线", "厂", "道路", "公路", "大道",
	"医院", "学校", "小区", "片区", "设施", "产业", "一期", "二期", "三期", "万吨", "平方米", "综合体", "示范"}

// classOf tells what a cell looks like.
func (b *builder) classOf(c sheet.Cell) (valueClass, bool) {
	switch c.Kind {
	case sheet.KindDate, sheet.KindISODate:
		return vMonth, true
	case sheet.KindNumber:
		return vNumber, true
	case sheet.KindText:
	default:
		return 0, false
	}
	t := models.TrimText(c.Text)
	f := foldText(t)
	switch {
	case f == "" || noneWords[f]:
		return 0, false
	case notStartedWords[f]:
		return vNotStarted, true
	}
	if _, ok := normCode(t); ok {
		return vCode, true
	}
	if _, ok := models.ParseNature(t); ok {
		return vNature, true
	}
	if levelWords[f] {
		return vLevel, true
	}
	if _, ok := models.ParseClass(f); ok {
		return vClass, true
	}
	if _, ok := b.resolve(t); ok && !allDigitsText(f) {
		return vUnit, true
	}
	if v := textMonth(t, 2024); v.stated && v.err == "" && strings.ContainsAny(f, "年月-./") {
		return vMonth, true
	}
	if _, stated, msg := parseAmount(c, models.Wan); stated && msg == "" {
		return vNumber, true
	}
	return vText, true
}

func allDigitsText(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// add counts one cell.
func (p *profile) add(b *builder, c sheet.Cell) {
	class, ok := b.classOf(c)
	if !ok {
		return
	}
	p.n++
	p.counts[class]++
	if class != vText {
		return
	}
	t := models.NormalizeName(c.Text)
	if p.distinct == nil {
		p.distinct = map[string]bool{}
	}
	p.distinct[t] = true
	if utf8.RuneCountInString(t) >= 4 && hasAnyWord(t, nameHints) {
		p.nameLike++
	}
}

// says returns the field the content tells, with a note for the preview
// such as "内容为24位项目代码（12/12）"; rows is how many data rows were
// sampled.
func (p *profile) says(rows int) (Field, string) {
	for _, r := range contentRules {
		k := p.counts[r.class]
		if p.n > 0 && k >= min(r.least, rows) && float64(k) >= r.share*float64(p.n) {
			return r.field, fmt.Sprintf("内容为%s（%d/%d）", valueNames[r.class], k, p.n)
		}
	}
	return 0, ""
}

// namesLike reports a column that holds project names: texts, nearly all
// different, most of them with a word names hold.
func (p *profile) namesLike() bool {
	k := p.counts[vText]
	return k >= 2 && float64(k) >= 0.8*float64(p.n) && float64(len(p.distinct)) >= 0.9*float64(k) && float64(p.nameLike) >= 0.5*float64(k)
}

// vague describes content that is clear but tells no single field (a
// column of amounts, of dates), for the note of a column left unread.
func (p *profile) vague() string {
	for _, c := range []valueClass{vNumber, vMonth} {
		if p.n >= 2 && float64(p.counts[c]+p.counts[vNotStarted]) >= 0.8*float64(p.n) {
			return fmt.Sprintf("内容为%s，无法确定对应哪一项，如需导入请在预览中指定", valueNames[c])
		}
	}
	return ""
}
