package api

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/models"
	"tracker/reports"
)

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// quarterlyReport sends the quarterly workbook (?quarter=Q) or the monthly
// 调度 workbook (?month=M) as of that month.
func (s *Server) quarterlyReport(c *gin.Context) {
	m, err := s.asOfMonth(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	in, err := s.reportInput(c, m)
	if err != nil {
		s.fail(c, err)
		return
	}
	if c.Query("quarter") != "" {
		in.Quarter = m.Num() / 3
	}
	r := reports.Build(in)
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		s.fail(c, err)
		return
	}
	attachment(c, r.FileName(), xlsxType, buf.Bytes())
}

func (s *Server) reportInput(c *gin.Context, m models.Month) (reports.Input, error) {
	ps, err := s.store.PortfolioAsOf(c, m)
	if err != nil {
		return reports.Input{}, err
	}
	districts, categories, err := s.groupOrder(c)
	return reports.Input{Projects: ps, Month: m, Config: s.cfg.Rates, Districts: districts, Categories: categories,
		Generated: time.Now()}, err
}

// attachment sends a download whose Chinese file name browsers show as is
// (RFC 6266 filename*), with an ASCII fallback for old clients.
func attachment(c *gin.Context, name, contentType string, data []byte) {
	fallback := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, fallback, url.PathEscape(name)))
	c.Data(http.StatusOK, contentType, data)
}
