// Package reporting is the report use case: it gathers a period's figures
// from the store (the list and facts as of the month, the units' and
// categories' order, the 更正 since earlier quarters were locked), has
// package reports build the report and render it as the workbook or (with
// reports/notice) as the 通报, and keeps a locked quarter's workbook and
// 通报 as they were sent. The API, the pages and the command line all
// call it, so a report is the same wherever it is downloaded.
package reporting

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"tracker/models"
	"tracker/models/store"
	"tracker/reports"
	"tracker/reports/notice"
)

// Service makes reports from a store.
type Service struct {
	Store *store.Store
	Rates models.RateConfig
	// Now is the clock reports are stamped with; nil is the store's.
	Now func() time.Time
	// Collection is the monthly collection's settings (the deadline).
	Collection models.Collection
}

// Workbook is one report file: a workbook or a 通报.
type Workbook struct {
	FileName string
	Data     []byte          // the file; nil for one not rendered yet (see Unrendered)
	Report   *reports.Report // nil for a locked quarter's file as sent
	kind     string          // kindWorkbook or kindNotice: how WriteTo renders Report
}

// WriteTo writes the file to w: Data as it is, or, for a file not
// rendered yet, Report rendered straight to w.
func (wb Workbook) WriteTo(w io.Writer) (int64, error) {
	if wb.Data != nil || wb.Report == nil {
		n, err := w.Write(wb.Data)
		return int64(n), err
	}
	cw := &countingWriter{w: w}
	err := renderTo(cw, wb.Report, wb.kind)
	return cw.n, err
}

// countingWriter counts what is written through it, for WriteTo.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Unrendered returns the same file as Quarterly (q > 0) or Monthly (q =
// 0, as of m), or with notice as QuarterlyNotice or MonthlyNotice, but a
// file made now is left to WriteTo to render: the command line writes the
// workbook of 53,000 projects to its file without holding its 14 MB as
// well. m is the quarter's last month for q > 0.
func (s *Service) Unrendered(ctx context.Context, m models.Month, q int, notice bool) (Workbook, error) {
	kind := kindWorkbook
	if notice {
		kind = kindNotice
	}
	if q != 0 {
		if f, ok, err := s.locked(ctx, m.Year(), q, kind); err != nil || ok {
			return f, err
		}
	}
	r, err := s.report(ctx, m, q)
	if err != nil {
		return Workbook{}, err
	}
	return Workbook{FileName: fileName(r, kind), Report: r, kind: kind}, nil
}

// Input gathers what the report as of month m (of quarter q, or 0 for a
// monthly report) needs: the list as it stood at m with each project's
// figures and month notes as of m, the group order, the corrections to
// earlier locked quarters, the periods 环比 and 同比 compare with and, for
// a monthly report, the 督办 items (reports keeps those of the month).
// A period with no figures (models.Figures.HasFigures) gets no report:
// EUNPROCESSABLE with a message that says so.
func (s *Service) Input(ctx context.Context, m models.Month, q int) (reports.Input, error) {
	bases := s.basesBeside(ctx, m, q != 0)
	in, err := s.gather(ctx, m, q)
	previous, lastYear, berr := bases() // waited for even after a failure: nothing reads on after Input
	if err != nil {
		return in, err
	}
	in.Previous, in.LastYear = previous, lastYear
	return in, berr
}

// gather reads what Input needs but the bases of 环比 and 同比.
func (s *Service) gather(ctx context.Context, m models.Month, q int) (reports.Input, error) {
	ps, err := s.Store.PortfolioAsOf(ctx, m)
	if err != nil {
		return reports.Input{}, err
	}
	if err := s.Store.AttachMonthNotes(ctx, ps, m); err != nil {
		return reports.Input{}, err
	}
	districts, categories, err := s.order(ctx)
	if err != nil {
		return reports.Input{}, err
	}
	in := reports.Input{Projects: ps, Month: m, Quarter: q, Config: s.Rates, Districts: districts, Categories: categories, Generated: s.now()}
	if !models.HasFiguresAt(ps, m) {
		return in, noFigures(m, q)
	}
	if in.Corrections, err = s.Store.Corrections(ctx, m); err != nil {
		return in, err
	}
	if err := s.groupsOf(ctx, &in); err != nil {
		return in, err
	}
	if in.Unsent, err = s.Unsent(ctx, m); err != nil {
		return in, err
	}
	if q == 0 { // 督办事项 is a sheet of the monthly workbook
		in.Supervisions, err = s.Store.Supervisions(ctx, models.SupervisionFilter{})
	}
	return in, err
}

// basesBeside starts gathering Bases while the caller reads the list (for
// 53,000 projects, its passes over the list are a fifth of the reading,
// and the database answers both at once); the function returned waits
// for them.
func (s *Service) basesBeside(ctx context.Context, m models.Month, quarterly bool) func() (previous, lastYear *models.Rates, err error) {
	type result struct {
		previous, lastYear *models.Rates
		err                error
	}
	done := make(chan result, 1) // never blocks: a caller that fails first does not wait
	go func() {
		var r result
		r.previous, r.lastYear, r.err = s.Bases(ctx, m, quarterly)
		done <- r
	}()
	return func() (*models.Rates, *models.Rates, error) {
		r := <-done
		return r.previous, r.lastYear, r.err
	}
}

// groupsOf gives in the lists of the group sheets: the levels, each
// category's group (产业项目/城市建设项目) and the units that are city
// departments.
func (s *Service) groupsOf(ctx context.Context, in *reports.Input) (err error) {
	if in.Levels, err = s.Store.Levels(ctx); err != nil {
		return err
	}
	if in.CategoryGroups, err = s.Store.CategoryGroups(ctx); err != nil {
		return err
	}
	units, err := s.Store.Units(ctx)
	for _, u := range units {
		if u.Kind == models.KindDepartment {
			in.Departments = append(in.Departments, u.Name)
		}
	}
	return err
}

// Unsent returns the units, in report order, that have not sent month m's
// ledger (未报送单位) by the one rule of 报送 (models.Submissions, as
// GET /api/v1/submissions, 报送情况 and the dashboard): no approved upload
// of their own for m; the office's imports and hand edits never count.
func (s *Service) Unsent(ctx context.Context, m models.Month) ([]string, error) {
	subs, err := s.Store.Submissions(ctx, m, s.Collection)
	var out []string
	for _, sub := range subs {
		if !sub.Approved {
			out = append(out, sub.Unit)
		}
	}
	return out, err
}

// noFigures is the refusal of a report for a period without figures.
func noFigures(m models.Month, q int) error {
	period := fmt.Sprintf("%d年%s", m.Year(), models.CumulativeLabel(m.Num()))
	if q != 0 {
		period = fmt.Sprintf("%d年第%s季度", m.Year(), string([]rune("一二三四")[q-1]))
	}
	return models.Errorf(models.EUNPROCESSABLE, "%s没有任何项目数据（没有清单，或清单中的项目截至%d月尚未报送完成投资或开工情况），不生成报表。请先导入该期台账", period, m.Num())
}

// order is the order groups are listed in: the units as the store orders
// them, and the categories.
func (s *Service) order(ctx context.Context) (districts, categories []string, err error) {
	units, err := s.Store.Units(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, u := range units {
		districts = append(districts, u.Name)
	}
	categories, err = s.Store.Categories(ctx)
	return districts, categories, err
}

// Quarterly returns quarter q's workbook of a year: as it was sent when
// the quarter is locked, else made now.
func (s *Service) Quarterly(ctx context.Context, year, q int) (Workbook, error) {
	if f, ok, err := s.locked(ctx, year, q, kindWorkbook); err != nil || ok {
		return f, err
	}
	return s.build(ctx, models.MonthOf(year, 3*q), q, kindWorkbook)
}

// Monthly returns the monthly 调度 workbook as of month m, made now.
func (s *Service) Monthly(ctx context.Context, m models.Month) (Workbook, error) {
	return s.build(ctx, m, 0, kindWorkbook)
}

// QuarterlyNotice returns quarter q's 通报 (package reports/notice) of a
// year: as it was sent when the quarter is locked, else made now from the
// same figures as the workbook. A quarter locked before the 通报 was kept
// with it has no 通报 as sent: a conflict, rather than today's figures
// under a locked quarter's name.
func (s *Service) QuarterlyNotice(ctx context.Context, year, q int) (Workbook, error) {
	if f, ok, err := s.locked(ctx, year, q, kindNotice); err != nil || ok {
		return f, err
	}
	return s.build(ctx, models.MonthOf(year, 3*q), q, kindNotice)
}

// locked returns quarter q's file of a kind as it was sent when the
// quarter is locked (ok). A quarter locked before the 通报 was kept with
// it has no 通报 as sent: a conflict, rather than today's figures under a
// locked quarter's name.
func (s *Service) locked(ctx context.Context, year, q int, kind string) (wb Workbook, ok bool, err error) {
	if f, ok, err := s.Store.LockedReport(ctx, year, q, kind); err != nil || ok {
		return Workbook{FileName: f.FileName, Data: f.Data}, ok, err
	}
	if kind != kindNotice {
		return Workbook{}, false, nil
	}
	if _, locked, err := s.Store.LockedReport(ctx, year, q, kindWorkbook); err != nil || locked {
		if err == nil {
			err = models.Errorf(models.ECONFLICT, "%d年第%d季度锁定时没有保存通报，无法提供当时的通报：请解锁后重新锁定该季度", year, q)
		}
		return Workbook{}, false, err
	}
	return Workbook{}, false, nil
}

// MonthlyNotice returns the 通报 as of month m, made now.
func (s *Service) MonthlyNotice(ctx context.Context, m models.Month) (Workbook, error) {
	return s.build(ctx, m, 0, kindNotice)
}

// The kinds of report kept for a locked quarter (locked_reports.kind).
const (
	kindWorkbook = "xlsx"
	kindNotice   = "docx"
)

// build makes the report as of m (quarter q, or 0) and renders it as a
// workbook or a 通报.
func (s *Service) build(ctx context.Context, m models.Month, q int, kind string) (Workbook, error) {
	r, err := s.report(ctx, m, q)
	if err != nil {
		return Workbook{}, err
	}
	return render(r, kind)
}

func (s *Service) report(ctx context.Context, m models.Month, q int) (*reports.Report, error) {
	in, err := s.Input(ctx, m, q)
	if err != nil {
		return nil, err
	}
	return reports.Build(in), nil
}

func render(r *reports.Report, kind string) (Workbook, error) {
	var buf bytes.Buffer
	if err := renderTo(&buf, r, kind); err != nil {
		return Workbook{}, err
	}
	return Workbook{FileName: fileName(r, kind), Data: buf.Bytes(), Report: r, kind: kind}, nil
}

// renderTo renders r to w as a workbook or a 通报.
func renderTo(w io.Writer, r *reports.Report, kind string) error {
	if kind == kindNotice {
		return notice.Write(w, r)
	}
	return r.Write(w)
}

// fileName is the name of r's file of a kind.
func fileName(r *reports.Report, kind string) string {
	if kind == kindNotice {
		return notice.NameOf(r)
	}
	return r.FileName()
}

// Lock locks a quarter, keeping its workbook and its 通报 as they stand
// now, both from one report: those files are what the quarter's downloads
// return, byte for byte, until the quarter is reopened.
func (s *Service) Lock(ctx context.Context, year, q int, u models.User) error {
	if q < 1 || q > 4 || !models.MonthOf(year, 1).Valid() {
		return models.Errorf(models.EINVALID, "季度无效：%d年第%d季度", year, q)
	}
	r, err := s.report(ctx, models.MonthOf(year, 3*q), q)
	switch models.ErrorCode(err) {
	case "":
	case models.EUNPROCESSABLE, models.ENOTFOUND: // nothing to report: the quarter locks without a report as sent
		return s.Store.LockQuarter(ctx, year, q, u)
	default:
		return err
	}
	var files []store.LockedFile
	for _, kind := range []string{kindWorkbook, kindNotice} {
		f, err := render(r, kind)
		if err != nil {
			return err
		}
		files = append(files, store.LockedFile{Kind: kind, FileName: f.FileName, Data: f.Data})
	}
	return s.Store.LockQuarter(ctx, year, q, u, files...)
}

// now is the moment a report is made, in China time: the 编制日期 and the
// 通报's date are the office's day, whatever the system's zone.
func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().In(models.OfficeZone)
	}
	return s.Store.Now().In(models.OfficeZone)
}
