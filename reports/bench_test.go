package reports

import (
	"io"
	"testing"
)

// BenchmarkBuildAndWrite builds and writes the report for 530 projects (a
// year's list) and 53,000 (a hundred times that).
func BenchmarkBuildAndWrite(b *testing.B) {
	for _, n := range []int{530, 53000} {
		in := syntheticInput(n, 6, 2)
		b.Run(itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Build(in).Write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
