package reports

import (
	"testing"

	"tracker/models"
)

// TestTextOfTheFigures: the text helpers round as the workbook's cells do.
func TestTextOfTheFigures(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{YiText(118100000000), "1181.00"},
		{YiText(61234500000), "612.35"}, // half away from zero
		{WanText(126845000), "12684.50"},
		{WanText(5), "0.00"},
		{WanText(50), "0.01"},
		{WanText(-126845049), "-12684.50"},
		{WanText(models.Money(1_000_000_000_000_000)), "100000000000.00"},
		{PctText(1.0410), "104.1%"},
		{PctText(0.98449), "98.4%"},
		{PPText(4.1), "+4.1"},
		{PPText(-3.04), "-3.0"},
		{PPText(-0.04), "0.0"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
