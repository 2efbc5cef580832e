package models

import (
	"math"
	"testing"
)

func TestContrastIsTheWCAGRatio(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"000000", "FFFFFF", 21},
		{"#FFFFFF", "FFFFFF", 1},
		{"FFFFFF", "00B050", 2.87},
		{"000000", "00B050", 7.32},
		{"000000", "FFD700", 14.97},
		{"FFFFFF", "E00000", 5.04},
	} {
		if got := Contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestLightTextReadsOnItsFill: the text colour of each light is the one of
// black and white that reads best on its fill, and reads at AA (4.5:1).
func TestLightTextReadsOnItsFill(t *testing.T) {
	for _, l := range Lights() {
		fill, text := l.Colours()
		if c := Contrast(text, fill); c < 4.5 {
			t.Errorf("%s: #%s on #%s is %.2f:1, want at least 4.5:1", l, text, fill, c)
		}
		other := map[string]string{"000000": "FFFFFF", "FFFFFF": "000000"}[text]
		if other == "" || Contrast(other, fill) > Contrast(text, fill) {
			t.Errorf("%s: text #%s, but #%s reads better on #%s", l, text, other, fill)
		}
	}
}

func TestDarkenReachesTheContrast(t *testing.T) {
	for _, tc := range []struct{ hex, bg, want string }{
		{"00B050", "FFFFFF", "00893E"},
		{"E00000", "FFFFFF", "E00000"}, // 5.0:1 already
		{"FFD700", "FFFFFF", "897400"},
	} {
		got := Darken(tc.hex, tc.bg, 4.5)
		if got != tc.want || Contrast(got, tc.bg) < 4.5 {
			t.Errorf("Darken(%s on %s) = %s (%.2f:1), want %s", tc.hex, tc.bg, got, Contrast(got, tc.bg), tc.want)
		}
	}
}
