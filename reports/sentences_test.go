package reports

import (
	"testing"

	"tracker/models"
)

// oneProject is a list of one continuing project with the given plan and
// June figure, in yuan.
func oneProject(plan, done models.Money) Input {
	in := testInput(6, 2)
	in.Projects = []models.Project{{Code: "1", Year: 2024,
		Investments: []models.Investment{{Period: mo(6), CompletedYTD: done}}, Facts: models.Facts{Nature: models.NatureContinuing, District: "张店区",
			AnnualPlan: plan}}}
	return in
}

func TestInvestmentSentenceInTheOfficeStyle(t *testing.T) {
	tests := []struct {
		done models.Money
		want string
	}{
		{61235000000, "1-6月累计完成投资612.35亿元，占年度计划的53.9%，超序时进度3.9个百分点。"},
		{50000000000, "1-6月累计完成投资500.00亿元，占年度计划的44.0%，低于序时进度6.0个百分点。"},
		{56804500000, "1-6月累计完成投资568.05亿元，占年度计划的50.0%，与序时进度持平。"},
	}
	for _, tt := range tests {
		r := Build(oneProject(113609000000, tt.done)) // plan 1136.09亿元
		if got := r.Headline[1]; got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

func TestStartSentenceCountsTheFixture(t *testing.T) {
	r := Build(testInput(6, 2))
	// 张店区新材料项目 started in its planned March (按期), 淄川区康养中心
	// planned for December started in April and 张店区智能制造基地 planned
	// for September started in May (提前), 高新区研发总部 planned for
	// January started in April (延期); three planned by June have not
	// started, and they are not among the started ones.
	want := "计划开工项目5个，已开工4个（其中按期开工1个、延期开工1个、提前开工2个），开工率80.0%；未按计划开工3个。"
	if r.Headline[2] != want {
		t.Errorf("got  %s\nwant %s", r.Headline[2], want)
	}
	if r.Lagging != (LagCounts{Total: 4, Investment: 3, Start: 3}) {
		t.Errorf("lag counts %+v", r.Lagging)
	}
}

func TestYearEndSentence(t *testing.T) {
	in := oneProject(113450000000, 118100000000) // 2024: 1181 of 1134.5亿元
	in.Projects[0].Investments[0].Period = mo(12)
	in.Month, in.Quarter = mo(12), 4
	want := "1-12月累计完成投资1181.00亿元，占年度计划的104.1%，超额完成年度计划4.1个百分点。"
	if got := Build(in).Headline[1]; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	in.Projects[0].Investments[0].CompletedYTD = 112000000000
	want = "1-12月累计完成投资1120.00亿元，占年度计划的98.7%，低于年度计划1.3个百分点。"
	if got := Build(in).Headline[1]; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestJanuaryIsNotARange(t *testing.T) {
	r := Build(testInput(1, 0))
	if got := r.CumulativeLabel(); got != "1月" {
		t.Errorf("label %q, want 1月", got)
	}
}

func TestYiRoundsHalfAwayFromZeroOnTheYuan(t *testing.T) {
	tests := map[models.Money]float64{
		61234500000:  612.35, // exactly half a cent of 亿元 rounds up
		61234499999:  612.34,
		-61234500000: -612.35,
		603500000000: 6035,
		1:            0,
	}
	for m, want := range tests {
		if got := yi(m); got != want {
			t.Errorf("yi(%d) = %v, want %v", int64(m), got, want)
		}
	}
	if got := yiText(56804500000); got != "568.05" {
		t.Errorf("yiText = %s, want 568.05", got)
	}
	if got := pp(-0.04); got != 0 || 1/got < 0 {
		t.Errorf("pp(-0.04) = %v, want +0", got)
	}
}
