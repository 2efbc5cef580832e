package httpx

import (
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// Upload reads the multipart field "file" within MaxUploadBytes (ETOOLARGE
// above it) and returns its cleaned name and its bytes.
func (e *Env) Upload(c *gin.Context) (string, []byte, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, e.MaxUploadBytes+1<<20)
	fh, err := c.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || err == nil && fh.Size > e.MaxUploadBytes:
		return "", nil, e.TooLarge()
	case err != nil:
		return "", nil, models.Errorf(models.EINVALID, "请用 multipart/form-data 上传，文件字段名为 file")
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, e.MaxUploadBytes+1))
	if err != nil {
		return "", nil, err
	}
	return CleanFileName(fh.Filename), data, nil
}

// TooLarge is the error of an upload over MaxUploadBytes.
func (e *Env) TooLarge() error {
	return models.Errorf(models.ETOOLARGE, "文件超过 %d MB 的上传上限，请拆分后再上传", e.MaxUploadBytes>>20)
}

// CleanFileName keeps the base name of an upload, for display only: it is
// never used as a path. Control characters go, the name is cut to 120
// characters keeping its extension, and an empty name is 未命名文件.
func CleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	for utf8.RuneCountInString(name) > 120 {
		_, size := utf8.DecodeLastRuneInString(strings.TrimSuffix(name, filepath.Ext(name)))
		name = name[:len(strings.TrimSuffix(name, filepath.Ext(name)))-size] + filepath.Ext(name)
	}
	if name == "." || name == "/" || name == "" {
		return "未命名文件"
	}
	return name
}
