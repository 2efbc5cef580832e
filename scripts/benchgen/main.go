// Command benchgen writes the ledgers the import benchmark reads
// (scripts/bench-import.sh): one sheet 台账 with a merged title row, the
// header row and N project rows × 12 columns, deterministic for a given N,
// and the string pools the write benchmark's peers build their rows from.
//
//	benchgen -n 20000 -o ledger_20000.xlsx          inline strings (excelize's StreamWriter)
//	benchgen -n 20000 -sst -o ledger_20000_sst.xlsx shared strings, as Excel and WPS save
//	benchgen -n 20000 -sst -update -o ledger_20000_upd.xlsx the same projects, every figure changed
//	benchgen -pools pools.tsv                       the write benchmark's strings
//
// Amounts are 万元 with two decimals and a #,##0.00 format, dates are date
// cells, and each code's area segment is its district's, as in a real
// city ledger.
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

const sheet = "台账"

var header = []string{"序号", "项目代码", "项目名称", "所属区县", "责任单位", "建设性质", "总投资(万元)",
	"年度计划投资(万元)", "1-10月累计完成投资(万元)", "计划开工时间", "实际开工时间", "形象进度"}

// districts with the area code their projects' codes carry (the zones
// lie in 张店区, 临淄区 and 周村区).
var districts = []struct{ name, area string }{
	{"张店区", "370303"}, {"淄川区", "370302"}, {"博山区", "370304"}, {"周村区", "370306"},
	{"临淄区", "370305"}, {"桓台县", "370321"}, {"高青县", "370322"}, {"沂源县", "370323"},
	{"高新区", "370303"}, {"经济开发区", "370305"}, {"文昌湖区", "370306"},
}

var (
	scales    = []string{"年产5万吨", "年产10万套", "年产3000吨", "年产20亿只", "日处理500吨", "占地120亩", "总建筑面积8万平方米", "年产50万台", "新增产能2万吨", "一期"}
	subjects  = []string{"新型高分子材料", "高端精细化工", "新能源汽车零部件", "氢燃料电池膜电极", "生物医药原料药", "智能装备制造", "高性能陶瓷材料", "绿色建材", "冷链物流", "城市更新", "污水处理厂提标改造", "综合管廊", "数字经济产业园", "人才公寓", "智慧停车场", "历史文化街区保护", "现代农业产业园", "光伏发电", "储能电站", "高端铝合金型材"}
	suffixes  = []string{"项目", "建设项目", "扩建项目", "技术改造项目", "产业化项目", "一期工程", "提升改造工程"}
	offices   = []string{"人民政府", "发展和改革局", "工业和信息化局", "住房和城乡建设局", "交通运输局", "文化和旅游局", "农业农村局", "城市管理局"}
	companies = []string{"山东齐鲁新材料有限公司", "淄博华信化工股份有限公司", "淄博城市资产运营集团有限公司", "山东鲁中智能装备有限公司", "淄博新能源科技发展有限公司", "山东博汇环保科技有限公司", "淄博文化旅游发展集团有限公司", "山东泰和生物医药有限公司"}
	phases    = []string{"主体结构施工", "设备安装调试", "土地平整", "桩基施工", "办理施工许可", "厂房钢结构吊装", "装饰装修", "管网铺设", "环评审批", "联合试运转"}
	sentences = []string{"已完成%s，正在进行%s，累计完成工程量约%d%%，预计%d月底前完成%s。", "%s已完成，%s正在推进中，形象进度%d%%，计划%d月份投产达效，%s同步开展。", "目前%s基本完成，%s有序推进，完成总工程量的%d%%，力争%d月竣工，%s。"}
)

// project is one generated row.
type project struct {
	code, name, district, unit, nature, progress string
	total, plan, done                            float64 // 万元
	planned                                      time.Time
	started                                      *time.Time
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// newProject draws row i: three in five are 新开工, seven in ten of those
// have started; amounts keep plan ≤ total and done ≤ 1.2 × plan.
func newProject(r *rand.Rand, i int) project {
	d := districts[r.IntN(len(districts))]
	p := project{district: d.name, nature: "续建"}
	p.code = fmt.Sprintf("24%02d-%s-%02d-%02d-%06d", 1+r.IntN(12), d.area, 1+r.IntN(4), 1+r.IntN(3), 100000+i)
	p.name = d.name + pick(r, scales) + pick(r, subjects) + pick(r, suffixes)
	p.unit = pick(r, companies)
	if r.IntN(2) == 0 {
		p.unit = d.name + pick(r, offices)
	}
	if r.IntN(5) < 3 {
		p.nature = "新开工"
	}
	p.total = float64(500+r.IntN(2000000)) / 10
	p.plan = float64(int(p.total*(0.1+0.6*r.Float64())*10)) / 10
	p.done = float64(int(p.plan*1.2*r.Float64()*100)) / 100
	p.planned = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(300))
	if p.nature == "续建" || r.IntN(10) < 7 {
		t := p.planned.AddDate(0, 0, r.IntN(60)-20)
		p.started = &t
	}
	p.progress = fmt.Sprintf(pick(r, sentences), pick(r, phases), pick(r, phases), 10+r.IntN(90), 1+r.IntN(12), pick(r, phases))
	return p
}

// update is -update: every row's figures and progress changed.
var update bool

func (p project) values(i int) []any {
	if update {
		p.total, p.plan, p.done = p.total+100, p.plan+10, p.done+1.5
		p.progress = "（更新）" + p.progress
	}
	var started any
	if p.started != nil {
		started = *p.started
	}
	return []any{i, p.code, p.name, p.district, p.unit, p.nature, p.total, p.plan, p.done, p.planned, started, p.progress}
}

func main() {
	n := flag.Int("n", 530, "data rows")
	out := flag.String("o", "", "the .xlsx to write")
	sst := flag.Bool("sst", false, "store strings in the shared-string table, as Excel does")
	pools := flag.String("pools", "", "write the write benchmark's string pools to this file")
	flag.BoolVar(&update, "update", false, "the same projects with every figure changed (an update of the ledger without -update)")
	flag.Parse()
	if *pools != "" {
		must(os.WriteFile(*pools, []byte(poolsTSV()), 0o644))
	}
	if *out == "" {
		return
	}
	f := excelize.NewFile()
	defer f.Close()
	must(f.SetSheetName("Sheet1", sheet))
	st := newStyles(f)
	// excelize leaves the dimension at A1 unless told; readers that trust it
	// (openpyxl read_only) would see A1 only.
	must(f.SetSheetDimension(sheet, fmt.Sprintf("A1:L%d", *n+2)))
	r := rand.New(rand.NewPCG(2024, uint64(*n)))
	if *sst {
		writeShared(f, st, r, *n)
	} else {
		writeStream(f, st, r, *n)
	}
	must(f.SaveAs(*out))
}

type styles struct{ title, head, money, date int }

func newStyles(f *excelize.File) styles {
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"}, {Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	dateFmt := "yyyy-mm-dd"
	var s styles
	var err error
	s.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	must(err)
	s.head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	must(err)
	s.money, err = f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	must(err)
	s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	must(err)
	return s
}

const title = "2024年1-10月市重大项目建设情况台账"

// writeShared uses the cell API, which keeps strings in sharedStrings.xml.
func writeShared(f *excelize.File, st styles, r *rand.Rand, n int) {
	must(f.SetCellValue(sheet, "A1", title))
	must(f.SetCellStyle(sheet, "A1", "A1", st.title))
	must(f.MergeCell(sheet, "A1", "L1"))
	must(f.SetSheetRow(sheet, "A2", &header))
	must(f.SetCellStyle(sheet, "A2", "L2", st.head))
	for i := 1; i <= n; i++ {
		vals := newProject(r, i).values(i)
		must(f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &vals))
	}
	must(f.SetCellStyle(sheet, "G3", fmt.Sprintf("I%d", n+2), st.money))
	must(f.SetCellStyle(sheet, "J3", fmt.Sprintf("K%d", n+2), st.date))
}

// writeStream uses the StreamWriter, which writes inline strings.
func writeStream(f *excelize.File, st styles, r *rand.Rand, n int) {
	sw, err := f.NewStreamWriter(sheet)
	must(err)
	must(sw.SetColWidth(3, 3, 40))
	must(sw.SetColWidth(12, 12, 50))
	must(sw.MergeCell("A1", "L1"))
	must(sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}))
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: st.head, Value: h}
	}
	must(sw.SetRow("A2", head))
	for i := 1; i <= n; i++ {
		vals := newProject(r, i).values(i)
		for _, c := range []int{6, 7, 8} {
			vals[c] = excelize.Cell{StyleID: st.money, Value: vals[c]}
		}
		for _, c := range []int{9, 10} {
			if vals[c] != nil {
				vals[c] = excelize.Cell{StyleID: st.date, Value: vals[c]}
			}
		}
		must(sw.SetRow(fmt.Sprintf("A%d", i+2), vals))
	}
	must(sw.Flush())
}

// poolsTSV is "key<TAB>value" lines: the header, the districts and 97
// names, units and progress texts. Every peer writer builds row i from
// them by the same index arithmetic, so all write identical data.
func poolsTSV() string {
	var b strings.Builder
	for _, h := range header {
		fmt.Fprintf(&b, "header\t%s\n", h)
	}
	for _, d := range districts {
		fmt.Fprintf(&b, "district\t%s\n", d.name)
	}
	r := rand.New(rand.NewPCG(7, 7))
	for i := 0; i < 97; i++ {
		p := newProject(r, i)
		fmt.Fprintf(&b, "name\t%s\nunit\t%s\nprogress\t%s\n", p.name, p.unit, p.progress)
	}
	return b.String()
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
