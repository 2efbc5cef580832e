package importer

import (
	"fmt"

	"tracker/models"
)

// Limits bound the work Read does on one file, so that a hostile or broken
// upload costs seconds and bounded memory. A zero field takes its default.
type Limits struct {
	MaxFileBytes     int64 // the upload itself; default 64 MiB
	MaxRows          int   // data rows over all sheets; default 300,000
	MaxColumns       int   // columns looked at; cells further right are ignored; default 256
	MaxSheets        int   // sheets in a workbook; default 64
	MaxCellBytes     int   // one cell's text; default 128 KiB (Excel allows 32,767 characters)
	MaxZipEntries    int   // entries in an .xlsx archive; default 2,000
	MaxEntryBytes    int64 // one archive entry unzipped; default 512 MiB
	MaxUnzippedBytes int64 // all entries read, unzipped; default 1 GiB
	MaxSharedStrings int64 // sharedStrings.xml unzipped; default 256 MiB
	MaxRatio         int64 // unzipped/zipped size of one entry (past 1 MiB); default 1,000
	MaxMerges        int   // merged ranges in one sheet; default 100,000
	// MaxWarningsPerKind lists at most this many warnings of one kind (say,
	// area code not the district's); the rest become one summary line.
	// Errors are always listed. Default 1,000.
	MaxWarningsPerKind int
}

// DefaultLimits returns the limits Read applies to zero fields. 200,000
// rows × 12 columns (about 100 MiB of sheet XML) fit with room to spare.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:       64 << 20,
		MaxRows:            300000,
		MaxColumns:         256,
		MaxSheets:          64,
		MaxCellBytes:       128 << 10,
		MaxZipEntries:      2000,
		MaxEntryBytes:      512 << 20,
		MaxUnzippedBytes:   1 << 30,
		MaxSharedStrings:   256 << 20,
		MaxRatio:           1000,
		MaxMerges:          100000,
		MaxWarningsPerKind: 1000,
	}
}

// withDefaults fills l's zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	pick64 := func(v, def int64) int64 {
		if v > 0 {
			return v
		}
		return def
	}
	pick := func(v, def int) int {
		if v > 0 {
			return v
		}
		return def
	}
	return Limits{
		MaxFileBytes:       pick64(l.MaxFileBytes, d.MaxFileBytes),
		MaxRows:            pick(l.MaxRows, d.MaxRows),
		MaxColumns:         pick(l.MaxColumns, d.MaxColumns),
		MaxSheets:          pick(l.MaxSheets, d.MaxSheets),
		MaxCellBytes:       pick(l.MaxCellBytes, d.MaxCellBytes),
		MaxZipEntries:      pick(l.MaxZipEntries, d.MaxZipEntries),
		MaxEntryBytes:      pick64(l.MaxEntryBytes, d.MaxEntryBytes),
		MaxUnzippedBytes:   pick64(l.MaxUnzippedBytes, d.MaxUnzippedBytes),
		MaxSharedStrings:   pick64(l.MaxSharedStrings, d.MaxSharedStrings),
		MaxRatio:           pick64(l.MaxRatio, d.MaxRatio),
		MaxMerges:          pick(l.MaxMerges, d.MaxMerges),
		MaxWarningsPerKind: pick(l.MaxWarningsPerKind, d.MaxWarningsPerKind),
	}
}

// sizeText writes a byte count for people: "512 MiB", "64 KiB", "900 字节".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// tooLarge is the ETOOLARGE error for a limit, with what to do about it.
func tooLarge(what string) error {
	return models.Errorf(models.ETOOLARGE, "文件过大或结构异常：%s。请删除多余的工作表、行和列后另存为.xlsx再上传，或分成几个文件上传", what)
}
