package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"tracker/models"
)

// A month range from January: 1-6月, 1—6月, 1~6月, 1至6月, 1月-6月, 1-6月份.
var (
	reRange   = regexp.MustCompile(`(\d{1,2})月?(?:-|—|–|~|〜|至|到|－|—)(\d{1,2})月(?:份)?(?:末|底)?`)
	reUpTo    = regexp.MustCompile(`截[至止](?:((?:19|20)\d\d)年)?(\d{1,2})月(?:份)?(?:末|底)?`)
	reYear    = regexp.MustCompile(`((?:19|20)\d\d)年(?:度)?`)
	reYM      = regexp.MustCompile(`((?:19|20)\d\d)年(\d{1,2})月`)
	reDashYM  = regexp.MustCompile(`((?:19|20)\d\d)[-./](\d{1,2})`)
	reUnitPar = regexp.MustCompile(`\([^()]*元[^()]*\)`)
	reParens  = regexp.MustCompile(`\([^()]*\)`)
	// 单位：亿元; the short forms (亿, 万, 元) only when no word goes on
	// (填报单位：亿利化工 is a company).
	reUnitTxt = regexp.MustCompile(`(?:金额)?单位:?(万元|亿元|(?:元|亿|万)(?:$|[^\p{Han}]))`)
	// January's cumulative column written with one month: 1月累计完成投资,
	// 2024年1月份完成投资 (the text after {Y} is put in place).
	reJanuary = regexp.MustCompile(`^(\{Y\})?1月(?:份)?(?:末|底)?(累计|完成投资)`)
	// The year so far said as "since the year began": 今年以来, 年初以来,
	// 本年以来, 自年初至今. It is 本年 (year to date), not the 以来 of
	// 开工以来 (since the project began).
	reSinceJan = regexp.MustCompile(`(?:自|从)?(?:今年|本年度?|年初|本年初|当年)(?:以来|至今)`)
)

// quarterWords name reporting periods by quarter or half year.
var quarterWords = []struct {
	word  string
	month int
}{{"前三季度", 9}, {"第三季度", 9}, {"三季度", 9}, {"上半年", 6}, {"第二季度", 6}, {"二季度", 6},
	{"第一季度", 3}, {"一季度", 3}, {"第四季度", 12}, {"四季度", 12}}

// foldText is the normal form every label and keyword comparison uses: no
// whitespace, full-width letters, digits and punctuation made ASCII
// (（→(, ：→:, ～→~), so spellings differ only where they really differ.
func foldText(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c <= ' ' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			return -1
		case r >= '\uff01' && r <= '\uff5e': // full-width ASCII
			return r - 0xfee0
		}
		return r
	}, s)
}

// label is a header text in normal form with what it says besides the
// field: a unit, the month range it covers, a year.
type label struct {
	key         string       // normal form with {Y} and {M}, units removed
	unit        models.Money // 0 when the text names no unit
	month, year int
}

// normLabel reads a header text: "1-6月累计完成投资（亿元）" → key
// "{M}累计完成投资", unit 亿元, month 6.
func normLabel(raw string) label {
	s := reSinceJan.ReplaceAllString(foldText(raw), "本年")
	l := label{unit: unitIn(s)}
	s = reUnitPar.ReplaceAllString(s, "")
	s = reUnitTxt.ReplaceAllString(s, "")
	for _, suf := range []string{"/亿", "/万", "(亿)", "(万)", "万元", "亿元"} { // short forms first; /万元 stays (layout signatures)
		s = strings.TrimSuffix(s, suf)
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		l.year, _ = strconv.Atoi(m[1])
		s = reYear.ReplaceAllString(s, "{Y}")
	}
	if m := reRange.FindStringSubmatch(s); m != nil && m[1] == "1" {
		l.month, _ = strconv.Atoi(m[2])
		s = strings.Replace(s, m[0], "{M}", 1)
	} else if m := reUpTo.FindStringSubmatch(s); m != nil {
		l.month, _ = strconv.Atoi(m[2])
		s = strings.Replace(s, m[0], "{M}", 1)
	} else if m := reJanuary.FindStringSubmatch(s); m != nil {
		l.month = 1
		s = m[1] + "{M}" + s[len(m[0])-len(m[2]):]
	}
	if l.month < 1 || l.month > 12 {
		l.month = 0
	}
	l.key = s
	return l
}

// unitIn returns the money unit a text names, or 0: 亿元 and 万元, also
// written short in brackets or after a slash (（亿）, /万).
func unitIn(s string) models.Money {
	switch {
	case strings.Contains(s, "亿元") || shortUnit(s, "亿"):
		return models.Yi
	case strings.Contains(s, "万元") || shortUnit(s, "万"):
		return models.Wan
	case strings.Contains(s, "(元)") || strings.Contains(s, "单位:元") || s == "元":
		return models.Yuan
	}
	return 0
}

// shortUnit reports a unit written without 元: (亿), [亿], 【亿】, /亿, 单位:亿,
// or the word alone.
func shortUnit(s, u string) bool {
	return s == u || strings.Contains(s, "("+u+")") || strings.Contains(s, "["+u+"]") || strings.Contains(s, "【"+u+"】") ||
		strings.HasSuffix(s, "/"+u) || strings.Contains(s, "单位:"+u)
}

// lookup returns the field a label names: its exact key, or the key without
// parenthesised remarks ("项目名称（全称）").
func (l label) lookup() (Field, bool) {
	if f, ok := headerSpellings[l.key]; ok {
		return f, true
	}
	if stripped := reParens.ReplaceAllString(l.key, ""); stripped != l.key && stripped != "" {
		f, ok := headerSpellings[stripped]
		return f, ok
	}
	return 0, false
}

// field returns the field a label names and how surely: a spelling of the
// table (rankSpelling), else a concept of the label with or without its
// parenthesised remarks (rankConcept), else rank 0.
func (l label) field() (Field, int) { return l.fieldUnder(l) }

// fieldUnder is field for a label joined from header rows whose lowest row
// is leaf: the concepts' excluded words are looked for in the leaf only.
func (l label) fieldUnder(leaf label) (Field, int) {
	if f, ok := l.lookup(); ok {
		return f, rankSpelling
	}
	for _, k := range []string{l.key, reParens.ReplaceAllString(l.key, "")} {
		for _, lk := range []string{leaf.key, reParens.ReplaceAllString(leaf.key, "")} {
			if f, ok := conceptField(k, lk); ok {
				return f, rankConcept
			}
		}
	}
	return 0, 0
}

// periodIn finds a reporting period in a title or 报告期 line: the year (0
// if none) and the month (0 if none). "2024年1-6月…" → 2024, 6;
// "截至2024年6月底" → 2024, 6; "2024年上半年" → 2024, 6.
func periodIn(text string) (year, month int) {
	s := foldText(text)
	if m := reYear.FindStringSubmatch(s); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	switch m := reRange.FindStringSubmatch(s); {
	case m != nil && m[1] == "1":
		month, _ = strconv.Atoi(m[2])
	default:
		month = upToMonth(s)
	}
	if m := reDashYM.FindStringSubmatch(s); year == 0 && m != nil && isPeriodLine(s) {
		year, _ = strconv.Atoi(m[1])
	}
	if month < 1 || month > 12 {
		month = 0
	}
	return year, month
}

// isPeriodLine reports a line that states the reporting period itself.
func isPeriodLine(s string) bool {
	return strings.Contains(s, "报告期") || strings.Contains(s, "统计期") || strings.Contains(s, "月份")
}

// upToMonth reads the other ways a title states the month.
func upToMonth(s string) int {
	if m := reUpTo.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		return n
	}
	if m := reYM.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		return n
	}
	for _, q := range quarterWords {
		if strings.Contains(s, q.word) {
			return q.month
		}
	}
	if isPeriodLine(s) {
		if m := reDashYM.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[2])
			return n
		}
	}
	return 0
}

// sentDate reads a 填报日期 line: the year and month the ledger was sent,
// which is not the reporting month but can tell its year.
func sentDate(text string) (year, month int) {
	s := foldText(text)
	if m := reYM.FindStringSubmatch(s); m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
		return year, month
	}
	if m := reDashYM.FindStringSubmatch(s); m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
	}
	return year, month
}

// isSentDateLine reports whether a line states when the ledger was filled
// in or sent (填报日期, 填报时间, 报送日期, 制表日期).
func isSentDateLine(s string) bool { return indexAny(foldText(s), sentDateWords) >= 0 }

// sentDateWords start the date a ledger was sent; periodWords the period it
// reports on.
var (
	sentDateWords = []string{"填报日期", "填报时间", "报送日期", "报送时间", "制表日期", "制表时间", "日期:"}
	periodWords   = []string{"报告期", "统计期"}
)
