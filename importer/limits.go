package importer

import "tracker/importer/sheet"

// Limits bound the work Read does on one file, so that a hostile or broken
// upload costs seconds and bounded memory. A zero field takes its default.
// They are the readers' limits (sheet.Limits, which has the defaults; its
// MaxRows counts Read's data rows over all sheets here) and the number of
// warnings of one kind that are listed.
type Limits struct {
	sheet.Limits
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
	l.Limits = l.Limits.WithDefaults()
	if l.MaxWarningsPerKind <= 0 {
		l.MaxWarningsPerKind = defaultWarningsPerKind
	}
	return l
}

// tooLarge is the ETOOLARGE error for a limit, worded as the readers word
// theirs.
func tooLarge(what string) error {
	return readerError(sheet.TooLargeError(what))
}
