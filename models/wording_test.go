package models

import "testing"

func TestGapTextInTheOfficeStyle(t *testing.T) {
	tests := []struct {
		gap   float64
		month int
		want  string
	}{
		{3.9, 6, "超序时进度3.9个百分点"},
		{-6.04, 6, "低于序时进度6.0个百分点"},
		{0.04, 6, "与序时进度持平"},
		{4.1, 12, "超额完成年度计划4.1个百分点"}, // 2024: 104.1%
		{3.6, 12, "超额完成年度计划3.6个百分点"}, // 2023: 103.6%
		{-1.2, 12, "低于年度计划1.2个百分点"},
		{-0.04, 12, "完成年度计划"},
	}
	for _, tt := range tests {
		if got := GapText(tt.gap, tt.month); got != tt.want {
			t.Errorf("GapText(%v, %d) = %q, want %q", tt.gap, tt.month, got, tt.want)
		}
	}
}

func TestStartsTextKeepsTheUnstartedApart(t *testing.T) {
	tests := []struct {
		f    Figures
		want string
	}{
		{Figures{PlannedStarts: 296, ActualStarts: 296, OnTimeStarts: 242, LateStarts: 54},
			"计划开工项目296个，已开工296个（其中按期开工242个、延期开工54个），开工率100.0%；计划开工项目均已开工。"},
		{Figures{PlannedStarts: 245, ActualStarts: 248, OnTimeStarts: 230, LateStarts: 8, EarlyStarts: 10, OverdueStarts: 7},
			"计划开工项目245个，已开工248个（其中按期开工230个、延期开工8个、提前开工10个），开工率101.2%；未按计划开工7个。"},
		{Figures{PlannedStarts: 3, OverdueStarts: 3},
			"计划开工项目3个，已开工0个，开工率0.0%；未按计划开工3个。"},
		{Figures{}, "计划开工项目0个，已开工0个，开工率0.0%。"},
	}
	rates := []string{"100.0", "101.2", "0.0", "0.0"}
	for i, tt := range tests {
		if got := StartsText(tt.f, rates[i]); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}
