package models

import (
	"fmt"
	"testing"
)

// TestRefusalSummary: 45 rows refused alike get one line naming the
// reason; rows refused for two reasons get the two with their counts.
func TestRefusalSummary(t *testing.T) {
	var alike []Problem
	for row := 3; row < 48; row++ {
		alike = append(alike, Problem{Sheet: "台账", Row: row, Severity: SeverityError,
			Message: fmt.Sprintf("工作表“台账”第%d行：新项目 2403-370303-04-01-%06d 无法确定所属区县：请填写“所属区县”列，或在标题、填报单位中写明区县", row, row)})
	}
	alike = append(alike, Problem{Sheet: "台账", Row: 5, Severity: SeverityWarning, Message: "工作表“台账”第5行：一个警告"})
	got := RefusalSummary(alike, 45)
	want := "45行均未导入，原因相同：新项目无法确定所属区县：请填写“所属区县”列，或在标题、填报单位中写明区县（如工作表“台账”第3行）"
	if len(got) != 1 || got[0].Message != want || got[0].Row != 0 || got[0].Severity != SeverityError {
		t.Errorf("got %+v\nwant %s", got, want)
	}
	mixed := []Problem{
		{Sheet: "台账", Row: 3, Severity: SeverityError, Message: "工作表“台账”第3行 B列（项目代码）：缺少项目代码（尚未赋码的准备类项目请先取得统一项目代码再报送）"},
		{Sheet: "台账", Row: 4, Severity: SeverityError, Message: "工作表“台账”第4行 B列（项目代码）：缺少项目代码（尚未赋码的准备类项目请先取得统一项目代码再报送）"},
		{Sheet: "台账", Row: 4, Severity: SeverityError, Message: "工作表“台账”第4行 F列（总投资）：金额“-5”为负数"},
		{Sheet: "台账", Row: 5, Severity: SeverityError, Message: "工作表“台账”第5行 F列（总投资）：金额“-7”为负数"},
		{Sheet: "台账", Row: 6, Severity: SeverityError, Message: "工作表“台账”第6行 C列（名称）：缺少项目名称"},
	}
	got = RefusalSummary(mixed, 4)
	want = "4行均未导入，主要原因：2行B列（项目代码）：缺少项目代码（尚未赋码的准备类项目请先取得统一项目代码再报送）（如工作表“台账”第3行）；2行F列（总投资）：金额“-5”为负数（如工作表“台账”第4行）"
	if len(got) != 1 || got[0].Message != want {
		t.Errorf("got %+v\nwant %s", got, want)
	}
	if got := RefusalSummary(nil, 3); got != nil {
		t.Errorf("no errors: got %+v", got)
	}
	if got := RefusalSummary(mixed[:1], 1); got != nil {
		t.Errorf("one row: got %+v", got)
	}
}
