package web

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
)

// TestPageFormKeepsALargeFileOnDisk: the pages parse an upload's form as
// the API does, so a ledger past httpx.FormMemory waits in a temporary file
// instead of being held in memory (it was 32 MiB before: a 26 MB ledger
// uploaded through the page was held whole), and a small one stays in
// memory.
func TestPageFormKeepsALargeFileOnDisk(t *testing.T) {
	for _, tc := range []struct {
		size   int
		onDisk bool
	}{{httpx.FormMemory / 2, false}, {3 * httpx.FormMemory, true}} {
		s := &Server{Env: &httpx.Env{MaxUploadBytes: 32 << 20}}
		var got *bool
		r := gin.New()
		r.POST("/up", s.checkCSRF, func(c *gin.Context) {
			f, err := c.Request.MultipartForm.File["file"][0].Open()
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, disk := f.(*os.File)
			got = &disk
		})
		var body bytes.Buffer
		w := multipart.NewWriter(&body)
		w.WriteField("csrf", CSRFToken(""))
		fw, _ := w.CreateFormFile("file", "台账.csv")
		fw.Write(bytes.Repeat([]byte("a"), tc.size))
		w.Close()
		req := httptest.NewRequest(http.MethodPost, "/up", &body)
		req.Header.Set("Content-Type", w.FormDataContentType())
		r.ServeHTTP(httptest.NewRecorder(), req)
		if got == nil || *got != tc.onDisk {
			t.Errorf("%d bytes: on disk %v, want %v", tc.size, got != nil && *got, tc.onDisk)
		}
	}
}
