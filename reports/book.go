package reports

import (
	"archive/zip"
	"fmt"
	"io"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// writeBook writes a workbook of one table, t, to w in the house style,
// its document properties stamped with title, subject and generated.
func writeBook(w io.Writer, t *table, title, subject string, generated time.Time) error {
	f := newFile(w)
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
	return save(f)
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

// zipLevel is the deflate level of the workbooks, with the compressor of
// github.com/klauspost/compress: for the quarterly workbook of 53,000
// projects it makes a file of 13.5 MB in less than half the time the
// standard library's level 3 took for 14.3 MB (deflating was a third of
// Write's time).
const zipLevel = 5

// save writes f's zip to the writer newFile was given: excelize's WriteTo
// runs the zip writer, and what excelize buffered for itself, which must
// be nothing, goes nowhere.
func save(f *excelize.File) error {
	n, err := f.WriteTo(io.Discard)
	if err == nil && n != 0 {
		err = fmt.Errorf("excelize buffered %d bytes of the workbook beside its zip writer", n)
	}
	return err
}

// newFile returns an empty workbook that is saved to w at zipLevel. The
// zip is written straight to w: excelize's WriteTo would build the whole
// file in a buffer of its own first (the workbook of 53,000 projects is 14
// MB, held twice with its copy), so the zip writer excelize is given
// writes to w instead and what excelize buffers stays empty (it copies
// that empty buffer to w after the zip). The parts of a zip are written
// one after the other, so one deflate writer (about a megabyte of state)
// serves them all, reset for each part.
func newFile(w io.Writer) *excelize.File {
	f := excelize.NewFile()
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		var fw *flate.Writer
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			if fw == nil {
				var err error
				fw, err = flate.NewWriter(out, zipLevel)
				return fw, err
			}
			fw.Reset(out)
			return fw, nil
		})
		return zw
	})
	return f
}
