// Package reports turns a year's list of projects into the office's reports:
// the quarterly report (季度通报, FileName "重大项目季度报告_{Y}Q{Q}.xlsx") and
// the monthly 调度 report (MonthlyFileName "重大项目月度调度_{Y}M{MM}.xlsx").
// It also exports data as workbooks of one sheet: ProjectList (项目清单, a
// list of projects that reads back through the importer as the same
// records) and AuditWorkbook (修改记录, the audit trail of imports and
// edits). It knows spreadsheets, not HTTP or the database.
//
// Build computes every value (pure: no clock, no I/O, the input unchanged):
// the figures are models.ComputeRates for Input.Month, unchanged, so the
// workbook equals /api/v1/rates for the same month; each project's rate,
// gap and lights are models.StatusOf. Report.Write renders them with
// excelize, every sheet streamed.
//
// The workbook's sheets, in order: 总体情况, 分区县, 分类别, 未开工项目,
// 投资滞后项目, 提前开工, 项目明细. Each has a merged title in row 1 and a 单位
// line in row 2; tables have their header in row 3, frozen and printed on
// every page, data from row 4. Pages are A4 landscape, one page wide (the
// summary sheets one page tall as well), numbered in the footer.
//
// Units and rounding, done once at the edge:
//   - summary sheets (总体情况, 分区县, 分类别): amounts in 亿元 rounded half
//     away from zero to 2 decimals in integer yuan; the 合计 row is the
//     rounded exact total, so it may differ from the sum of the rounded rows
//     by 0.01;
//   - lists and 项目明细: amounts in 万元, exact to the yuan (4 decimals),
//     shown with 2 (an amount of 10^11 万元 or more, past Excel's 15
//     digits, is written as its exact decimal text);
//   - rates are fractions rounded to 0.1% with a "0.0%" format; gaps to
//     序时进度 are 个百分点 rounded to 0.1 from the unrounded gap.
//
// Choices the office may ask about:
//   - 排名 (分区县, 分类别) ranks by 完成率 as shown (0.1%), highest first;
//     equal rates share a rank and the next rank skips (1, 2, 2, 4); a group
//     without an annual plan has no rank, and a rate without a denominator
//     (no plan, no planned start) is left blank rather than shown as 0.0%.
//   - 分区县 lists every unit of Input.Districts, with or without projects,
//     then any other unit a project names; its last column, 序时进度, is the
//     line of the completion-rate chart. Two charts sit below the table:
//     年度投资完成率 by unit (bars) against 序时进度 (a line), and 项目开工率
//     by unit. 分类别 has the same columns and the completion-rate chart by
//     category.
//   - 投资滞后项目 lists every 滞后项目 as DOMAIN.md defines it: a yellow or
//     red light on either axis, so projects lagging only on their start are
//     included; it has a column for each light, and its count is 总体情况's
//     滞后项目.
//   - Lists are sorted by unit (Input.Districts order), then project code.
//   - 项目明细 and the lists head their columns as ledgers do (所属 aside):
//     项目代码, 项目名称, 区县, 建设性质, 类别, 级别, 总投资（万元）,
//     年度计划投资（万元）, 1-M月累计完成投资（万元）, 计划开工时间,
//     实际开工时间, so 项目明细 on its own reads back through the importer
//     as the same records (readback_test.go). 项目明细 ends with the
//     month's notes, labelled as the field registry labels them: 形象进度,
//     存在问题/需协调事项 and 计划竣工时间, as of the report month (the input's
//     projects carry them so: the store's AttachMonthNotes).
//   - Text is always written as text: a project name beginning with =, +, -
//     or @ never becomes a formula.
package reports
