package server

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// Request bounds. A login or page form is a few hundred bytes and a hand
// edit a few kilobytes; uploads have their own, configured limit.
const (
	formBodyLimit = 16 << 10 // login, page forms, locks, password changes
	editBodyLimit = 64 << 10 // a hand edit (PATCH /api/v1/projects/:code, its page form)
	maxQueryBytes = 4096     // the whole query string
	maxParamBytes = 1000     // one query parameter's value
	// uploadRate is the slowest upload speed the upload deadline allows
	// for (1 Mbit/s, an intranet's worst), on top of uploadGrace.
	uploadRate  = 128 << 10
	uploadGrace = 30 * time.Second
	// writeTime bounds writing the answer of any other request: the
	// largest workbook takes seconds, a client that stops reading must not
	// hold the connection.
	writeTime = 2 * time.Minute
)

// bodyKind is what a route takes as its body.
type bodyKind int

const (
	bodyForm   bodyKind = iota // small JSON or a urlencoded form
	bodyEdit                   // a hand edit
	bodyUpload                 // a multipart upload of a ledger
)

// bodyKinds names the routes whose body is not a small form; every other
// route, including ones added later, gets the small limit.
var bodyKinds = map[string]bodyKind{
	"POST /api/v1/imports":         bodyUpload,
	"POST /imports":                bodyUpload,
	"PATCH /api/v1/projects/:code": bodyEdit,
	"POST /projects/:code/edit":    bodyEdit,
}

// uploadReadTime is how long reading an upload of the size limit may take.
func (s *Server) uploadReadTime() time.Duration {
	return uploadGrace + time.Duration(s.cfg.MaxUploadBytes/uploadRate)*time.Second
}

// uploadWriteTime bounds an upload's whole exchange: reading it, reading
// the ledger (ReadTimeout) and writing the answer.
func (s *Server) uploadWriteTime() time.Duration {
	return s.uploadReadTime() + s.cfg.ReadTimeout + writeTime
}

// limitRequest bounds every request before its handler runs: the Host
// (when an allow-list is set), the query string, the body's size and
// kind, and the time to read the body and to write the answer.
func (s *Server) limitRequest(c *gin.Context) {
	if err := s.checkHost(c); err != nil {
		s.env.Fail(c, err)
		return
	}
	if err := checkQuery(c.Request); err != nil {
		s.env.Fail(c, err)
		return
	}
	kind := bodyKinds[c.Request.Method+" "+c.FullPath()]
	rc := http.NewResponseController(c.Writer)
	if kind == bodyUpload {
		rc.SetWriteDeadline(time.Now().Add(s.uploadWriteTime()))
	} else {
		rc.SetWriteDeadline(time.Now().Add(writeTime))
	}
	if err := s.limitBody(c, kind, rc); err != nil {
		s.env.Fail(c, err)
		return
	}
	c.Next()
}

// limitBody refuses a multipart body where no upload is expected and a
// body over the route's limit (413). A form or edit is read whole here,
// within BodyTimeout, so a client that sends it slowly holds the
// connection no longer; an upload is read by its handler within the
// upload deadline, which ends when the body does.
func (s *Server) limitBody(c *gin.Context, kind bodyKind, rc *http.ResponseController) error {
	r := c.Request
	if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	if media, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); strings.HasPrefix(media, "multipart/") && kind != bodyUpload {
		return models.Errorf(models.EUNSUPPORTED, "此地址不接受文件上传（multipart）；上传台账请用“数据导入”")
	}
	limit := map[bodyKind]int64{bodyForm: formBodyLimit, bodyEdit: editBodyLimit, bodyUpload: s.cfg.MaxUploadBytes + 1<<20}[kind]
	if r.ContentLength > limit {
		return s.tooLarge(kind, limit)
	}
	if kind == bodyUpload {
		rc.SetReadDeadline(time.Now().Add(s.uploadReadTime()))
		body := &deadlineBody{ReadCloser: http.MaxBytesReader(c.Writer, r.Body, limit), rc: rc}
		r.Body = body
		// Waiting for its turn (httpx.Work) must not use up the body's time
		// (the pages read it before they wait: then nothing is restarted).
		c.Set(httpx.RestartBodyDeadline, func() {
			rc.SetWriteDeadline(time.Now().Add(s.uploadWriteTime()))
			if !body.ended.Load() {
				rc.SetReadDeadline(time.Now().Add(s.uploadReadTime()))
			}
		})
		return nil
	}
	rc.SetReadDeadline(time.Now().Add(s.cfg.BodyTimeout))
	data, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	rc.SetReadDeadline(time.Time{})
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		c.Header("Connection", "close")
		return models.Errorf(models.EINVALID, "请求内容在%d秒内未传完，连接已关闭", int(s.cfg.BodyTimeout.Seconds()))
	case err != nil:
		return models.Errorf(models.EINVALID, "请求内容读取失败：%v", err)
	case int64(len(data)) > limit:
		c.Header("Connection", "close")
		return s.tooLarge(kind, limit)
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	return nil
}

func (s *Server) tooLarge(kind bodyKind, limit int64) error {
	if kind == bodyUpload {
		return s.env.TooLarge()
	}
	return models.Errorf(models.ETOOLARGE, "请求内容超过 %d KB 的上限", limit>>10)
}

// deadlineBody ends the upload's read deadline once the body is read, so a
// long import after a slow upload is not cut off by it.
type deadlineBody struct {
	io.ReadCloser
	rc    *http.ResponseController
	ended atomic.Bool // read to its end (or an error)
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.ended.Store(true)
		b.rc.SetReadDeadline(time.Time{})
	}
	return n, err
}

// checkQuery refuses a query string over maxQueryBytes or a parameter
// over maxParamBytes: nothing the tracker asks for is that long, and a
// long search pattern is costly for the database.
func checkQuery(r *http.Request) error {
	if len(r.URL.RawQuery) > maxQueryBytes {
		return models.Errorf(models.EINVALID, "查询参数过长（超过 %d 字节）", maxQueryBytes)
	}
	for name, values := range r.URL.Query() {
		for _, v := range values {
			if len(v) > maxParamBytes {
				return models.Errorf(models.EINVALID, "参数 %.40s 过长（超过 %d 字节）", name, maxParamBytes)
			}
		}
	}
	return nil
}

// checkHost refuses a request whose Host is not on the allow-list, when
// one is set (TRACKER_ALLOWED_HOSTS): a page on another site that rebinds
// its own name to this server's address then reaches nothing. /healthz
// stays open to the container's own health check.
func (s *Server) checkHost(c *gin.Context) error {
	if len(s.cfg.AllowedHosts) == 0 || c.FullPath() == "/healthz" {
		return nil
	}
	host := strings.ToLower(c.Request.Host)
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	for _, allowed := range s.cfg.AllowedHosts {
		if a := strings.ToLower(allowed); a == host || a == name || "["+a+"]" == name {
			return nil
		}
	}
	return models.Errorf(models.EINVALID, "主机名“%.100s”不在本服务允许的地址之列（TRACKER_ALLOWED_HOSTS）", c.Request.Host)
}
