package models

import (
	"fmt"
	"strings"
	"time"
)

// DefaultDeadlineDay is the day of the following month by which a unit
// sends month M's ledger unless the office sets another.
const DefaultDeadlineDay = 5

// OfficeZone is the office's clock (China Standard Time): deadlines are
// days on it, whatever the server's zone.
var OfficeZone = time.FixedZone("CST", 8*3600)

// Collection is how the office runs the monthly collection (调度): whether
// district uploaders' uploads wait for its review, and the deadline. The
// zero value is the default: review on, deadline the 5th.
type Collection struct {
	// NoReview applies uploaders' uploads at once, as the office's own.
	NoReview bool
	// DeadlineDay is the day (1..28) of the month after M by which M's
	// ledger is due; 0 means DefaultDeadlineDay.
	DeadlineDay int
}

// Deadline is the last day (in OfficeZone) to send month m's ledger.
func (c Collection) Deadline(m Month) time.Time {
	d := c.DeadlineDay
	if d <= 0 {
		d = DefaultDeadlineDay
	}
	return time.Date(m.Year(), time.Month(m.Num())+1, d, 0, 0, 0, 0, OfficeZone)
}

// Sent is one upload of a unit's own for a month, as the store finds it:
// only uploads sent by the unit's uploaders are a unit's, never the
// office's imports nor any hand edit.
type Sent struct {
	ImportID int64
	Unit     string
	Status   ImportStatus
	// At is when the unit sent it (submitted, or committed at once with
	// review off).
	At time.Time
}

// Submission is where one unit stands with month M's ledger
// (GET /api/v1/submissions, 报送情况, the dashboard). Submitted: a
// submission of its own is waiting for review or was approved; Approved:
// one was approved (with review off, committed); ImportID the import the
// line is about (the approved one, else the one waiting, else the last
// returned; nil for none); Late: the submission counted was sent after the
// deadline day, or none was sent and that day is past.
type Submission struct {
	Unit      string       `json:"unit"`
	Submitted bool         `json:"submitted"`
	Approved  bool         `json:"approved"`
	ImportID  *int64       `json:"import_id"`
	Deadline  string       `json:"deadline"` // YYYY-MM-DD
	Late      bool         `json:"late"`
	Status    ImportStatus `json:"status"` // of ImportID's import, "" for none
	SentAt    *time.Time   `json:"sent_at"`
}

// Submissions is the one rule of 报送: for every unit in order, its
// standing for month m from its own uploads (sent, in any order), as of
// now. An approved (committed) upload counts first, then one waiting for
// review; a returned one is not sent; a reverted one is not there.
func Submissions(units []string, m Month, sent []Sent, c Collection, now time.Time) []Submission {
	deadline := c.Deadline(m)
	due := deadline.AddDate(0, 0, 1) // sent on the deadline day is on time
	best := map[string]Sent{}
	for _, s := range sent {
		if b, ok := best[s.Unit]; !ok || sentRank(s) > sentRank(b) {
			best[s.Unit] = s
		}
	}
	out := make([]Submission, len(units))
	for i, u := range units {
		sub := Submission{Unit: u, Deadline: deadline.Format("2006-01-02")}
		b, ok := best[u]
		if ok && sentRank(b) > 0 {
			id, at := b.ImportID, b.At
			sub.ImportID, sub.Status, sub.SentAt = &id, b.Status, &at
			sub.Submitted = b.Status == StatusCommitted || b.Status == StatusSubmitted
			sub.Approved = b.Status == StatusCommitted
		}
		if sub.Submitted {
			sub.Late = !b.At.Before(due)
		} else {
			sub.Late = !now.Before(due)
		}
		out[i] = sub
	}
	return out
}

// sentRank orders a unit's uploads for its line: approved before waiting
// before returned, the earliest approved (was it on time?), the latest
// waiting or returned; 0 for one that does not count.
func sentRank(s Sent) int64 {
	at := s.At.Unix()
	switch s.Status {
	case StatusCommitted:
		return 3<<40 - at
	case StatusSubmitted:
		return 2<<40 + at
	case StatusReturned:
		return 1<<40 + at
	}
	return 0
}

// Reminder is the 催报 text to copy into a message: the units that have
// not sent month m's ledger (in order) and the deadline, worded as due or
// as past; "" when every unit has sent.
func Reminder(m Month, subs []Submission) string {
	var missing []string
	late := false
	for _, s := range subs {
		if !s.Submitted {
			missing = append(missing, s.Unit)
			late = late || s.Late
		}
	}
	if len(missing) == 0 {
		return ""
	}
	units, period, day := strings.Join(missing, "、"), fmt.Sprintf("%d年%d月", m.Year(), m.Num()), deadlineWords(subs[0].Deadline)
	if late {
		return fmt.Sprintf("%s：%s重大项目台账已过报送截止日期（%s），请尽快报送。", units, period, day)
	}
	return fmt.Sprintf("%s：请于%s前报送%s重大项目台账。", units, day, period)
}

// deadlineWords writes YYYY-MM-DD as 某月某日.
func deadlineWords(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d月%d日", int(t.Month()), t.Day())
}
