package sheet

import (
	"encoding/binary"
	"unicode/utf16"
)

// cfbMaxStream bounds the workbook stream cfbBuild accepts: what 109 FAT
// sectors address (no DIFAT sectors needed), about 6.8 MiB.
const cfbMaxStream = (109*128 - 109 - 1) * 512

// cfbBuild writes a minimal, well-formed compound file (version 3, 512-byte
// sectors) holding one stream "Workbook", at least 4,096 bytes long so it
// lives in regular sectors and no mini stream is needed.
func cfbBuild(stream []byte) []byte { return cfbBuildNamed(stream, "Workbook") }

// cfbBuildNamed is cfbBuild with the stream named name.
func cfbBuildNamed(stream []byte, name string) []byte {
	if len(stream) < 4096 {
		stream = append(stream, make([]byte, 4096-len(stream))...)
	}
	nData := (len(stream) + 511) / 512
	nFAT := 1
	for (nFAT+1+nData+127)/128 > nFAT {
		nFAT++
	}
	total := nFAT + 1 + nData
	out := make([]byte, 512*(total+1))
	cfbHeader(out[:512], nFAT)
	fat := make([]uint32, nFAT*128)
	for i := range fat {
		fat[i] = cfbFree
	}
	for i := 0; i < nFAT; i++ {
		fat[i] = cfbFAT
	}
	fat[nFAT] = cfbEnd // the directory
	for i := 0; i < nData; i++ {
		fat[nFAT+1+i] = uint32(nFAT + 2 + i)
	}
	fat[nFAT+nData] = cfbEnd
	for i, v := range fat {
		binary.LittleEndian.PutUint32(out[512+4*i:], v)
	}
	dir := out[512*(nFAT+1) : 512*(nFAT+2)]
	cfbEntry(dir[0:128], "Root Entry", 5, cfbEnd, 0, 1)
	cfbEntry(dir[128:256], name, 2, uint32(nFAT+1), uint32(len(stream)), cfbFree)
	for _, e := range []int{256, 384} { // unused entries: no siblings, no child
		cfbEntry(dir[e:e+128], "", 0, 0, 0, cfbFree)
	}
	copy(out[512*(nFAT+2):], stream)
	return out
}

func cfbHeader(h []byte, nFAT int) {
	copy(h, sigCFB)
	le := binary.LittleEndian
	le.PutUint16(h[0x18:], 0x3E)
	le.PutUint16(h[0x1A:], 3)
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x1E:], 9)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], uint32(nFAT))
	le.PutUint32(h[0x30:], uint32(nFAT)) // the directory follows the FAT
	le.PutUint32(h[0x38:], 4096)
	le.PutUint32(h[0x3C:], cfbEnd)
	le.PutUint32(h[0x44:], cfbEnd)
	for i := 0; i < 109; i++ {
		v := uint32(cfbFree)
		if i < nFAT {
			v = uint32(i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
}

func cfbEntry(e []byte, name string, kind byte, start, size, child uint32) {
	le := binary.LittleEndian
	u := utf16.Encode([]rune(name))
	for i, c := range u {
		le.PutUint16(e[2*i:], c)
	}
	if name != "" {
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
	}
	e[0x42], e[0x43] = kind, 1
	le.PutUint32(e[0x44:], cfbFree)
	le.PutUint32(e[0x48:], cfbFree)
	le.PutUint32(e[0x4C:], child)
	le.PutUint32(e[0x74:], start)
	le.PutUint32(e[0x78:], size)
}
