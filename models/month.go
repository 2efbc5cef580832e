package models

import (
	"fmt"
	"strconv"
)

// Month is a calendar month as YYYYMM (202406 for June 2024); the zero
// Month means "none" (not started, no planned start). The numeric form
// orders correctly and reads plainly in the database.
type Month int

// CumulativeLabel names the months from January to month m (1..12) the
// one way every page, sheet and sentence writes them: "1-6月", and "1月"
// (not "1-1月") in January.
func CumulativeLabel(m int) string {
	if m == 1 {
		return "1月"
	}
	return fmt.Sprintf("1-%d月", m)
}

// MonthOf returns the Month for a year and a month 1..12.
func MonthOf(year, month int) Month { return Month(year*100 + month) }

// Year returns the calendar year of m.
func (m Month) Year() int { return int(m) / 100 }

// Num returns the month number 1..12 of m.
func (m Month) Num() int { return int(m) % 100 }

// IsZero reports whether m is "none".
func (m Month) IsZero() bool { return m == 0 }

// Valid reports whether m is a real month between 1990 and 2100.
func (m Month) Valid() bool {
	return m.Year() >= 1990 && m.Year() <= 2100 && m.Num() >= 1 && m.Num() <= 12
}

// String formats m as "YYYY-MM", or "" for none.
func (m Month) String() string {
	if m == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", m.Year(), m.Num())
}

// MonthsSince returns how many whole months m is after earlier (negative
// when it is before).
func (m Month) MonthsSince(earlier Month) int {
	return (m.Year()-earlier.Year())*12 + m.Num() - earlier.Num()
}

// ParseMonth reads "YYYY-MM" (the API's period form).
func ParseMonth(s string) (Month, error) {
	bad := Errorf(EINVALID, "月份“%s”格式不对，应为 YYYY-MM，例如 2024-06", s)
	if len(s) != 7 || s[4] != '-' || !allDigits(s[:4]) || !allDigits(s[5:]) {
		return 0, bad
	}
	y, err1 := strconv.Atoi(s[:4])
	mo, err2 := strconv.Atoi(s[5:])
	m := MonthOf(y, mo)
	if err1 != nil || err2 != nil || !m.Valid() {
		return 0, bad
	}
	return m, nil
}

// MarshalJSON writes "YYYY-MM", or null for none.
func (m Month) MarshalJSON() ([]byte, error) {
	if m == 0 {
		return []byte("null"), nil
	}
	return []byte(`"` + m.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM" or null.
func (m *Month) UnmarshalJSON(b []byte) error {
	if string(b) == "null" || string(b) == `""` {
		*m = 0
		return nil
	}
	v, err := ParseMonth(string(b[1 : len(b)-1]))
	*m = v
	return err
}
