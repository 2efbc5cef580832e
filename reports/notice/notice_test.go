package notice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"tracker/models"
	"tracker/models/demo"
	"tracker/reports"
)

// demoReport is the report of the 2024 demo as of a quarter's last month.
func demoReport(q int) *reports.Report {
	var units []string
	for _, u := range models.DefaultUnits() {
		units = append(units, u.Name)
	}
	cfg, cats := models.DefaultRateConfig(), models.DefaultCategories()
	in := reports.Input{Projects: demo.Portfolio2024WithChanges(), Month: models.MonthOf(2024, 3*q),
		Config: cfg, Districts: units, Categories: cats, Generated: time.Date(2025, 1, 10, 9, 30, 0, 0, time.UTC), Quarter: q}
	if q > 1 {
		prev := models.ComputeRates(in.Projects, models.MonthOf(2024, 3*q-3), cfg, units, cats)
		in.Previous = &prev
	}
	last := models.ComputeRates(demo.Portfolio2023(), models.MonthOf(2023, 3*q), cfg, units, cats)
	in.LastYear = &last
	return reports.Build(in)
}

func docx(t *testing.T, r *reports.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("NOTICE_DUMP"); dir != "" { // to look at it: NOTICE_DUMP=/tmp go test -run Package
		os.WriteFile(dir+"/"+NameOf(r), buf.Bytes(), 0o644)
	}
	return buf.Bytes()
}

// parts opens a .docx and returns its parts by name, in order.
func parts(t *testing.T, data []byte) (map[string][]byte, []string) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	var names []string
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = b
		names = append(names, f.Name)
	}
	return out, names
}

// node is an XML element with its attributes (by local name) and children.
type node struct {
	name     string
	attr     map[string]string
	children []*node
	text     string
}

func parse(t *testing.T, name string, data []byte) *node {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tok)
		}
	}
	return root.children[0]
}

// all returns the descendants of n named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
		out = append(out, c.all(name)...)
	}
	return out
}

func (n *node) first(name string) *node {
	if a := n.all(name); len(a) > 0 {
		return a[0]
	}
	return &node{attr: map[string]string{}}
}

// texts joins the text of n's w:t elements.
func (n *node) texts() string {
	var b strings.Builder
	for _, t := range n.all("t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// paragraph is a body paragraph: its style and text.
type paragraph struct{ style, text string }

// bodyOf returns the body's own paragraphs (not those in tables) and the
// tables as rows of cell texts.
func bodyOf(doc *node) (ps []paragraph, tables [][][]string) {
	for _, c := range doc.first("body").children {
		switch c.name {
		case "p":
			ps = append(ps, paragraph{c.first("pStyle").attr["val"], c.texts()})
		case "tbl":
			var rows [][]string
			for _, tr := range c.all("tr") {
				var cells []string
				for _, tc := range tr.all("tc") {
					cells = append(cells, tc.texts())
				}
				rows = append(rows, cells)
			}
			tables = append(tables, rows)
		}
	}
	return ps, tables
}

// TestThePackageIsWordprocessingML checks the structure of the 2024 Q4
// 通报: every part Word needs, well-formed and declared; A4 with the
// margins of GB/T 9704 and a grid of 28 lines; the fonts by name with the
// font standing in for each; the title, the four headings in order, 表1
// with the units' rows and the attachments' lists.
func TestThePackageIsWordprocessingML(t *testing.T) {
	r := demoReport(4)
	ps, names := parts(t, docx(t, r))
	want := []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
		"word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("parts %v, want %v", names, want)
	}
	xmls := map[string]*node{}
	for _, n := range names {
		xmls[n] = parse(t, n, ps[n])
	}
	declared := map[string]string{}
	for _, o := range xmls["[Content_Types].xml"].all("Override") {
		declared[o.attr["PartName"]] = o.attr["ContentType"]
	}
	for _, n := range names[2:] {
		if n != "word/_rels/document.xml.rels" && declared["/"+n] == "" {
			t.Errorf("[Content_Types].xml does not declare %s", n)
		}
	}
	if ct := declared["/word/document.xml"]; ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" {
		t.Errorf("document content type %q", ct)
	}
	targets := map[string]string{}
	for _, rel := range xmls["word/_rels/document.xml.rels"].all("Relationship") {
		targets[rel.attr["Id"]] = rel.attr["Target"]
		if ps["word/"+rel.attr["Target"]] == nil {
			t.Errorf("relationship %s points to a missing part %s", rel.attr["Id"], rel.attr["Target"])
		}
	}

	doc := xmls["word/document.xml"]
	sect := doc.first("sectPr")
	pg, mar := sect.first("pgSz"), sect.first("pgMar")
	if pg.attr["w"] != "11906" || pg.attr["h"] != "16838" || pg.attr["orient"] != "" {
		t.Errorf("page %v, want A4 portrait (11906 × 16838 twips)", pg.attr)
	}
	if mar.attr["top"] != "2098" || mar.attr["left"] != "1588" || mar.attr["right"] != "1474" || mar.attr["bottom"] != "1984" {
		t.Errorf("margins %v, want 37/28/26/35 mm (GB/T 9704)", mar.attr)
	}
	if g := sect.first("docGrid"); g.attr["linePitch"] != "455" {
		t.Errorf("line grid %v, want 455 twips (28 lines on 225 mm)", g.attr)
	}
	if id := sect.first("footerReference").attr["id"]; targets[id] != "footer1.xml" {
		t.Errorf("footer reference %q → %q", id, targets[id])
	}
	if f := xmls["word/footer1.xml"]; !strings.Contains(f.all("instrText")[0].text, "PAGE") || !strings.HasPrefix(f.texts(), "— ") {
		t.Errorf("footer %q has no page number between dashes", f.texts())
	}

	st := xmls["word/styles.xml"]
	def := st.first("docDefaults").first("rFonts")
	if def.attr["eastAsia"] != "仿宋_GB2312" || def.attr["ascii"] != "Times New Roman" || st.first("docDefaults").first("sz").attr["val"] != "32" {
		t.Errorf("body text %v, want 仿宋_GB2312 三号 (32 half-points), Latin in Times New Roman", def.attr)
	}
	styles := map[string]*node{}
	for _, s := range st.all("style") {
		styles[s.attr["styleId"]] = s
	}
	for id, want := range map[string][2]string{"Title": {"方正小标宋简体", "44"}, "Heading1": {"黑体", ""}, "Heading2": {"楷体_GB2312", ""}, "TableText": {"仿宋_GB2312", "21"}} {
		s := styles[id]
		if s == nil {
			t.Errorf("no style %s", id)
			continue
		}
		if got := s.first("rPr").first("rFonts").attr["eastAsia"]; got != want[0] {
			t.Errorf("style %s font %q, want %q", id, got, want[0])
		}
		if got := s.first("rPr").first("sz").attr["val"]; got != want[1] {
			t.Errorf("style %s size %q, want %q", id, got, want[1])
		}
	}
	alt := map[string]string{}
	for _, f := range xmls["word/fontTable.xml"].all("font") {
		alt[f.attr["name"]] = f.first("altName").attr["val"]
		if f.first("charset").attr["val"] == "" {
			t.Errorf("font %s without a charset", f.attr["name"])
		}
	}
	for _, f := range []string{"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "Times New Roman"} {
		if alt[f] == "" {
			t.Errorf("fontTable.xml does not declare %s with a font to stand in for it (%v)", f, alt)
		}
	}

	paras, tables := bodyOf(doc)
	var titles, headings []string
	for _, p := range paras {
		switch p.style {
		case "Title":
			titles = append(titles, p.text)
		case "Heading1":
			headings = append(headings, p.text)
		}
	}
	if want := []string{"关于2024年1-12月全市重大项目建设情况的通报", "未按计划开工项目名单", "投资进度滞后项目名单"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
	if want := []string{"一、总体情况", "二、各区县（功能区）推进情况", "三、存在问题", "四、下步工作"}; !reflect.DeepEqual(headings, want) {
		t.Errorf("headings %q, want %q", headings, want)
	}
	head, rows := districtTable(r)
	if len(tables) != 3 { // 表1, 表2 and 附件2 (附件1 is "无": no project is overdue at the end of 2024)
		t.Fatalf("%d tables, want 3", len(tables))
	}
	if !reflect.DeepEqual(tables[0], append([][]string{head}, rows...)) {
		t.Errorf("表1 %q\nwant %q", tables[0], append([][]string{head}, rows...))
	}
	if len(tables[0]) != 1+12+1 || tables[0][1][1] != "张店区" || tables[0][13][1] != "合计" {
		t.Errorf("表1 has %d rows, want the header, 12 units and 合计", len(tables[0]))
	}
	ch, crows := compareTable(r)
	if !reflect.DeepEqual(tables[1], append([][]string{ch}, crows...)) || len(ch) != 8 {
		t.Errorf("表2 %q\nwant %q", tables[1], append([][]string{ch}, crows...))
	}
	if n := len(tables[2]) - 1; n != r.Lagging.Investment || n != 141 {
		t.Errorf("附件2 lists %d projects, want the %d behind on investment", n, r.Lagging.Investment)
	}
	// A header row repeats on every page; no row breaks across pages; no
	// table is wider than the 版心.
	for i, tbl := range doc.all("tbl") {
		w := 0
		for _, c := range tbl.all("gridCol") {
			var x int
			fmt.Sscan(c.attr["w"], &x)
			w += x
		}
		if w > textWidth {
			t.Errorf("table %d is %d twips wide, the 版心 %d", i+1, w, textWidth)
		}
		trs := tbl.all("tr")
		if len(trs[0].all("tblHeader")) != 1 || len(trs[1].all("cantSplit")) != 1 {
			t.Errorf("table %d: header not repeated or rows may split", i+1)
		}
	}
}

// TestTheTextStatesTheFigures reads the Q4 通报's paragraphs: the headline
// sentences of the workbook, the units leading and trailing on 年度投资完成率
// with the workbook's ranks, the counts of 存在问题 and the date.
func TestTheTextStatesTheFigures(t *testing.T) {
	r := demoReport(4)
	ps, _ := parts(t, docx(t, r))
	paras, _ := bodyOf(parse(t, "document.xml", ps["word/document.xml"]))
	var all []string
	for _, p := range paras {
		all = append(all, p.text)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		"现将2024年第四季度（1-12月）全市重大项目建设情况通报如下。",
		strings.Join(r.Headline, ""),
		"1-12月累计完成投资1181.00亿元，占年度计划的104.1%",
		"计划开工项目296个，已开工296个", "开工率100.0%",
		"与1-9月相比，累计完成投资增加361.87亿元，年度投资完成率提高31.9个百分点，项目开工率提高1.6个百分点；" +
			"与2023年同期相比，累计完成投资下降9.8%，年度投资完成率提高0.5个百分点，项目开工率下降1.2个百分点。",
		"从年度投资完成率看，临淄区（117.3%）、桓台县（117.2%）、高新区（112.0%）位列前三，高青县（90.5%）、博山区（87.2%）、沂源县（81.3%）位列后三位；" +
			"从项目开工率看，各区县（功能区）均为100.0%。各区县（功能区）具体情况见表1、表2。",
		"截至12月底，计划开工的296个项目均已开工。",
		"投资完成率低于序时进度10个百分点以上的项目141个，其中低于30个百分点以上的13个；主要集中在沂源县（29个）、博山区（27个）、高青县（19个）。名单见附件2。",
		"（此处由市发展改革委填写下步工作安排。）",
		"附件：1．未按计划开工项目名单",
		"淄博市发展和改革委员会\n2025年1月10日",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the 通报 does not say %q:\n%s", want, text)
		}
	}
	for _, g := range r.Districts {
		if g.Name == "临淄区" && g.InvestmentRank != 1 || g.Name == "沂源县" && g.InvestmentRank != 12 {
			t.Errorf("%s ranks %d in the workbook", g.Name, g.InvestmentRank)
		}
	}
}

// TestTheSameReportGivesTheSameBytes: nothing comes from the clock, so a
// locked quarter's 通报 can be compared byte for byte.
func TestTheSameReportGivesTheSameBytes(t *testing.T) {
	a, b := docx(t, demoReport(2)), docx(t, demoReport(2))
	if !bytes.Equal(a, b) {
		t.Error("two 通报 of the same report differ")
	}
}

func TestFileNames(t *testing.T) {
	if got := FileName(2024, 4); got != "重大项目建设情况通报_2024Q4.docx" {
		t.Errorf("FileName %q", got)
	}
	if got := MonthlyFileName(2024, 5); got != "重大项目建设情况通报_2024M05.docx" {
		t.Errorf("MonthlyFileName %q", got)
	}
	r := demoReport(2)
	if NameOf(r) != "重大项目建设情况通报_2024Q2.docx" || Title(r) != "关于2024年1-6月全市重大项目建设情况的通报" {
		t.Errorf("NameOf %q, Title %q", NameOf(r), Title(r))
	}
}

// TestRankSentence: ties with the third share the top; six units or fewer
// are named in order.
func TestRankSentence(t *testing.T) {
	g := func(name string, rank int, rate float64) reports.GroupRow {
		return reports.GroupRow{Name: name, GroupFigures: models.GroupFigures{Figures: models.Figures{InvestmentRate: rate}, InvestmentRank: rank}}
	}
	seven := []reports.GroupRow{g("甲", 1, 0.9), g("乙", 2, 0.8), g("丙", 3, 0.7), g("丁", 3, 0.7), g("戊", 5, 0.6), g("己", 6, 0.5), g("庚", 7, 0.4)}
	if got, want := rankSentence(seven, investmentRate), "甲（90.0%）、乙（80.0%）、丙（70.0%）、丁（70.0%）位列前三，戊（60.0%）、己（50.0%）、庚（40.0%）位列后三位"; got != want {
		t.Errorf("rankSentence\n got %q\nwant %q", got, want)
	}
	if got, want := rankSentence(seven[:2], investmentRate), "由高到低依次为甲（90.0%）、乙（80.0%）"; got != want {
		t.Errorf("rankSentence %q, want %q", got, want)
	}
	tied := []reports.GroupRow{g("甲", 1, 1), g("乙", 1, 1), g("丙", 1, 1)}
	if got, want := rankSentence(tied, investmentRate), "各区县（功能区）均为100.0%"; got != want {
		t.Errorf("rankSentence %q, want %q", got, want)
	}
}

// TestComparisonsInTheOfficeWords: 环比 and 同比 of 总体情况 in words, from
// models.Compare; Q1 has no 环比 (the year's figures start again in
// January), and a report without bases says nothing of either.
func TestComparisonsInTheOfficeWords(t *testing.T) {
	r := demoReport(1)
	if got := comparisons(r); !strings.HasPrefix(got, "与2023年同期相比，累计完成投资") || strings.Contains(got, "与1-") {
		t.Errorf("Q1 comparisons %q", got)
	}
	r.LastYear = nil
	if got := comparisons(r); got != "" {
		t.Errorf("without bases %q", got)
	}
	if head, _ := compareTable(r); head != nil {
		t.Errorf("表2 without bases: %q", head)
	}
	for _, tt := range []struct{ got, want string }{
		{ppChange(3.24), "提高3.2个百分点"}, {ppChange(-0.45), "下降0.5个百分点"}, {ppChange(0.04), "持平"},
		{amountChange(31240000000), "增加312.40亿元"}, {amountChange(-120000000), "减少1.20亿元"}, {amountChange(400000), "持平"},
		{growth(0.045), "增长4.5%"}, {growth(-0.0984), "下降9.8%"}, {growth(0.0004), "持平"},
		{signed("12.34"), "+12.34"}, {signed("0.00"), "0.00"}, {signed("-1.20"), "-1.20"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
