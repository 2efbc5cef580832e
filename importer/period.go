package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"tracker/models"
)

// settlePeriod decides the reporting month when the first sheet's header
// is found. The month comes from the upload (Options.Period), else from the
// cumulative column's header (1-6月), else from a 报告期 line or the title.
// The year comes from the title, a 报告期 line or a header (2024年计划投资),
// else from the 填报日期 (a ledger for 1-12月 sent in January belongs to
// the year before). A later sheet stating another month gets a warning;
// when no month was uploaded, that is left to the end of the file
// (settleSheetMonths: a book of a sheet per month).
func (b *builder) settlePeriod(s *sheetReader, lines []string) error {
	if b.opts.List {
		return b.settleListYear(s, lines)
	}
	stated := statedPeriod(s.h, append(lines, sheetNamePeriod(s.src.Name)))
	b.stated[s.src.Name] = stated
	switch {
	case b.ledger.Period != 0 && b.opts.Period == 0:
	case b.ledger.Period != 0:
		if stated != 0 && stated != b.ledger.Period {
			b.sheetWarning(s, fmt.Sprintf("本表标明的报告期为%s，与%s不一致，按%s导入", monthZh(stated), "前面的工作表或上传时指定的月份", monthZh(b.ledger.Period)))
		}
	case b.opts.Period != 0:
		b.ledger.Period = b.opts.Period
		if stated != 0 && stated != b.opts.Period {
			b.sheetWarning(s, fmt.Sprintf("台账标明的报告期为%s，与上传时指定的%s不一致，按%s导入", monthZh(stated), monthZh(b.opts.Period), monthZh(b.opts.Period)))
		}
	case stated != 0:
		b.ledger.Period = stated
	default:
		return models.Errorf(models.EUNPROCESSABLE, "工作表“%s”中找不到报告期（年份和月份）。请在标题中写明，例如“2024年1-6月重大项目建设情况台账”，或把累计列的表头写成“1-6月累计完成投资”并在标题中写明年份，或在上传时选择报告月份", s.src.Name)
	}
	return nil
}

// settleListYear decides a list's year: the upload's (Options.Year), else
// the title's or a header's (2024年计划投资). A list's period is January of
// its year.
func (b *builder) settleListYear(s *sheetReader, lines []string) error {
	if b.ledger.Period != 0 {
		return nil
	}
	year := b.opts.Year
	for _, l := range lines {
		l, _ = splitSent(l)
		y, _ := periodIn(l)
		year = firstNonZero(year, y)
	}
	for _, c := range s.h.cols {
		year = firstNonZero(year, c.year)
	}
	if m := models.MonthOf(year, 1); year != 0 && m.Valid() {
		b.ledger.Period = m
		return nil
	}
	return models.Errorf(models.EUNPROCESSABLE, "工作表“%s”中找不到清单的年度。请在标题中写明，例如“2024年市重大项目名单”，或在上传时指定年度", s.src.Name)
}

// knownYear is the ledger's year before its columns are decided: the
// upload's period or list year, else an earlier sheet's period, else the
// year this sheet's title or period line states (not its 填报日期); 0 when
// none says it yet.
func (b *builder) knownYear(lines []string) int {
	switch {
	case b.opts.Period != 0:
		return b.opts.Period.Year()
	case b.opts.List && b.opts.Year != 0:
		return b.opts.Year
	case b.ledger.Period != 0:
		return b.ledger.Period.Year()
	}
	for _, l := range lines {
		rest, _ := splitSent(l)
		if y, _ := periodIn(rest); y != 0 {
			return y
		}
	}
	return 0
}

// sheetWarning adds a warning about a whole sheet, at its header row.
func (b *builder) sheetWarning(s *sheetReader, msg string) {
	b.problem(Problem{Sheet: s.src.Name, Row: s.h.top, Severity: SeverityWarning,
		Message: fmt.Sprintf("工作表“%s”：%s", s.src.Name, msg)})
}

// statedPeriod is the month the sheet itself states, or 0.
func statedPeriod(h *header, lines []string) models.Month {
	year, month, sentYear, sentMonth := 0, 0, 0, 0
	if c, ok := h.column(FieldCompletedYTD); ok {
		month, year = c.month, c.year
	}
	for _, l := range lines {
		l, sent := splitSent(l)
		if sent != "" {
			sentYear, sentMonth = sentDate(sent)
		}
		y, m := periodIn(l)
		year, month = firstNonZero(year, y), firstNonZero(month, m)
	}
	for _, c := range h.cols {
		year = firstNonZero(year, c.year)
	}
	if year == 0 && sentYear != 0 && month != 0 {
		year = sentYear
		if sentMonth != 0 && sentMonth < month {
			year--
		}
	}
	m := models.MonthOf(year, month)
	if month == 0 || !m.Valid() {
		return 0
	}
	return m
}

// reSheetMonth is a sheet named after its month: 2024.6, 2024-06, 2024年6月,
// 6月, 6月份.
var reSheetMonth = regexp.MustCompile(`^(?:((?:19|20)\d\d)(?:[-./]|年))?(\d{1,2})(?:月份?)?$`)

// sheetNamePeriod reads a sheet's name as a period line for statedPeriod
// ("2024.6" → "2024年1-6月"), "" when the name is no month: clerks keep a
// book with a sheet a month and name the sheets so. It is read after the
// title and the headers, which say more.
func sheetNamePeriod(name string) string {
	m := reSheetMonth.FindStringSubmatch(foldText(name))
	if m == nil || m[1] == "" && !strings.HasSuffix(foldText(name), "月") && !strings.HasSuffix(foldText(name), "月份") {
		return ""
	}
	n, _ := strconv.Atoi(m[2])
	if n < 1 || n > 12 {
		return ""
	}
	if m[1] != "" {
		return fmt.Sprintf("%s年1-%d月", m[1], n)
	}
	return fmt.Sprintf("1-%d月", n)
}

// monthZh writes a month as 2024年6月.
func monthZh(m models.Month) string { return fmt.Sprintf("%d年%d月", m.Year(), m.Num()) }

// splitSent splits a preamble line into the 填报日期 part (from its word to
// the end, or to a 报告期 that follows it) and the rest, which may state
// the period: "报告期：2024年1-8月 填报日期：2024年9月4日" on one row is
// period 1-8月, sent in September.
func splitSent(line string) (rest, sent string) {
	s := foldText(line)
	i := indexAny(s, sentDateWords)
	if i < 0 {
		return s, ""
	}
	j := len(s)
	if k := indexAny(s[i:], periodWords); k > 0 {
		j = i + k
	}
	return s[:i] + " " + s[j:], s[i:j]
}

// indexAny returns the first position of any of words in s, or -1.
func indexAny(s string, words []string) int {
	at := -1
	for _, w := range words {
		if k := strings.Index(s, w); k >= 0 && (at < 0 || k < at) {
			at = k
		}
	}
	return at
}
