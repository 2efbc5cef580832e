// Package notice writes the 通报, the Word document the office sends with
// the quarterly workbook, from the same reports.Report: the same figures,
// rounded the same way (reports.YiText, PctText, PPText), the same
// headline sentences and the same ranks. It knows WordprocessingML, not
// HTTP or the database.
//
// The document (DOMAIN.md, "The 通报 document"): the title "关于2024年1-6月
// 全市重大项目建设情况的通报", the addressees, then 一、总体情况 (the
// headline sentences of 总体情况, then 环比 and 同比 in words),
// 二、各区县（功能区）推进情况 (who leads and who trails on each rate by the
// workbook's ranks, 表1, the unit table of 分区县 row for row, and 表2, its
// 环比 and 同比 columns), 三、存在问题 (the unstarted and the lagging projects with their
// counts and the units with the most), 四、下步工作 (left, highlighted, for
// the office to write), the attachments' names, the issuer and the date;
// then 附件1 未按计划开工项目名单 and 附件2 投资进度滞后项目名单.
//
// Layout after GB/T 9704: A4 portrait, 版心 156 × 225 mm, title in 小标宋
// 二号, body in 仿宋_GB2312 三号 on a grid of 28 lines of 28 characters,
// first-level headings in 黑体, second-level in 楷体_GB2312, Latin letters
// and digits in Times New Roman, the page number "— 1 —" in 宋体 四号. Fonts
// are named, with the font that stands in for each (fontTable.xml), so a
// machine without 仿宋_GB2312 shows 仿宋 or another Chinese font. Tables are
// in 五号 (the attachments' lists in 小五), their header repeated on each
// page; 表1 and 表2 are in 小五 and kept on one page.
package notice

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"tracker/models"
	"tracker/reports"
)

// Issuer signs the 通报.
const Issuer = "淄博市发展和改革委员会"

// FileName returns the quarterly 通报's name: FileName(2024, 4) is
// "重大项目建设情况通报_2024Q4.docx".
func FileName(year, quarter int) string {
	return fmt.Sprintf("重大项目建设情况通报_%dQ%d.docx", year, quarter)
}

// MonthlyFileName returns the name of the 通报 as of a month, the month in
// two digits: MonthlyFileName(2024, 5) is "重大项目建设情况通报_2024M05.docx".
func MonthlyFileName(year, month int) string {
	return fmt.Sprintf("重大项目建设情况通报_%dM%02d.docx", year, month)
}

// NameOf returns the name r's 通报 is saved under.
func NameOf(r *reports.Report) string {
	if r.Quarter > 0 {
		return FileName(r.Year, r.Quarter)
	}
	return MonthlyFileName(r.Year, r.Month)
}

// Title returns the 通报's title: "关于2024年1-6月全市重大项目建设情况的通报".
func Title(r *reports.Report) string {
	return fmt.Sprintf("关于%d年%s全市重大项目建设情况的通报", r.Year, r.CumulativeLabel())
}

// titleLines splits the title where it reads best (GB/T 9704 keeps words
// whole): "关于2024年1-6月全市重大项目" and "建设情况的通报".
func titleLines(r *reports.Report) (string, string) {
	t := Title(r)
	i := strings.Index(t, "建设情况的通报")
	return t[:i], t[i:]
}

// Write writes r's 通报 as a .docx. The same report gives the same bytes:
// nothing is read from the clock (the date is r.Generated).
func Write(w io.Writer, r *reports.Report) error {
	b := &body{}
	n := &writer{body: b, r: r}
	n.heading()
	n.overall()
	n.districts()
	n.problems()
	n.nextSteps()
	n.closing()
	n.attachments()
	return pack(w, b, Title(r), r.Generated)
}

// writer writes the parts of the 通报 in order.
type writer struct {
	*body
	r *reports.Report
}

// text is a body paragraph (first line indented two characters).
func (n *writer) text(s string) { n.para(para{runs: []run{{text: s}}}) }

func (n *writer) blank() { n.para(para{indent: -1}) }

func (n *writer) h1(s string) { n.para(para{style: "Heading1", runs: []run{{text: s}}}) }

// h2 is a second-level heading run in at the start of its paragraph, as
// offices write "（一）部分项目未按计划开工。截至……".
func (n *writer) h2(head, rest string) {
	n.para(para{runs: []run{{text: head, font: fontKaiti}, {text: rest}}})
}

func (n *writer) heading() {
	n.blank()
	line1, line2 := titleLines(n.r)
	n.para(para{style: "Title", runs: []run{{text: line1}, {text: line2, br: true}}})
	n.blank()
	n.para(para{indent: -1, runs: []run{{text: "各区县人民政府（管委会），市有关部门："}}})
	period := fmt.Sprintf("%d年%s", n.r.Year, n.r.CumulativeLabel())
	if n.r.Quarter > 0 {
		period = n.r.Period()
	}
	n.text("现将" + period + "全市重大项目建设情况通报如下。")
}

// overall is 一、总体情况: the headline sentences of the workbook's
// 总体情况, in one paragraph.
func (n *writer) overall() {
	n.h1("一、总体情况")
	n.text(strings.Join(n.r.Headline, ""))
	if c := comparisons(n.r); c != "" {
		n.text(c)
	}
	if c := corrections(n.r); c != "" {
		n.text(c)
	}
}

// noticeCorrections is how many 更正 the 通报 names; the workbook's 更正
// sheet has them all.
const noticeCorrections = 10

// corrections is the 更正 paragraph of 总体情况 (DOMAIN.md: the next report
// notes what changed in which past month, and by whom): "已通报季度的数据
// 此后更正2处：……。" "" when there are none.
func corrections(r *reports.Report) string {
	lines := r.CorrectionLines()
	if len(lines) == 0 {
		return ""
	}
	more := ""
	if len(lines) > noticeCorrections {
		lines, more = lines[:noticeCorrections], "等"
	}
	return fmt.Sprintf("已通报季度的数据此后更正%d处：%s%s，详见报表“更正”工作表。", len(r.Corrections), strings.Join(lines, "；"), more)
}

// comparisons is the 环比 and 同比 paragraph of 总体情况 (DOMAIN.md: rates
// in 个百分点; 环比 of the completed investment in 亿元, 同比 as growth):
// "与1-9月相比，累计完成投资增加312.40亿元，年度投资完成率提高27.5个百分点，
// 项目开工率提高3.2个百分点；与2023年同期相比，……。" "" when the report
// has neither base.
func comparisons(r *reports.Report) string {
	var parts []string
	if r.Previous != nil {
		c := models.Compare(r.Rates.Figures, r.Previous.Figures)
		parts = append(parts, "与"+r.PreviousLabel()+"相比，累计完成投资"+amountChange(c.Completed)+rateChanges(c))
	}
	if r.LastYear != nil {
		c := models.Compare(r.Rates.Figures, r.LastYear.Figures)
		s := fmt.Sprintf("与%d年同期相比，", r.Year-1)
		if c.HasGrowth {
			s += "累计完成投资" + growth(c.CompletedGrowth)
		} else {
			s += "累计完成投资" + amountChange(c.Completed)
		}
		parts = append(parts, s+rateChanges(c))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "；") + "。"
}

// rateChanges is "，年度投资完成率提高27.5个百分点，项目开工率持平" for the
// rates that have a value on both sides.
func rateChanges(c models.Comparison) string {
	var s string
	if c.HasInvestmentRate {
		s += "，年度投资完成率" + ppChange(c.InvestmentRatePP)
	}
	if c.HasStartRate {
		s += "，项目开工率" + ppChange(c.StartRatePP)
	}
	return s
}

// ppChange says a change of a rate: "提高3.2个百分点", "下降0.4个百分点",
// or "持平" when it rounds to 0.0.
func ppChange(v float64) string {
	t := reports.PPText(v)
	switch t[0] {
	case '+':
		return "提高" + t[1:] + "个百分点"
	case '-':
		return "下降" + t[1:] + "个百分点"
	}
	return "持平"
}

// amountChange says a change of an amount in 亿元: "增加312.40亿元",
// "减少1.20亿元" or "持平".
func amountChange(m models.Money) string {
	t := reports.YiText(m)
	switch {
	case t[0] == '-':
		return "减少" + t[1:] + "亿元"
	case strings.Trim(t, "0.") == "":
		return "持平"
	}
	return "增加" + t + "亿元"
}

// growth says 同比 growth: "增长4.5%", "下降2.0%" or "持平".
func growth(g float64) string {
	t := reports.PctText(g)
	switch {
	case t[0] == '-':
		return "下降" + t[1:]
	case t == "0.0%":
		return "持平"
	}
	return "增长" + t
}

// districts is 二: who leads and trails on each rate, 表1 (分区县's
// figures and both ranks) and, when the report has a base to compare
// with, 表2 (分区县's 环比 and 同比 columns).
func (n *writer) districts() {
	r := n.r
	n.h1("二、各区县（功能区）推进情况")
	var s strings.Builder
	inv := ranked(r.Districts, investmentRate)
	if len(inv) > 0 {
		s.WriteString("从年度投资完成率看，" + rankSentence(inv, investmentRate) + "；")
	}
	if st := ranked(r.Districts, startRate); len(st) > 0 {
		s.WriteString("从项目开工率看，" + rankSentence(st, startRate) + "。")
	}
	tables := "表1"
	if r.Previous != nil || r.LastYear != nil {
		tables = "表1、表2"
	}
	s.WriteString("各区县（功能区）具体情况见" + tables + "。")
	n.text(strings.Replace(s.String(), "；各区县", "。各区县", 1))

	n.para(para{style: "TableCaption", runs: []run{{text: "表1  " + r.Period() + "各区县（功能区）重大项目推进情况"}}})
	n.para(para{indent: -1, align: "right", keepNext: true, runs: []run{{text: "单位：亿元、个、%", size: sizeTableSm}}})
	head, rows := districtTable(r)
	n.table(table{widths: []int{414, 1080, 440, 930, 930, 930, 650, 700, 440, 440, 650, 620, 620}, head: head, rows: rightCells(rows, 2), size: sizeTableSm, together: true})
	n.note(fmt.Sprintf("注：完成率=%s累计完成投资÷年度计划投资；与序时差=完成率−序时进度（%s），单位为个百分点；开工率=已开工÷计划开工；"+
		"排名按完成率、开工率（保留1位小数）由高到低，相同的并列、其后名次顺延；无年度计划的不排完成率名次，无计划开工的不排开工率名次，无计划的比率留空。",
		r.CumulativeLabel(), reports.PctText(r.Rates.TimeProgress)))
	if head, rows := compareTable(r); head != nil {
		n.para(para{style: "TableCaption", runs: []run{{text: "表2  " + r.Period() + "各区县（功能区）环比、同比情况"}}})
		n.para(para{indent: -1, align: "right", keepNext: true, runs: []run{{text: "单位：个百分点、亿元、%", size: sizeTableSm}}})
		w := (textWidth - 414 - 1080) / (len(head) - 2)
		widths := []int{414, 1080}
		for range head[2:] {
			widths = append(widths, w)
		}
		n.table(table{widths: widths, head: head, rows: rightCells(rows, 2), size: sizeTableSm, together: true})
		n.note(compareNote(r))
	}
}

// note is the note under a table, in the tables' size.
func (n *writer) note(s string) {
	n.para(para{style: "TableText", align: "both", runs: []run{{text: s, size: sizeTableSm}}})
}

// rightCells makes cells of rows, those from column from on right-aligned.
func rightCells(rows [][]string, from int) [][]cell {
	out := make([][]cell, len(rows))
	for i, row := range rows {
		out[i] = make([]cell, len(row))
		for j, v := range row {
			out[i][j] = cell{text: v}
			if j >= from {
				out[i][j].align = "right"
			}
		}
	}
	return out
}

// districtTable is 表1: the rows of the workbook's 分区县 (same units, same
// order, same rounding, the ranks of models.RankGroups) and its 合计 row,
// without the 序时进度 column (the same for every unit; the note states
// it) and the 环比/同比 columns (表2). Rates are in % without the sign, as
// the unit line says.
func districtTable(r *reports.Report) (head []string, rows [][]string) {
	head = []string{"序号", "区县", "项目数", "总投资", "年度计划", "累计完成", "完成率", "与序时差", "计划开工", "已开工", "开工率", "完成率排名", "开工率排名"}
	row := func(seq string, g reports.GroupRow) []string {
		out := []string{seq, g.Name, fmt.Sprint(g.Projects), reports.YiText(g.TotalInvestment), reports.YiText(g.AnnualPlan),
			reports.YiText(g.Completed), "", "", fmt.Sprint(g.PlannedStarts), fmt.Sprint(g.ActualStarts), "", "", ""}
		if g.AnnualPlan != 0 {
			out[6], out[7] = pctNum(g.InvestmentRate), reports.PPText(g.InvestmentGapPP)
		}
		if g.PlannedStarts != 0 {
			out[10] = pctNum(g.StartRate)
		}
		if g.InvestmentRank != 0 {
			out[11] = fmt.Sprint(g.InvestmentRank)
		}
		if g.StartRank != 0 {
			out[12] = fmt.Sprint(g.StartRank)
		}
		return out
	}
	for i, g := range r.Districts {
		rows = append(rows, row(fmt.Sprint(i+1), g))
	}
	rows = append(rows, row("", r.DistrictTotal))
	return head, rows
}

// compareTable is 表2: 分区县's 环比 columns when the report has a previous
// period, then its 同比 columns when it has last year's (rates in 个百分点,
// 环比 of the completed investment in 亿元, 同比 as growth in %); a cell
// is blank where the unit has no figures in the base or the rate is
// undefined. nil when the report has neither base.
func compareTable(r *reports.Report) (head []string, rows [][]string) {
	if r.Previous == nil && r.LastYear == nil {
		return nil, nil
	}
	head = []string{"序号", "区县"}
	if r.Previous != nil {
		head = append(head, "完成率环比", "累计完成环比", "开工率环比")
	}
	if r.LastYear != nil {
		head = append(head, "完成率同比", "累计完成同比增长", "开工率同比")
	}
	row := func(seq string, g reports.GroupRow) []string {
		out := []string{seq, g.Name}
		if r.Previous != nil {
			c, ok := g.SincePrevious()
			out = append(out, ifText(ok && c.HasInvestmentRate, func() string { return reports.PPText(c.InvestmentRatePP) }),
				ifText(ok, func() string { return signed(reports.YiText(c.Completed)) }),
				ifText(ok && c.HasStartRate, func() string { return reports.PPText(c.StartRatePP) }))
		}
		if r.LastYear != nil {
			c, ok := g.SinceLastYear()
			out = append(out, ifText(ok && c.HasInvestmentRate, func() string { return reports.PPText(c.InvestmentRatePP) }),
				ifText(ok && c.HasGrowth, func() string { return pctNum(c.CompletedGrowth) }),
				ifText(ok && c.HasStartRate, func() string { return reports.PPText(c.StartRatePP) }))
		}
		return out
	}
	for i, g := range r.Districts {
		rows = append(rows, row(fmt.Sprint(i+1), g))
	}
	rows = append(rows, row("", r.DistrictTotal))
	return head, rows
}

// compareNote says what 表2 compares with.
func compareNote(r *reports.Report) string {
	var parts []string
	if r.Previous != nil {
		parts = append(parts, "环比为与"+r.PreviousLabel()+"相比（比率差为个百分点，累计完成差为亿元）")
	}
	if r.LastYear != nil {
		parts = append(parts, fmt.Sprintf("同比为与%d年%s相比（比率差为个百分点，累计完成为增长率）", r.Year-1, r.CumulativeLabel()))
	}
	return "注：" + strings.Join(parts, "；") + "。上期或上年同期没有该区县数据的留空。"
}

func ifText(ok bool, text func() string) string {
	if !ok {
		return ""
	}
	return text()
}

// signed puts "+" before a positive decimal: "+12.34"; "0.00" and
// negatives stay as they are.
func signed(s string) string {
	if strings.Trim(s, "0.") != "" && s[0] != '-' {
		return "+" + s
	}
	return s
}

// pctNum is a rate in % with 1 decimal, without the sign: "104.1".
func pctNum(rate float64) string { return strings.TrimSuffix(reports.PctText(rate), "%") }

// A rate a unit is ranked on: its value and its rank (models.RankGroups).
type rate struct {
	value func(reports.GroupRow) float64
	rank  func(reports.GroupRow) int
}

var (
	investmentRate = rate{func(g reports.GroupRow) float64 { return g.InvestmentRate }, func(g reports.GroupRow) int { return g.InvestmentRank }}
	startRate      = rate{func(g reports.GroupRow) float64 { return g.StartRate }, func(g reports.GroupRow) int { return g.StartRank }}
)

// ranked returns the units with a rank on by, best first (ties in their
// order of the table).
func ranked(rows []reports.GroupRow, by rate) []reports.GroupRow {
	var out []reports.GroupRow
	for _, g := range rows {
		if by.rank(g) != 0 {
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return by.rank(out[i]) < by.rank(out[j]) })
	return out
}

// rankSentence names the first three and the last three units with their
// rates: "高新区（112.3%）、张店区（108.0%）、淄川区（105.2%）位列前三，
// …位列后三位"; with six units or fewer, all of them in order; when they
// all share the first rank, "各区县（功能区）均为100.0%". A unit tied with
// the third (or the third from last) is named with it.
func rankSentence(ranked []reports.GroupRow, by rate) string {
	named := func(gs []reports.GroupRow) string {
		parts := make([]string, len(gs))
		for i, g := range gs {
			parts[i] = g.Name + "（" + reports.PctText(by.value(g)) + "）"
		}
		return strings.Join(parts, "、")
	}
	last := ranked[len(ranked)-1]
	switch {
	case by.rank(last) == 1 && len(ranked) > 1:
		return "各区县（功能区）均为" + reports.PctText(by.value(last))
	case len(ranked) <= 6:
		return "由高到低依次为" + named(ranked)
	}
	top := 3
	for top < len(ranked) && by.rank(ranked[top]) == by.rank(ranked[2]) {
		top++
	}
	bottom := len(ranked) - 3
	for bottom > top && by.rank(ranked[bottom-1]) == by.rank(ranked[bottom]) {
		bottom--
	}
	s := named(ranked[:top]) + "位列前三"
	if bottom >= top {
		s += "，" + named(ranked[bottom:]) + "位列后三位"
	}
	return s
}

// problems is 三、存在问题: the unstarted projects and the projects behind
// on investment, each with its count and the units with the most.
func (n *writer) problems() {
	r := n.r
	n.h1("三、存在问题")
	f := r.Rates.Figures
	if len(r.Overdue) == 0 {
		n.h2("（一）项目开工。", fmt.Sprintf("截至%d月底，计划开工的%d个项目均已开工。", r.Month, f.PlannedStarts))
	} else {
		n.h2("（一）部分项目未按计划开工。", fmt.Sprintf("截至%d月底，计划开工的%d个项目中，仍有%d个未开工，%s。名单见附件1。",
			r.Month, f.PlannedStarts, len(r.Overdue), mostIn(r, r.Overdue)))
	}
	var behind, red []reports.ProjectRow
	for _, p := range r.Details {
		if p.Status.InvestmentLagging() {
			behind = append(behind, p)
			if p.Status.InvestmentLight == models.LightRed {
				red = append(red, p)
			}
		}
	}
	if len(behind) == 0 {
		n.h2("（二）投资进度。", "各项目投资完成率均未低于其序时进度"+numText(r.Config.InvestmentYellowPP)+"个百分点以上。")
	} else {
		n.h2("（二）部分项目投资进度滞后。", fmt.Sprintf("投资完成率低于序时进度%s个百分点以上的项目%d个，其中低于%s个百分点以上的%d个；%s。名单见附件2。",
			numText(r.Config.InvestmentYellowPP), len(behind), numText(r.Config.InvestmentRedPP), len(red), mostIn(r, behind)))
	}
	var slow []string
	for _, g := range r.Districts {
		if g.AnnualPlan != 0 && reports.PPText(g.InvestmentGapPP)[0] == '-' {
			slow = append(slow, g.Name+"（"+models.GapText(g.InvestmentGapPP, r.Month)+"）")
		}
	}
	if len(slow) > 0 {
		n.h2("（三）部分区县（功能区）投资进度慢于序时。", "年度投资完成率低于序时进度的有"+strings.Join(slow, "、")+"。")
	}
	n.text(fmt.Sprintf("以上滞后项目共%d个（投资滞后与未按计划开工兼有的只计一次）。", r.Lagging.Total))
}

// mostIn names the units with the most of the given projects (at most
// three, ties with the third included): "主要集中在张店区（5个）、淄川区（3个）".
func mostIn(r *reports.Report, rows []reports.ProjectRow) string {
	count := map[string]int{}
	var units []string
	for _, p := range rows {
		if count[p.Project.District] == 0 {
			units = append(units, p.Project.District)
		}
		count[p.Project.District]++
	}
	sort.SliceStable(units, func(i, j int) bool { return count[units[i]] > count[units[j]] })
	k := min(3, len(units))
	for k < len(units) && count[units[k]] == count[units[k-1]] {
		k++
	}
	parts := make([]string, k)
	for i, u := range units[:k] {
		parts[i] = fmt.Sprintf("%s（%d个）", u, count[u])
	}
	if len(units) == 1 {
		return "全部在" + parts[0]
	}
	return "主要集中在" + strings.Join(parts, "、")
}

// nextSteps is 四、下步工作: left for the office to write, highlighted.
func (n *writer) nextSteps() {
	n.h1("四、下步工作")
	n.para(para{runs: []run{{text: "（此处由市发展改革委填写下步工作安排。）", highlight: true}}})
}

// closing names the attachments (附件说明, the second name under the
// first), then the issuer two characters from the right and the date
// centred under it (GB/T 9704, a document without a seal), kept on one
// page with the 附件说明 above them.
func (n *writer) closing() {
	r := n.r
	n.para(para{indent: -1, keepNext: true})
	n.para(para{keepNext: true, runs: []run{{text: "附件：1．未按计划开工项目名单"}}})
	n.para(para{indent: -1, left: 5, keepNext: true, runs: []run{{text: "2．投资进度滞后项目名单"}}})
	n.para(para{indent: -1, keepNext: true})
	n.para(para{indent: -1, align: "right", right: 2 * charTwips, keepNext: true, runs: []run{{text: Issuer}}})
	if !r.Generated.IsZero() {
		date := fmt.Sprintf("%d年%d月%d日", r.Generated.Year(), int(r.Generated.Month()), r.Generated.Day())
		right := 2*charTwips + (textTwips(Issuer)-textTwips(date))/2
		n.para(para{indent: -1, align: "right", right: max(right, 0), runs: []run{{text: date}}})
	}
}

// textTwips is the width of body text: a character of 三号 for a Chinese
// character, half of one for an ASCII letter or digit.
func textTwips(s string) int {
	w := 0
	for _, c := range s {
		if c < 0x80 {
			w += charTwips / 2
		} else {
			w += charTwips
		}
	}
	return w
}

// attachments are the two lists, each on a new page.
func (n *writer) attachments() {
	r := n.r
	n.para(para{indent: -1, pageBreak: true, runs: []run{{text: "附件1", font: fontHeiti}}})
	n.para(para{style: "Title", runs: []run{{text: "未按计划开工项目名单"}}})
	n.para(para{indent: -1, align: "right", runs: []run{{text: fmt.Sprintf("（截至%d年%d月底，共%d个）", r.Year, r.Month, len(r.Overdue)), size: sizeTable}}})
	if len(r.Overdue) == 0 {
		n.para(para{indent: -1, align: "center", runs: []run{{text: "无"}}})
	} else {
		rows := make([][]cell, len(r.Overdue))
		for i, p := range r.Overdue {
			rows[i] = []cell{{text: fmt.Sprint(i + 1)}, {text: p.Project.District}, {text: p.Project.Name, align: "left"},
				{text: p.Project.Unit, align: "left"}, {text: monthText(p.Project)}, {text: fmt.Sprint(p.Status.Start.MonthsOverdue)}}
		}
		n.table(table{widths: []int{560, 1100, 3684, 1700, 1100, 700}, size: sizeTableSm, rows: rows,
			head: []string{"序号", "区县", "项目名称", "责任单位", "计划开工", "逾期（月）"}})
	}
	var behind []reports.ProjectRow
	for _, p := range r.Details {
		if p.Status.InvestmentLagging() {
			behind = append(behind, p)
		}
	}
	n.para(para{indent: -1, pageBreak: true, runs: []run{{text: "附件2", font: fontHeiti}}})
	n.para(para{style: "Title", runs: []run{{text: "投资进度滞后项目名单"}}})
	n.para(para{indent: -1, align: "right", runs: []run{{text: fmt.Sprintf("（截至%d年%d月底，共%d个；单位：万元、%%、个百分点）", r.Year, r.Month, len(behind)), size: sizeTable}}})
	if len(behind) == 0 {
		n.para(para{indent: -1, align: "center", runs: []run{{text: "无"}}})
		return
	}
	rows := make([][]cell, len(behind))
	for i, p := range behind {
		s := p.Status
		rows[i] = []cell{{text: fmt.Sprint(i + 1)}, {text: p.Project.District}, {text: p.Project.Name, align: "left"},
			{text: reports.WanText(p.Project.AnnualPlan), align: "right"}, {text: reports.WanText(s.Completed), align: "right"},
			{text: strings.TrimSuffix(reports.PctText(s.Rate), "%"), align: "right"}, {text: reports.PPText(s.GapPP), align: "right"},
			{text: string(s.InvestmentLight)}}
	}
	n.table(table{widths: []int{560, 1000, 3084, 1100, 1100, 800, 700, 500}, size: sizeTableSm, rows: rows,
		head: []string{"序号", "区县", "项目名称", "年度计划", "累计完成", "完成率", "与序时差", "亮灯"}})
}

// monthText is a project's planned start as "2024年3月", or "未填" without one.
func monthText(p *models.Project) string {
	if p.PlannedStart.IsZero() {
		return "未填"
	}
	return fmt.Sprintf("%d年%d月", p.PlannedStart.Year(), p.PlannedStart.Num())
}

// numText formats a threshold without trailing zeros: 10, 7.5.
func numText(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}
