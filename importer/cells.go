package importer

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"tracker/importer/sheet"
	"tracker/models"
)

// parseAmount reads an amount cell stated in unit and returns yuan. stated
// is false for a blank or a none-mark ("—", "无"): nothing to store. A text
// may carry its own unit ("12.5亿元"), which wins over the column's. err is
// a Chinese phrase for the problem message.
func parseAmount(c sheet.Cell, unit models.Money) (v models.Money, stated bool, err string) {
	switch c.Kind {
	case sheet.KindNumber, sheet.KindDate:
		return checkAmount(c.Text, c.Text, unit)
	case sheet.KindError:
		return 0, false, fmt.Sprintf("公式结果为错误值“%s”", c.Text)
	case sheet.KindBool:
		return 0, false, fmt.Sprintf("“%s”不是有效的金额", c.Text)
	case sheet.KindNoCache:
		return 0, false, ""
	}
	s := foldText(c.Text)
	if s == "" || noneWords[s] {
		return 0, false, ""
	}
	s = strings.ReplaceAll(s, ",", "")
	s, unit = amountUnit(s, unit)
	return checkAmount(s, c.Text, unit)
}

// amountSuffixes are the units a cell may write after its number, longest
// first: "1.2亿元", "5000万元", "860万", "3亿", "120000元".
var amountSuffixes = []struct {
	text string
	unit models.Money
}{{"亿元", models.Yi}, {"万元", models.Wan}, {"亿", models.Yi}, {"万", models.Wan}, {"元", models.Yuan}}

// amountUnit strips a unit written after the number; it wins over the
// column's unit.
func amountUnit(s string, unit models.Money) (string, models.Money) {
	for _, a := range amountSuffixes {
		if strings.HasSuffix(s, a.text) {
			return strings.TrimSuffix(s, a.text), a.unit
		}
	}
	return s, unit
}

// checkAmount parses a cleaned decimal and rejects negatives.
func checkAmount(s, orig string, unit models.Money) (models.Money, bool, string) {
	v, ok := fastDecimal(s, unit)
	var err error
	if !ok {
		v, err = models.ParseDecimal(s, unit)
	}
	if err != nil {
		return 0, false, fmt.Sprintf("“%s”不是有效的金额", strings.TrimSpace(orig))
	}
	if v < 0 {
		return 0, false, fmt.Sprintf("金额“%s”为负数", strings.TrimSpace(orig))
	}
	return v, true, ""
}

// monthValue is what a start-date cell says.
type monthValue struct {
	m          models.Month
	stated     bool // the cell says something usable (a month, or not started)
	notStarted bool // 未开工, —, 无 ...
	err        string
}

// Serial days of 1990-01-01 and 2100-01-01 in Excel's 1900 date system:
// numbers outside are not taken for dates.
const (
	serialMin = 32874
	serialMax = 73051
)

// parseMonth reads a start-date cell: a date cell, a serial number in a
// general cell (date1904 shifts it), YYYYMM, 2024.3 as a number, or text
// such as 2024年3月, 2024.3, 2024-03, 2024/3/15, 2024年3月15日 or 3月 (year
// taken from the ledger's year). Blanks and none-marks say not started.
func parseMonth(c sheet.Cell, year int, date1904 bool) monthValue {
	switch c.Kind {
	case sheet.KindDate, sheet.KindNumber:
		return numberMonth(c.Text, year, date1904, c.Kind == sheet.KindDate)
	case sheet.KindISODate:
		return textMonth(strings.Replace(c.Text, "T", " ", 1), year)
	case sheet.KindNoCache:
		return monthValue{}
	case sheet.KindError, sheet.KindBool:
		return monthValue{err: fmt.Sprintf("“%s”不是有效的日期", c.Text)}
	}
	return textMonth(c.Text, year)
}

// numberMonth reads a numeric start date.
func numberMonth(s string, year int, date1904, isDate bool) monthValue {
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return badDate(s)
	case isDate || f >= serialMin && f <= serialMax:
		return serialMonth(f, date1904, s)
	case f >= 199001 && f <= 210012 && f == math.Trunc(f):
		return checkedMonth(int(f)/100, int(f)%100, s)
	case f >= 19900101 && f <= 21001231 && f == math.Trunc(f):
		return checkedMonth(int(f)/10000, int(f)/100%100, s)
	case f > 1990 && f < 2101 && f != math.Trunc(f):
		// 2024.3 typed as a number; 2024.10 is stored as 2024.1 and reads as January.
		mo, _ := strconv.Atoi(strings.TrimRight(strings.SplitN(strconv.FormatFloat(f, 'f', -1, 64), ".", 2)[1], "0"))
		return checkedMonth(int(f), mo, s)
	case f >= 13 && f < 50 && f != math.Trunc(f):
		// 24.3: the year in two digits (13 and up, so never a month of 12.5).
		mo, _ := strconv.Atoi(strings.TrimRight(strings.SplitN(strconv.FormatFloat(f, 'f', -1, 64), ".", 2)[1], "0"))
		return checkedMonth(2000+int(f), mo, s)
	case f >= 1 && f <= 12 && f == math.Trunc(f) && year > 0:
		return checkedMonth(year, int(f), s)
	}
	return badDate(s)
}

// badDate is the problem for a cell that is no date (built only when
// needed: a big ledger has hundreds of thousands of good ones).
func badDate(s string) monthValue {
	return monthValue{err: fmt.Sprintf("“%s”不是有效的日期", s)}
}

// serialMonth converts an Excel serial day to its month.
func serialMonth(f float64, date1904 bool, s string) monthValue {
	if date1904 {
		f += 1462
	}
	if f < serialMin || f > serialMax {
		return monthValue{err: fmt.Sprintf("日期“%s”超出合理范围", s)}
	}
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))
	return monthValue{m: models.MonthOf(t.Year(), int(t.Month())), stated: true}
}

func checkedMonth(y, m int, s string) monthValue {
	mo := models.MonthOf(y, m)
	if !mo.Valid() {
		return monthValue{err: fmt.Sprintf("“%s”不是有效的日期", s)}
	}
	return monthValue{m: mo, stated: true}
}

var (
	reDateYMD = regexp.MustCompile(`^((?:19|20)\d\d)(?:年|\.|/|-)(\d{1,2})(?:月份?)?(?:(?:\.|/|-)?(\d{1,2})(?:日|号)?)?(?:底|初|末|中旬|上旬|下旬|前|左右)?$`)
	reDateNum = regexp.MustCompile(`^((?:19|20)\d\d)(\d\d)(\d\d)?$`)
	reDateMD  = regexp.MustCompile(`^(\d{1,2})月份?(?:(\d{1,2})(?:日|号))?(?:底|初|末|中旬|上旬|下旬|前|左右)?$`)
	// 24.3, 24年3月: the year in two digits, as clerks shorten it (13 to
	// 49, so that 12.5, which may be 12月5日, is never read as a year).
	reDateYY = regexp.MustCompile(`^(1[3-9]|[2-4]\d)(?:年|\.|/)(\d{1,2})(?:月份?)?$`)
	// 2024年一季度, 2024年第2季度, 2024年上半年, 2024年底: a month only roughly;
	// read as the period's last month, by which the start is due.
	reDateQuarter = regexp.MustCompile(`^((?:19|20)\d\d)年?(?:度)?(?:第?([一二三四1-4])季度(?:末|底)?|(上半年|年中)|(下半年|年底|年末|四季度末))$`)
	reClock       = regexp.MustCompile(`\s\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$`)
)

// textMonth reads a start date written as text.
func textMonth(raw string, year int) monthValue {
	t := strings.TrimSpace(raw)
	if len(t) > 10 && t[4] == '-' && t[10] == 'T' { // RFC 3339, as some readers format dates
		t = t[:10]
	}
	s := foldText(reClock.ReplaceAllString(t, ""))
	if s == "" {
		return monthValue{}
	}
	if notStartedWords[s] {
		return monthValue{stated: true, notStarted: true}
	}
	if m := reDateYMD.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3], raw)
	}
	if m := reDateNum.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3], raw)
	}
	if m := reDateMD.FindStringSubmatch(s); m != nil && year > 0 {
		return ymd(strconv.Itoa(year), m[1], m[2], raw)
	}
	if m := reDateYY.FindStringSubmatch(s); m != nil {
		return ymd("20"+m[1], m[2], "", raw)
	}
	if m := reDateQuarter.FindStringSubmatch(s); m != nil {
		return ymd(m[1], strconv.Itoa(quarterEnd(m[2], m[3], m[4])), "", raw)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return numberMonth(s, year, false, false)
	}
	return monthValue{err: fmt.Sprintf("“%s”不是有效的日期（应写作2024年3月、2024-03或2024/3/15）", strings.TrimSpace(raw))}
}

// quarterEnd is the last month of a quarter (一…四 or 1…4), of the first
// half (上半年) or of the year (下半年, 年底).
func quarterEnd(q, firstHalf, yearEnd string) int {
	switch {
	case firstHalf != "":
		return 6
	case yearEnd != "":
		return 12
	}
	return 3 * quarterNum[q]
}

var quarterNum = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// rangeSeps join the two months of a range, the unambiguous ones first.
var rangeSeps = []string{"至", "到", "~", "—", "–", "－", "--", "-"}

// textRange reads a text cell holding two months, start and end
// (2024.03-2026.12, 2024年3月至2026年12月): what a 计划开竣工时间 or 建设起止
// column holds. isRange is false unless both halves are months with a year.
func textRange(c sheet.Cell, year int) (from, to monthValue, isRange bool) {
	if c.Kind != sheet.KindText {
		return
	}
	s := foldText(c.Text)
	for _, sep := range rangeSeps {
		for i := strings.Index(s, sep); i > 0; {
			from, to = textMonth(s[:i], 0), textMonth(s[i+len(sep):], 0)
			if from.stated && to.stated && !from.notStarted && !to.notStarted && from.m <= to.m {
				return from, to, true
			}
			j := strings.Index(s[i+len(sep):], sep)
			if j < 0 {
				break
			}
			i += len(sep) + j
		}
	}
	return monthValue{}, monthValue{}, false
}

// ymd checks the parts of a written date; the day only has to be a day.
func ymd(y, m, d, raw string) monthValue {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	if d != "" {
		if dd, _ := strconv.Atoi(d); dd < 1 || dd > 31 {
			return monthValue{err: fmt.Sprintf("“%s”不是有效的日期", strings.TrimSpace(raw))}
		}
	}
	return checkedMonth(yy, mm, strings.TrimSpace(raw))
}
