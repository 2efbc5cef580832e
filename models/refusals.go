package models

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// RefusalSummary says, for an import of which no row could be applied, the
// one or two reasons that cover most of its rows, so that the office sees
// the cause above a list of rows refused alike: "45行均未导入，原因相同：
// 新项目无法确定所属区县…（如第5行）". rows is the number of data rows; the
// result is empty when there are none or no error names a row. A row's
// reason is its error message without the sheet, row and the values that
// differ from row to row (codes, quoted values, numbers). A ledger of one
// row needs no summary.
func RefusalSummary(problems []Problem, rows int) []Problem {
	groups := refusalGroups(problems)
	if rows < 2 || len(groups) == 0 {
		return nil
	}
	top := groups[0]
	if len(top.rows) >= rows || len(groups) == 1 {
		msg := fmt.Sprintf("%d行均未导入，原因相同：%s（如%s）", rows, top.text, top.example)
		if len(top.rows) < rows {
			msg = fmt.Sprintf("%d行均未导入，%d行的原因是：%s（如%s）", rows, len(top.rows), top.text, top.example)
		}
		return []Problem{{Severity: SeverityError, Message: msg}}
	}
	second := groups[1]
	msg := fmt.Sprintf("%d行均未导入，主要原因：%d行%s（如%s）；%d行%s（如%s）", rows, len(top.rows), top.text, top.example,
		len(second.rows), second.text, second.example)
	return []Problem{{Severity: SeverityError, Message: msg}}
}

// refusalGroup is the rows refused for one reason.
type refusalGroup struct {
	key, text, example string
	rows               map[string]bool
	first              int // order of first appearance
}

var (
	reRowPrefix = regexp.MustCompile(`^工作表“[^”]*”第\d+行`)
	reQuoted    = regexp.MustCompile(`“[^”]*”`)
	reCodeLike  = regexp.MustCompile(`\s*\d{4}-\d{6}-\d{2}-\d{2}-\d{6}\s*`)
	reNumber    = regexp.MustCompile(`\d+(\.\d+)?`)
)

// refusalGroups groups the errors of rows by reason, most rows first.
func refusalGroups(problems []Problem) []*refusalGroup {
	byKey := map[string]*refusalGroup{}
	var out []*refusalGroup
	for _, p := range problems {
		if p.Severity != SeverityError || p.Row == 0 {
			continue
		}
		text := strings.TrimLeft(reRowPrefix.ReplaceAllString(p.Message, ""), " ：:")
		text = reCodeLike.ReplaceAllString(text, "")
		key := reNumber.ReplaceAllString(reQuoted.ReplaceAllString(text, "“”"), "N")
		g := byKey[key]
		if g == nil {
			g = &refusalGroup{key: key, text: text, example: fmt.Sprintf("工作表“%s”第%d行", p.Sheet, p.Row), rows: map[string]bool{}, first: len(out)}
			byKey[key] = g
			out = append(out, g)
		}
		g.rows[fmt.Sprintf("%s\x00%d", p.Sheet, p.Row)] = true
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].rows) > len(out[j].rows) })
	return out
}
