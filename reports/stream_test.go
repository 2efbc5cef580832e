package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestStreamBuffers: a big sheet streamed through a spiller never holds
// more than spillAt and a row; it is in its temporary file, and flush
// drops the buffer (streamFields finds excelize's fields: if an upgrade
// renamed them, this fails rather than the memory quietly coming back). A
// small sheet keeps its buffer, which is all there is of it. Both read
// back whole, in order.
func TestStreamBuffers(t *testing.T) {
	var out bytes.Buffer
	f := newFile(&out)
	defer f.Close()
	if _, err := f.NewSheet("大"); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("项目进度正常推进", 400) // 9,600 bytes a cell
	big, err := f.NewStreamWriter("大")
	if err != nil {
		t.Fatal(err)
	}
	sp := newSpiller(big)
	if sp == nil {
		t.Fatal("excelize's stream fields are not as known")
	}
	const rows = 2000 // 19 MB of sheet XML
	for i := 1; i <= rows; i++ {
		if err := big.SetRow(cellName(1, i), []any{i, long}); err != nil {
			t.Fatal(err)
		}
		if err := sp.spill(); err != nil {
			t.Fatal(err)
		}
		if n := sp.buf.Len(); n >= spillAt {
			t.Fatalf("row %d: the stream holds %d bytes", i, n)
		}
	}
	if err := flush(big); err != nil {
		t.Fatal(err)
	}
	if buf, tmp, ok := streamFields(big); !ok || *tmp == nil || buf.Cap() != 0 {
		t.Fatalf("the spilled stream's buffer is not released: found %v", ok)
	}
	small, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := small.SetRow("A1", []any{"小"}); err != nil {
		t.Fatal(err)
	}
	if err := flush(small); err != nil {
		t.Fatal(err)
	}
	if buf, tmp, ok := streamFields(small); !ok || *tmp != nil || buf.Len() == 0 {
		t.Fatal("a stream in memory was taken for one in its file")
	}
	if err := save(f); err != nil {
		t.Fatal(err)
	}
	back, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	got, err := back.GetRows("大")
	if err != nil || len(got) != rows {
		t.Fatalf("big sheet read back: %d rows, %v", len(got), err)
	}
	for i, r := range got {
		if len(r) != 2 || r[0] != itoa(i+1) || r[1] != long {
			t.Fatalf("big sheet row %d read back as %.40q", i+1, r)
		}
	}
	if v, _ := back.GetCellValue("Sheet1", "A1"); v != "小" {
		t.Fatalf("small sheet A1 = %q", v)
	}
}
