// Package importer turns the bytes of a project ledger (.xlsx, .xls or .csv)
// as departments really send them into normalised records and row problems.
//
// It knows spreadsheets, not HTTP or the database: callers get a *Ledger
// whose Records are ready to apply and whose Problems name the sheet, row
// and column of every doubtful cell in Chinese. Files that cannot be used at
// all come back as *models.Error (EUNSUPPORTED, EUNPROCESSABLE, ETOOLARGE).
//
// The pipeline is: the readers of package sheet (importer/sheet) sniff the
// format and open each sheet as a stream of rows of typed cells; here the
// header is found in the first rows (header.go, spellings in headers.go,
// concepts in concepts.go), the rows under it are sampled and every column
// is decided by its label, its content (profile.go) and the office's
// mapping (columns.go, assemble.go, mapping.go), every data row becomes a
// Record (classify.go, record.go) and the rows are checked against each
// other (validate.go). The readers' errors are mapped to models codes in
// parse.go. Inspect (inspect.go) says how a file is read without
// importing it.
//
// Decisions worth knowing:
//
//   - A column is known by its label and by what it holds. Labels are read
//     by the spelling table, else by concept (a word of each group of a
//     rule and none of its excluded words: 县区, 所在县区, 属地 → district).
//     The first 60 rows under the header are profiled: a column most of
//     whose cells are 24-character codes, unit names, natures or levels is
//     that field whatever its header says, unless another column's label
//     already names the field; where label and content disagree the content
//     decides with a warning naming the column (a 责任单位 of district names
//     stays the 责任单位). Columns of amounts or dates that no label names
//     are not guessed: the office maps them (Options.Mapping), and that
//     choice is remembered per unit and header layout (Ledger.Layouts).
//
//   - Two columns read as one field: a free text (名称, 责任单位…) is taken
//     from the first; codes, districts, natures, amounts and months are
//     compared row by row, a difference is an error naming both columns, and
//     agreement one warning for the pair.
//
//   - A file in which no sheet has a ledger header, or no header has a
//     column that can be the project code, is refused (EUNPROCESSABLE)
//     saying what it found; a sheet without a code beside a ledger sheet is
//     named in a warning.
//
//   - A row without a project code is an error (缺少项目代码), also for a
//     准备类 project: the code is how a project is matched across months,
//     and a row that cannot be matched cannot be applied. The message tells
//     the department to obtain the code first.
//
//   - Merged cells fill the header rows fully (a group heading such as
//     投资情况（亿元） reaches the columns under it, with its unit), but data
//     rows only vertically (a district merged down over its projects); a
//     value merged across columns belongs to its first column.
//
//   - An .xlsx is read in one pass: the merges, stored after the rows, are
//     checked at the end, and only when they would change the header or
//     fill a read column is the file read again with them known. Shared
//     strings are decoded as the sheet first uses them, and long texts of
//     columns that are not read (形象进度) are skipped; should one be wanted
//     later, the file is read again with all of them.
//
//   - Formulas give their cached value, in .xlsx and .xls alike. A formula
//     without one (a file written by a program, never opened in Excel)
//     leaves the field not stated, with a warning.
//
//   - A visible column whose header looks like an amount (投资/金额 with a
//     unit, or with 计划/完成/累计) or a start date (开工/日期/时间) but
//     maps no field and is no known decoy (本月完成, 开工以来, 竣工, 预警…)
//     gets one warning per sheet naming it: nothing is dropped unsaid.
//
//   - Unreadable dates are warnings (the field is not stated); unreadable
//     or negative amounts are errors. 实施类/准备类 in the 建设性质 column is
//     a list's section, not a nature: not stated, no warning.
//
//   - A 新开工 row starting before the ledger's year, a cumulative figure
//     over 3× the annual plan, an area code that is not the district's (not
//     for 功能区 and 市直部门, whose internal codes no project carries) and an
//     unknown district spelling are warnings: the row is applied.
//
//   - Repeated rows: rows sharing a code agree when every field both state
//     is equal, and become one record with the union of their fields
//     (validate.go, sameCode): a list sheet repeating part of a detail
//     sheet (the quarterly workbook's 未开工项目 beside 项目明细) merges
//     silently and is not counted in RowsTotal, an exact repeat is dropped
//     with a warning, other agreeing rows are merged with a warning. A field
//     two rows state differently makes all the rows errors.
package importer
