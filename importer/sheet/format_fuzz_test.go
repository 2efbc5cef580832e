package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// formatSeeds returns the custom number format codes of the fixtures:
// the formatCode attributes of their styles.xml and the FORMAT records of
// their .xls workbooks, with the codes Excel and WPS write in Chinese
// ledgers.
func formatSeeds(t testing.TB) []string {
	set := map[string]bool{`yyyy"年"m"月"d"日"`: true, `[$-804]yyyy年m月`: true, `#,##0.00_);[Red]\(#,##0.00\)`: true,
		`0"个月"`: true, `[h]:mm:ss`: true, `[Red]0.00;\-0.00`: true, `"年度"0`: true, `General`: true, `@`: true, `0.00E+00`: true}
	attrRe := regexp.MustCompile(`formatCode="([^"]*)"`)
	for p, data := range seedFiles(seedGlobs...) {
		switch {
		case strings.HasSuffix(p, ".xlsx"):
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				continue
			}
			for _, f := range zr.File {
				if !strings.HasSuffix(f.Name, "styles.xml") {
					continue
				}
				rc, _ := f.Open()
				raw, _ := io.ReadAll(rc)
				rc.Close()
				for _, m := range attrRe.FindAllSubmatch(raw, -1) {
					set[xmlText(m[1])] = true
				}
			}
		case strings.HasSuffix(p, ".xls"):
			if wb, err := openCFB(data); err == nil {
				if b, err := parseGlobals(wb.stream, DefaultLimits()); err == nil {
					for _, code := range b.formats {
						set[code] = true
					}
				}
			}
		}
	}
	out := make([]string, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	if len(out) < 15 {
		t.Fatalf("only %d format seeds", len(out))
	}
	return out
}

// FuzzNumberFormats classifies mutated number format codes (date or not):
// no panic; no date without a date letter or 年/月; quoted text, an
// escaped character and a [colour] or [$-locale] section in front never
// change the answer; and the .xlsx styles part and the .xls FORMAT and XF
// records carrying the code give the same answer as the code itself.
func FuzzNumberFormats(f *testing.F) {
	for i, c := range formatSeeds(f) {
		f.Add(c, []string{"万元", "个月", "年", `\`}[i%4], uint16(164+i%200))
	}
	f.Fuzz(func(t *testing.T, code, lit string, id uint16) {
		if len(code) > 1024 || len(lit) > 64 {
			return
		}
		date := isDateFormat(code)
		if date && !strings.ContainsAny(strings.ToLower(code), "ymdhs") && !strings.Contains(code, "年") && !strings.Contains(code, "月") {
			t.Fatalf("%q is a date without a date letter", code)
		}
		quoted := strings.ReplaceAll(lit, `"`, "")
		bracket := strings.NewReplacer(`"`, "", "]", "", `\`, "", "_", "", "*", "").Replace(lit) // [$-804], [Red], [>=100]
		for _, prefix := range []string{`"` + quoted + `"`, `\` + firstRune(lit), "[" + bracket + "]", "[Red]", "[$-804]"} {
			if isDateFormat(prefix+code) != date {
				t.Fatalf("%q is a date: %v, but %q: %v", code, date, prefix+code, !date)
			}
		}
		if !utf8.ValidString(code) || strings.ContainsFunc(code, func(r rune) bool { return r < 0x20 || r == 0xFFFD || r == 0xFFFE || r == 0xFFFF }) {
			return
		}
		cid := 164 + int(id)%1000 // custom codes take ids from 164; xf 0 keeps General
		var esc strings.Builder
		xml.EscapeText(&esc, []byte(code))
		styles := `<styleSheet><numFmts count="1"><numFmt numFmtId="` + strconv.Itoa(cid) + `" formatCode="` + esc.String() + `"/></numFmts>` +
			`<cellXfs><xf numFmtId="0"/><xf numFmtId="` + strconv.Itoa(cid) + `"/></cellXfs></styleSheet>`
		got, err := parseDateStyles([]byte(styles))
		if err != nil || len(got) != 2 || got[0] || got[1] != date {
			t.Fatalf("styles.xml with %q: %v %v, want [false %v]", code, got, err, date)
		}
		if len([]rune(code)) > 255 {
			return
		}
		b := &biffBook{biff8: true, formats: map[int]string{}, xfFormat: []int{0, cid}}
		if err := b.format(append(le16b(cid), ustr(code, 2)...)); err != nil || b.formats[cid] != code {
			t.Fatalf("FORMAT record of %q reads back as %q (%v)", code, b.formats[cid], err)
		}
		b.settleDates()
		if b.isDate(0) || b.isDate(1) != date {
			t.Fatalf("an XF of format %q: date %v, want %v", code, b.isDate(1), date)
		}
	})
}

// firstRune returns the first character of s, or "y".
func firstRune(s string) string {
	if r, n := utf8.DecodeRuneInString(s); n > 0 && r != utf8.RuneError {
		return string(r)
	}
	return "y"
}

// TestDateFormats: the classifier on the codes ledgers carry; a unit in
// quotes (个月, 年) does not make a number a date.
func TestDateFormats(t *testing.T) {
	for code, want := range map[string]bool{
		`yyyy"年"m"月"d"日"`: true, `[$-804]yyyy年m月`: true, `m月d日`: true, `[DBNum1]yyyy"年"m"月"`: true, `h:mm`: true,
		`0"个月"`: false, `#,##0"年"`: false, `"年度"0`: false, `\年0`: false, `0.00"万元"`: false, `[Red]#,##0.00`: false,
		`General`: false, `@`: false, `0.00E+00`: false, `0年`: true, `_月0`: false, `*月0`: false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
}
