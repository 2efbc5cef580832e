package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tracker/importer/sheet"
)

// inspectUsage is the usage line of tracker inspect.
const inspectUsage = "用法：tracker inspect --cells FILE"

// cmdInspect shows how a file is read, without importing it. With --cells:
// the grid exactly as the readers see it, before any ledger rule, as the
// JSON of sheet.Book.WriteGrid (README, "tracker inspect --cells"). The
// ledger view (header rows, columns and their fields) is another mode of
// this command, chosen when --cells is absent.
func cmdInspect(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("inspect", stderr)
	cells := fs.Bool("cells", false, "输出读取器看到的单元格网格（JSON），不应用任何台账规则")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New(inspectUsage)
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return fmt.Errorf("无法读取文件“%s”：%w", fs.Arg(0), err)
	}
	switch {
	case *cells:
		return inspectCells(data, filepath.Base(fs.Arg(0)), stdout)
	}
	return errors.New("暂只支持 --cells（" + inspectUsage + "）")
}

// inspectCells writes the grid of a file; nothing is written when the file
// cannot be read, so stdout never holds half a document.
func inspectCells(data []byte, name string, stdout io.Writer) error {
	book, err := sheet.Open(data, name, sheet.Options{})
	if err != nil {
		return err
	}
	defer book.Close()
	var buf bytes.Buffer
	if err := book.WriteGrid(&buf); err != nil {
		return err
	}
	_, err = buf.WriteTo(stdout)
	return err
}
