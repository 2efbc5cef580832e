package importer

import (
	"regexp"
	"strings"

	"tracker/models"
)

// What a column's header says: its field (a spelling, else a concept),
// its unit, the month and year it names, and why it names nothing.

// mapColumn decides a column's field from its header parts: the whole
// text first (开工时间 over 计划), then the lowest part that names a field;
// a spelling of the table anywhere before a concept.
func mapColumn(col int, parts []string, unit models.Money) column {
	c := column{col: col, unit: unit, text: columnText(parts), label: joinParts(parts), by: byLabel}
	tries := []string{strings.Join(parts, "")}
	if len(parts) >= 3 {
		tries = append(tries, strings.Join(parts[len(parts)-2:], ""))
	}
	for i := len(parts) - 1; i >= 0; i-- {
		tries = append(tries, parts[i])
		if i == len(parts)-1 && leafDecoy(parts[i]) {
			break // 其中：8月完成 under 1-8月完成投资 is not the group's figure
		}
	}
	unitSet := false
	for i := len(parts) - 1; i >= 0; i-- {
		l := normLabel(parts[i])
		if l.unit != 0 && !unitSet {
			c.unit, unitSet = l.unit, true
		}
		c.month, c.year = firstNonZero(c.month, l.month), firstNonZero(c.year, l.year)
	}
	wants := []int{rankSpelling, rankConcept}
	if hasAnyWord(foldText(strings.Join(parts, "")), groupDecoys) {
		wants = wants[:1] // 开工以来投资 over 累计完成: not this year's figure
	}
	for _, want := range wants {
		if c.labelled(parts, tries, want) {
			return c
		}
	}
	c.looksLike = unrecognised(parts)
	c.note = decoyNote(strings.Join(parts, ""))
	if reMonthLeft.MatchString(normLabel(parts[len(parts)-1]).key) && c.note == "" {
		c.note = "单月数，不是1-N月累计，未导入"
	}
	if c.looksLike {
		c.note = "像金额或日期，但无法确定对应哪一项，未导入；如需导入请在预览中指定"
	}
	return c
}

// labelled tries the texts of a column for a label of the given rank and
// sets the field it names.
func (c *column) labelled(parts, tries []string, want int) bool {
	leaf := normLabel(parts[len(parts)-1])
	for n, t := range tries {
		l := normLabel(t)
		f, rank := l.field()
		if strings.HasSuffix(t, parts[len(parts)-1]) {
			f, rank = l.fieldUnder(leaf) // the leaf and the groups above it
		}
		if rank == want {
			c.field, c.rank = f, rank
			if rank == rankConcept {
				c.note = "表头不在常用写法中，按词义读作" + f.ZhName()
			}
			if len(parts) > 1 && t == strings.Join(parts, "") {
				c.text = models.NormalizeName(strings.Join(parts, "/"))
			}
			return true
		}
		if n == 0 && len(parts) >= 2 && want == rankSpelling {
			if f, ok := groupLeaf(parts[len(parts)-2], parts[len(parts)-1]); ok {
				c.field, c.rank = f, rankSpelling
				c.text = models.NormalizeName(parts[len(parts)-2] + "/" + parts[len(parts)-1])
				return true
			}
		}
	}
	return false
}

// leafDecoy reports a sub-heading that is something else than the group
// heading above it: one month's part, a rate, a serial number.
func leafDecoy(leaf string) bool {
	return decoyNote(leaf) != "" || hasAnyWord(foldText(leaf), groupDecoys)
}

// joinParts is a header as the preview shows it: its rows joined with "/".
func joinParts(parts []string) string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if t := models.TrimText(p); t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, "/")
}

// groupLeaf maps a leaf under a group heading that ends in 投资, read as
// one label without the group's 投资: "2024年度投资（万元）" over "计划投资"
// is 2024年度计划投资, "本年投资" over "计划投资" 本年计划投资.
func groupLeaf(group, leaf string) (Field, bool) {
	g := normLabel(group).key
	stem, ok := strings.CutSuffix(g, "投资")
	if !ok || stem == "" || strings.Contains(stem, "以来") {
		return 0, false
	}
	return label{key: stem + normLabel(leaf).key}.lookup()
}

// unrecognised reports a header that maps no field but looks like one: an
// amount (投资/金额 with a unit, or with 计划/完成/累计) or a start date
// (开工/日期/时间), and is none of the columns known to be something else
// (notFieldWords, or a single month's figure such as 8月完成投资).
func unrecognised(parts []string) bool {
	joined := foldText(strings.Join(parts, ""))
	leaf := foldText(parts[len(parts)-1])
	if hasAnyWord(joined, notFieldWords) || reMonthLeft.MatchString(normLabel(leaf).key) {
		return false
	}
	amount := hasAnyWord(joined, amountWords) && (unitIn(joined) != 0 || hasAnyWord(leaf, amountHints))
	return amount || hasAnyWord(leaf, dateWords)
}

// reMonthLeft is a month left in a label after the 1-N月 range is taken
// out: one month's figure (8月完成投资) or another range (4-6月).
var reMonthLeft = regexp.MustCompile(`\d+月`)

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// columnText is the header text messages quote: the lowest part that is
// not a bare unit.
func columnText(parts []string) string {
	for i := len(parts) - 1; i >= 0; i-- {
		if !reUnitCell.MatchString(foldText(parts[i])) {
			return models.NormalizeName(parts[i])
		}
	}
	return models.NormalizeName(parts[len(parts)-1])
}

func firstNonZero(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}
