package sheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// xlsxBook is an opened .xlsx: its sheets in workbook order, the shared
// strings, and which cell styles are dates. Sheet data is streamed later.
type xlsxBook struct {
	g          *zipGuard
	sheets     []xlsxSheetRef
	sst        []string       // eager: the whole table
	lazySST    *sharedStrings // lazy: decoded on demand
	sstPath    string
	dateStyles []bool
	date1904   bool
	limits     Limits
}

type xlsxSheetRef struct {
	name, path string
	hidden     bool
	last       bool // the last sheet opened: a lazy read checks the shared strings end well after it
}

// openXlsx opens the archive, checks it, and reads the workbook, its
// relationships, the styles and the shared strings.
func openXlsx(r io.ReaderAt, size int64, l Limits) (*xlsxBook, error) {
	g, err := openZip(r, size, l)
	if err != nil {
		return nil, err
	}
	if g.has("EncryptedPackage") {
		return nil, errEncrypted()
	}
	if g.hasMacros() {
		return nil, errMacros()
	}
	wbPath := findWorkbook(g)
	if wbPath == "" {
		if g.has("content.xml") {
			return nil, unsupportedXlsx("文件是OpenDocument表格（.ods），不是.xlsx")
		}
		return nil, unsupportedXlsx("压缩包里没有Excel工作簿（可能是Word或其他文件）")
	}
	b := &xlsxBook{g: g, limits: l}
	if err := b.readWorkbook(wbPath); err != nil {
		return nil, err
	}
	return b, nil
}

// findWorkbook returns the workbook part: xl/workbook.xml, or the target of
// the package's officeDocument relationship for writers that name it
// otherwise.
func findWorkbook(g *zipGuard) string {
	if g.has("xl/workbook.xml") {
		return "xl/workbook.xml"
	}
	raw, err := g.readAll("_rels/.rels", 1<<20)
	if err != nil {
		return ""
	}
	rels, _ := parseRels(raw, "")
	for _, r := range rels {
		if strings.HasSuffix(r.Type, "/officeDocument") && g.has(r.Target) {
			return r.Target
		}
	}
	return ""
}

type rel struct{ ID, Type, Target string }

// parseRels reads a .rels part; targets are resolved against dir. A part
// that is not well formed is an error.
func parseRels(raw []byte, dir string) ([]rel, error) {
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	out := make([]rel, 0, len(doc.Rels))
	for _, r := range doc.Rels {
		t := strings.ReplaceAll(r.Target, `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, rel{r.ID, r.Type, t})
	}
	return out, nil
}

// readWorkbook reads the sheet list, the date system, styles and strings.
func (b *xlsxBook) readWorkbook(wbPath string) error {
	raw, err := b.g.readAll(wbPath, 16<<20)
	if err != nil {
		return err
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			State string     `xml:"state,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(raw, &wb); err != nil {
		return errPartMalformed(wbPath, "工作簿目录", "")
	}
	b.date1904 = wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"
	dir := path.Dir(wbPath)
	relsPath := path.Join(dir, "_rels", path.Base(wbPath)+".rels")
	var rels []rel
	if b.g.has(relsPath) {
		raw, err := b.g.readAll(relsPath, 4<<20)
		if err != nil {
			return err
		}
		if rels, err = parseRels(raw, dir); err != nil {
			return errPartMalformed(relsPath, "工作簿的部件关系", "")
		}
	}
	if len(wb.Sheets) > b.limits.MaxSheets {
		return tooLarge(fmt.Sprintf("有%d个工作表，超过上限%d", len(wb.Sheets), b.limits.MaxSheets))
	}
	for i, s := range wb.Sheets {
		p := sheetTarget(s.Attrs, rels, i)
		if p == "" || !b.g.has(p) {
			continue // a chart sheet or a dangling entry: nothing to read
		}
		b.sheets = append(b.sheets, xlsxSheetRef{name: s.Name, path: p, hidden: s.State == "hidden" || s.State == "veryHidden"})
	}
	return b.readParts(rels, dir)
}

// sheetTarget finds a sheet's part through its r:id; without one (some
// writers), the conventional name sheetN.xml.
func sheetTarget(attrs []xml.Attr, rels []rel, i int) string {
	for _, a := range attrs {
		if a.Name.Local != "id" {
			continue
		}
		for _, r := range rels {
			if r.ID == a.Value {
				return r.Target
			}
		}
	}
	return fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
}

// readParts reads the styles and shared strings named by the rels.
func (b *xlsxBook) readParts(rels []rel, dir string) error {
	stylesPath, sstPath := path.Join(dir, "styles.xml"), path.Join(dir, "sharedStrings.xml")
	for _, r := range rels {
		switch {
		case strings.HasSuffix(r.Type, "/styles"):
			stylesPath = r.Target
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			sstPath = r.Target
		}
	}
	if b.g.has(stylesPath) {
		raw, err := b.g.readAll(stylesPath, 32<<20)
		if err != nil {
			return err
		}
		if b.dateStyles, err = parseDateStyles(raw); err != nil {
			return errPartMalformed(stylesPath, "单元格样式", "")
		}
	}
	if b.g.has(sstPath) {
		b.sstPath = sstPath
	}
	return nil
}

// loadStrings reads the shared strings: all of them (eager), or prepares
// them to be decoded on demand (lazy).
func (b *xlsxBook) loadStrings(lazy bool) error {
	if b.sstPath == "" {
		return nil
	}
	if lazy {
		s, err := openSharedStrings(b.g, b.sstPath, b.limits)
		b.lazySST = s
		return err
	}
	sst, err := readSST(b.g, b.sstPath, b.limits)
	b.sst = sst
	return err
}

// parseDateStyles returns, per cell style index (the s attribute), whether
// its number format shows a date.
func parseDateStyles(raw []byte) ([]bool, error) {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmtID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(raw, &st); err != nil {
		return nil, err
	}
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	out := make([]bool, len(st.Xfs))
	for i, xf := range st.Xfs {
		if code, ok := custom[xf.NumFmtID]; ok {
			out[i] = isDateFormat(code)
		} else {
			out[i] = isBuiltinDate(xf.NumFmtID)
		}
	}
	return out, nil
}

// isBuiltinDate reports whether a built-in number format id is a date or
// time (14-22, 45-47, and the CJK ones 27-36 and 50-58).
func isBuiltinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// isDateFormat reports whether a custom format code shows a date: it has
// y, m, d, h or s, or 年 or 月, outside quoted text, escapes and [colour]
// sections. Text in quotes never decides: 0"个月" and #,##0"年" are
// numbers with a unit, as Excel shows them.
func isDateFormat(code string) bool {
	var b strings.Builder
	inQuote, inBracket, skip := false, false, false
	for _, c := range code { // by character, so that what is left out never joins bytes into 年 or 月
		switch {
		case skip:
			skip = false
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\\' || c == '_' || c == '*':
			skip = true // the character escaped, padded or repeated
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case !inBracket:
			b.WriteRune(c)
		}
	}
	s := strings.ToLower(b.String())
	if strings.Contains(s, "general") {
		return false
	}
	return strings.ContainsAny(s, "ymdhs") || strings.Contains(s, "年") || strings.Contains(s, "月")
}

// readSST streams sharedStrings.xml into a slice, bounded by the limits.
func readSST(g *zipGuard, name string, l Limits) ([]string, error) {
	rc, err := g.open(name, l.MaxSharedStrings)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	er := newElemReader(rc, "", "si", 8*l.MaxCellBytes+4096)
	if err := er.fill(0); err != nil {
		return nil, sstCut(name, err)
	}
	prefix, root := rootPrefix(er.buf), rootName(er.buf)
	er.open, er.close = []byte("<"+prefix+"si"), []byte("</"+prefix+"si>")
	sst := make([]string, 0, sstCountHint(er.buf, prefix))
	for {
		el, err := er.next()
		if err == io.EOF && !er.closed(root) {
			return nil, sstCut(name, err)
		}
		if err != nil {
			return sst, ignoreEOF(err)
		}
		if len(sst) >= l.MaxStrings {
			return nil, tooManyStrings(l.MaxStrings)
		}
		sst = append(sst, texts(el, prefix))
	}
}

// sstCut turns the io.EOF of a shared-string part that ends early into
// errPartCut.
func sstCut(name string, err error) error {
	if errors.Is(err, io.EOF) {
		return errPartCut(name, "共享字符串表")
	}
	return err
}

// sstCountHint reads uniqueCount from the <sst> tag to size the slice,
// capped so a lying header cannot reserve much.
func sstCountHint(head []byte, prefix string) int {
	i := bytes.Index(head, []byte("<"+prefix+"sst"))
	if i < 0 {
		return 0
	}
	v, ok := attr(head[i:], "uniqueCount")
	if !ok {
		return 0
	}
	n := 0
	fmt.Sscan(string(v), &n)
	return min(max(n, 0), 1<<20)
}
