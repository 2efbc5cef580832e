package httpx

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// UploadedFile is an uploaded file read where it lies: in the request's
// form when small, else in the temporary file the form keeps it in (a
// 26 MB ledger is then read from there, never held whole in memory).
// Close it when done; the temporary file goes when the request ends.
type UploadedFile struct {
	*io.SectionReader
	f multipart.File
}

// Close closes the file; a nil file is fine.
func (u *UploadedFile) Close() error {
	if u == nil {
		return nil
	}
	return u.f.Close()
}

// FormMemory is how much of a multipart form is held in memory: an
// uploaded file past it waits in a temporary file (removed when the
// request ends), so a 26 MB ledger is read from disk, never held whole.
// The engine (gin's MaxMultipartMemory) and the pages' form parsing both
// use it.
const FormMemory = 1 << 20

// Upload reads the multipart field "file" within MaxUploadBytes (ETOOLARGE
// above it) and returns its cleaned name and the file.
func (e *Env) Upload(c *gin.Context) (string, *UploadedFile, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, e.MaxUploadBytes+1<<20)
	fh, err := c.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || err == nil && fh.Size > e.MaxUploadBytes:
		return "", nil, e.TooLarge()
	case err != nil:
		return "", nil, models.Errorf(models.EINVALID, "请用 multipart/form-data 上传，文件字段名为 file")
	}
	name := CleanFileName(fh.Filename)
	if !SpreadsheetName(name) {
		return "", nil, models.Errorf(models.EUNSUPPORTED, "只能上传 Excel 或 CSV 台账（%s），文件“%s”的扩展名不是其中之一",
			strings.Join(spreadsheetExts, "、"), name)
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	return name, &UploadedFile{io.NewSectionReader(f, 0, fh.Size), f}, nil
}

// A cleaned file name has at most maxNameRunes characters, and keeps its
// extension when that has at most maxExtRunes (the dot included).
const (
	maxNameRunes = 120
	maxExtRunes  = 16
)

// spreadsheetExts are the extensions an upload may have (.xlsm is let in
// so that the importer can say why it refuses macros).
var spreadsheetExts = []string{".xlsx", ".xls", ".csv", ".xlsm"}

// SpreadsheetName reports whether name ends in one of spreadsheetExts, in
// any case.
func SpreadsheetName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range spreadsheetExts {
		if ext == e {
			return true
		}
	}
	return false
}

// TooLarge is the error of an upload over MaxUploadBytes.
func (e *Env) TooLarge() error {
	return models.Errorf(models.ETOOLARGE, "文件超过 %d MB 的上传上限，请拆分后再上传", e.MaxUploadBytes>>20)
}

// CleanFileName keeps the base name of an upload, for display only: it is
// never used as a path. Control characters and invisible format
// characters go (among them the direction marks such as U+202E, which make
// "账.xlsx" of a name that ends in ".exe"), the name is cut to 120
// characters keeping its extension, and an empty name is 未命名文件.
func CleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name))
	if utf8.RuneCountInString(name) > maxNameRunes {
		// One cut, in time linear in the name: a name of megabytes, or one
		// whose "extension" is itself long ("a." and 130 letters), must not
		// hold the request (an earlier rune-by-rune loop never ended on the
		// latter). A long extension is no extension and is cut with the rest.
		ext := filepath.Ext(name)
		if utf8.RuneCountInString(ext) > maxExtRunes {
			ext = ""
		}
		stem := []rune(strings.TrimSuffix(name, ext))
		name = strings.TrimSpace(string(stem[:maxNameRunes-utf8.RuneCountInString(ext)])) + ext
	}
	if name == "." || name == "/" || name == "" {
		return "未命名文件"
	}
	return name
}
