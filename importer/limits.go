package importer

import "tracker/importer/sheet"

// Limits bound the work Read does on one file, so that a hostile or broken
// upload costs seconds and bounded memory. A zero field takes its default.
// All but MaxRows' count of data rows and MaxWarningsPerKind bound the
// readers (sheet.Limits, which has the defaults).
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

// defaultWarningsPerKind is MaxWarningsPerKind's default.
const defaultWarningsPerKind = 1000

// DefaultLimits returns the limits Read applies to zero fields. 200,000
// rows × 12 columns (about 100 MiB of sheet XML) fit with room to spare.
func DefaultLimits() Limits { return Limits{}.withDefaults() }

// withDefaults fills l's zero fields from the readers' defaults.
func (l Limits) withDefaults() Limits {
	r := l.reading().WithDefaults()
	warnings := l.MaxWarningsPerKind
	if warnings <= 0 {
		warnings = defaultWarningsPerKind
	}
	return Limits{
		MaxFileBytes: r.MaxFileBytes, MaxRows: r.MaxRows, MaxColumns: r.MaxColumns, MaxSheets: r.MaxSheets,
		MaxCellBytes: r.MaxCellBytes, MaxZipEntries: r.MaxZipEntries, MaxEntryBytes: r.MaxEntryBytes,
		MaxUnzippedBytes: r.MaxUnzippedBytes, MaxSharedStrings: r.MaxSharedStrings, MaxRatio: r.MaxRatio,
		MaxMerges: r.MaxMerges, MaxWarningsPerKind: warnings,
	}
}

// reading returns the limits the readers apply.
func (l Limits) reading() sheet.Limits {
	return sheet.Limits{
		MaxFileBytes: l.MaxFileBytes, MaxRows: l.MaxRows, MaxColumns: l.MaxColumns, MaxSheets: l.MaxSheets,
		MaxCellBytes: l.MaxCellBytes, MaxZipEntries: l.MaxZipEntries, MaxEntryBytes: l.MaxEntryBytes,
		MaxUnzippedBytes: l.MaxUnzippedBytes, MaxSharedStrings: l.MaxSharedStrings, MaxRatio: l.MaxRatio,
		MaxMerges: l.MaxMerges,
	}
}

// tooLarge is the ETOOLARGE error for a limit, worded as the readers word
// theirs.
func tooLarge(what string) error {
	return readerError(sheet.TooLargeError(what))
}
