package models

import "testing"

// TestRoundIsHalfAwayFromZeroOnTheDecimal: a rate or gap that is a decimal
// half rounds away from zero although its double lies just below it
// (201/400 = 50.25% shows as 50.3%), and every place that shows one agrees.
func TestRoundIsHalfAwayFromZeroOnTheDecimal(t *testing.T) {
	tests := []struct {
		v, scale, want float64
	}{
		{Ratio(201, 400), 1000, 0.503},   // 0.50249999999999994
		{Ratio(-201, 400), 1000, -0.503}, // negative growth
		{Ratio(1310, 1265), 1000, 1.036}, // 2023: 103.6%
		{Ratio(248, 245), 1000, 1.012},   // 2023: 101.2%
		{Ratio(2081, 2000), 1000, 1.041}, // 1.0405
		{(Ratio(201, 400) - TimeProgress(6)) * 100, 10, 0.3},
		{-0.04, 10, 0}, // never −0
		{Ratio(2009, 4000), 1000, 0.502},
	}
	for _, tt := range tests {
		if got := Round(tt.v, tt.scale); got != tt.want {
			t.Errorf("Round(%v, %v) = %v, want %v", tt.v, tt.scale, got, tt.want)
		}
	}
	if got := RateShown(Ratio(201, 400)); got != 503 {
		t.Errorf("RateShown(201/400) = %d, want 503", got)
	}
	if got := GapText((Ratio(201, 400)-TimeProgress(6))*100, 6); got != "超序时进度0.3个百分点" {
		t.Errorf("GapText of 50.25%% in June = %q", got)
	}
}
