package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"tracker/models"
)

var update = flag.Bool("update", false, "rewrite the .golden.json files")

// fixtureCase is one fixture with the options it is read with. A fixture
// whose read fails has its error code and message as golden instead.
type fixtureCase struct {
	file string
	opts Options
}

// fixtures lists every file in testdata with the quirk it stands for.
var fixtures = []fixtureCase{
	{file: "basic.xlsx"},                 // clean ledger: title, one header row, all fields
	{file: "fill_line_district.xlsx"},    // 填报单位/填报日期 line; district from it, no district column
	{file: "group_header_yi.xlsx"},       // two-row header, merged group heading naming 亿元, 开工时间 over 计划/实际
	{file: "three_row_header.xlsx"},      // three-row header
	{file: "spellings_order.xlsx"},       // other spellings, other column order, extra columns, 截至9月底
	{file: "units_mixed.xlsx"},           // 亿元, 万元, no unit, (元) in one sheet
	{file: "sections_totals_notes.xlsx"}, // 单位 line, section, 小计/合计 with formulas, blanks, notes
	{file: "multi_sheet.xlsx"},           // instructions sheet, data over two sheets, summary sheet
	{file: "dates.xlsx"},                 // every way of writing a start month
	{file: "numbers_text.xlsx"},          // amounts as text: grouping, full-width, spaces, none-marks, units, junk
	{file: "decoys.xlsx"},                // 本月/其中6月/开工以来/建设单位/填报时间 beside the real columns
	{file: "hidden_column.xlsx"},         // hidden 1-5月 column beside the visible 1-6月
	{file: "repeated_header.xlsx"},       // header repeated after a 续表 line
	{file: "districts.xlsx"},             // short and long district spellings, an unknown one
	{file: "natures.xlsx"},               // 新开工项目/新建/续建项目/在建/准备类/unknown
	{file: "codes.xlsx"},                 // full-width code, spaces, bad shape, none, area mismatch, zone
	{file: "validation.xlsx"},            // negative, missing name, duplicates, conflict, >3× plan, early 新开工
	{file: "district_upload.xlsx", opts: Options{District: "张店"}},
	{file: "no_month.xlsx"}, // EUNPROCESSABLE: says how to state the month
	{file: "no_month.xlsx", opts: Options{Period: models.MonthOf(2024, 6)}}, // the upload states it
	{file: "basic.xlsx", opts: Options{Period: models.MonthOf(2024, 5)}},    // upload and ledger disagree: warning
	{file: "no_header.xlsx"},        // EUNPROCESSABLE: lists the headers
	{file: "vertical_merge.xlsx"},   // district merged down over rows
	{file: "header_low.xlsx"},       // header at row 21
	{file: "period_variants.xlsx"},  // 1—6月 and 1~6月
	{file: "period_sent_date.xlsx"}, // year from 填报日期 (January → last year)
	{file: "peer_shape.xlsx"},       // the peer benchmark's ledger shape
	{file: "formulas_lo.xlsx"},      // formulas with cached values (saved by LibreOffice)
	{file: "formulas_src.xlsx"},     // formulas without cached values (excelize)
	{file: "lo_from_csv.xlsx"},      // an .xlsx LibreOffice saved from a CSV
	{file: "openpyxl.xlsx"},         // openpyxl: 说明 sheet, 年初至报告期, date format yyyy年m月
	{file: "gbk.csv"},               // CSV in GBK, two-row header with 亿元 group, 合计
	{file: "utf8_bom.csv"},          // CSV in UTF-8 with BOM, 2024年计划投资, 1-8月完成投资
	{file: "encrypted.xlsx"},        // EUNSUPPORTED: password-protected workbook
	{file: "unit_row.xlsx"},         // units in a row of their own, short leaf headers, 860万 / 0.1亿 in cells
	{file: "legacy.xls"},            // old binary .xls (saved by LibreOffice)
	{file: "merge_lists.xlsx"},      // lists repeating part of a detail sheet, a row split over two, a conflict
	{file: "january.xlsx"},          // January: 1月累计完成投资 (not 1-1月), the year in the title
	{file: "synonyms_unknown.xlsx"}, // 总投资额/年度投资计划/年度累计完成投资/…日期, decoys, unrecognised amount and date columns
}

func TestReadFixtures(t *testing.T) {
	for _, fc := range fixtures {
		name := fc.file
		if fc.opts.Period != 0 || fc.opts.District != "" {
			name += "+" + fc.opts.Period.String() + fc.opts.District
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", fc.file))
			if err != nil {
				t.Fatal(err)
			}
			opts := fc.opts
			opts.FileName = fc.file
			got := readJSON(t, data, opts)
			compareGolden(t, filepath.Join("testdata", goldenName(fc)), got)
		})
	}
}

// goldenName is the fixture's golden file; options make their own.
func goldenName(fc fixtureCase) string {
	base := fc.file
	if fc.opts.Period != 0 {
		base += "." + fc.opts.Period.String()
	}
	if fc.opts.District != "" {
		base += ".district"
	}
	return base + ".golden.json"
}

// readJSON reads a ledger and returns it, or its error, as indented JSON.
func readJSON(t *testing.T, data []byte, opts Options) []byte {
	t.Helper()
	l, err := Read(data, opts)
	var v any = l
	if err != nil {
		var me *models.Error
		if !errors.As(err, &me) {
			t.Fatalf("Read: error is not *models.Error: %v", err)
		}
		v = map[string]string{"error_code": me.Code, "error_message": me.Message}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no golden file (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, got)
	}
}
