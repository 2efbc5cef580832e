// Package importer turns the bytes of a project ledger (.xlsx, .xls or .csv)
// as departments really send them into normalised records and row problems.
//
// It knows spreadsheets, not HTTP or the database: callers get a *Ledger
// whose Records are ready to apply and whose Problems name the sheet, row
// and column of every doubtful cell in Chinese. Files that cannot be used at
// all come back as *models.Error (EUNSUPPORTED, EUNPROCESSABLE, ETOOLARGE).
//
// The pipeline is: sniff the format (content wins over the file name), open
// each sheet as a stream of rows (xlsx: a zip guard, then a hand-rolled
// streaming reader of the sheet XML; xls: a BIFF reader; csv: charset
// detection), find the header in the first rows (header.go, spellings in
// headers.go), then turn every data row into a Record (rows.go) and check the
// rows against each other (validate.go).
package importer
