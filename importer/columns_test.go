package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tracker/models"
)

// columnCases are the fixtures of column recognition (testdata/columns,
// written by openpyxl and LibreOffice: gen.py there) with the rule each
// stands for; NAME[.case].golden.json beside each is the Ledger or error.
var columnCases = []struct {
	file, name string
	opts       Options
}{
	{file: "concept_labels.xlsx"},    // 投资项目统一代码/县区/牵头单位/投资总额/截至6月底累计完成/拟开工/开工年月/预计竣工/进展/问题, each beside its decoy
	{file: "content_only.xlsx"},      // empty header over codes, 项目 over names, 所在地 over districts, 类型 over natures, 层次 over levels
	{file: "swapped.xlsx"},           // 所属区县 over natures, 建设性质 over districts: content decides, two warnings
	{file: "twins.xlsx"},             // 总投资 in 万元 and 亿元 agree (one warning); 区县 and 属地 differ in one row (an error naming both)
	{file: "group_concepts.xlsx"},    // 投资完成情况 over 1-6月 is the cumulative figure, 1-6月 over 计划 no annual plan, 区县名称 the district
	{file: "swapped_code_name.xlsx"}, // 项目代码 over names, 项目名称 over codes: the content decides both
	{file: "per_district_lo.xls"},    // LibreOffice .xls, one sheet per district named by the sheet only
	{file: "no_code.xlsx"},           // refused: no column can be the code, naming what was recognised
	{file: "unrelated.xlsx"},         // refused: no ledger header in any sheet
	{file: "multi_nocode.xlsx"},      // a sheet without codes beside a ledger: a warning names it
	{file: "empty_headers_lo.xls"},   // LibreOffice .xls: code and district columns with empty headers
	{file: "headerless_lo.xlsx", opts: Options{Period: models.MonthOf(2024, 6)}}, // no header row at all: code, name, district, nature by content
	{file: "headerless_lo.xlsx", name: "mapped", opts: Options{Mapping: Mapping{"E": "total_investment_wan", "F": "annual_plan_wan", "G": "completed_ytd_wan"}}},
	{file: "layout_06.xlsx"}, // 计划数, 本期数: nothing tells which amounts they are
	{file: "layout_06.xlsx", name: "mapped", opts: Options{Mapping: Mapping{"D": "年度计划投资", "台账!E": "completed_ytd_wan", "F": ""}}},
}

func TestColumnFixtures(t *testing.T) {
	for _, c := range columnCases {
		golden := c.file
		if c.name != "" {
			golden += "." + c.name
		}
		t.Run(golden, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "columns", c.file))
			if err != nil {
				t.Fatal(err)
			}
			opts := c.opts
			opts.FileName = c.file
			if opts.Mapping != nil {
				if opts.Mapping, err = ParseMapping(opts.Mapping); err != nil {
					t.Fatal(err)
				}
			}
			compareGolden(t, filepath.Join("testdata", "columns", golden+".golden.json"), readJSON(t, data, opts))
		})
	}
}

// TestRememberedMapping: the mapping chosen for June's ledger, remembered
// for the unit and the layout, reads July's ledger of the same layout
// (1-7月 in the title, other figures) the same way, and says so; another
// unit's memory, or another layout's, is not used.
func TestRememberedMapping(t *testing.T) {
	june, july := fixture(t, "layout_06.xlsx"), fixture(t, "layout_07.xlsx")
	m, err := ParseMapping(map[string]string{"D": "annual_plan_wan", "E": "completed_ytd_wan"})
	if err != nil {
		t.Fatal(err)
	}
	first, err := Read(june, Options{FileName: "layout_06.xlsx", District: "周村区", Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	lay := first.Layouts[0]
	if lay.Unit != "周村区" || lay.Remembered || lay.Mapping["E"] != "completed_ytd_wan" {
		t.Fatalf("june layout = %+v", lay)
	}
	memory := []Remembered{{Unit: lay.Unit, Signature: lay.Signature, Columns: lay.Mapping}}
	next, err := Read(july, Options{FileName: "layout_07.xlsx", District: "周村区", Remembered: memory})
	if err != nil {
		t.Fatal(err)
	}
	if got := next.Records.At(0); got.CompletedYTD != models.Money(11200*models.Wan) || got.AnnualPlan != models.Money(6000*models.Wan) || next.Period != models.MonthOf(2024, 7) {
		t.Errorf("july record = %+v, period %v", got, next.Period)
	}
	if !next.Layouts[0].Remembered || next.Layouts[0].Signature != lay.Signature {
		t.Errorf("july layout = %+v", next.Layouts[0])
	}
	e := columnOf(next, "E")
	if e.By != models.ByMapping || !strings.Contains(e.Note, "按上次确认的列对应关系读取") {
		t.Errorf("column E = %+v", e)
	}
	other, err := Read(july, Options{FileName: "layout_07.xlsx", District: "张店区", Remembered: memory})
	if err != nil {
		t.Fatal(err)
	}
	if e := columnOf(other, "E"); e.Field != "" || other.Layouts[0].Remembered {
		t.Errorf("another unit used the memory: %+v", e)
	}
}

// TestParseMappingRefuses: a mapping naming no column letter, an unknown
// field or a sheet the file lacks is a 400 naming it.
func TestParseMappingRefuses(t *testing.T) {
	for _, m := range []map[string]string{{"3": "name"}, {"C": "区县"}, {"!C": "name"}, {"C": "whatever"}} {
		if _, err := ParseMapping(m); !isCode(err, models.EINVALID) {
			t.Errorf("%v: got %v, want EINVALID", m, err)
		}
	}
	m, _ := ParseMapping(map[string]string{"没有的表!C": "name"})
	_, err := Read(fixture(t, "layout_06.xlsx"), Options{FileName: "layout_06.xlsx", Mapping: m})
	if !isCode(err, models.EINVALID) || !strings.Contains(models.ErrorMessage(err), "没有的表") {
		t.Errorf("unknown sheet: got %v", err)
	}
}

// TestInspectRefusedFile: inspecting a file the importer refuses still
// shows its sheets and columns, with the refusal as the error.
func TestInspectRefusedFile(t *testing.T) {
	ins, err := Inspect(fixture(t, "no_code.xlsx"), Options{FileName: "no_code.xlsx"})
	if !isCode(err, models.EUNPROCESSABLE) || !strings.HasPrefix(models.ErrorMessage(err), "未找到项目代码列；已识别的列：B列“项目名称”") {
		t.Fatalf("err = %v", err)
	}
	if len(ins.Sheets) != 1 || !ins.Sheets[0].Skipped || len(ins.Sheets[0].Columns) != 7 || ins.Sheets[0].HeaderRows[0] != 2 {
		t.Errorf("inspection = %+v", ins)
	}
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "columns", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func columnOf(l *Ledger, letter string) models.LedgerColumn {
	for _, c := range l.Columns {
		if c.Column == letter {
			return c
		}
	}
	return models.LedgerColumn{}
}

func isCode(err error, code string) bool {
	var me *models.Error
	return errors.As(err, &me) && me.Code == code
}
