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
	synopsis: "inspect [--json|--cells] FILE",
	summary:  "显示导入器如何读取台账，或读取器看到的单元格（不导入）",
	help: "不导入，显示一个文件如何被读取。默认：各工作表的表头行、数据行数，每一列的表头、读作的字段（或未导入的原因）、\n" +
		"单位和识别方式（按表头、按内容、按指定），以及问题；--json：同样内容的 JSON；导入器拒绝的文件也尽量显示，\n" +
		"拒绝原因写到标准错误，退出码为 1。--cells：按读取器所见输出单元格网格（JSON），不应用任何台账规则；\n" +
		"文件无法读取时退出码为 1，错误信息写到标准错误，标准输出不写任何内容。",
	run: cmdInspect,
}

// cmdInspect shows how a file is read, without importing it. With --cells:
// the grid exactly as the readers see it, before any ledger rule, as the
// JSON of sheet.Book.WriteGrid (README, "tracker inspect --cells").
// Otherwise what the importer makes of it (importer.Inspect): per sheet the
// header rows, every column with its label, field (or why it is not read),
// unit and how that was decided, the period and the data rows; as a table,
// or as JSON with --json. A file the importer refuses is shown as far as it
// was read, the refusal is the error (stderr, exit status 1).
func cmdInspect(_ context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	asJSON := fs.Bool("json", false, "以 JSON 输出各工作表的表头行、各列读作的字段和识别方式")
	cells := fs.Bool("cells", false, "输出读取器看到的单元格网格（JSON），不应用任何台账规则")
	files, err := inv.parseArgs(fs, args, arity{1, 1, "FILE"})
	if err != nil {
		return err
	}
	if *asJSON && *cells {
		return errors.New("--json 和 --cells 只能指定一个")
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return fmt.Errorf("无法读取文件“%s”：%w", files[0], err)
	}
	if *cells {
		return inspectCells(data, filepath.Base(files[0]), inv.stdout)
	}
	return inspectLedger(data, filepath.Base(files[0]), *asJSON, inv.stdout)
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
