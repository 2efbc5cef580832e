package sheet

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// gridDoc is WriteGrid's JSON, decoded.
type gridDoc struct {
	Format   string `json:"format"`
	Date1904 bool   `json:"date1904"`
	Sheets   []struct {
		Name          string   `json:"name"`
		Hidden        bool     `json:"hidden"`
		HiddenColumns []int    `json:"hidden_columns"`
		Merges        []string `json:"merges"`
		Cells         [][]any  `json:"cells"`
		NoValue       []string `json:"formulas_without_value"`
	} `json:"sheets"`
}

// readGrid opens data (the two-pass way unless lazy) and decodes its gridDoc.
func readGrid(t *testing.T, data []byte, name string, lazy bool) gridDoc {
	t.Helper()
	b, err := Open(data, name, Options{Lazy: lazy})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var buf bytes.Buffer
	if err := b.WriteGrid(&buf); err != nil {
		t.Fatal(err)
	}
	var g gridDoc
	if err := json.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.Bytes())
	}
	return g
}

func TestWriteGrid(t *testing.T) {
	for _, lazy := range []bool{false, true} {
		g := readGrid(t, kindsWorkbook(t), "k.xlsx", lazy)
		if g.Format != "xlsx" || !g.Date1904 || len(g.Sheets) != 2 {
			t.Fatalf("got %+v", g)
		}
		s := g.Sheets[0]
		want := [][]any{
			{1.0, 1.0, "text", "项目名称"}, {1.0, 2.0, "text", "行内"},
			{2.0, 1.0, "text", "淄博 甲"}, {2.0, 2.0, "number", -1234.5}, {2.0, 3.0, "date", 43903.0}, {2.0, 4.0, "date", 43903.5},
			{2.0, 5.0, "bool", true}, {2.0, 6.0, "error", "#DIV/0!"}, {2.0, 7.0, "text", "公式文本"},
			{3.0, 1.0, "date", 43904.0}, // 2024-03-15 in the 1904 system: 45366 - 1462
		}
		if !reflect.DeepEqual(s.Cells, want) {
			t.Errorf("lazy=%v cells:\n got %v\nwant %v", lazy, s.Cells, want)
		}
		if s.Name != "数据" || s.Hidden || !reflect.DeepEqual(s.HiddenColumns, []int{3}) || !reflect.DeepEqual(s.Merges, []string{"A1:B1"}) ||
			!reflect.DeepEqual(s.NoValue, []string{"H2"}) {
			t.Errorf("lazy=%v sheet: %+v", lazy, s)
		}
		if h := g.Sheets[1]; h.Name != "隐藏" || !h.Hidden || !reflect.DeepEqual(h.Cells, [][]any{{1.0, 1.0, "number", 7.0}}) ||
			h.HiddenColumns == nil || h.Merges == nil || h.NoValue == nil {
			t.Errorf("hidden sheet: %+v", h)
		}
	}
}

// TestGridValues: numbers as the shortest decimal, ISO dates as serials
// in either system, junk in a number cell as text.
func TestGridValues(t *testing.T) {
	cases := []struct {
		c           Cell
		date1904    bool
		kind, value string
	}{
		{Cell{Kind: KindNumber, Text: "1.5E+2"}, false, "number", "150"},
		{Cell{Kind: KindNumber, Text: "-1185877.33"}, false, "number", "-1185877.33"},
		{Cell{Kind: KindNumber, Text: "-0"}, false, "number", "0"},
		{Cell{Kind: KindNumber, Text: "1e21"}, false, "number", "1e+21"},
		{Cell{Kind: KindNumber, Text: "NaN"}, false, "text", `"NaN"`},
		{Cell{Kind: KindNumber, Text: "12,5"}, false, "text", `"12,5"`},
		{Cell{Kind: KindISODate, Text: "2024-03-15"}, false, "date", "45366"},
		{Cell{Kind: KindISODate, Text: "2024-03-15T12:00:00Z"}, false, "date", "45366.5"},
		{Cell{Kind: KindISODate, Text: "2024-03-15"}, true, "date", "43904"},
		{Cell{Kind: KindISODate, Text: "下月"}, false, "text", `"下月"`},
		{Cell{Kind: KindBool, Text: "0"}, false, "bool", "false"},
		{Cell{Kind: KindText, Text: `<a href="x">&`}, false, "text", `"<a href=\"x\">&"`},
	}
	for _, c := range cases {
		kind, value, ok := gridValue(c.c, c.date1904)
		if !ok || kind != c.kind || value != c.value {
			t.Errorf("%+v 1904=%v: got %s %s, want %s %s", c.c, c.date1904, kind, value, c.kind, c.value)
		}
	}
}
