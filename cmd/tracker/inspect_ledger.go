package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"tracker/importer"
	"tracker/models"
)

// inspectLedger prints how the importer reads a file. Nothing is printed
// when the file cannot be opened at all; a file the importer refuses is
// printed as far as it was read, and the refusal is the error.
func inspectLedger(data []byte, name string, asJSON bool, stdout io.Writer) error {
	ins, err := importer.Inspect(data, importer.Options{FileName: name})
	if ins.Format == "" {
		return err
	}
	if asJSON {
		out := struct {
			*importer.Inspection
			Error string `json:"error,omitempty"`
		}{Inspection: ins}
		if err != nil {
			out.Error = message(err)
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if werr := enc.Encode(out); werr != nil {
			return werr
		}
		return err
	}
	writeInspection(stdout, name, ins)
	return err
}

// byNames are the ways a column was recognised, in Chinese.
var byNames = map[string]string{models.ByLabel: "按表头", models.ByContent: "按内容", models.ByMapping: "按指定"}

// writeInspection prints an Inspection as text for the office and support.
func writeInspection(w io.Writer, name string, ins *importer.Inspection) {
	period := "未找到"
	if ins.Period != 0 {
		period = fmt.Sprintf("%d年%d月", ins.Period.Year(), ins.Period.Num())
	}
	fmt.Fprintf(w, "文件：%s（%s），报告期：%s\n", name, ins.Format, period)
	for _, s := range ins.Sheets {
		if s.Skipped && len(s.Columns) == 0 {
			fmt.Fprintf(w, "\n工作表“%s”：未读取（%s）\n", s.Name, s.Reason)
			continue
		}
		fmt.Fprintf(w, "\n工作表“%s”：表头%s，数据%d行", s.Name, rowsText(s.HeaderRows), s.DataRows)
		if s.Skipped {
			fmt.Fprintf(w, "，未读取（%s）", s.Reason)
		}
		fmt.Fprintln(w)
		for _, c := range s.Columns {
			field := "未导入"
			if c.Field != "" {
				field = models.FieldLabel(c.Field)
			}
			if c.Unit != "" {
				field += "（" + c.Unit + "）"
			}
			fmt.Fprintf(w, "  %-3s %s → %s，%s", c.Column, orText(c.Label, "（无表头）"), field, byNames[c.By])
			if c.Note != "" {
				fmt.Fprintf(w, "：%s", c.Note)
			}
			fmt.Fprintln(w)
		}
	}
	writeProblems(w, ins.Problems)
}

// writeProblems lists the first problems found.
func writeProblems(w io.Writer, problems []importer.Problem) {
	const shown = 30
	if len(problems) == 0 {
		return
	}
	fmt.Fprintf(w, "\n问题 %d 个：\n", len(problems))
	for i, p := range problems {
		if i == shown {
			fmt.Fprintf(w, "  ……另有 %d 个\n", len(problems)-shown)
			break
		}
		fmt.Fprintf(w, "  %s：%s\n", models.SeverityLabel(p.Severity), p.Message)
	}
}

// rowsText writes header rows as 第2行 or 第2-3行.
func rowsText(rows []int) string {
	switch len(rows) {
	case 0:
		return "无（按内容识别各列）"
	case 1:
		return fmt.Sprintf("第%d行", rows[0])
	}
	return fmt.Sprintf("第%d-%d行", rows[0], rows[len(rows)-1])
}

func orText(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}
