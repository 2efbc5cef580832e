package models

import (
	"strings"
	"testing"
)

func TestPasswordRules(t *testing.T) {
	long := strings.Repeat("重大项目跟踪系统", 4) // 32 Chinese characters, 96 bytes
	tests := []struct {
		name, password string
		refused        string // a part of the message, "" when accepted
	}{
		{"zhangdian", "12345678", "至少需要10个字符"},
		{"zhangdian", "zhangdian", "至少需要10个字符"},
		{"zhangdian", "Zhangdian1", "用户名"},
		{"zhangdian", "zhangdian2024!", "用户名"},
		{"zhangdian", "naidgnahz0", ""}, // the name reversed and a digit is not the name reversed
		{"administrator", "rotartsinimda", "用户名"},
		{"admin", "admin-pass-2024", ""},
		{"admin", "password-admin", ""},
		{"x", "1234567890", "太常见"},
		{"x", "Password123", "太常见"},
		{"x", "qwertyuiop", "太常见"},
		{"x", "0987654321", "太常见"},
		{"x", "aaaaaaaaaaaa", "太常见"},
		{"x", "abcabcabcabc", "太常见"},
		{"x", "woaini1314520", "太常见"},
		{"x", "3456789012", ""}, // not a stretch of the row: it wraps around
		{"x", long, ""},
		{"x", "淄博重大项目办公室密码", ""},
		{"x", strings.Repeat("长", 257), "不能超过256个字符"},
	}
	for _, tt := range tests {
		err := CheckPassword(tt.name, tt.password)
		switch {
		case tt.refused == "" && err != nil:
			t.Errorf("%q for %q refused: %v", tt.password, tt.name, err)
		case tt.refused != "" && (err == nil || !strings.Contains(ErrorMessage(err), tt.refused)):
			t.Errorf("%q for %q: %v, want a refusal with %q", tt.password, tt.name, err, tt.refused)
		}
	}
}
