package importer

import "tracker/models"

// fastDecimal converts a plain decimal ("12345.67", "-0.5") stated in a
// power-of-ten unit to yuan exactly as models.ParseDecimal does (half away
// from zero, on the first dropped digit), without its allocations: a big
// ledger has hundreds of thousands of amounts. ok is false for anything
// else (exponents, long numbers, other units); callers then use
// models.ParseDecimal.
func fastDecimal(s string, unit models.Money) (v models.Money, ok bool) {
	places := unitPlaces(unit)
	if places < 0 {
		return 0, false
	}
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	var n int64
	digits, frac, seenPoint, roundUp := 0, 0, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !seenPoint:
			seenPoint = true
		case c < '0' || c > '9':
			return 0, false
		case seenPoint && frac >= places:
			if frac == places {
				roundUp = c >= '5' // the first dropped digit decides; the rest are ignored
			}
			frac++
		default:
			n = n*10 + int64(c-'0')
			digits++
			if seenPoint {
				frac++
			}
		}
		if digits > 15 {
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	for k := min(frac, places); k < places; k++ { // scale the kept digits to yuan
		n *= 10
	}
	if roundUp {
		n++
	}
	if neg {
		n = -n
	}
	return models.Money(n), true
}

// unitPlaces is the power of ten of a unit in yuan, -1 for other units.
func unitPlaces(unit models.Money) int {
	switch unit {
	case models.Yuan:
		return 0
	case models.Wan:
		return 4
	case models.Yi:
		return 8
	}
	return -1
}
