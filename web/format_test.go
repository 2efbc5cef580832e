package web

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"tracker/models"
	"tracker/reports"
)

// TestPagesShowTheWorkbooksYi: for generated amounts ending in x.xx5 亿元
// (and x.xx5 万元), one yuan either side of them and their negatives, the
// dashboard's 亿元 and 万元 figures and its headline are the workbook's
// and the 通报's (reports.YiText, reports.WanText), and the exact half
// rounds away from zero.
func TestPagesShowTheWorkbooksYi(t *testing.T) {
	yi := pageFuncs["yi"].(func(models.Money) string)
	r := rand.New(rand.NewPCG(11, 5))
	for i := 0; i < 20000; i++ {
		n := r.Int64N(1_000_000) // hundredths of 亿元 below the half
		half := models.Money(n*10+5) * 100000
		want := strconv.FormatInt((n+1)/100, 10) + "." + pad2((n+1)%100)
		if got := yi(half); got != want || reports.YiText(half) != want {
			t.Fatalf("%d yuan: page %s, workbook %s, want %s", int64(half), got, reports.YiText(half), want)
		}
		for _, m := range []models.Money{half, half - 1, half + 1, -half, -half + 1} {
			if got, book := yi(m), reports.YiText(m); got != book {
				t.Fatalf("%d yuan: page %s亿元, workbook %s亿元", int64(m), got, book)
			}
			if h := headline(models.Rates{Month: 6, Figures: models.Figures{Completed: m}}); !strings.Contains(h, "累计完成投资"+reports.YiText(m)+"亿元") {
				t.Fatalf("%d yuan: headline %q", int64(m), h)
			}
		}
		wanHalf := models.Money(n*100 + 50) // x.xx5 万元
		for _, m := range []models.Money{wanHalf, wanHalf - 1, -wanHalf} {
			if got, book := strings.ReplaceAll(wanText(m), ",", ""), reports.WanText(m); got != book {
				t.Fatalf("%d yuan: page %s万元, workbook %s万元", int64(m), got, book)
			}
		}
	}
}

func pad2(v int64) string {
	if v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}
