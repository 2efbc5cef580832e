package sheet

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
)

// zipGuard opens an .xlsx archive and counts every byte unzipped from it,
// so a zip bomb is stopped by ETOOLARGE after at most a few hundred MiB of
// inflating, usually at once: the declared sizes and compression ratios
// are checked before any parsing, and the real ones while reading (a
// crafted archive can lie in its headers).
type zipGuard struct {
	zr     *zip.Reader
	files  map[string]*zip.File // by lower-case, slash-separated name
	limits Limits
	total  atomic.Int64    // bytes unzipped so far, first read of each entry (entries inflate on goroutines of their own: readAhead)
	seen   map[string]bool // entries already counted in total
}

// openZip checks the archive's directory against the limits.
func openZip(r io.ReaderAt, size int64, l Limits) (*zipGuard, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, unsupportedXlsx("文件不是有效的.xlsx压缩包（可能已损坏或只下载了一部分）")
	}
	if len(zr.File) > l.MaxZipEntries {
		return nil, tooLarge(fmt.Sprintf("压缩包内有%d个文件，超过上限%d", len(zr.File), l.MaxZipEntries))
	}
	g := &zipGuard{zr: zr, files: map[string]*zip.File{}, limits: l, seen: map[string]bool{}}
	var declared uint64
	for _, f := range zr.File {
		if err := g.checkDeclared(f); err != nil {
			return nil, err
		}
		declared += f.UncompressedSize64
		key := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(f.Name, "/"), `\`, "/"))
		if other := g.files[key]; other != nil && !strings.HasSuffix(key, "/") {
			return nil, errorf(Unprocessable, "文件结构异常：压缩包里有两个同名的部件（“%s”与“%s”，名称只差大小写或完全相同），"+
				"无法确定该读哪一个。请用Excel打开文件，另存为.xlsx后再上传", other.Name, f.Name)
		}
		g.files[key] = f
	}
	if declared > uint64(l.MaxUnzippedBytes) {
		return nil, tooLarge(fmt.Sprintf("解压后共%s，超过上限%s", sizeText(int64(declared)), sizeText(l.MaxUnzippedBytes)))
	}
	return g, nil
}

// checkDeclared checks one entry's declared size and ratio.
func (g *zipGuard) checkDeclared(f *zip.File) error {
	if f.Flags&0x1 != 0 {
		return errEncrypted()
	}
	if f.UncompressedSize64 > uint64(g.limits.MaxEntryBytes) {
		return tooLarge(fmt.Sprintf("“%s”解压后%s，超过上限%s", f.Name, sizeText(int64(f.UncompressedSize64)), sizeText(g.limits.MaxEntryBytes)))
	}
	if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > uint64(g.limits.MaxRatio)*(f.CompressedSize64+1) {
		return tooLarge(fmt.Sprintf("“%s”的压缩比异常（%d倍）", f.Name, f.UncompressedSize64/(f.CompressedSize64+1)))
	}
	return nil
}

// has reports whether the archive holds an entry.
func (g *zipGuard) has(name string) bool { return g.files[strings.ToLower(name)] != nil }

// hasMacros reports whether the archive carries VBA code or Excel 4.0
// macro sheets (.xlsm, .xltm, .xlam): the kept original is served back to
// users, so such files are refused rather than stored.
func (g *zipGuard) hasMacros() bool {
	for name := range g.files {
		if strings.HasSuffix(name, "vbaproject.bin") || strings.HasPrefix(name, "xl/macrosheets/") {
			return true
		}
	}
	return false
}

// open returns a reader of one entry that fails with ETOOLARGE as soon as
// the bytes really unzipped pass the entry limit, the total limit or the
// ratio limit. max, when positive, lowers the entry limit (sharedStrings).
func (g *zipGuard) open(name string, max int64) (io.ReadCloser, error) {
	f := g.files[strings.ToLower(name)]
	if f == nil {
		return nil, fmt.Errorf("zip entry %s: %w", name, io.ErrUnexpectedEOF)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, unsupportedXlsx("文件中的“" + name + "”无法解压")
	}
	limit := g.limits.MaxEntryBytes
	if max > 0 && max < limit {
		limit = max
	}
	cr := &countingReader{rc: rc, g: g, name: name, limit: limit, zipped: int64(f.CompressedSize64) + 1}
	if !g.seen[name] {
		g.seen[name] = true
		cr.countTotal = true
	}
	if f.UncompressedSize64 > readAheadFrom {
		return readAhead(cr), nil
	}
	return cr, nil
}

// readAheadFrom is the declared size from which an entry inflates ahead
// of its reader (a sheet's rows, the shared strings), on a goroutine of
// its own; smaller ones are read in turn.
const readAheadFrom = 1 << 20

// size returns an entry's declared unzipped size (0 if unknown).
func (g *zipGuard) size(name string) int64 {
	if f := g.files[strings.ToLower(name)]; f != nil {
		return int64(min(f.UncompressedSize64, 1<<40))
	}
	return 0
}

// readAll reads a small entry whole (workbook, rels, styles), bounded.
func (g *zipGuard) readAll(name string, max int64) ([]byte, error) {
	rc, err := g.open(name, max)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// countingReader enforces the limits on one entry while it is inflated.
type countingReader struct {
	rc         io.ReadCloser
	g          *zipGuard
	name       string
	n, limit   int64
	zipped     int64
	countTotal bool
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.n += int64(n)
	if c.countTotal {
		c.g.total.Add(int64(n))
	}
	switch {
	case c.n > c.limit:
		return n, tooLarge(fmt.Sprintf("“%s”解压后超过%s", c.name, sizeText(c.limit)))
	case c.g.total.Load() > c.g.limits.MaxUnzippedBytes:
		return n, tooLarge(fmt.Sprintf("解压后总大小超过%s", sizeText(c.g.limits.MaxUnzippedBytes)))
	case c.n > 1<<20 && c.n > c.g.limits.MaxRatio*c.zipped:
		return n, tooLarge(fmt.Sprintf("“%s”的压缩比异常（超过%d倍）", c.name, c.g.limits.MaxRatio))
	}
	if err != nil && err != io.EOF {
		return n, unsupportedXlsx("文件中的“" + c.name + "”已损坏，无法解压")
	}
	return n, err
}

func (c *countingReader) Close() error { return c.rc.Close() }
