package importer

import (
	"os"
	"testing"

	"tracker/importer/sheet"
	"tracker/models"
)

func TestTextRange(t *testing.T) {
	cases := []struct {
		text     string
		from, to models.Month
		ok       bool
	}{
		{"2024.03-2026.12", 202403, 202612, true},
		{"2024-03-2026-12", 202403, 202612, true},
		{"2024年3月至2026年12月", 202403, 202612, true},
		{"2024.3—2025.6", 202403, 202506, true},
		{"2024.03~2026.12", 202403, 202612, true},
		{"2024-03", 0, 0, false},         // one month
		{"2024-2026", 0, 0, false},       // years only: no month to take
		{"2026.12-2024.03", 0, 0, false}, // an end before its start
		{"未开工-2026.12", 0, 0, false},
	}
	for _, c := range cases {
		from, to, ok := textRange(sheet.Cell{Kind: sheet.KindText, Text: c.text}, 2024)
		if ok != c.ok || ok && (from.m != c.from || to.m != c.to) {
			t.Errorf("textRange(%q) = %v %v %v, want %v %v %v", c.text, from.m, to.m, ok, c.from, c.to, c.ok)
		}
	}
}

// TestStartFinishColumn: a 计划开竣工时间 column of ranges gives the planned
// start (no other column states it) and the planned completion.
func TestStartFinishColumn(t *testing.T) {
	data, err := os.ReadFile("testdata/corpus/c03_start_finish_range.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(data, Options{FileName: "c03.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range l.Records.All() {
		if r.PlannedCompletion != 202612 || r.Has&models.FieldPlannedCompletion == 0 || r.Has&FieldPlannedStart == 0 || r.PlannedStart == 0 {
			t.Errorf("row %d: planned start %v, completion %v (has %b)", r.Row, r.PlannedStart, r.PlannedCompletion, r.Has)
		}
	}
}
