package notice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"time"
)

// This file writes WordprocessingML (ECMA-376, the .docx format) with the
// standard library: a body of paragraphs and tables, the styles of the
// 通报, the fonts by name and the package parts Word and LibreOffice need.

const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
const nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// Page after GB/T 9704: A4, 版心 156 × 225 mm (天头 37 mm, 订口 28 mm), in
// twips (1/20 pt, 1 mm = 56.69 twips).
const (
	pageW        = 11906
	pageH        = 16838
	marginTop    = 2098 // 37 mm
	marginBottom = 1984 // 35 mm
	marginLeft   = 1588 // 28 mm
	marginRight  = 1474 // 26 mm
	footerFrom   = 1304 // 23 mm: the page number's foot, about 7 mm below the 版心 (GB/T 9704)
	textWidth    = pageW - marginLeft - marginRight
	// linePitch puts linesPerPage lines of 三号 on the 225 mm of the 版心.
	linesPerPage = 28
	linePitch    = (pageH - marginTop - marginBottom) / linesPerPage
	// charsPerLine characters of 三号 (16 pt) on the 156 mm (442.2 pt):
	// 28 × 16 pt is 448 pt, so the body's characters are condensed by
	// charSpacing (1/20 pt): 28 × 15.75 pt = 441 pt. Word's character grid
	// would do the same, but LibreOffice reads it differently; the spacing
	// is read alike by both.
	charsPerLine = 28
	charSpacing  = -5
	bodySize     = 32            // 三号, in half-points
	charTwips    = bodySize * 10 // one character of 三号 (16 pt) in twips
)

// Fonts by name (GB/T 9704: 标题 小标宋, 正文 仿宋, 一级标题 黑体, 二级标题
// 楷体); each is declared in fontTable.xml with the font that stands in for
// it where it is missing (altName) and its Chinese character set, so Word
// and LibreOffice substitute a font of the same kind.
const (
	fontTitle   = "方正小标宋简体"
	fontBody    = "仿宋_GB2312"
	fontHeiti   = "黑体"
	fontKaiti   = "楷体_GB2312"
	fontSong    = "宋体"
	fontLatin   = "Times New Roman"
	sizeTitle   = 44 // 二号
	sizeTable   = 21 // 五号
	sizeTableSm = 18 // 小五, the long lists of the attachments
)

// font is one entry of fontTable.xml.
type font struct {
	name, alt, panose, family, pitch string
	charset                          string // "86": GB2312
}

var fonts = []font{
	{fontBody, "仿宋", "02010609030101010101", "modern", "fixed", "86"},
	{fontTitle, "华文中宋", "02000000000000000000", "script", "variable", "86"},
	{fontHeiti, "SimHei", "02010609060101010101", "modern", "fixed", "86"},
	{fontKaiti, "楷体", "02010609030101010101", "modern", "fixed", "86"},
	{fontSong, "SimSun", "02010600030101010101", "auto", "variable", "86"},
	{fontLatin, "Liberation Serif", "02020603050405020304", "roman", "variable", "00"},
}

// run is a piece of text with one look; the zero run is 仿宋 三号.
type run struct {
	text      string
	font      string // East Asian font; "" for the paragraph's
	size      int    // half-points; 0 for the paragraph's
	bold      bool
	highlight bool // yellow: text the office still has to write
	br        bool // a line break before the text
}

// para is a paragraph of a style with its runs.
type para struct {
	style     string // styleId; "" for Normal (the body text)
	align     string // "" for the style's, else "left", "center", "right", "both"
	indent    int    // first-line indent in characters of the paragraph's size; -1 for none
	left      int    // left indent in characters of 三号
	right     int    // right indent in twips
	keepNext  bool
	pageBreak bool // starts a new page
	runs      []run
}

// cell is a table cell.
type cell struct {
	text  string
	align string // "center" (default), "left" or "right"
}

// table is a table with header rows repeated on every page.
type table struct {
	widths []int // column widths in twips; their sum is the table's width
	head   []string
	rows   [][]cell
	size   int // font size in half-points
	// together keeps the table on one page when it fits (every row is
	// kept with the next): for the short tables of the units.
	together bool
}

// body collects the document's body XML.
type body struct {
	buf bytes.Buffer
}

func esc(w *bytes.Buffer, s string) { _ = xml.EscapeText(w, []byte(s)) }

func (b *body) para(p para) {
	w := &b.buf
	w.WriteString("<w:p>")
	b.pPr(p)
	for _, r := range p.runs {
		writeRun(w, r)
	}
	w.WriteString("</w:p>")
}

func (b *body) pPr(p para) {
	w := &b.buf
	w.WriteString("<w:pPr>")
	if p.style != "" {
		w.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		w.WriteString("<w:keepNext/>")
	}
	if p.pageBreak {
		w.WriteString("<w:pageBreakBefore/>")
	}
	if p.indent != 0 || p.left != 0 || p.right != 0 {
		first := max(p.indent, 0)
		w.WriteString(`<w:ind w:left="` + strconv.Itoa(p.left*charTwips) + `" w:right="` + strconv.Itoa(p.right) +
			`" w:firstLineChars="` + strconv.Itoa(first*100) + `" w:firstLine="` + strconv.Itoa(first*charTwips) + `"/>`)
	}
	if p.align != "" {
		w.WriteString(`<w:jc w:val="` + p.align + `"/>`)
	}
	w.WriteString("</w:pPr>")
}

func writeRun(w *bytes.Buffer, r run) {
	w.WriteString("<w:r>")
	if r.font != "" || r.size != 0 || r.bold || r.highlight {
		w.WriteString("<w:rPr>")
		if r.font != "" {
			w.WriteString(`<w:rFonts w:eastAsia="`)
			esc(w, r.font)
			w.WriteString(`" w:hint="eastAsia"/>`)
		}
		if r.bold {
			w.WriteString("<w:b/><w:bCs/>")
		}
		if r.size != 0 {
			s := strconv.Itoa(r.size)
			w.WriteString(`<w:sz w:val="` + s + `"/><w:szCs w:val="` + s + `"/>`)
		}
		if r.highlight {
			w.WriteString(`<w:highlight w:val="yellow"/>`)
		}
		w.WriteString("</w:rPr>")
	}
	if r.br {
		w.WriteString("<w:br/>")
	}
	w.WriteString(`<w:t xml:space="preserve">`)
	esc(w, r.text)
	w.WriteString("</w:t></w:r>")
}

// table writes t: single black borders, the header row bold and repeated
// on each page, rows never split over two pages.
func (b *body) table(t table) {
	w := &b.buf
	total := 0
	for _, x := range t.widths {
		total += x
	}
	w.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="NoticeTable"/><w:tblW w:w="` + strconv.Itoa(total) + `" w:type="dxa"/>` +
		`<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
	for _, x := range t.widths {
		w.WriteString(`<w:gridCol w:w="` + strconv.Itoa(x) + `"/>`)
	}
	w.WriteString("</w:tblGrid>")
	head := make([]cell, len(t.head))
	for i, h := range t.head {
		head[i] = cell{text: h}
	}
	b.row(t, head, true, t.together && len(t.rows) > 0)
	for i, r := range t.rows {
		b.row(t, r, false, t.together && i < len(t.rows)-1)
	}
	w.WriteString("</w:tbl>")
}

func (b *body) row(t table, cells []cell, header, keep bool) {
	w := &b.buf
	w.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	if header {
		w.WriteString("<w:tblHeader/>")
	}
	w.WriteString("</w:trPr>")
	for i, c := range cells {
		w.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(t.widths[i]) + `" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
		align := c.align
		if align == "" {
			align = "center"
		}
		w.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/>`)
		if keep {
			w.WriteString(`<w:keepNext/>`)
		}
		w.WriteString(`<w:jc w:val="` + align + `"/></w:pPr>`)
		r := run{text: c.text, size: t.size}
		if header {
			r.font = fontHeiti
		}
		writeRun(w, r)
		w.WriteString("</w:p></w:tc>")
	}
	w.WriteString("</w:tr>")
}

// document is the whole of word/document.xml: the body, then the section:
// A4 portrait, GB/T 9704 margins, the page number in the footer and the
// grid of 28 lines of 28 characters.
func (b *body) document() []byte {
	var w bytes.Buffer
	w.WriteString(xml.Header)
	w.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	w.Write(b.buf.Bytes())
	w.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>` +
		`<w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>` +
		`<w:pgMar w:top="` + strconv.Itoa(marginTop) + `" w:right="` + strconv.Itoa(marginRight) + `" w:bottom="` + strconv.Itoa(marginBottom) +
		`" w:left="` + strconv.Itoa(marginLeft) + `" w:header="851" w:footer="` + strconv.Itoa(footerFrom) + `" w:gutter="0"/>` +
		`<w:docGrid w:type="lines" w:linePitch="` + strconv.Itoa(linePitch) + `"/>` +
		`</w:sectPr></w:body></w:document>`)
	return w.Bytes()
}

// footer is the page number, "— 1 —" in 宋体 四号, centred.
func footer() []byte {
	var w bytes.Buffer
	w.WriteString(xml.Header)
	w.WriteString(`<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>`)
	r := `<w:rPr><w:rFonts w:ascii="` + fontSong + `" w:hAnsi="` + fontSong + `" w:eastAsia="` + fontSong + `"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>`
	w.WriteString(`<w:r>` + r + `<w:t xml:space="preserve">— </w:t></w:r>`)
	w.WriteString(`<w:r>` + r + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + r + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + r + `<w:fldChar w:fldCharType="separate"/></w:r><w:r>` + r + `<w:t>1</w:t></w:r><w:r>` + r + `<w:fldChar w:fldCharType="end"/></w:r>`)
	w.WriteString(`<w:r>` + r + `<w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`)
	return w.Bytes()
}

// styles is word/styles.xml: the defaults are the body text (仿宋 三号 on
// the line grid, Latin letters and digits in Times New Roman); Title,
// Heading1 (黑体), Heading2 (楷体), TableText, TableCaption, Footer and the
// table style with single borders.
func styles() []byte {
	var w bytes.Buffer
	w.WriteString(xml.Header)
	w.WriteString(`<w:styles xmlns:w="` + nsW + `">`)
	w.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(fontBody) +
		`<w:spacing w:val="` + strconv.Itoa(charSpacing) + `"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="` + strconv.Itoa(linePitch) + `" w:lineRule="exact"/>` +
		`<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	style := func(id, name, pPr, rPr string) {
		w.WriteString(`<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>`)
		if id != "Normal" {
			w.WriteString(`<w:basedOn w:val="Normal"/><w:next w:val="Normal"/>`)
		} else {
			w.WriteString(`<w:qFormat/>`)
		}
		w.WriteString(`<w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`)
	}
	// pPr children in the schema's order: keepNext, snapToGrid, spacing,
	// ind, jc, outlineLvl.
	const (
		keep     = `<w:keepNext/>`
		noSnap   = `<w:snapToGrid w:val="0"/>`
		indent   = `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
		noIndent = `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
		center   = `<w:jc w:val="center"/>`
	)
	style("Normal", "Normal", indent, "")
	style("Title", "Title", noSnap+`<w:spacing w:line="700" w:lineRule="exact"/>`+noIndent+center+`<w:outlineLvl w:val="0"/>`,
		rFonts(fontTitle)+`<w:sz w:val="44"/><w:szCs w:val="44"/>`)
	style("Heading1", "heading 1", keep+indent+`<w:outlineLvl w:val="1"/>`, rFonts(fontHeiti))
	style("Heading2", "heading 2", keep+indent+`<w:outlineLvl w:val="2"/>`, rFonts(fontKaiti))
	style("TableCaption", "table caption", keep+noIndent+center, rFonts(fontHeiti)+`<w:sz w:val="28"/><w:szCs w:val="28"/>`)
	style("TableText", "table text", noSnap+`<w:spacing w:line="280" w:lineRule="atLeast"/>`+noIndent+center,
		rFonts(fontBody)+`<w:sz w:val="21"/><w:szCs w:val="21"/>`)
	style("Footer", "footer", noSnap+`<w:spacing w:line="240" w:lineRule="auto"/>`+noIndent, `<w:sz w:val="28"/><w:szCs w:val="28"/>`)
	w.WriteString(`<w:style w:type="table" w:default="1" w:styleId="NoticeTable"><w:name w:val="notice table"/><w:tblPr>` +
		`<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>` +
		`<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="40" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="40" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr></w:style>`)
	w.WriteString(`</w:styles>`)
	return w.Bytes()
}

// rFonts names a Chinese font for East Asian text and Times New Roman for
// Latin letters and digits.
func rFonts(eastAsia string) string {
	return `<w:rFonts w:ascii="` + fontLatin + `" w:hAnsi="` + fontLatin + `" w:eastAsia="` + eastAsia + `" w:cs="` + fontLatin + `"/>`
}

func fontTable() []byte {
	var w bytes.Buffer
	w.WriteString(xml.Header)
	w.WriteString(`<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range fonts {
		w.WriteString(`<w:font w:name="`)
		esc(&w, f.name)
		w.WriteString(`"><w:altName w:val="`)
		esc(&w, f.alt)
		w.WriteString(`"/><w:panose1 w:val="` + f.panose + `"/><w:charset w:val="` + f.charset + `"/><w:family w:val="` + f.family +
			`"/><w:pitch w:val="` + f.pitch + `"/></w:font>`)
	}
	w.WriteString(`</w:fonts>`)
	return w.Bytes()
}

// settings: Chinese punctuation compression off, the default tab two
// characters, no compatibility mode beyond Word 2013's.
func settings() []byte {
	return []byte(xml.Header + `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="640"/>` +
		`<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>` +
		`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`)
}

func contentTypes() []byte {
	return []byte(xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`</Types>`)
}

const relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

func rootRels() []byte {
	return []byte(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relType + `extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`)
}

func documentRels() []byte {
	return []byte(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="` + relType + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relType + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFonts" Type="` + relType + `fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="rIdFooter" Type="` + relType + `footer" Target="footer1.xml"/>` +
		`</Relationships>`)
}

// coreProps carries the title and the time the report was made (never the
// clock: the same report gives the same bytes).
func coreProps(title string, at time.Time) []byte {
	var w bytes.Buffer
	w.WriteString(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	esc(&w, title)
	w.WriteString(`</dc:title><dc:language>zh-CN</dc:language>`)
	if !at.IsZero() {
		ts := at.UTC().Format("2006-01-02T15:04:05Z")
		w.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified>`)
	}
	w.WriteString(`</cp:coreProperties>`)
	return w.Bytes()
}

func appProps() []byte {
	return []byte(xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>tracker</Application></Properties>`)
}

// pack writes the package: every part, deflated, stamped with the
// report's time so that the same report is the same bytes.
func pack(out io.Writer, b *body, title string, at time.Time) error {
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", contentTypes()},
		{"_rels/.rels", rootRels()},
		{"word/document.xml", b.document()},
		{"word/_rels/document.xml.rels", documentRels()},
		{"word/styles.xml", styles()},
		{"word/settings.xml", settings()},
		{"word/fontTable.xml", fontTable()},
		{"word/footer1.xml", footer()},
		{"docProps/core.xml", coreProps(title, at)},
		{"docProps/app.xml", appProps()},
	}
	stamp := at
	if stamp.Year() < 1980 {
		stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	z := zip.NewWriter(out)
	for _, p := range parts {
		w, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}
