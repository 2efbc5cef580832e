package metrics

import (
	"strings"
	"testing"
)

func TestHistogramBucketsAreCumulative(t *testing.T) {
	h := newHistogram([]float64{0.1, 1, 10})
	for _, v := range []float64{0.05, 0.1, 0.5, 5, 50} {
		h.observe(v)
	}
	var b strings.Builder
	h.write(&b, "x_seconds", `route="/a"`)
	want := `x_seconds_bucket{route="/a",le="0.1"} 2
x_seconds_bucket{route="/a",le="1"} 3
x_seconds_bucket{route="/a",le="10"} 4
x_seconds_bucket{route="/a",le="+Inf"} 5
x_seconds_sum{route="/a"} 55.65
x_seconds_count{route="/a"} 5
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if got := quote("a\"b\\c\nd"); got != `"a\"b\\c\nd"` {
		t.Errorf("quote: %s", got)
	}
}
