package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"testing"
	"time"
)

// zipFuzzLimits are small enough for a mutated archive to reach each of
// them: entries, one entry unzipped, all entries unzipped, and the ratio
// (checked past 1 MiB).
var zipFuzzLimits = Limits{MaxZipEntries: 40, MaxEntryBytes: 3 << 20, MaxUnzippedBytes: 5 << 20, MaxRatio: 200}.WithDefaults()

// zipSeeds returns the .xlsx fixtures and a few crafted archives: a zip
// bomb (ratio), a header that lies about its size, an encrypted entry and
// two parts of one name.
func zipSeeds(f *testing.F) [][]byte {
	var out [][]byte
	for p, data := range seedFiles(seedGlobs...) {
		if strings.HasSuffix(p, ".xlsx") && len(data) < 64<<10 {
			out = append(out, data)
		}
	}
	out = append(out, kindsWorkbook(f), zipOf(f, map[string]string{"xl/workbook.xml": strings.Repeat("<x/>", 1<<20)}),
		zipOf(f, map[string]string{"a.xml": strings.Repeat("0", 3<<20), "b.xml": strings.Repeat("1", 3<<20)}),
		zipOf(f, map[string]string{"A.xml": "x", "a.xml": "y"}))
	raw := make([]byte, 4<<20)
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(raw)
	fw.Close()
	for _, h := range []*zip.FileHeader{
		{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(raw), CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1000},
		{Name: "XL/Workbook.xml", Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(raw), CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(len(raw)), Flags: 0x1},
	} {
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		if part, err := w.Create("xl/workbook.xml"); err == nil {
			part.Write([]byte(`<workbook><sheets><sheet name="a"/></sheets></workbook>`))
		}
		rw, err := w.CreateRaw(h)
		if err != nil {
			f.Fatal(err)
		}
		rw.Write(comp.Bytes())
		w.Close()
		out = append(out, buf.Bytes())
	}
	if len(out) < 20 {
		f.Fatalf("only %d zip seeds", len(out))
	}
	return out
}

// FuzzZipGuard opens mutated archives with the zip guard and reads every
// entry through it: no panic; every refusal an *Error with a Chinese
// message; an archive accepted has no more entries, and declares no more
// bytes, than the limits allow; an entry read whole is no larger than the
// limits and is exactly what archive/zip inflates; and the bytes counted
// stay within the total limit (past it by at most one read).
func FuzzZipGuard(f *testing.F) {
	for _, s := range zipSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		start := cpuTime()
		checkZipGuard(t, data, zipFuzzLimits)
		if d := cpuTime() - start; d > 5*time.Second {
			t.Errorf("took %v of CPU", d)
		}
	})
}

func checkZipGuard(t *testing.T, data []byte, l Limits) {
	g, err := openZip(bytes.NewReader(data), int64(len(data)), l)
	if err != nil {
		wantChineseError(t, err)
		return
	}
	if len(g.zr.File) > l.MaxZipEntries {
		t.Fatalf("%d entries accepted, limit %d", len(g.zr.File), l.MaxZipEntries)
	}
	var declared uint64
	for _, zf := range g.zr.File {
		declared += zf.UncompressedSize64
		if zf.UncompressedSize64 > uint64(l.MaxEntryBytes) {
			t.Fatalf("entry %q declares %d bytes, limit %d", zf.Name, zf.UncompressedSize64, l.MaxEntryBytes)
		}
		if zf.Flags&1 != 0 {
			t.Fatalf("encrypted entry %q accepted", zf.Name)
		}
	}
	if declared > uint64(l.MaxUnzippedBytes) {
		t.Fatalf("entries declare %d bytes, limit %d", declared, l.MaxUnzippedBytes)
	}
	for key, zf := range g.files {
		got, err := g.readAll(key, 0)
		if g.total.Load() > l.MaxUnzippedBytes+(1<<20) {
			t.Fatalf("%d bytes unzipped, limit %d", g.total.Load(), l.MaxUnzippedBytes)
		}
		if err != nil {
			if wantChineseError(t, err).Kind == TooLarge {
				return // the total is spent: nothing more is read
			}
			continue
		}
		if int64(len(got)) > l.MaxEntryBytes {
			t.Fatalf("entry %q read as %d bytes, limit %d", key, len(got), l.MaxEntryBytes)
		}
		if len(got) > 1<<20 && int64(len(got)) > l.MaxRatio*(int64(zf.CompressedSize64)+1) {
			t.Fatalf("entry %q inflated %d from %d bytes past the ratio", key, len(got), zf.CompressedSize64)
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatalf("the guard read %q, archive/zip cannot open it: %v", key, err)
		}
		want, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("entry %q: the guard read %d bytes, archive/zip %d (%v)", key, len(got), len(want), err)
		}
	}
}

// wantChineseError fails unless err is an *Error whose message is Chinese.
// and returns it.
func wantChineseError(t *testing.T, err error) *Error {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) || !hasChinese(se.Message) || se.Kind < Unsupported || se.Kind > TooLarge {
		t.Fatalf("error %T %v is not an *Error with a Chinese message", err, err)
	}
	return se
}
