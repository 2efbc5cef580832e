package sheet

import (
	"bytes"
	"crypto/rc4"
	"crypto/sha1"
	"encoding/binary"
	"math"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestChartsAreNotSheets: a chart sheet, and a chart embedded in a
// worksheet (a substream inside the sheet's), add no cells and overwrite
// none: the records inside them are not the sheet's.
func TestChartsAreNotSheets(t *testing.T) {
	stream := testBook(false, nil,
		testSheet{name: "数据", bofDT: bofWorksheet, body: func(w *biffW) {
			w.number(0, 0, 1)
			w.bof(0x20) // an embedded chart
			w.number(0, 0, 99)
			w.number(5, 5, 99)
			w.rec(recEOF)
			w.number(1, 0, 2)
		}},
		testSheet{name: "图表", kind: 2, bofDT: 0x20, body: func(w *biffW) { w.number(0, 0, 7) }},
	)
	g := xlsGrid(t, stream)
	if len(g.Sheets) != 1 || g.Sheets[0].Name != "数据" {
		t.Fatalf("sheets %+v", g.Sheets)
	}
	if want := [][]any{{1.0, 1.0, "number", 1.0}, {2.0, 1.0, "number", 2.0}}; !reflect.DeepEqual(g.Sheets[0].Cells, want) {
		t.Errorf("cells %v, want %v", g.Sheets[0].Cells, want)
	}
}

// TestCellsOutOfOrder: cells written out of row and column order come out
// in order, the last of two in one place kept; ROW flags hide rows.
func TestCellsOutOfOrder(t *testing.T) {
	stream := testBook(false, nil, testSheet{name: "s", bofDT: bofWorksheet, body: func(w *biffW) {
		w.rec(recRow, le16b(1, 0, 2, 255, 0, 0), le32b(0x20)) // row 2 hidden
		w.number(2, 1, 32)
		w.number(2, 0, 31)
		w.number(0, 0, 11)
		w.label(1, 0, "旧")
		w.label(1, 0, "新")
	}})
	g := xlsGrid(t, stream)
	want := [][]any{{1.0, 1.0, "number", 11.0}, {2.0, 1.0, "text", "新"}, {3.0, 1.0, "number", 31.0}, {3.0, 2.0, "number", 32.0}}
	if !reflect.DeepEqual(g.Sheets[0].Cells, want) {
		t.Errorf("cells %v, want %v", g.Sheets[0].Cells, want)
	}
	b, _ := Open(cfbBuild(stream), "t.xls", Options{})
	var hidden []int
	b.Sheets[0].Rows(func(r *Row) error {
		if r.Hidden {
			hidden = append(hidden, r.Num)
		}
		return nil
	})
	if !reflect.DeepEqual(hidden, []int{2}) {
		t.Errorf("hidden rows %v, want [2]", hidden)
	}
}

// TestMacrosRefused: an Excel 4.0 macro sheet makes the file refused, as
// an .xlsm is.
func TestMacrosRefused(t *testing.T) {
	stream := testBook(false, nil, testSheet{name: "Macro1", kind: 1, bofDT: 0x40})
	err := readAll(cfbBuild(stream), "m.xls", Options{})
	wantKind(t, err, Unsupported)
	if !strings.Contains(err.Error(), "宏") {
		t.Errorf("got %v", err)
	}
}

// TestBIFF5Codepage: Excel 95 text is in the book's codepage: GBK for 936,
// Windows-1252 without a CODEPAGE record (Excel's default).
func TestBIFF5Codepage(t *testing.T) {
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	zh := testBook(true, func(w *biffW) { w.rec(recCodepage, le16b(936)) },
		testSheet{name: gbk("台账"), bofDT: bofWorksheet, body: func(w *biffW) { w.label(0, 0, gbk("淄博市重大项目")) }})
	g := xlsGrid(t, zh)
	if g.Sheets[0].Name != "台账" || !reflect.DeepEqual(g.Sheets[0].Cells, [][]any{{1.0, 1.0, "text", "淄博市重大项目"}}) {
		t.Errorf("GBK: %q %v", g.Sheets[0].Name, g.Sheets[0].Cells)
	}
	latin := testBook(true, nil, testSheet{name: "Caf\xe9", bofDT: bofWorksheet, body: func(w *biffW) { w.label(0, 0, "Na\xefve \x80") }})
	g = xlsGrid(t, latin)
	if g.Sheets[0].Name != "Café" || !reflect.DeepEqual(g.Sheets[0].Cells, [][]any{{1.0, 1.0, "text", "Naïve €"}}) {
		t.Errorf("1252: %q %v", g.Sheets[0].Name, g.Sheets[0].Cells)
	}
}

// TestStreamNamesAndShortSector: stream names in any case (WORKBOOK,
// BOOK), and a file whose last sector is shorter than 512 bytes.
func TestStreamNamesAndShortSector(t *testing.T) {
	stream := mustCFB(t, fixture(t, "diff_1900.xls"))
	want := readGrid(t, fixture(t, "diff_1900.xls"), "a.xls", false)
	for _, name := range []string{"WORKBOOK", "workbook"} {
		sameGrid(t, name, want, readGrid(t, cfbBuildNamed(stream, name), "a.xls", false), nil)
	}
	biff5 := mustCFB(t, fixture(t, "diff_1900_95.xls"))
	want95 := readGrid(t, fixture(t, "diff_1900_95.xls"), "b.xls", false)
	sameGrid(t, "BOOK", want95, readGrid(t, cfbBuildNamed(biff5, "BOOK"), "b.xls", false), nil)
	file := cfbBuild(stream)
	short := file[:len(file)-(512-len(stream)%512)%512] // the last sector as long as the stream needs
	if len(short)%512 == 0 {
		t.Fatal("the stream fills its last sector: no short sector to test")
	}
	sameGrid(t, "short sector", want, readGrid(t, short, "a.xls", false), nil)
}

// TestTooOld: Excel 2.x-4.0 files (BIFF2-4, bare or in a compound file)
// get a message saying the version is too old, not "not a workbook".
func TestTooOld(t *testing.T) {
	biff2 := append(le16b(recBOF2, 4, 2, 0x10), bytes.Repeat([]byte{0}, 40)...)
	biff4 := append(le16b(recBOF4, 6, 0, 0x10, 0), bytes.Repeat([]byte{0}, 40)...)
	for name, data := range map[string][]byte{"biff2.xls": biff2, "biff4.xls": biff4, "biff4-cfb.xls": cfbBuild(biff4),
		"biff2.dat": biff2} {
		err := readAll(data, name, Options{})
		wantKind(t, err, Unsupported)
		if !strings.Contains(err.Error(), "4.0或更早") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestBareBIFF: a BIFF stream without a compound file around it, as some
// programs write, reads as the same workbook.
func TestBareBIFF(t *testing.T) {
	stream := mustCFB(t, fixture(t, "diff_1900.xls"))
	sameGrid(t, "bare", readGrid(t, fixture(t, "diff_1900.xls"), "a.xls", false), readGrid(t, stream, "a.xls", false), nil)
}

// TestCryptoAPI: a workbook encrypted with RC4 CryptoAPI (Excel
// 2002-2019's default for .xls) and the default password reads. No writer
// at hand makes one, so the test encrypts diff_1900.xls itself: a FILEPASS
// built as [MS-OFFCRYPTO] 2.3.5 says (SHA-1 of salt and password, block
// keys SHA-1(H0 + block), the verifier checked by SHA-1), the stream
// encrypted in 1024-byte blocks by stream offset. Another password is
// refused.
func TestCryptoAPI(t *testing.T) {
	plain := mustCFB(t, fixture(t, "diff_1900.xls"))
	want := readGrid(t, fixture(t, "diff_1900.xls"), "a.xls", false)
	for _, bits := range []int{40, 128} {
		enc := cryptoAPIEncrypt(t, plain, defaultPassword, bits)
		sameGrid(t, "CryptoAPI", want, readGrid(t, cfbBuild(enc), "c.xls", false), nil)
	}
	err := readAll(cfbBuild(cryptoAPIEncrypt(t, plain, "另一个密码", 128)), "c.xls", Options{})
	wantKind(t, err, Unsupported)
}

// cryptoAPIEncrypt inserts an RC4 CryptoAPI FILEPASS after the BOF of a
// plain stream (moving the sheets' offsets) and encrypts the rest.
func cryptoAPIEncrypt(t *testing.T, plain []byte, password string, bits int) []byte {
	t.Helper()
	salt := []byte("0123456789abcdef")
	verifier := []byte("fedcba9876543210")
	h0 := sha1.Sum(append(append([]byte(nil), salt...), utf16le(password)...))
	k := sha1.Sum(binary.LittleEndian.AppendUint32(append([]byte(nil), h0[:]...), 0))
	key := k[:bits/8]
	if bits == 40 {
		key = append(k[:5:5], make([]byte, 11)...)
	}
	vh := sha1.Sum(verifier)
	ev := append(append([]byte(nil), verifier...), vh[:]...)
	c, _ := rc4.NewCipher(key)
	c.XORKeyStream(ev, ev)
	csp := []byte("M\x00i\x00c\x00r\x00o\x00s\x00o\x00f\x00t\x00\x00\x00")
	header := append(append(le32b(0x04), le32b(0)...), append(append(le32b(0x6801), le32b(0x8004)...), le32b(uint32(bits))...)...)
	header = append(append(header, le32b(1)...), append(le32b(0), le32b(0)...)...)
	header = append(header, csp...)
	fpData := append(le16b(1, 3, 2), le32b(0x04)...)
	fpData = append(append(fpData, le32b(uint32(len(header)))...), header...)
	fpData = append(append(fpData, le32b(16)...), salt...)
	fpData = append(append(fpData, ev[:16]...), le32b(20)...)
	fpData = append(fpData, ev[16:]...)
	w := &biffW{}
	w.rec(recFilepass, fpData)
	bofLen := 4 + u16(plain, 2)
	out := append(append(append([]byte(nil), plain[:bofLen]...), w.b...), plain[bofLen:]...)
	shiftSheets(t, out, len(w.b))
	fp, ok := filepass(out)
	if !ok {
		t.Fatal("no FILEPASS")
	}
	xor := &keystream{key: func(block uint32) []byte {
		k := sha1.Sum(binary.LittleEndian.AppendUint32(append([]byte(nil), h0[:]...), block))
		if bits == 40 {
			return append(k[:5:5], make([]byte, 11)...)
		}
		return k[:bits/8]
	}, block: -1}
	encryptAfter(t, out, fp, xor)
	return out
}

// shiftSheets moves every BOUNDSHEET offset of a stream's globals by d.
func shiftSheets(t *testing.T, s []byte, d int) {
	r := &records{s: s}
	for {
		rec, ok, err := r.next()
		if err != nil || !ok || rec.typ == recEOF {
			return
		}
		if rec.typ == recBoundsheet {
			p := rec.off + 4
			binary.LittleEndian.PutUint32(s[p:], binary.LittleEndian.Uint32(s[p:])+uint32(d))
		}
	}
}

// encryptAfter encrypts, in place, what follows the FILEPASS as Excel
// does: record data only, the clear records and offsets left alone.
func encryptAfter(t *testing.T, s []byte, fp record, ks *keystream) {
	r := &records{s: s, pos: fp.off + 4 + len(fp.data)}
	for {
		rec, ok, err := r.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return
		}
		start := rec.off + 4
		if plainRecords[rec.typ] {
			continue
		}
		if rec.typ == recBoundsheet {
			start += 4
		}
		for p := start; p < rec.off+4+len(rec.data); p++ {
			s[p] ^= ks.at(p)
		}
	}
}

// TestWrongSheetOffsets: a writer that gets BOUNDSHEET's stream offsets
// wrong still has its sheets read, in order.
func TestWrongSheetOffsets(t *testing.T) {
	stream := mustCFB(t, fixture(t, "diff_1900.xls"))
	want := readGrid(t, fixture(t, "diff_1900.xls"), "a.xls", false)
	for _, off := range []uint32{0, uint32(len(stream)) + 100} {
		s := append([]byte(nil), stream...)
		r := &records{s: s}
		for {
			rec, ok, _ := r.next()
			if !ok || rec.typ == recEOF {
				break
			}
			if rec.typ == recBoundsheet {
				binary.LittleEndian.PutUint32(s[rec.off+4:], off)
			}
		}
		sameGrid(t, "wrong offsets", want, xlsGrid(t, s), nil)
	}
}

// TestRKNumbers: RK values are signed 30-bit integers or the top of a
// double, each possibly in hundredths. The library this reader replaced
// read the negative ones unsigned: -1,185,877.33 became 9,551,540.91.
func TestRKNumbers(t *testing.T) {
	rkInt := func(v int32, x100 bool) uint32 {
		rk := uint32(v)<<2 | 2
		if x100 {
			rk |= 1
		}
		return rk
	}
	rkFloat := func(v float64, x100 bool) uint32 {
		rk := uint32(math.Float64bits(v) >> 32)
		rk &^= 3
		if x100 {
			rk |= 1
		}
		return rk
	}
	cases := []struct {
		rk   uint32
		want string
	}{
		{rkInt(-118587733, true), "-1185877.33"}, {rkInt(-12345, false), "-12345"}, {rkInt(536870911, false), "536870911"},
		{rkInt(-536870912, false), "-536870912"}, {rkInt(1234, true), "12.34"}, {rkInt(0, false), "0"},
		{rkFloat(0.5, false), "0.5"}, {rkFloat(-2.5, false), "-2.5"}, {rkFloat(1099511627776, false), "1099511627776"}, {rkFloat(1024.75, true), "10.2475"},
	}
	for _, c := range cases {
		if got := numberText(rkNumber(c.rk)); got != c.want {
			t.Errorf("RK %#08x: got %s, want %s", c.rk, got, c.want)
		}
	}
}

// TestVBARefused: a compound file carrying a VBA project is refused.
func TestVBARefused(t *testing.T) {
	data := cfbBuild(mustCFB(t, fixture(t, "diff_1900.xls")))
	dir := 512 * 2 // header, one FAT sector, then the directory (cfbBuild's layout)
	if nFAT := binary.LittleEndian.Uint32(data[0x2C:]); nFAT != 1 {
		dir = 512 * int(nFAT+1)
	}
	cfbEntry(data[dir+256:dir+384], "_VBA_PROJECT_CUR", 1, cfbEnd, 0, cfbFree)
	err := readAll(data, "v.xls", Options{})
	wantKind(t, err, Unsupported)
	if !strings.Contains(err.Error(), "宏") {
		t.Errorf("got %v", err)
	}
}
