package reports

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// page is how a sheet is set up before it is streamed.
type page struct {
	dim      string    // the used range: without it the sheet claims only A1, and openpyxl's read-only mode sees one cell
	titles   int       // the header row, printed on every page; for a sheet without one, rows 1..titles are
	filter   string    // the autofilter range, or ""
	onePage  bool      // fit to one page tall as well as wide (总体情况)
	portrait bool      // portrait rather than landscape when it fits (总体情况, a tall narrow sheet)
	widths   []float64 // the column widths, which choose the paper (see layoutFor)
	keyCols  int       // columns up to the project's name: repeated on every page when the columns are split
	breakAt  int       // a page break above this row (the charts), 0 for none
}

// Paper sizes (Excel's numbering) and the print scales that choose them.
const (
	paperA3 = 8
	paperA4 = 9
	// a4Scale is the smallest scale at which a sheet fitted to A4's width
	// is printed on A4: 10 pt text prints at 8.5 pt or more. Wider sheets go
	// on A3.
	a4Scale = 0.85
	// minScale is the smallest scale a sheet is ever printed at: 10 pt
	// text (the tables' and notes' size) at 8 pt. A sheet wider than A3 at
	// this scale is printed at it, its columns split over pages that each
	// repeat the columns up to the project's name (keyCols).
	minScale = 0.8
	// sideMargin and endMargin are the page margins in inches.
	sideMargin, endMargin, hfMargin = 0.3, 0.6, 0.3
)

// colPoints returns the printed width in points of columns of the given
// widths (character units of the default font, 10 pt 宋体) as the widest
// application prints them: Excel gives a unit 7 pixels and a column 5 of
// padding, LibreOffice 8.47 pixels (1/96 inch) a unit, whatever the font
// it substitutes for 宋体. 0.75 points a pixel.
func colPoints(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += max(math.Trunc(w*7+5), w*8.47)
	}
	return px * 0.75
}

// excelPixels returns the width in Excel's pixels of columns of the given
// widths: what a chart drawn under them may span.
func excelPixels(widths []float64) float64 {
	px := 0.0
	for _, w := range widths {
		px += math.Trunc(w*7 + 5)
	}
	return px
}

// printableWidth is the width in points inside the side margins of paper
// in the given orientation.
func printableWidth(paper int, portrait bool) float64 {
	short, long := 595.3, 841.9 // A4
	if paper == paperA3 {
		short, long = 841.9, 1190.6
	}
	w := long
	if portrait {
		w = short
	}
	return w - 2*72*sideMargin
}

// layoutFor chooses the paper for a sheet of the given printed width: A4
// when fitting the sheet to its width keeps a4Scale (portrait when asked
// for and it fits so, landscape otherwise), A3 landscape otherwise; fit is
// false (and scale the percentage to print at) when even A3 would print
// below minScale.
func layoutFor(width float64, portrait bool) (paper int, upright, fit bool, scale int) {
	if portrait && printableWidth(paperA4, true) >= a4Scale*width {
		return paperA4, true, true, 100
	}
	if printableWidth(paperA4, false) >= a4Scale*width {
		return paperA4, false, true, 100
	}
	if printableWidth(paperA3, false) >= minScale*width {
		return paperA3, false, true, 100
	}
	return paperA3, false, false, int(minScale * 100)
}

// prepare sets up a sheet before it is streamed: excelize's StreamWriter
// copies these settings from the worksheet when it starts, so they must come
// first. The page is landscape (portrait when asked), on the paper
// layoutFor chooses, fitted to one page wide (and tall for onePage), with
// the header row repeated on every page, the sheet's name in the header
// and page numbers in the footer. The autofilter goes first because
// excelize's AutoFilter replaces the sheet properties (fit to page among
// them).
func prepare(f *excelize.File, sheet string, pg page) error {
	if err := f.SetSheetDimension(sheet, pg.dim); err != nil {
		return err
	}
	if pg.filter != "" {
		if err := f.AutoFilter(sheet, pg.filter, nil); err != nil {
			return err
		}
	}
	paper, upright, fit, scale := layoutFor(colPoints(pg.widths), pg.portrait)
	orientation := "landscape"
	if upright {
		orientation = "portrait"
	}
	layout := &excelize.PageLayoutOptions{Size: &paper, Orientation: &orientation}
	if fit {
		wide, tall := 1, b2i(pg.onePage)
		layout.FitToWidth, layout.FitToHeight = &wide, &tall
	} else {
		adjust := uint(scale)
		layout.AdjustTo = &adjust
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := setMargins(f, sheet); err != nil {
		return err
	}
	if pg.breakAt > 0 {
		if err := f.InsertPageBreak(sheet, cellName(1, pg.breakAt)); err != nil {
			return err
		}
	}
	titles := fmt.Sprintf("'%s'!$%d:$%d", sheet, printFrom(pg.titles), pg.titles)
	if !fit && pg.keyCols > 0 {
		titles = fmt.Sprintf("'%s'!$A:$%s,%s", sheet, colName(pg.keyCols), titles)
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: titles})
}

// printFrom returns the first row printed on every page: the header row of
// a table alone, or the title rows of a sheet without one.
func printFrom(titles int) int {
	if titles == headerRow {
		return headerRow
	}
	return 1
}

// setMargins sets narrow margins, the sheet's name in the header and
// "第 N 页，共 M 页" in the footer, both in 10 pt 宋体.
func setMargins(f *excelize.File, sheet string) error {
	lr, tb, hf := sideMargin, endMargin, hfMargin
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf,
	}); err != nil {
		return err
	}
	font := `&"` + bodyFont + `"&10`
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&R" + font + "&A",
		OddFooter: "&C" + font + "第 &P 页，共 &N 页",
	})
}

// startStream opens a StreamWriter on sheet with the column widths and the
// panes frozen below row freeze and, when cols > 0, right of column cols
// (a list's columns up to the project's name).
func startStream(f *excelize.File, sheet string, widths []float64, freeze, cols int) (*excelize.StreamWriter, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	pane, top := "bottomLeft", cellName(cols+1, freeze+1)
	if cols > 0 {
		pane = "bottomRight"
	}
	err = sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: freeze, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}},
	})
	return sw, err
}

// writeTitle writes the merged title (row 1) and 单位 line (row 2) across
// ncols columns.
func writeTitle(sw *excelize.StreamWriter, st *styles, title, unit string, ncols int) error {
	last := colName(ncols)
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: title}}, excelize.RowOpts{Height: 36}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.unitLine, Value: unit}}, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	return sw.MergeCell("A2", last+"2")
}

// writeNotes writes the notes (each merged across the sheet, as tall as
// its lines at that width) and the legend (a light's cell, then its
// meaning merged across the rest) from row top.
func writeNotes(sw *excelize.StreamWriter, st *styles, top int, widths []float64, notes []string, legend []legendLine) error {
	ncols := len(widths)
	last := colName(ncols)
	for i, n := range notes {
		r := top + i
		h := textHeight(n, 10, colPoints(widths))
		if err := sw.SetRow(cellName(1, r), []any{excelize.Cell{StyleID: st.note, Value: n}}, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, r), cellName(ncols, r)); err != nil {
			return err
		}
	}
	for i, l := range legend {
		r := top + len(notes) + i
		row := []any{excelize.Cell{StyleID: st.lightStyle(l.light), Value: string(l.light)}, excelize.Cell{StyleID: st.note, Value: l.text}}
		if err := sw.SetRow(cellName(1, r), row); err != nil {
			return err
		}
		if ncols > 2 {
			if err := sw.MergeCell(cellName(2, r), fmt.Sprintf("%s%d", last, r)); err != nil {
				return err
			}
		}
	}
	return nil
}

// textHeight is the height in points of a row holding text s in a font of
// size points, wrapped in a cell width points wide: its lines (a wide
// character is size wide, another half that, with 5% to spare) at 1.4
// times the size each, and 4 points more.
func textHeight(s string, size, width float64) float64 {
	lines := math.Ceil(float64(textWidth(s)) * size / 2 / (0.95 * width))
	return max(1, lines)*size*1.4 + 4
}
