package sheet

// Limits bound the work of reading one file, so that a hostile or broken
// upload costs seconds and bounded memory. A zero field takes its default
// (DefaultLimits).
type Limits struct {
	MaxFileBytes     int64 // the file itself; default 64 MiB
	MaxRows          int   // rows of one .xls sheet, past a margin of 1,000 for titles and notes; default 300,000
	MaxColumns       int   // columns looked at; cells further right are ignored; default 256
	MaxSheets        int   // sheets in a workbook; default 64
	MaxCellBytes     int   // one cell's text; default 128 KiB (Excel allows 32,767 characters)
	MaxZipEntries    int   // entries in an .xlsx archive; default 2,000
	MaxEntryBytes    int64 // one archive entry unzipped; default 512 MiB
	MaxUnzippedBytes int64 // all entries read, unzipped; default 1 GiB
	MaxSharedStrings int64 // sharedStrings.xml unzipped; default 256 MiB
	MaxRatio         int64 // unzipped/zipped size of one entry (past 1 MiB); default 1,000
	MaxMerges        int   // merged ranges in one sheet; default 100,000
	// MaxStrings bounds the shared-string table's entries; default
	// 4,000,000 (13 distinct texts on each of 300,000 rows). A short entry
	// costs far more kept than in the part: 10 million of them, 24 MB
	// zipped, took 656 MiB (4 million, 298 MiB, before the refusal).
	MaxStrings int
}

// DefaultLimits returns the limits applied to zero fields.
func DefaultLimits() Limits {
	return Limits{
		MaxFileBytes:     64 << 20,
		MaxRows:          300000,
		MaxColumns:       256,
		MaxSheets:        64,
		MaxCellBytes:     128 << 10,
		MaxZipEntries:    2000,
		MaxEntryBytes:    512 << 20,
		MaxUnzippedBytes: 1 << 30,
		MaxSharedStrings: 256 << 20,
		MaxStrings:       4000000,
		MaxRatio:         1000,
		MaxMerges:        100000,
	}
}

// WithDefaults fills l's zero (or negative) fields from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	return Limits{
		MaxFileBytes:     pick(l.MaxFileBytes, d.MaxFileBytes),
		MaxRows:          pick(l.MaxRows, d.MaxRows),
		MaxColumns:       pick(l.MaxColumns, d.MaxColumns),
		MaxSheets:        pick(l.MaxSheets, d.MaxSheets),
		MaxCellBytes:     pick(l.MaxCellBytes, d.MaxCellBytes),
		MaxZipEntries:    pick(l.MaxZipEntries, d.MaxZipEntries),
		MaxEntryBytes:    pick(l.MaxEntryBytes, d.MaxEntryBytes),
		MaxUnzippedBytes: pick(l.MaxUnzippedBytes, d.MaxUnzippedBytes),
		MaxSharedStrings: pick(l.MaxSharedStrings, d.MaxSharedStrings),
		MaxStrings:       pick(l.MaxStrings, d.MaxStrings),
		MaxRatio:         pick(l.MaxRatio, d.MaxRatio),
		MaxMerges:        pick(l.MaxMerges, d.MaxMerges),
	}
}

func pick[T int | int64](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}
