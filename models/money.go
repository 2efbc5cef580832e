package models

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an exact amount in yuan (元). Ledgers state amounts in 万元 or
// 亿元 with up to four or eight decimals, so one yuan is the smallest unit
// any ledger can express; sums of Money are exact.
//
// JSON carries Money as a number of 万元 with up to 4 decimals, as the API
// contract says (60350000 for 6035亿元).
type Money int64

// Unit multipliers in yuan.
const (
	Yuan Money = 1
	Wan  Money = 10000
	Yi   Money = 100000000
)

// WanString returns m as an exact decimal string of 万元 without trailing zeros:
// "60350000", "123.4567", "-0.5".
func (m Money) WanString() string { return decimalString(int64(m), 4) }

// YiFloat returns m in 亿元 as a float, for display only (never summed).
func (m Money) YiFloat() float64 { return float64(m) / float64(Yi) }

// WanFloat returns m in 万元 as a float, for display only (never summed).
func (m Money) WanFloat() float64 { return float64(m) / float64(Wan) }

// YiText returns m in 亿元 with 2 decimals, rounded half away from zero on
// the exact yuan: "612.35" for 612.345亿元. It is the one rounding of 亿元
// that pages, workbooks and the 通报 show, so they never differ by 0.01.
func (m Money) YiText() string { return hundredthsText(int64(m), int64(Yi)/100) }

// WanText returns m in 万元 with 2 decimals, rounded half away from zero on
// the exact yuan, without grouping: "12684.51" for 126845050 yuan.
func (m Money) WanText() string { return hundredthsText(int64(m), int64(Wan)/100) }

// hundredthsText writes v/unit rounded half away from zero to 2 decimals,
// in integers (a float would put 612.345 below the half); never "-0.00".
func hundredthsText(v, unit int64) string {
	u := uint64(v)
	if v < 0 {
		u = uint64(-(v + 1)) + 1
	}
	c := (u + uint64(unit)/2) / uint64(unit)
	s := strconv.FormatUint(c/100, 10) + "." + strconv.FormatUint(c%100/10, 10) + strconv.FormatUint(c%10, 10)
	if v < 0 && c != 0 {
		s = "-" + s
	}
	return s
}

// MarshalJSON writes m as a JSON number of 万元.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.WanString()), nil }

// UnmarshalJSON reads a JSON number of 万元.
func (m *Money) UnmarshalJSON(b []byte) error {
	v, err := ParseDecimal(strings.Trim(string(b), `"`), Wan)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

func decimalString(v int64, places int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	scale := int64(1)
	for i := 0; i < places; i++ {
		scale *= 10
	}
	s := strconv.FormatInt(v/scale, 10)
	if frac := v % scale; frac != 0 {
		f := fmt.Sprintf("%0*d", places, frac)
		s += "." + strings.TrimRight(f, "0")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// ParseDecimal reads a plain decimal string ("1234.56", "-3", ".5",
// "1.2E+5" as spreadsheets store floats) stated in the given unit and
// returns it in yuan, rounded half away from zero to the yuan. It accepts no
// grouping and no unit text: callers clean ledger text first (see importer).
func ParseDecimal(s string, unit Money) (Money, error) {
	mant, exp, err := splitExponent(s)
	if err != nil {
		return 0, notANumber(s)
	}
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(strings.TrimPrefix(mant, "-"), "+")
	intPart, fracPart, _ := strings.Cut(mant, ".")
	if intPart == "" && fracPart == "" || !allDigits(intPart) || !allDigits(fracPart) {
		return 0, notANumber(s)
	}
	for u := unit; u > 1; u /= 10 {
		exp++
	}
	digits := strings.TrimLeft(intPart+fracPart, "0")
	point := len(intPart) - (len(intPart+fracPart) - len(digits)) + exp // digits before the yuan point
	if digits == "" {
		return 0, nil
	}
	if point > 17 {
		return 0, Errorf(EINVALID, "“%s”超出可处理的金额范围", s)
	}
	if point < 0 {
		return 0, nil // far below half a yuan
	}
	padded := digits + strings.Repeat("0", point+1)
	tenths, _ := strconv.ParseInt(padded[:point+1], 10, 64) // yuan ×10, truncated
	v := (tenths + 5) / 10
	if v >= 1e17 { // rounded up to eighteen digits: as far out of range as the digits themselves
		return 0, Errorf(EINVALID, "“%s”超出可处理的金额范围", s)
	}
	if neg {
		v = -v
	}
	return Money(v), nil
}

func notANumber(s string) error { return Errorf(EINVALID, "“%s”不是有效的数字", s) }

func splitExponent(s string) (string, int, error) {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return s, 0, nil
	}
	e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
	if err != nil || e > 30 || e < -30 {
		return "", 0, fmt.Errorf("bad exponent")
	}
	return s[:i], e, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
