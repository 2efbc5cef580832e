package httpx

import (
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"tracker/ledgers"
	"tracker/models"
)

// UploadOptions reads the form fields of an upload besides the file, the
// same for the API and the pages: period (YYYY-MM), kind (monthly or list),
// year (a list's), additions (codes accepted as 增补, separated by commas or
// spaces, or * for all) with addition_reason, and correction=true.
func UploadOptions(c *gin.Context, up *ledgers.Upload) error {
	var err error
	if up.Period, err = OptionalMonth(c.PostForm("period")); err != nil {
		return err
	}
	switch kind := strings.TrimSpace(c.PostForm("kind")); kind {
	case "", "monthly":
	case "list":
		up.List = true
	default:
		return models.Errorf(models.EINVALID, "导入类型（kind）“%s”无效，应为 monthly（月度台账）或 list（年度清单）", kind)
	}
	if y := strings.TrimSpace(c.PostForm("year")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || !models.MonthOf(n, 1).Valid() {
			return models.Errorf(models.EINVALID, "年度（year）“%s”无效", y)
		}
		up.Year = n
	}
	if r := strings.TrimSpace(c.PostForm("replaces")); r != "" {
		n, err := strconv.ParseInt(r, 10, 64)
		if err != nil || n <= 0 {
			return models.Errorf(models.EINVALID, "被替代的导入编号（replaces）“%s”无效", r)
		}
		up.Replaces = n
	}
	up.Rules.Additions = models.ParseCodes(c.PostForm("additions"))
	up.Rules.Reason = models.TrimText(c.PostForm("addition_reason"))
	up.Rules.Correction = c.PostForm("correction") == "true"
	if len(up.Rules.Additions) > 0 && up.Rules.Reason == "" {
		return models.Errorf(models.EINVALID, "确认增补时请写明增补原因（addition_reason）")
	}
	up.Mapping, err = ledgers.ParseMapping(c.PostForm("mapping"))
	return err
}
