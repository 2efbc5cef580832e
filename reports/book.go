package reports

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeBook writes a workbook of one table, t, to w in the house style,
// its document properties stamped with title, subject and generated.
func writeBook(w io.Writer, t *table, title, subject string, generated time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", t.sheet); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("%s styles: %w", t.sheet, err)
	}
	if err := t.write(f, st); err != nil {
		return fmt.Errorf("sheet %s: %w", t.sheet, err)
	}
	if err := setDocProps(f, title, subject, generated); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// setDocProps stamps a workbook with its title and the time it was
// generated (never the clock), so the same input gives the same content.
func setDocProps(f *excelize.File, title, subject string, generated time.Time) error {
	at := generated.UTC().Format("2006-01-02T15:04:05Z")
	return f.SetDocProps(&excelize.DocProperties{
		Title:    title,
		Subject:  subject,
		Creator:  "重大项目调度系统",
		Language: "zh-CN",
		Created:  at,
		Modified: at,
	})
}
