package models

import (
	"strings"
	"testing"
)

// FuzzParseDecimal checks that any text either fails cleanly or parses to
// an amount whose exact 万元 form parses back to itself.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"1234.56", "-0.5", ".5", "1E+5", "1.2345678E-3", "99999999999999", "0", "", "１２", "1e99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseDecimal(s, Wan)
		if err != nil {
			return
		}
		back, err := ParseDecimal(m.WanString(), Wan)
		if err != nil || back != m {
			t.Fatalf("%q → %d → %q → %d, %v", s, m, m.WanString(), back, err)
		}
	})
}

// FuzzParseMonth checks that a parsed month is valid and formats back to
// the same text.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2024-06", "1990-01", "2100-12", "2024-13", "24-06", "２０２４-06"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err != nil {
			return
		}
		if !m.Valid() || m.String() != s {
			t.Fatalf("%q → %v (%s)", s, m, m.String())
		}
	})
}

// FuzzNormalizeCode checks that normalising is idempotent and leaves no
// whitespace, and that a valid result has the code's shape.
func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"2403-370303-04-01-000123", "２４０３－３７０３０３－０４－０１－０００１２３", " 2403 - 370303 -04-01-000123 ", "—"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := NormalizeCode(s)
		if NormalizeCode(c) != c || strings.ContainsAny(c, " \t\n\u3000\u00a0") {
			t.Fatalf("%q → %q is not stable", s, c)
		}
		if ValidCode(c) && len(c) != 24 {
			t.Fatalf("%q valid with length %d", c, len(c))
		}
	})
}
