package reports

import (
	"fmt"

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

// lightColour returns the fill and font colours of a light, the palette of
// models.Light.Colours that the pages share: saturated, so that the fills
// stay apart in print; readers who cannot tell the colours apart also see
// the light's name in the cell, in bold.
func lightColour(l models.Light) (fill, font string) { return l.Colours() }

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
	// quoted are the text kinds' styles with the quote prefix, for text
	// that Excel would take for a formula when the cell is edited.
	quoted [nKinds][2]int
	none   int    // the "无" row of an empty list
	light  [3]int // lights() order; see lightStyle
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

// newStyles registers every style the report uses in f, after making the
// body font the workbook's default (see setDefaultFont).
func newStyles(f *excelize.File) (*styles, error) {
	if err := setDefaultFont(f); err != nil {
		return nil, err
	}
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
		{&st.note, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 10},
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
	none := bodyStyle(kCenter, false)
	if err := add(&st.none, none); err != nil {
		return nil, err
	}
	// Last, so that a later NewStyle of the same look finds the plain
	// style first.
	for _, k := range []kind{kText, kCenter} {
		for t := 0; t < 2; t++ {
			id, err := quotePrefixed(f, st.cell[k][t])
			if err != nil {
				return nil, err
			}
			st.quoted[k][t] = id
		}
	}
	return st, nil
}

// quotePrefixed registers a copy of cell style id with Excel's quote
// prefix (quotePrefix="1": the cell is text, as if typed after an
// apostrophe), so that editing a cell whose text starts with "=" does not
// turn it into a formula. excelize's Style has no such option and NewStyle
// would return id again for the same look, so the cell format is copied
// in the workbook's style sheet directly.
func quotePrefixed(f *excelize.File, id int) (int, error) {
	if f.Styles == nil || f.Styles.CellXfs == nil || id < 0 || id >= len(f.Styles.CellXfs.Xf) {
		return 0, fmt.Errorf("no cell style %d to quote", id)
	}
	xfs := f.Styles.CellXfs
	xf := xfs.Xf[id]
	on := true
	xf.QuotePrefix = &on
	xfs.Xf = append(xfs.Xf, xf)
	xfs.Count = len(xfs.Xf)
	return len(xfs.Xf) - 1, nil
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
	case kCenter:
		s.Alignment.Horizontal, s.Alignment.WrapText = "center", true
	case kLight, kMonth, kTime:
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
	s.Font.Color, s.Font.Bold = font, true
	s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
	return s
}

// setDefaultFont makes 10 pt 宋体, the tables' font, the workbook's
// default. Column widths count characters of the default font's digits,
// so a column is then as wide as the number of half-width characters of
// the body text it holds (two a CJK character) in every application, also
// where a substitute font stands in for 宋体 or for excelize's Calibri.
func setDefaultFont(f *excelize.File) error {
	if err := f.SetDefaultFont(bodyFont); err != nil {
		return err
	}
	if f.Styles == nil || f.Styles.Fonts == nil || len(f.Styles.Fonts.Font) == 0 || f.Styles.Fonts.Font[0].Sz == nil {
		return fmt.Errorf("workbook without a default font")
	}
	size := 10.0
	f.Styles.Fonts.Font[0].Sz.Val = &size
	return nil
}
