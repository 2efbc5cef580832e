package reports

import (
	"fmt"
	"sort"

	"tracker/models"
)

// sheetSupervision is the monthly workbook's 督办事项, between 未报送单位
// and 项目明细; the quarterly workbook has none.
const sheetSupervision = "督办事项"

// supervisionsOf is 督办事项 of a monthly report: models.SupervisionsOfMonth
// as of the month's end (or in.Generated, for a month not over), by unit
// (in.Districts order, others after by name), deadline and number. A
// quarterly report has none.
func supervisionsOf(in Input) []models.Supervision {
	if in.Quarter != 0 {
		return nil
	}
	out := models.SupervisionsOfMonth(in.Supervisions, in.Month, in.Generated)
	order := make(map[string]int, len(in.Districts))
	for i, d := range in.Districts {
		order[d] = i + 1
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if less, differ := lessUnit(order, a.Unit, b.Unit); differ {
			return less
		}
		if a.Deadline != b.Deadline {
			return a.Deadline < b.Deadline
		}
		return a.ID < b.ID
	})
	return out
}

// supervisionCounts are the items not closed and overdue among r's.
func (r *Report) supervisionCounts() (pending, overdue int) {
	for _, sv := range r.Supervisions {
		pending += b2i(sv.Status != models.SupervisionClosed)
		overdue += b2i(sv.Overdue)
	}
	return pending, overdue
}

// supervisionTable is 督办事项: one row per item of r.Supervisions with its
// project, responsible unit, description, deadline, status, overdue flag
// and latest reply as of the month's end, and when it was opened (China
// time).
func (r *Report) supervisionTable() *table {
	type sv = col[models.Supervision]
	pending, overdue := r.supervisionCounts()
	return &table{
		sheet: sheetSupervision, title: r.Period() + "督办事项办理情况", filter: true, n: len(r.Supervisions),
		unit: fmt.Sprintf("截至%d年%d月底：共%d项，未办结%d项，其中逾期%d项", r.Year, r.Month, len(r.Supervisions), pending, overdue),
		cols: append([]column{seqColumn()}, bind(rowsOf(r.Supervisions),
			sv{models.FieldCode.ZhName(), kCenter, func(s *models.Supervision) any { return s.Code }},
			sv{nameHead, kText, func(s *models.Supervision) any { return s.ProjectName }},
			sv{"责任单位", kCenter, func(s *models.Supervision) any { return s.Unit }},
			sv{"督办内容", kText, func(s *models.Supervision) any { return s.Description }},
			sv{"办理期限", kCenter, func(s *models.Supervision) any { return s.Deadline }},
			sv{"状态", kCenter, func(s *models.Supervision) any { return s.Status.Label() }},
			sv{"是否逾期", kCenter, func(s *models.Supervision) any { return map[bool]string{true: "逾期"}[s.Overdue] }},
			sv{"最新回复", kText, func(s *models.Supervision) any { return s.Reply }},
			sv{"交办时间", kTime, func(s *models.Supervision) any { return wallClock(s.OpenedAt.In(models.OfficeZone)) }},
		)...),
		notes: []string{"注：列出截至本月底已交办、本月底尚未办结或本月内办结的督办事项；状态、最新回复和是否逾期均为截至本月底（本月尚未结束时为编制时）的情况，其后的办理不列入。逾期指未办结且已过办理期限（办理期限当天不算逾期）。"},
	}
}
