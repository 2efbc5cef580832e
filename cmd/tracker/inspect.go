package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tracker/importer/sheet"
)

var inspectCommand = &command{
	name:     "inspect",
	synopsis: "inspect --cells FILE",
	summary:  "以 JSON 显示读取器看到的单元格（不导入）",
	help: "不导入，显示读取器如何读一个文件。--cells：按读取器所见输出单元格网格（JSON），不应用任何台账规则；\n" +
		"文件无法读取时退出码为 1，错误信息写到标准错误，标准输出不写任何内容。",
	run: cmdInspect,
}

// cmdInspect shows how a file is read, without importing it. With --cells:
// the grid exactly as the readers see it, before any ledger rule, as the
// JSON of sheet.Book.WriteGrid (README, "tracker inspect --cells"). The
// ledger view (header rows, columns and their fields) is another mode of
// this command, chosen when --cells is absent.
func cmdInspect(_ context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	cells := fs.Bool("cells", false, "输出读取器看到的单元格网格（JSON），不应用任何台账规则")
	files, err := inv.parseArgs(fs, args, arity{1, 1, "FILE"})
	if err != nil {
		return err
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return fmt.Errorf("无法读取文件“%s”：%w", files[0], err)
	}
	switch {
	case *cells:
		return inspectCells(data, filepath.Base(files[0]), inv.stdout)
	}
	return errors.New("暂只支持 --cells（用法：tracker " + inv.cmd.synopsis + "）")
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
