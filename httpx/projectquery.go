package httpx

import (
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/models"
)

// ProjectQuery reads the 项目库's search, filters and order, as the page,
// its export and the API take them: q (words, each to be found), district
// (a unit, as District resolves it), nature, category, light (红, 黄 or
// 绿), status (a key of models.ProjectStatusFilters), sort (a key of
// models.ProjectSorts) and desc=1. A value it does not know is EINVALID
// with a Chinese message, never an empty or unfiltered list.
func (e *Env) ProjectQuery(c *gin.Context) (models.ProjectQuery, error) {
	q := models.ProjectQuery{Words: models.SearchWords(c.Query("q")), Category: strings.TrimSpace(c.Query("category")),
		Status: c.Query("status"), Sort: c.Query("sort")}
	var err error
	if q.District, err = e.District(c, "district"); err != nil {
		return q, err
	}
	if n := strings.TrimSpace(c.Query("nature")); n != "" {
		nature, ok := models.ParseNature(n)
		if !ok {
			return q, models.Errorf(models.EINVALID, "参数 nature：建设性质“%s”无效，应为“新开工”或“续建”", n)
		}
		q.Nature = nature
	}
	if l := strings.TrimSpace(c.Query("light")); l != "" {
		q.Light = models.Light(strings.TrimSuffix(l, "灯"))
		if q.Light != models.LightRed && q.Light != models.LightYellow && q.Light != models.LightGreen {
			return q, models.Errorf(models.EINVALID, "参数 light：预警灯“%s”无效，应为“红”“黄”或“绿”", l)
		}
	}
	if _, ok := models.ProjectStatusFilters[q.Status]; !ok && q.Status != "" {
		return q, models.Errorf(models.EINVALID, "参数 status：状态“%s”无效，应为 overdue（未按计划开工）、lagging（滞后）、early（提前开工）或 unreported（本月未报送）", q.Status)
	}
	if !models.ValidProjectSort(q.Sort) {
		keys := make([]string, len(models.ProjectSorts))
		for i, s := range models.ProjectSorts {
			keys[i] = s.Key + "（" + s.Label + "）"
		}
		return q, models.Errorf(models.EINVALID, "参数 sort：排序“%s”无效，应为以下之一：%s", q.Sort, strings.Join(keys, "、"))
	}
	switch d := c.Query("desc"); d {
	case "", "0", "false":
	case "1", "true":
		q.Desc = true
	default:
		return q, models.Errorf(models.EINVALID, "参数 desc 应为 1（降序）或 0（升序），收到“%s”", d)
	}
	return q, nil
}
