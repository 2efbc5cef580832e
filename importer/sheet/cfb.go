package sheet

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode/utf16"
)

// The old .xls format keeps its data in the "Workbook" (BIFF8) or "Book"
// (BIFF5) stream of an OLE compound file (CFB). This reads that stream
// with every sector chain bounded and checked (a loop, an id outside the
// file or a FAT sector listed twice is a damaged file), so that a crafted
// file can neither loop nor read outside itself.

const (
	cfbEnd  = 0xFFFFFFFE // ENDOFCHAIN
	cfbFree = 0xFFFFFFFF // FREESECT
	cfbFAT  = 0xFFFFFFFD // FATSECT
)

var (
	errCFB        = errors.New("damaged compound file")
	errNoWorkbook = errors.New("compound file without a workbook stream")
)

// cfbFile is a parsed compound file: its sectors and FAT.
type cfbFile struct {
	data  []byte
	shift uint
	fat   []uint32
	dir   []byte // the directory's 128-byte entries
}

// cfbWorkbook is what an .xls holds that the reader needs: the workbook
// stream and whether the file carries VBA macros.
type cfbWorkbook struct {
	stream []byte
	macros bool // a _VBA_PROJECT_CUR storage
}

// openCFB returns the Workbook stream, or else the Book stream, of a
// compound file; stream names are matched without regard to case, as
// Excel does (some writers spell them WORKBOOK or BOOK).
func openCFB(data []byte) (*cfbWorkbook, error) {
	if len(data) < 512 {
		return nil, errCFB
	}
	c := &cfbFile{data: data, shift: uint(binary.LittleEndian.Uint16(data[0x1E:]))}
	if c.shift != 9 && c.shift != 12 {
		return nil, errCFB
	}
	if err := c.readFAT(); err != nil {
		return nil, err
	}
	dir, err := c.chain(binary.LittleEndian.Uint32(data[0x30:]), c.fat, c.sector)
	if err != nil {
		return nil, err
	}
	c.dir = dir
	wb := &cfbWorkbook{macros: c.entry(1, "_VBA_PROJECT_CUR") != nil}
	for _, name := range []string{"Workbook", "Book"} {
		if e := c.entry(2, name); e != nil {
			wb.stream, err = c.stream(e)
			return wb, err
		}
	}
	return nil, errNoWorkbook
}

// sector returns sector id's bytes, or nil when it lies outside the file.
// The last sector may be short: writers need not pad the file.
func (c *cfbFile) sector(id uint32) []byte {
	size := int64(1) << c.shift
	off := (int64(id) + 1) * size
	if id >= cfbFAT || off >= int64(len(c.data)) {
		return nil
	}
	return c.data[off:min(off+size, int64(len(c.data)))]
}

// readFAT collects the FAT from the header's DIFAT and the DIFAT chain.
func (c *cfbFile) readFAT() error {
	var ids []uint32
	for i := 0; i < 109; i++ {
		ids = append(ids, binary.LittleEndian.Uint32(c.data[0x4C+4*i:]))
	}
	next, seen := binary.LittleEndian.Uint32(c.data[0x44:]), map[uint32]bool{}
	for next < cfbFAT {
		s := c.sector(next)
		if len(s) < 1<<c.shift || seen[next] {
			return errCFB
		}
		seen[next] = true
		for i := 0; i+4 < len(s); i += 4 {
			ids = append(ids, binary.LittleEndian.Uint32(s[i:]))
		}
		next = binary.LittleEndian.Uint32(s[len(s)-4:])
	}
	used := map[uint32]bool{}
	for _, id := range ids {
		if id >= cfbFAT {
			continue
		}
		s := c.sector(id)
		if s == nil || used[id] { // a FAT sector listed twice: a crafted file
			return errCFB
		}
		used[id] = true
		for i := 0; i+4 <= len(s); i += 4 {
			c.fat = append(c.fat, binary.LittleEndian.Uint32(s[i:]))
		}
	}
	return nil
}

// chain concatenates the units of a chain through table, refusing loops
// and ids outside the table.
func (c *cfbFile) chain(start uint32, table []uint32, unit func(uint32) []byte) ([]byte, error) {
	var out []byte
	visited := make([]bool, len(table))
	for id := start; id != cfbEnd; {
		if int(id) >= len(table) || visited[id] {
			return nil, errCFB
		}
		visited[id] = true
		u := unit(id)
		if u == nil {
			return nil, errCFB
		}
		out = append(out, u...)
		id = table[id]
	}
	return out, nil
}

// entry returns the first directory entry of a kind (1 storage, 2 stream,
// 5 root) with the name, in any case; nil when there is none.
func (c *cfbFile) entry(kind byte, name string) []byte {
	for off := 0; off+128 <= len(c.dir); off += 128 {
		e := c.dir[off : off+128]
		if e[0x42] == kind && strings.EqualFold(cfbName(e), name) {
			return e
		}
	}
	return nil
}

// stream reads a stream's bytes, from the mini stream when it is under
// the cutoff.
func (c *cfbFile) stream(e []byte) ([]byte, error) {
	start, size := binary.LittleEndian.Uint32(e[0x74:]), binary.LittleEndian.Uint32(e[0x78:])
	if size >= binary.LittleEndian.Uint32(c.data[0x38:]) {
		s, err := c.chain(start, c.fat, c.sector)
		if err != nil {
			return nil, err
		}
		return truncate(s, size)
	}
	root := c.entry(5, "Root Entry")
	if root == nil {
		for off := 0; off+128 <= len(c.dir) && root == nil; off += 128 {
			if c.dir[off+0x42] == 5 {
				root = c.dir[off : off+128]
			}
		}
	}
	if root == nil {
		return nil, errCFB
	}
	return c.miniStream(root, start, size)
}

// miniStream reads a stream kept in 64-byte mini sectors.
func (c *cfbFile) miniStream(root []byte, start, size uint32) ([]byte, error) {
	container, err := c.chain(binary.LittleEndian.Uint32(root[0x74:]), c.fat, c.sector)
	if err != nil {
		return nil, err
	}
	raw, err := c.chain(binary.LittleEndian.Uint32(c.data[0x3C:]), c.fat, c.sector)
	if err != nil {
		return nil, err
	}
	minifat := make([]uint32, len(raw)/4)
	for i := range minifat {
		minifat[i] = binary.LittleEndian.Uint32(raw[4*i:])
	}
	mini := func(id uint32) []byte {
		if int64(id+1)*64 > int64(len(container)) {
			return nil
		}
		return container[id*64 : (id+1)*64]
	}
	s, err := c.chain(start, minifat, mini)
	if err != nil {
		return nil, err
	}
	return truncate(s, size)
}

func truncate(s []byte, size uint32) ([]byte, error) {
	if uint64(len(s)) < uint64(size) {
		return nil, errCFB
	}
	return s[:size], nil
}

// cfbName decodes a directory entry's UTF-16 name.
func cfbName(e []byte) string {
	n := int(binary.LittleEndian.Uint16(e[0x40:]))
	if n < 2 || n > 64 {
		return ""
	}
	u := make([]uint16, n/2-1)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(e[2*i:])
	}
	return string(utf16.Decode(u))
}
