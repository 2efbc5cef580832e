package demo

import "sort"

// apportion splits total into integer parts proportional to weights, each
// within [lo, hi], summing exactly to total (largest-remainder method).
// Floats only shape the split; the parts and their sum are integers.
func apportion(total int64, weights []float64, lo, hi int64) []int64 {
	caps := make([]int64, len(weights))
	for i := range caps {
		caps[i] = hi
	}
	return apportionCapped(total, weights, lo, caps)
}

// apportionCapped is apportion with a cap per part.
func apportionCapped(total int64, weights []float64, lo int64, hi []int64) []int64 {
	n := len(weights)
	out := make([]int64, n)
	fixed := make([]bool, n)
	for {
		rest, wsum := total, 0.0
		for i := range out {
			if fixed[i] {
				rest -= out[i]
			} else {
				wsum += weights[i]
			}
		}
		changed := false
		exact := make([]float64, n)
		for i := range out {
			if fixed[i] {
				continue
			}
			exact[i] = float64(rest) * weights[i] / wsum
			if exact[i] < float64(lo) {
				out[i], fixed[i], changed = lo, true, true
			} else if exact[i] > float64(hi[i]) {
				out[i], fixed[i], changed = hi[i], true, true
			}
		}
		if !changed {
			return largestRemainder(out, fixed, exact, rest)
		}
	}
}

func largestRemainder(out []int64, fixed []bool, exact []float64, rest int64) []int64 {
	var free []int
	for i := range out {
		if !fixed[i] {
			out[i] = int64(exact[i])
			rest -= out[i]
			free = append(free, i)
		}
	}
	sort.SliceStable(free, func(a, b int) bool {
		return exact[free[a]]-float64(out[free[a]]) > exact[free[b]]-float64(out[free[b]])
	})
	for k := 0; rest > 0; k = (k + 1) % len(free) {
		out[free[k]]++
		rest--
	}
	return out
}
