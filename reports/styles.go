package reports

import (
	"github.com/xuri/excelize/v2"

	"tracker/models"
)

// kind is what a column holds; it picks the cell style and number format.
type kind int

const (
	kText   kind = iota // text, left-aligned, wrapped
	kCenter             // short text, centred (codes, units, flags)
	kInt                // a count, "0"
	kYi                 // an amount in 亿元, "#,##0.00"
	kWan                // an amount in 万元, "#,##0.00" (the value keeps its 4 decimals)
	kPct                // a rate as a fraction, "0.0%"
	kPP                 // a gap in 个百分点, "+0.0;-0.0;0.0"
	kMonth              // a month as a date cell, yyyy"年"m"月"
	kLight              // a warning light: its name on its colour
	kTime               // a date and time, yyyy-mm-dd hh:mm:ss
	nKinds
)

// numFmt returns the custom number format of kind k ("" = General).
func numFmt(k kind) string {
	switch k {
	case kInt:
		return "0"
	case kYi, kWan:
		return "#,##0.00"
	case kPct:
		return "0.0%"
	case kPP:
		return "+0.0;-0.0;0.0"
	case kMonth:
		return `yyyy"年"m"月"`
	case kTime:
		return "yyyy-mm-dd hh:mm:ss"
	}
	return ""
}

// lights are the lights that have a colour, in legend order.
func lights() []models.Light {
	return []models.Light{models.LightGreen, models.LightYellow, models.LightRed}
}

// lightColour returns the fill and font colours of a light: Excel's
// good/neutral/bad pairs, legible in print; readers who cannot tell the
// colours apart also see the light's name in the cell.
func lightColour(l models.Light) (fill, font string) {
	switch l {
	case models.LightGreen:
		return "C6EFCE", "006100"
	case models.LightYellow:
		return "FFEB9C", "9C5700"
	}
	return "FFC7CE", "9C0006"
}

// Colours of borders, the header and the 合计 row. Every border has a colour:
// excelize writes a colourless border as an invalid colour that openpyxl and
// pandas refuse.
const (
	borderColour = "808080"
	headerFill   = "DDEBF7"
	totalFill    = "F2F2F2"
	bodyFont     = "宋体"
	titleFont    = "黑体"
)

// styles holds the style IDs of one workbook.
type styles struct {
	title, unitLine, header, sentence, note, label int
	cell                                           [nKinds][2]int // [kind][0 body, 1 合计 row]
	light                                          [3]int         // lights() order; see lightStyle
}

// lightStyle returns the style of a light's cell, 0 for LightNone: a
// switch, not a map, since it runs for two cells of every project.
func (st *styles) lightStyle(l models.Light) int {
	switch l {
	case models.LightGreen:
		return st.light[0]
	case models.LightYellow:
		return st.light[1]
	case models.LightRed:
		return st.light[2]
	}
	return 0
}

// newStyles registers every style the report uses in f.
func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{}
	add := func(dst *int, s *excelize.Style) error {
		id, err := f.NewStyle(s)
		*dst = id
		return err
	}
	fixed := []struct {
		dst *int
		s   *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Family: titleFont, Size: 16, Bold: true},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.unitLine, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 10},
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}}},
		{&st.header, headerStyle()},
		{&st.sentence, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 12},
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true, Indent: 1}}},
		{&st.note, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 9},
			Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}},
		{&st.label, bodyStyle(kText, false)},
	}
	for _, x := range fixed {
		if err := add(x.dst, x.s); err != nil {
			return nil, err
		}
	}
	for k := kind(0); k < nKinds; k++ {
		for t := 0; t < 2; t++ {
			if err := add(&st.cell[k][t], bodyStyle(k, t == 1)); err != nil {
				return nil, err
			}
		}
	}
	for i, l := range lights() {
		if err := add(&st.light[i], lightStyle(l)); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// borders returns thin borders on all four sides, with a colour.
func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: borderColour, Style: 1})
	}
	return b
}

func headerStyle() *excelize.Style {
	return &excelize.Style{
		Font:      &excelize.Font{Family: bodyFont, Size: 10, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
		Border:    borders(),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	}
}

// bodyStyle is the style of a table cell of kind k, bold on a grey fill in
// the 合计 row.
func bodyStyle(k kind, total bool) *excelize.Style {
	s := &excelize.Style{
		Font:      &excelize.Font{Family: bodyFont, Size: 10, Bold: total},
		Border:    borders(),
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"},
	}
	switch k {
	case kText:
		s.Alignment.Horizontal, s.Alignment.WrapText = "left", true
	case kCenter, kLight, kMonth, kTime:
		s.Alignment.Horizontal = "center"
	}
	if f := numFmt(k); f != "" {
		s.CustomNumFmt = &f
	}
	if total {
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{totalFill}}
	}
	return s
}

// lightStyle is a light's cell: its name, centred, on its colour.
func lightStyle(l models.Light) *excelize.Style {
	fill, font := lightColour(l)
	s := bodyStyle(kLight, false)
	s.Font.Color = font
	s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
	return s
}
