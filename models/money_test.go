package models

import "testing"

func TestParseDecimalRoundsToTheYuan(t *testing.T) {
	tests := []struct {
		in   string
		unit Money
		want Money
	}{
		{"6035", Yi, 603500000000},
		{"1181", Yi, 118100000000},
		{"1134.5", Yi, 113450000000},
		{"12684.5", Wan, 126845000},
		{"0.0001", Wan, 1},
		{"0.00005", Wan, 1}, // half a yuan rounds up
		{"0.00004", Wan, 0},
		{"-3.25", Wan, -32500},
		{".5", Wan, 5000},
		{"1.2345678E+4", Wan, 123456780},
		{"1E-3", Wan, 10},
		{"007", Wan, 70000},
		{"0", Wan, 0},
		{"12.345678901", Yi, 1234567890},
		{"123456789.5", Yuan, 123456790},
	}
	for _, tt := range tests {
		got, err := ParseDecimal(tt.in, tt.unit)
		if err != nil || got != tt.want {
			t.Errorf("ParseDecimal(%q, %d) = %d, %v; want %d", tt.in, tt.unit, got, err, tt.want)
		}
	}
}

func TestParseDecimalRejectsNonNumbers(t *testing.T) {
	for _, in := range []string{"", "-", ".", "1,234", "abc", "1.2.3", "12元", "1e99", "99999999999999999999"} {
		if _, err := ParseDecimal(in, Wan); err == nil {
			t.Errorf("ParseDecimal(%q) accepted it", in)
		}
	}
}

func TestMoneyWanStringIsExact(t *testing.T) {
	tests := map[Money]string{
		603500000000: "60350000",
		1234567:      "123.4567",
		-5000:        "-0.5",
		0:            "0",
		10:           "0.001",
	}
	for m, want := range tests {
		if got := m.WanString(); got != want {
			t.Errorf("Money(%d).WanString() = %q, want %q", int64(m), got, want)
		}
	}
}

// TestYiAndWanTextRoundHalfAwayOnTheYuan: 612.345亿元 is 612.35 (a float
// of it lies just below the half and printed 612.34), negative amounts
// mirror positive ones, and nothing prints as "-0.00".
func TestYiAndWanTextRoundHalfAwayOnTheYuan(t *testing.T) {
	for m, want := range map[Money]string{
		61234500000: "612.35", 61234499999: "612.34", -61234500000: "-612.35", 603500000000: "6035.00",
		1: "0.00", -1: "0.00", -499999: "0.00", -500000: "-0.01", 5000000: "0.05", -1 << 63: "-92233720368.55",
	} {
		if got := m.YiText(); got != want {
			t.Errorf("YiText(%d) = %s, want %s", int64(m), got, want)
		}
	}
	for m, want := range map[Money]string{
		126845050: "12684.51", 126845049: "12684.50", -126845050: "-12684.51", 50: "0.01", 49: "0.00", -49: "0.00", 0: "0.00",
	} {
		if got := m.WanText(); got != want {
			t.Errorf("WanText(%d) = %s, want %s", int64(m), got, want)
		}
	}
}
