package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// page is how a sheet is set up before it is streamed.
type page struct {
	dim     string // the used range: without it the sheet claims only A1, and openpyxl's read-only mode sees one cell
	titles  int    // the header row, printed on every page; for a sheet without one, rows 1..titles are
	filter  string // the autofilter range, or ""
	onePage bool   // fit to one page tall as well as wide (summary sheets)
}

// prepare sets up a sheet before it is streamed: excelize's StreamWriter
// copies these settings from the worksheet when it starts, so they must come
// first. The page is A4 landscape, fitted to one page wide, with page
// numbers in the footer. The autofilter goes first because excelize's
// AutoFilter replaces the sheet properties (fit to page among them).
func prepare(f *excelize.File, sheet string, pg page) error {
	if err := f.SetSheetDimension(sheet, pg.dim); err != nil {
		return err
	}
	if pg.filter != "" {
		if err := f.AutoFilter(sheet, pg.filter, nil); err != nil {
			return err
		}
	}
	a4, landscape, wide, tall, fit := 9, "landscape", 1, b2i(pg.onePage), true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := setMargins(f, sheet); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, printFrom(pg.titles), pg.titles),
	})
}

// printFrom returns the first row printed on every page: the header row of
// a table alone, or the title rows of a sheet without one.
func printFrom(titles int) int {
	if titles == headerRow {
		return headerRow
	}
	return 1
}

// setMargins sets narrow margins (inches) and the footer "第 N 页，共 M 页".
func setMargins(f *excelize.File, sheet string) error {
	lr, tb, hf := 0.4, 0.6, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf,
	}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"})
}

// startStream opens a StreamWriter on sheet with the column widths and the
// panes frozen below row freeze.
func startStream(f *excelize.File, sheet string, widths []float64, freeze int) (*excelize.StreamWriter, error) {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	err = sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: freeze, TopLeftCell: cellName(1, freeze+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cellName(1, freeze+1), ActiveCell: cellName(1, freeze+1), Pane: "bottomLeft"}},
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

// writeNotes writes the notes (each merged across the sheet) and the legend
// (a light's cell, then its meaning merged across the rest) from row top.
func writeNotes(sw *excelize.StreamWriter, st *styles, top, ncols int, notes []string, legend []legendLine) error {
	last := colName(ncols)
	for i, n := range notes {
		r := top + i
		if err := sw.SetRow(cellName(1, r), []any{excelize.Cell{StyleID: st.note, Value: n}}, excelize.RowOpts{Height: 30}); err != nil {
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
