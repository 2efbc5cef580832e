package reports

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Write renders the report as an .xlsx workbook to w: the sheets of
// SheetNames in order, every sheet streamed (项目明细 may hold tens of
// thousands of rows), amounts as numbers with number formats, lights as
// fills. It writes only what Build computed.
func (r *Report) Write(w io.Writer) error {
	f := newFile(w)
	defer f.Close()
	if err := addSheets(f, r.SheetNames()); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("report styles: %w", err)
	}
	if err := r.summary(f, st); err != nil {
		return fmt.Errorf("sheet %s: %w", sheetSummary, err)
	}
	tables := []*table{r.districtTable(), r.categoryTable(), r.levelTable(), r.departmentTable(),
		r.overdueTable(), r.laggingTable(), r.earlyTable(), r.unsentTable()}
	if r.Quarter == 0 {
		tables = append(tables, r.supervisionTable())
	}
	for _, t := range append(tables, r.detailTable()) {
		if err := t.write(f, st); err != nil {
			return fmt.Errorf("sheet %s: %w", t.sheet, err)
		}
	}
	if err := r.writeCorrections(f, st); err != nil {
		return fmt.Errorf("sheet %s: %w", sheetCorrections, err)
	}
	if err := r.setDocProps(f); err != nil {
		return err
	}
	// 总体情况 is the active sheet already: it was NewFile's Sheet1.
	// SetActiveSheet would parse every streamed sheet back into memory.
	return save(f)
}

// SheetNames are the report's sheets in order: SheetNames, and for a
// monthly report 督办事项 before 项目明细 (更正, when there is one, follows
// them all).
func (r *Report) SheetNames() []string {
	names := SheetNames()
	if r.Quarter != 0 {
		return names
	}
	return append(names[:len(names)-1:len(names)-1], sheetSupervision, sheetDetails)
}

// addSheets names the default sheet and adds the others in order.
func addSheets(f *excelize.File, names []string) error {
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	return nil
}

// setDocProps stamps the workbook with its title and the time it was
// generated.
func (r *Report) setDocProps(f *excelize.File) error {
	return setDocProps(f, r.Period()+"全市重大项目建设情况", "重大项目建设情况通报", r.Generated)
}
