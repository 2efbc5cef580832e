package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/server/servertest"
)

func TestPanicInAHandlerIsA500AndTheServerGoesOn(t *testing.T) {
	ts := servertest.New(t)
	ts.Handler().Engine().GET("/api/v1/test-panic", func(*gin.Context) { panic("boom: /secret/path.go:42") })
	var e httpx.ErrorBody
	ts.Do("GET", "/api/v1/test-panic", "", nil, http.StatusInternalServerError, &e)
	if strings.Contains(e.Error.Message, "secret") || !servertest.HasChinese(e.Error.Message) {
		t.Errorf("message %q", e.Error.Message)
	}
	ts.Do("GET", "/healthz", "", nil, http.StatusOK, nil)
}

func TestUnknownAddressIsAPageForBrowsersAndJSONForTheAPI(t *testing.T) {
	ts := servertest.New(t)
	req, _ := http.NewRequest("GET", ts.HTTP.URL+"/no-such-page", nil)
	req.Header.Set("Accept", "text/html")
	page := string(ts.Send(req, http.StatusNotFound, nil))
	for _, want := range []string{"找不到页面", "<html"} {
		if !strings.Contains(page, want) {
			t.Errorf("404 page does not contain %q: %.300s", want, page)
		}
	}
	var e httpx.ErrorBody
	ts.Do("GET", "/api/v1/no-such-thing", "", nil, http.StatusNotFound, &e)
	if e.Error.Code != "not_found" {
		t.Errorf("API 404: %+v", e)
	}
}
