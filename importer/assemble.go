package importer

import (
	"fmt"
	"sort"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// assemble gives each field its column once decide has settled what every
// column is. When several columns are read as one field:
//   - the cumulative investment of the latest month wins (a 1-5月 column
//     left beside 1-6月), the others are left out;
//   - of free texts (名称, 责任单位, 类别, 形象进度…) the first column whose
//     label is surest is read and the others are left out, unless the
//     office mapped them all;
//   - otherwise (codes, districts, natures, amounts, months) the first is
//     read and the others are twins: compared row by row, a row where they
//     differ is an error naming both columns (record.go, readTwin).
func (h *header) assemble(cands []*column) {
	h.cols, h.byField, h.twins, h.ignored, h.unknown = nil, map[Field]int{}, map[Field][]column{}, nil, nil
	groups := map[Field][]*column{}
	var order []Field
	for _, c := range cands {
		if c.field == 0 {
			continue
		}
		if groups[c.field] == nil {
			order = append(order, c.field)
		}
		groups[c.field] = append(groups[c.field], c)
	}
	for _, f := range order {
		h.settleField(groups[f])
	}
	sort.Slice(h.cols, func(i, j int) bool { return h.cols[i].col < h.cols[j].col })
	for i, c := range h.cols {
		h.byField[c.field] = i
	}
	h.spanStart = nil
	if c, ok := h.column(models.FieldPlannedCompletion); ok && !h.has(FieldPlannedStart) && namesStartAndEnd(c.text) {
		h.spanStart = &c
		for _, cand := range cands {
			if cand.col == c.col {
				cand.note = joinNotes(cand.note, "起止时间：前一个读作计划开工时间，后一个读作计划竣工时间")
			}
		}
	}
	h.all = h.all[:0]
	for _, c := range cands {
		if c.field == 0 && c.by == byLabel && c.looksLike {
			h.unknown = append(h.unknown, *c)
		}
		if c.field == 0 && c.note == "" {
			c.note = "不是台账字段，未导入"
		}
		h.all = append(h.all, *c)
	}
}

// settleField picks the column of one field among those read as it.
func (h *header) settleField(g []*column) {
	if g = h.otherYears(g); len(g) == 0 {
		return
	}
	if g[0].field == FieldCompletedYTD {
		var earlier []*column
		g, earlier = latestMonth(g)
		for _, c := range earlier {
			h.ignored = append(h.ignored, *c)
		}
	}
	primary := g[0]
	if isText(primary.field) && !allMapped(g) {
		for _, c := range g {
			if c.rank > primary.rank {
				primary = c
			}
		}
	}
	h.cols = append(h.cols, *primary)
	for _, c := range g {
		switch {
		case c == primary:
		case isText(c.field) && !allMapped(g):
			h.leaveOut(c, primary)
		default:
			c.note = fmt.Sprintf("与%s列都读作%s：逐行比对，不一致的行报错", sheet.ColLetter(primary.col), c.field.ZhName())
			h.twins[c.field] = append(h.twins[c.field], *c)
		}
	}
}

// namesStartAndEnd reports a header naming the start and the completion in
// one column: 计划开竣工时间, 开工竣工时间, 建设起止年月.
func namesStartAndEnd(text string) bool {
	t := foldText(text)
	return strings.Contains(t, "开竣工") || strings.Contains(t, "起止") || strings.Contains(t, "开工") && strings.Contains(t, "竣工")
}

// has reports whether a field is read from a column.
func (h *header) has(f Field) bool { _, ok := h.byField[f]; return ok }

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "；" + b
}

// yearFields are the figures of one year: a column stating another year
// than the ledger's is that year's (2025年计划投资, 2023年完成投资 in a 2024
// ledger), not the field.
var yearFields = map[Field]bool{FieldAnnualPlan: true, FieldCompletedYTD: true}

// otherYears leaves out the columns of a year field whose header states a
// year other than the ledger's, with a warning; the office's mapping is
// kept as chosen.
func (h *header) otherYears(g []*column) []*column {
	if h.year == 0 || !yearFields[g[0].field] {
		return g
	}
	keep := g[:0:0]
	for _, c := range g {
		if c.year == 0 || c.year == h.year || c.by == byMapping {
			keep = append(keep, c)
			continue
		}
		c.note = fmt.Sprintf("表头标明的是%d年，不是本台账的%d年，本列未导入", c.year, h.year)
		h.warnings = append(h.warnings, columnWarning{*c, c.note})
		c.field = 0
	}
	return keep
}

// latestMonth keeps the cumulative columns of the latest month and leaves
// the others out.
func latestMonth(g []*column) (keep, earlier []*column) {
	latest := g[0]
	for _, c := range g {
		if c.month > latest.month {
			latest = c
		}
	}
	for _, c := range g {
		if c.month == latest.month {
			keep = append(keep, c)
			continue
		}
		c.note = fmt.Sprintf("与%s列重复，%s列的累计月份更晚，本列未导入", sheet.ColLetter(latest.col), sheet.ColLetter(latest.col))
		earlier = append(earlier, c)
		c.field = 0
	}
	return keep, earlier
}

// leaveOut records a duplicate column that is not read.
func (h *header) leaveOut(c, primary *column) {
	c.note = fmt.Sprintf("与%s列重复，本列未导入", sheet.ColLetter(primary.col))
	h.ignored = append(h.ignored, *c)
	c.field = 0
}

func allMapped(g []*column) bool {
	for _, c := range g {
		if c.by != byMapping {
			return false
		}
	}
	return true
}

// twinPair is a field read from two columns of one sheet.
type twinPair struct {
	field           Field
	primary, twin   int
	primaryT, twinT string
}

// agree counts a row where a field's two columns say the same.
func (s *sheetReader) agree(f Field, primary, twin column) {
	if s.twinsAgree == nil {
		s.twinsAgree = map[twinPair]int{}
	}
	s.twinsAgree[twinPair{f, primary.col, twin.col, primary.text, twin.text}]++
}

// twinWarnings gives, once per pair of columns read as one field, the
// number of rows where both agree.
func (s *sheetReader) twinWarnings() {
	pairs := make([]twinPair, 0, len(s.twinsAgree))
	for p := range s.twinsAgree {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].primary != pairs[j].primary {
			return pairs[i].primary < pairs[j].primary
		}
		return pairs[i].twin < pairs[j].twin
	})
	for _, p := range pairs {
		c := column{col: p.twin, text: p.twinT}
		s.b.columnProblem(s, c, fmt.Sprintf("与%s列（%s）都读作%s，%d行两列一致，按%s列导入", sheet.ColLetter(p.primary), p.primaryT,
			p.field.ZhName(), s.twinsAgree[p], sheet.ColLetter(p.primary)))
	}
}
