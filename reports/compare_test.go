package reports

import (
	"testing"

	"tracker/models"
)

// TestDistrictComparisonsEqualModelsCompare checks every 环比 and 同比 cell
// of 分区县 against the figures of the periods compared with, worked out
// here from the rates themselves.
func TestDistrictComparisonsEqualModelsCompare(t *testing.T) {
	in := withBases(testInput(6, 2))
	f, rates := openReport(t, in)
	heads := []string{"完成率环比（个百分点）", "累计完成环比（亿元）", "开工率环比（个百分点）", "完成率同比（个百分点）", "累计完成同比增长", "开工率同比（个百分点）"}
	for i, h := range heads {
		// Headers show their unit on a line of its own (headLines).
		if got := text(f, sheetDistricts, cellName(gcCompare+i, headerRow)); got != headText(h) {
			t.Errorf("分区县 column %d heads %q, want %q", gcCompare+i, got, h)
		}
	}
	for i, g := range append(rates.ByDistrict, models.GroupFigures{District: "合计", Figures: rates.Figures}) {
		row := headerRow + 1 + i
		prev, last := in.Previous.District(g.District), in.LastYear.District(g.District)
		if g.District == "合计" {
			prev, last = &in.Previous.Figures, &in.LastYear.Figures
		}
		want := map[int]any{}
		if prev != nil && prev.AnnualPlan != 0 && g.AnnualPlan != 0 {
			want[0] = roundN((g.InvestmentRate-prev.InvestmentRate)*100, 1)
		}
		if prev != nil {
			want[1] = round2((g.Completed - prev.Completed).YiFloat())
		}
		if prev != nil && prev.PlannedStarts != 0 && g.PlannedStarts != 0 {
			want[2] = roundN((g.StartRate-prev.StartRate)*100, 1)
		}
		if last != nil && last.AnnualPlan != 0 && g.AnnualPlan != 0 {
			want[3] = roundN((g.InvestmentRate-last.InvestmentRate)*100, 1)
		}
		if last != nil && last.Completed != 0 {
			want[4] = roundN(float64(g.Completed-last.Completed)/float64(last.Completed), 3)
		}
		if last != nil && last.PlannedStarts != 0 && g.PlannedStarts != 0 {
			want[5] = roundN((g.StartRate-last.StartRate)*100, 1)
		}
		for c := range heads {
			ref := cellName(gcCompare+c, row)
			w, ok := want[c]
			if !ok {
				if got := text(f, sheetDistricts, ref); got != "" {
					t.Errorf("分区县!%s (%s %s) = %q, want blank", ref, g.District, heads[c], got)
				}
				continue
			}
			if got := num(t, f, sheetDistricts, ref); !near(got, w.(float64)) {
				t.Errorf("分区县!%s (%s %s) = %v, want %v", ref, g.District, heads[c], got, w)
			}
		}
	}
	// The fixture's known answers: 高新区 had nothing last year, 张店区
	// completed 1-6月 12500万元 against 10000 a year before (+25.0%).
	if got := text(f, sheetDistricts, cellName(gcCompare+4, headerRow+1)); got != "25.0%" {
		t.Errorf("张店区 同比 %q, want 25.0%%", got)
	}
	if got := text(f, sheetDistricts, cellName(gcCompare+3, headerRow+9)); got != "" {
		t.Errorf("高新区 同比 %q, want blank", got)
	}
}

func TestSummaryShowsPreviousAndLastYear(t *testing.T) {
	in := withBases(testInput(6, 2))
	f, rates := openReport(t, in)
	// The figures table: 指标 数值 单位 上期 环比增减 上年同期 同比增减, header
	// at row 12 (4 headline rows, the rates table).
	if got := text(f, sheetSummary, "D12") + "|" + text(f, sheetSummary, "F12"); got != "上期\n（1-3月）|上年同期\n（2023年1-6月）" {
		t.Errorf("heads %q", got)
	}
	done, prev, last := rates.Completed, in.Previous.Completed, in.LastYear.Completed
	want := map[string]float64{
		"D16": round2(prev.YiFloat()), "E16": round2((done - prev).YiFloat()),
		"F16": round2(last.YiFloat()), "G16": roundN(float64(done-last)/float64(last), 3),
		"E13": float64(rates.Projects - in.Previous.Projects), "G13": float64(rates.Projects - in.LastYear.Projects),
		"E17": roundN((rates.InvestmentRate-in.Previous.InvestmentRate)*100, 1),
		"G24": roundN((rates.StartRate-in.LastYear.StartRate)*100, 1),
	}
	for ref, w := range want {
		if got := num(t, f, sheetSummary, ref); !near(got, w) {
			t.Errorf("总体情况!%s (%s) = %v, want %v", ref, text(f, sheetSummary, "A"+ref[1:]), got, w)
		}
	}
	if got := text(f, sheetSummary, "E25"); got != "" { // 滞后项目: no comparison
		t.Errorf("总体情况!E25 = %q, want blank", got)
	}
	// Without bases the table keeps its three columns.
	g, _ := openReport(t, testInput(3, 1))
	if got := text(g, sheetSummary, "D12"); got != "" {
		t.Errorf("Q1 without bases has %q in D12", got)
	}
}
