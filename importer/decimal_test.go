package importer

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"tracker/models"
)

// TestFastDecimalAgreesWithParseDecimal: the fast path must give exactly
// what models.ParseDecimal gives, or step aside.
func TestFastDecimalAgreesWithParseDecimal(t *testing.T) {
	cases := []string{"0", "1", "-1", "12345.67", "0.00005", "0.00004", "0.000049", "0.99995", "-0.00005", "1.", ".5",
		"123456789012.3456", "9650.5", "10838.4", "0.96505", "1.23456789", "00012", "1.2E+3", "", "-", ".", "1.2.3", "abc", "1,0"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		cases = append(cases, strconv.FormatFloat(r.Float64()*float64(r.IntN(1000000)), 'f', r.IntN(10), 64))
	}
	for _, s := range cases {
		for _, unit := range []models.Money{models.Yuan, models.Wan, models.Yi} {
			fast, ok := fastDecimal(s, unit)
			slow, err := models.ParseDecimal(s, unit)
			if ok && (err != nil || fast != slow) {
				t.Errorf("fastDecimal(%q, %d) = %d, ParseDecimal = %d, %v", s, unit, fast, slow, err)
			}
		}
	}
}
