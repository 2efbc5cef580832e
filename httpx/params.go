package httpx

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// IntParam reads an integer query parameter within [lo, hi]; def when it
// is absent. label names it in the Chinese message of a bad value.
func IntParam(c *gin.Context, name string, def, lo, hi int, label string) (int, error) {
	raw := c.Query(name)
	if raw == "" {
		return def, nil
	}
	v, err := strconv.Atoi(raw)
	if err != nil || v < lo || v > hi {
		return 0, models.Errorf(models.EINVALID, "参数 %s（%s）应为 %d 至 %d 之间的整数，收到“%s”", name, label, lo, hi, raw)
	}
	return v, nil
}

// DateParam reads a YYYY-MM-DD query parameter (midnight UTC); the zero
// time when it is absent.
func DateParam(c *gin.Context, name string) (time.Time, error) {
	raw := c.Query(name)
	if raw == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", raw)
	if err != nil {
		return t, models.Errorf(models.EINVALID, "参数 %s 应为日期 YYYY-MM-DD，收到“%s”", name, raw)
	}
	return t, nil
}

// Year reads ?year=, defaulting to the newest year with a list (0 while
// the database has none). A year given that has no list is ENOTFOUND
// naming the years that have one, never an empty answer full of zeros.
func (e *Env) Year(c *gin.Context) (int, error) {
	years, err := e.Store.Years(c)
	if err != nil {
		return 0, err
	}
	if c.Query("year") == "" {
		if len(years) == 0 {
			return 0, nil
		}
		return years[0], nil
	}
	y, err := IntParam(c, "year", 0, 1990, 2100, "年份")
	if err != nil || slices.Contains(years, y) {
		return y, err
	}
	if len(years) == 0 {
		return 0, models.Errorf(models.ENOTFOUND, "%d年没有项目清单：数据库中还没有任何年度的清单", y)
	}
	have := make([]string, len(years))
	for i, v := range years {
		have[i] = strconv.Itoa(v) + "年"
	}
	return 0, models.Errorf(models.ENOTFOUND, "%d年没有项目清单（有清单的年度：%s）", y, strings.Join(have, "、"))
}

// District reads a reporting-unit filter such as ?district=: a unit's
// name, code or one of its other spellings, answered as the unit's name;
// "" when absent. An unknown unit is EINVALID naming the units there are.
func (e *Env) District(c *gin.Context, name string) (string, error) {
	raw := strings.TrimSpace(c.Query(name))
	if raw == "" {
		return "", nil
	}
	units, err := e.Store.Units(c)
	if err != nil {
		return "", err
	}
	if u, ok := models.NewUnitIndex(units).Resolve(raw); ok {
		return u.Name, nil
	}
	names := make([]string, len(units))
	for i, u := range units {
		names[i] = u.Name
	}
	return "", models.Errorf(models.EINVALID, "参数 %s：没有“%s”这个上报单位，应为以下之一：%s", name, raw, strings.Join(names, "、"))
}

// AsOfMonth reads ?year= with ?quarter=Q (month 3Q) or ?month=M; without
// either, the latest month reported in the year (December when none).
func (e *Env) AsOfMonth(c *gin.Context) (models.Month, error) {
	year, err := e.Year(c)
	if err != nil {
		return 0, err
	}
	if year == 0 {
		return 0, models.Errorf(models.ENOTFOUND, "数据库中还没有任何年度的项目清单")
	}
	q, m := c.Query("quarter"), c.Query("month")
	switch {
	case q != "" && m != "":
		return 0, models.Errorf(models.EINVALID, "quarter（季度）和 month（月份）只能指定一个")
	case q != "":
		n, err := IntParam(c, "quarter", 0, 1, 4, "季度")
		return models.MonthOf(year, 3*n), err
	case m != "":
		n, err := IntParam(c, "month", 0, 1, 12, "月份")
		return models.MonthOf(year, n), err
	}
	latest, err := e.Store.LatestPeriod(c, year)
	if err != nil || latest == 0 {
		return models.MonthOf(year, 12), err
	}
	return latest, nil
}

// OptionalMonth reads an optional "YYYY-MM" form or query value; "" is
// zero (none).
func OptionalMonth(s string) (models.Month, error) {
	if s = strings.TrimSpace(s); s == "" {
		return 0, nil
	}
	return models.ParseMonth(s)
}
