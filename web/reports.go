package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
	"tracker/models/store"
)

// reportsView is 报表: the quarterly and monthly workbooks and 通报 to
// download and the ledger template, when the server has one.
type reportsView struct {
	Years       []int
	Year        int
	Latest      models.Month
	Quarter     int
	Months      []int
	HasTemplate bool
	Quarters    []quarterLock
	CanLock     bool
	Ledgers     *unitLedgers
}

// quarterLock is one quarter of the year and whether its figures are locked
// (its 通报 has gone out).
type quarterLock struct {
	Quarter int
	Lock    *store.Lock
}

// reportsPage offers the downloads as plain GET forms: they work without
// script, and the workbook comes from the same handler as the API's.
func (s *Server) reportsPage(c *gin.Context) {
	years, err := s.Store.Years(c)
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v := reportsView{Years: years, Months: monthNumbers(), HasTemplate: s.downloads.Template != nil}
	if len(years) > 0 {
		v.Year = years[0]
		if v.Latest, err = s.Store.LatestPeriod(c, v.Year); err != nil {
			s.FailPage(c, err)
			return
		}
		v.Quarter = max(1, v.Latest.Num()/3)
	}
	if v.Quarters, err = s.quarterLocks(c, v.Year); err != nil {
		s.FailPage(c, err)
		return
	}
	v.CanLock, v.Ledgers = httpx.CurrentUser(c).IsAdmin(), s.unitLedgersFor(c)
	s.render(c, http.StatusOK, "reports", view{Title: "报表", Nav: "reports", Data: v})
}

func (s *Server) quarterLocks(c *gin.Context, year int) ([]quarterLock, error) {
	locks, err := s.Store.Locks(c)
	if err != nil || year == 0 {
		return nil, err
	}
	out := []quarterLock{{Quarter: 1}, {Quarter: 2}, {Quarter: 3}, {Quarter: 4}}
	for i := range locks {
		if locks[i].Year == year {
			out[locks[i].Quarter-1].Lock = &locks[i]
		}
	}
	return out, nil
}

// postLock locks (lock=1) or reopens a quarter; admins only. A locked
// quarter refuses imports, commits, reverts and edits of its months.
func (s *Server) postLock(c *gin.Context) {
	year, err1 := strconv.Atoi(c.PostForm("year"))
	quarter, err2 := strconv.Atoi(c.PostForm("quarter"))
	var err error
	switch {
	case err1 != nil || err2 != nil || quarter < 1 || quarter > 4:
		err = models.Errorf(models.EINVALID, "请选择要锁定或解锁的季度")
	case c.PostForm("lock") == "1":
		err = s.Reports.Lock(c, year, quarter, httpx.CurrentUser(c))
	default:
		err = s.Store.UnlockQuarter(c, year, quarter)
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	s.Log.Info("quarter lock", "year", year, "quarter", quarter, "lock", c.PostForm("lock"), "user", httpx.CurrentUser(c).Name)
	ok := "unlocked"
	if c.PostForm("lock") == "1" {
		ok = "locked"
	}
	c.Redirect(http.StatusSeeOther, "/reports?ok="+ok)
}

// lockView is the confirmation of a quarter's lock: which months it
// freezes.
type lockView struct{ Year, Quarter, First, Last int }

// lockConfirmPage asks before a quarter is locked (锁定…), as a revert
// asks: a lock freezes three months of every unit's figures and keeps the
// workbook and 通报 as they stand, so one click on the wrong row must not
// do it.
func (s *Server) lockConfirmPage(c *gin.Context) {
	year, err1 := strconv.Atoi(c.Query("year"))
	quarter, err2 := strconv.Atoi(c.Query("quarter"))
	if err1 != nil || err2 != nil || year < 1990 || year > 2100 || quarter < 1 || quarter > 4 {
		s.FailPage(c, models.Errorf(models.EINVALID, "请选择要锁定的季度"))
		return
	}
	qs, err := s.quarterLocks(c, year)
	if err == nil && qs[quarter-1].Lock != nil {
		err = models.Errorf(models.ECONFLICT, "%d年第%d季度已锁定", year, quarter)
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v := lockView{Year: year, Quarter: quarter, First: 3*quarter - 2, Last: 3 * quarter}
	s.render(c, http.StatusOK, "lock", view{Title: "确认锁定季度", Nav: "reports", Data: v})
}
