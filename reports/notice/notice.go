// Package notice writes the 通报, the Word document the office sends with
// the quarterly workbook, from the same reports.Report: the same figures,
// rounded the same way (reports.YiText, PctText, PPText), the same
// headline sentences and the same ranks. It knows WordprocessingML, not
// HTTP or the database.
//
// The document (DOMAIN.md, "The 通报 document"): the title "关于2024年1-6月
// 全市重大项目建设情况的通报", the addressees, then 一、总体情况 (the
// headline sentences of 总体情况), 二、各区县（功能区）推进情况 (who leads
// and who trails on each rate, and 表1, the unit table of 分区县 row for
// row), 三、存在问题 (the unstarted and the lagging projects with their
// counts and the units with the most), 四、下步工作 (left, highlighted, for
// the office to write), the attachments' names, the issuer and the date;
// then 附件1 未按计划开工项目名单 and 附件2 投资进度滞后项目名单.
//
// Layout after GB/T 9704: A4 portrait, 版心 156 × 225 mm, title in 小标宋
// 二号, body in 仿宋_GB2312 三号 on a grid of 22 lines of 28 characters,
// first-level headings in 黑体, second-level in 楷体_GB2312, Latin letters
// and digits in Times New Roman, the page number "— 1 —" in 宋体 四号. Fonts
// are named, with the font that stands in for each (fontTable.xml), so a
// machine without 仿宋_GB2312 shows 仿宋 or another Chinese font. Tables are
// in 五号 (the attachments' lists in 小五), their header repeated on each
// page.
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
}

// districts is 二: who leads and trails on each rate, and 表1.
func (n *writer) districts() {
	r := n.r
	n.h1("二、各区县（功能区）推进情况")
	ranked := rankedDistricts(r.Districts)
	var s strings.Builder
	if len(ranked) > 0 {
		s.WriteString("从年度投资完成率看，")
		s.WriteString(rankSentence(ranked))
		s.WriteString("。")
	}
	s.WriteString("各区县（功能区）具体情况见表1。")
	n.text(s.String())
	n.para(para{style: "TableCaption", runs: []run{{text: "表1  " + r.Period() + "各区县（功能区）重大项目推进情况"}}})
	n.para(para{indent: -1, align: "right", runs: []run{{text: "单位：亿元、个、%", size: sizeTable}}})
	head, rows := districtTable(r)
	cells := make([][]cell, len(rows))
	for i, row := range rows {
		cells[i] = make([]cell, len(row))
		for j, v := range row {
			cells[i][j] = cell{text: v}
			if j >= 2 {
				cells[i][j].align = "right"
			}
		}
	}
	n.table(table{widths: []int{400, 1160, 520, 960, 960, 960, 740, 764, 600, 600, 740, 440}, head: head, rows: cells, size: sizeTable})
	n.para(para{style: "TableText", align: "both", runs: []run{{text: fmt.Sprintf(
		"注：完成率=%s累计完成投资÷年度计划投资；与序时差=完成率−序时进度（%s），单位为个百分点；开工率=已开工÷计划开工；"+
			"排名按完成率由高到低，完成率相同的并列；无年度计划的不排名，无计划的比率留空。",
		r.CumulativeLabel(), reports.PctText(r.Rates.TimeProgress))}}})
}

// districtTable is 表1: the rows of the workbook's 分区县 (same units, same
// order, same rounding) and its 合计 row, without the 序时进度 column
// (the same for every unit; the note states it). Rates are in % without
// the sign, as the unit line says.
func districtTable(r *reports.Report) (head []string, rows [][]string) {
	head = []string{"序号", "区县", "项目数", "总投资", "年度计划", "累计完成", "完成率", "与序时差", "计划开工", "已开工", "开工率", "排名"}
	row := func(seq string, g reports.GroupRow) []string {
		out := []string{seq, g.Name, fmt.Sprint(g.Projects), reports.YiText(g.TotalInvestment), reports.YiText(g.AnnualPlan),
			reports.YiText(g.Completed), "", "", fmt.Sprint(g.PlannedStarts), fmt.Sprint(g.ActualStarts), "", ""}
		if g.AnnualPlan != 0 {
			out[6], out[7] = strings.TrimSuffix(reports.PctText(g.InvestmentRate), "%"), reports.PPText(g.InvestmentGapPP)
		}
		if g.PlannedStarts != 0 {
			out[10] = strings.TrimSuffix(reports.PctText(g.StartRate), "%")
		}
		if g.InvestmentRank != 0 {
			out[11] = fmt.Sprint(g.InvestmentRank)
		}
		return out
	}
	for i, g := range r.Districts {
		rows = append(rows, row(fmt.Sprint(i+1), g))
	}
	rows = append(rows, row("", r.DistrictTotal))
	return head, rows
}

// rankedDistricts returns the units with a rank, best first (ties in
// their order of the table).
func rankedDistricts(rows []reports.GroupRow) []reports.GroupRow {
	var out []reports.GroupRow
	for _, g := range rows {
		if g.InvestmentRank != 0 {
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].InvestmentRank < out[j].InvestmentRank })
	return out
}

// rankSentence names the first three and the last three units with their
// rates: "高新区（112.3%）、张店区（108.0%）、淄川区（105.2%）位列前三，
// …位列后三位"; with six units or fewer, all of them in order. A unit tied
// with the third (or third from last) is named with it.
func rankSentence(ranked []reports.GroupRow) string {
	named := func(gs []reports.GroupRow) string {
		parts := make([]string, len(gs))
		for i, g := range gs {
			parts[i] = g.Name + "（" + reports.PctText(g.InvestmentRate) + "）"
		}
		return strings.Join(parts, "、")
	}
	if len(ranked) <= 6 {
		return "由高到低依次为" + named(ranked)
	}
	top := 3
	for top < len(ranked) && ranked[top].InvestmentRank == ranked[2].InvestmentRank {
		top++
	}
	bottom := len(ranked) - 3
	for bottom > top && ranked[bottom-1].InvestmentRank == ranked[bottom].InvestmentRank {
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
			slow = append(slow, g.Name+"（"+reports.GapText(g.InvestmentGapPP)+"）")
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
// page.
func (n *writer) closing() {
	r := n.r
	n.blank()
	n.para(para{runs: []run{{text: "附件：1．未按计划开工项目名单"}}})
	n.para(para{indent: -1, left: 5, runs: []run{{text: "2．投资进度滞后项目名单"}}})
	n.blank()
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
