package models

import (
	"fmt"
	"math"
	"strconv"
)

// Contrast is the WCAG 2 contrast ratio of two RGB hex colours ("00B050",
// with or without "#"): from 1 (the same) to 21 (black on white). Text
// reads well at 4.5 or more (AA). A colour that is not six hex digits
// counts as black.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the relative luminance of an RGB hex colour (WCAG 2).
func luminance(hex string) float64 {
	r, g, b := rgb(hex)
	lin := func(c uint8) float64 {
		v := float64(c) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func rgb(hex string) (r, g, b uint8) {
	if len(hex) == 7 && hex[0] == '#' {
		hex = hex[1:]
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || len(hex) != 6 {
		return 0, 0, 0
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}

// Darken scales an RGB hex colour towards black until its contrast on
// background bg reaches min, in steps of 1%, keeping its hue: the shade of
// a light's colour that text in that colour can use on a page. A colour
// that already reaches min comes back as it was (upper case).
func Darken(hex, bg string, min float64) string {
	r, g, b := rgb(hex)
	for k := 100; k >= 0; k-- {
		c := fmt.Sprintf("%02X%02X%02X", uint8(int(r)*k/100), uint8(int(g)*k/100), uint8(int(b)*k/100))
		if Contrast(c, bg) >= min {
			return c
		}
	}
	return "000000"
}
