package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tracker/httpx"
	"tracker/models"
)

// submissionsView is 报送情况: for a month, every unit's standing with its
// ledger (the one rule, models.Submissions) and the 催报 text.
type submissionsView struct {
	Month       models.Month
	Years       []int
	Months      []int
	Submissions []models.Submission
	Approved    int
	Waiting     int // submitted, not yet approved
	Late        int
	Deadline    string
	Reminder    string
	Office      bool // the office sees every import; a unit its own
	District    string
}

func (s *Server) submissionsPage(c *gin.Context) {
	m, err := s.AsOfMonth(c)
	if err != nil {
		s.listFail(c, err, "报送情况", "submissions")
		return
	}
	u := httpx.CurrentUser(c)
	v := submissionsView{Month: m, Months: monthNumbers(), Office: u.Role != models.RoleUploader, District: u.District}
	if v.Years, err = s.Store.Years(c); err == nil {
		v.Submissions, err = s.Store.Submissions(c, m, s.Collection)
	}
	if err != nil {
		s.FailPage(c, err)
		return
	}
	v.Approved, v.Waiting, v.Late = countSubmissions(v.Submissions)
	if len(v.Submissions) > 0 {
		v.Deadline = v.Submissions[0].Deadline
	}
	v.Reminder = models.Reminder(m, v.Submissions)
	s.render(c, http.StatusOK, "submissions", view{Title: "报送情况", Nav: "submissions", Data: v})
}

// countSubmissions counts the units approved, those whose submission
// waits for review, and those late: the one count of 报送情况 and the
// dashboard's 报送 panel.
func countSubmissions(subs []models.Submission) (approved, waiting, late int) {
	for _, sub := range subs {
		switch {
		case sub.Approved:
			approved++
		case sub.Submitted:
			waiting++
		}
		if sub.Late {
			late++
		}
	}
	return approved, waiting, late
}
