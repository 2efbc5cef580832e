package httpx

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCleanFileNameCutsLongNamesOnce: a long name is cut to 120
// characters keeping a spreadsheet extension; a name whose "extension" is
// itself long (the attack: "a." and 130 letters, which the old
// rune-by-rune loop never finished) and a name of a megabyte are cut in
// one pass.
func TestCleanFileNameCutsLongNamesOnce(t *testing.T) {
	cases := []struct{ in, want string }{
		{strings.Repeat("台", 200) + ".xlsx", strings.Repeat("台", 115) + ".xlsx"},
		{"a." + strings.Repeat("x", 130), "a." + strings.Repeat("x", 118)},
		{strings.Repeat("账", 1<<20) + ".csv", strings.Repeat("账", 116) + ".csv"},
		{"." + strings.Repeat("y", 1<<20), "." + strings.Repeat("y", 119)},
		{"张店区台账.xlsx", "张店区台账.xlsx"},
		{"../../etc/\u202epasswd", "passwd"},
		{"", "未命名文件"},
	}
	for _, c := range cases {
		got := CleanFileName(c.in)
		if got != c.want {
			t.Errorf("CleanFileName(%.40q…) = %.60q… (%d characters), want %.60q…", c.in, got, utf8.RuneCountInString(got), c.want)
		}
	}
}
