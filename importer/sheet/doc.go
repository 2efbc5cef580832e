// Package sheet reads spreadsheets (.xlsx, .xls, .csv) as Excel shows them:
// a book of sheets, each with its layout (hidden or not, hidden columns,
// merged ranges, the date system) and a stream of rows of typed cells
// (text, number, date serial, ISO date, bool, error, formula without a
// cached value). It knows nothing of ledgers, and imports no other package
// of this module: package importer applies the ledger rules to the grid.
//
// The readers are written for hostile input. An .xlsx goes through a zip
// guard that counts every byte inflated (zipguard.go) and a streaming
// scanner of the sheet XML that never builds a tree (xmlscan.go,
// xlsx_row.go); an .xls through a compound-file reader whose sector chains
// are bounded and checked (cfb.go) and a BIFF reader of this package
// (biff_*.go: BIFF8 and BIFF5 with its codepage, RC4 decryption for
// Excel's default password); a CSV through charset detection (csv.go). A
// part that ends early or is not well formed where it is read makes the
// file unreadable: nothing is read up to a cut and passed off as the
// whole. Every size is bounded by Limits, and a file that cannot be read
// is an *Error whose Kind the caller maps to its own codes, with a Chinese
// message saying what to do.
//
// Formulas give their cached value, as Excel shows it. Reading a 200,000-row
// .xlsx is made cheap by Options.Lazy: one pass over each sheet, with
// shared strings decoded as they are first used and long texts of columns
// the caller does not want skipped; should that read turn out unfaithful,
// ErrRedo asks for the ordinary two-pass read.
package sheet
