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
	want := "计划开工项目5个，已开工4个，开工率80.0%，其中提前开工2个、未按计划开工3个。"
	if r.Headline[2] != want {
		t.Errorf("got  %s\nwant %s", r.Headline[2], want)
	}
	if r.Lagging != (LagCounts{Total: 4, Investment: 3, Start: 3}) {
		t.Errorf("lag counts %+v", r.Lagging)
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
