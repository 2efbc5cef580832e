package models

import "testing"

// TestAuditReason is the rule on its own.
func TestAuditReason(t *testing.T) {
	for _, c := range []struct {
		e      AuditEntry
		reason string
		want   string
	}{
		{AuditEntry{Kind: ImportEdit, Note: "来函更正"}, "", "来函更正"},
		{AuditEntry{Kind: ImportEdit, Note: "来函更正"}, "增补", "来函更正"},
		{AuditEntry{Kind: ImportUpload}, " 年中增补 ", "年中增补"},
		{AuditEntry{Kind: ImportUpload, Status: StatusReturned, ReturnReason: "代码有误"}, "年中增补", "年中增补；退回原因：代码有误"},
		{AuditEntry{Kind: ImportUpload, Status: StatusReturned, ReturnReason: "代码有误"}, "", "退回原因：代码有误"},
		{AuditEntry{Kind: ImportUpload, Status: StatusCommitted, ReturnReason: "旧的"}, "", ""},
		{AuditEntry{Kind: AuditSupervision, Action: SuperviseOpen, Note: "用地预审未批复"}, "", ""},
		{AuditEntry{Kind: AuditSupervision, Action: SuperviseReply, Note: " 已报市自然资源局 "}, "", "已报市自然资源局"},
		{AuditEntry{Kind: AuditSupervision, Action: SuperviseClose}, "", ""},
		{AuditEntry{Kind: AuditSupervision, Action: SuperviseReopen, Note: "仍未批复"}, "", "仍未批复"},
	} {
		if got := AuditReason(c.e, c.reason); got != c.want {
			t.Errorf("AuditReason(%+v, %q) = %q, want %q", c.e, c.reason, got, c.want)
		}
	}
}
