package models

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// codePattern is the shape of a 统一项目代码: YYMM or YYYY, the 6-digit area
// code, then 2, 2 and 6 digits. Only the shape is checked; the segments'
// meaning is not (old and new codes are both in use).
var codePattern = regexp.MustCompile(`^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$`)

// NormalizeCode turns a code as ledgers write it into ASCII: full-width
// digits and hyphens folded, dashes of every kind made '-', and all
// whitespace (also around the hyphens) removed. Leading apostrophes go too:
// Excel's mark for "keep this as text" ('2403-…), which a CSV or a system
// export carries as a character of the cell.
func NormalizeCode(s string) string {
	s = strings.TrimLeftFunc(width.Narrow.String(s), isTextMark)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff':
		case r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '－' || r == '−' || r == '_':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isTextMark is whitespace or an apostrophe (' ‘ ’ `) in front of a code.
func isTextMark(r rune) bool {
	return unicode.IsSpace(r) || r == '\'' || r == '‘' || r == '’' || r == '`' || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
}

// ValidCode reports whether a normalised code has the 24-character shape
// \d{4}-\d{6}-\d{2}-\d{2}-\d{6}.
func ValidCode(code string) bool { return codePattern.MatchString(code) }

// CodeArea returns the area segment (characters 6..11) of a valid code.
func CodeArea(code string) string {
	if !ValidCode(code) {
		return ""
	}
	return code[5:11]
}

// NormalizeName removes every kind of whitespace from a project name
// (spaces, NBSP U+00A0, ideographic U+3000, tabs, line breaks): ledgers
// wrap and pad names at random, and the name is compared across months.
func NormalizeName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// TrimText trims every kind of whitespace from both ends of a text field.
func TrimText(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
	})
}

// ParseCodes reads project codes separated by commas (ASCII or full-width),
// 、, semicolons or line breaks, each normalised (so spaces inside a code,
// as around its hyphens, do not split it); "*" stands for all and is kept.
func ParseCodes(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",，、;；\n\r", r) }) {
		f = strings.TrimSpace(f)
		if f == "*" {
			out = append(out, "*")
			continue
		}
		if code := NormalizeCode(f); code != "" {
			out = append(out, code)
		}
	}
	return out
}
