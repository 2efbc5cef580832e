package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"golang.org/x/term"

	"tracker/ledgers"
	"tracker/models"
	"tracker/models/store"
	"tracker/reporting"
)

// cliUser is who offline imports are recorded as: the operator at the
// server, named by their login on it so the audit trail names a person,
// with the office's full rights.
func cliUser() models.User {
	name := "命令行"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name += "（" + u.Username + "）"
	}
	return models.User{Name: name, Role: models.RoleAdmin}
}

var importCommand = &command{
	name:     "import",
	synopsis: "import [--db DSN] [--period YYYY-MM] [--dry-run] [--kind monthly|list] [--year Y] [--add CODES --reason R] FILE...",
	summary:  "离线导入台账或年度清单（显示进度、汇总和问题）",
	help: "离线导入一个或多个台账文件（.xlsx、.xls、.csv），显示每个阶段的进度，然后是计数和前 50 条问题。\n" +
		"--kind list 导入年度清单（--year 指定年度，缺省取标题中的年份）；--add 确认增补不在清单中的项目（逗号分隔的项目代码，* 表示全部），须同时用 --reason 写明原因。\n" +
		"历史记录中的导入人为“命令行（系统登录名）”。有文件无法读取或没有可导入的行时退出码为 1。",
	run: cmdImport,
}

func cmdImport(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	dsn := inv.dbFlag(fs)
	period := fs.String("period", "", "报告期 `YYYY-MM`（台账中已写明时可省略）")
	dryRun := fs.Bool("dry-run", false, "只预览，不修改数据库")
	kind := fs.String("kind", "monthly", "导入类型：monthly（月度台账）或 list（年度清单）")
	year := fs.Int("year", 0, "年度清单的年度（--kind list；缺省取标题中的年份）")
	add := fs.String("add", "", "确认增补的项目代码（逗号分隔，* 表示全部不在清单中的项目）")
	reason := fs.String("reason", "", "增补原因（与 --add 一起使用）")
	files, err := inv.parseArgs(fs, args, arity{1, -1, "FILE"})
	if err != nil {
		return err
	}
	if *kind != "monthly" && *kind != "list" {
		return fmt.Errorf("--kind 应为 monthly 或 list，收到 %s", *kind)
	}
	if *year != 0 && !models.MonthOf(*year, 1).Valid() {
		return fmt.Errorf("年份应在 1990 到 2100 之间，收到 %d", *year)
	}
	rules := store.ImportRules{Additions: models.ParseCodes(*add), Reason: models.TrimText(*reason)}
	if len(rules.Additions) > 0 && rules.Reason == "" {
		return errors.New("确认增补（--add）时请用 --reason 写明原因")
	}
	var m models.Month
	if *period != "" {
		if m, err = models.ParseMonth(*period); err != nil {
			return err
		}
	}
	s, err := store.OpenExisting(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	// An offline import has the operator waiting at the terminal: no
	// request to answer, so reading is bounded by the importer's limits only.
	svc := &ledgers.Service{Store: s, ReadTimeout: 24 * time.Hour}
	rejected := 0
	for i, path := range files {
		p := &progress{w: inv.stdout, prefix: fmt.Sprintf("[%d/%d] %s", i+1, len(files), filepath.Base(path))}
		up := ledgers.Upload{FileName: filepath.Base(path), Period: m, User: cliUser(), DryRun: *dryRun, List: *kind == "list", Year: *year, Rules: rules,
			Summary: true} // counts and problems are shown, not the changes
		err := importFile(ctx, svc, path, up, p)
		if err != nil {
			fmt.Fprintf(inv.stdout, "%s：未能导入：%s\n", p.prefix, message(err))
			rejected++
		}
	}
	if rejected > 0 {
		return fmt.Errorf("%d 个文件未能导入", rejected)
	}
	return nil
}

func importFile(ctx context.Context, svc *ledgers.Service, path string, up ledgers.Upload, p *progress) error {
	// The file is read where it lies: a workbook's bytes are read into
	// memory only to be kept with the import, not while its rows are read.
	// (A pipe or a device is read into memory as before.)
	f, err := os.Open(path)
	var st os.FileInfo
	if err == nil {
		defer f.Close()
		st, err = f.Stat()
	}
	switch {
	case err == nil && st.Mode().IsRegular():
		up.File = io.NewSectionReader(f, 0, st.Size())
	case err == nil:
		up.Data, err = io.ReadAll(f)
	}
	if err != nil {
		return fmt.Errorf("无法读取文件：%w", err)
	}
	var ledger *models.Ledger
	p.run("读取台账", func() error { ledger, err = readTight(ctx, svc, up); return err })
	if err != nil {
		return err
	}
	var imp *models.Import
	stage := "写入数据库"
	if up.DryRun {
		stage = "计算变更"
	}
	p.run(fmt.Sprintf("%s（%d 行）", stage, ledger.Records.Len()), func() error {
		imp, err = recordTight(ctx, svc, up, ledger)
		return err
	})
	if err != nil {
		return err
	}
	printImport(p.w, p.prefix, imp)
	if imp.Status == models.StatusRejected {
		return errors.New("文件中没有一行可以导入，请按上面的问题修改后重新导入")
	}
	return nil
}

// readGCPercent is the collector's target while the command reads a
// ledger. Reading is when the heap holds most (the shared strings of a
// 200,000-row workbook, about 40 MiB, beside the records' index) and
// allocates least beyond it, so collecting at half again what is live
// rather than twice costs a few cycles and keeps some 20 MiB off the
// process's peak. Planning and writing, which allocate much and hold
// little, keep the default.
const readGCPercent = 50

// writeGCPercent is the collector's target while the command plans and
// writes. The planning and the writing of parts run side by side on two
// goroutines, which allocate faster than one did, and at the default the
// heap grew past twice the 40 MiB they hold; at 60 the process stays
// within 128 MiB (200,000 rows: new projects 119–122 MiB, every figure
// changed 117–120 MiB, against 131–140 MiB at the default) for 0.1–0.2 s.
const writeGCPercent = 60

// recordTight plans and writes the ledger with writeGCPercent, unless
// GOGC chose a target of its own.
func recordTight(ctx context.Context, svc *ledgers.Service, up ledgers.Upload, ledger *models.Ledger) (*models.Import, error) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(writeGCPercent))
	}
	return svc.Record(ctx, up, ledger)
}

// readTight reads the upload with readGCPercent, unless GOGC chose a
// target of its own, then collects once: what the read leaves live is
// the ledger's index, a small part of what it held, and a collection now
// sets the next target from that rather than from the read's peak (which
// would let planning grow the heap as far again before its first cycle).
func readTight(ctx context.Context, svc *ledgers.Service, up ledgers.Upload) (*models.Ledger, error) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(readGCPercent))
	}
	defer runtime.GC()
	return svc.Read(ctx, up)
}

func printImport(w io.Writer, prefix string, imp *models.Import) {
	status := imp.Status.Label()
	if imp.Status == models.StatusPreviewed {
		status += "（未修改数据库）"
	}
	fmt.Fprintf(w, "%s：%s，导入编号 %d，报告期 %s\n", prefix, status, imp.ID, imp.Period)
	fmt.Fprintf(w, "  数据行 %d，导入 %d；新建项目 %d，更新 %d，未变 %d；变更 %d 项\n",
		imp.RowsTotal, imp.RowsImported, imp.Created, imp.Updated, imp.Unchanged, max(len(imp.Changes), imp.ChangeCount))
	for i, pr := range imp.Problems {
		if i == 50 {
			fmt.Fprintf(w, "  ……另有 %d 条问题，完整清单见网页或 problems.xlsx\n", len(imp.Problems)-50)
			break
		}
		fmt.Fprintf(w, "  [%s] %s\n", models.SeverityLabel(pr.Severity), pr.Message)
	}
}

// progress shows a running stage with its elapsed time, redrawn in place
// every 200 ms, and its duration when done.
type progress struct {
	w      io.Writer
	prefix string
}

func (p *progress) run(stage string, fn func() error) {
	start := time.Now()
	done := make(chan struct{})
	if f, ok := p.w.(*os.File); !ok || !term.IsTerminal(int(f.Fd())) {
		close(done) // a log file gets the result line only
	}
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fmt.Fprintf(p.w, "\r%s：%s… %.1f 秒", p.prefix, stage, time.Since(start).Seconds())
			}
		}
	}()
	err := fn()
	select {
	case <-done:
	default:
		close(done)
	}
	mark := "完成"
	if err != nil {
		mark = "失败"
	}
	fmt.Fprintf(p.w, "\r%s：%s %s（%.1f 秒）\n", p.prefix, stage, mark, time.Since(start).Seconds())
}

var reportCommand = &command{
	name:     "report",
	synopsis: "report [--db DSN] --year Y (--quarter Q | --month M) [--docx] [-o FILE]",
	summary:  "生成季度报告或月度调度报告（Excel），或通报（Word）",
	help: "用 --quarter 生成季度报告 重大项目季度报告_{Y}Q{Q}.xlsx，或用 --month 生成月度调度报告\n" +
		"重大项目月度调度_{Y}M{MM}.xlsx（二者只能指定一个）。加 --docx 则生成同一组数字的通报\n" +
		"重大项目建设情况通报_{Y}Q{Q}.docx（或 _{Y}M{MM}.docx）代替报表。已锁定季度的报表和通报与锁定时相同。\n" +
		"亮灯阈值和开工率分母取自与 serve 相同的环境变量。",
	run: cmdReport,
}

func cmdReport(ctx context.Context, inv *invocation, args []string) error {
	fs := inv.flags()
	dsn := inv.dbFlag(fs)
	year := fs.Int("year", 0, "年份 `Y`，如 2024")
	quarter := fs.Int("quarter", 0, "季度 `Q`：1-4")
	month := fs.Int("month", 0, "月份 `M`：1-12（月度调度报告，代替 --quarter）")
	docx := fs.Bool("docx", false, "生成通报（Word）代替报表")
	out := fs.String("o", "", "输出文件 `FILE`（默认 重大项目季度报告_{Y}Q{Q}.xlsx 或 重大项目月度调度_{Y}M{MM}.xlsx；\n有 --docx 时为 重大项目建设情况通报_{Y}Q{Q}.docx 或 _{Y}M{MM}.docx）")
	if _, err := inv.parseArgs(fs, args, noArgs); err != nil {
		return err
	}
	m, q, err := reportMonth(*year, *quarter, *month)
	if err != nil {
		return err
	}
	rates, err := inv.env.rateConfig()
	if err != nil {
		return err
	}
	s, err := store.OpenExisting(*dsn)
	if err != nil {
		return err
	}
	defer s.Close()
	if inv.env.lookup("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(reportGCPercent))
	}
	svc := &reporting.Service{Store: s, Rates: rates}
	wb, err := svc.Unrendered(ctx, m, q, *docx)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = wb.FileName
	} else if st, err := os.Stat(*out); err == nil && st.IsDir() {
		*out = filepath.Join(*out, wb.FileName)
	}
	said := inv.stdout
	if *out == "-" { // the file itself goes to standard output; what was written is said on stderr
		said = inv.stderr
	}
	if err := writeOut(*out, wb, inv.stdout); err != nil {
		return err
	}
	if *out == "-" {
		*out = "标准输出"
	}
	if wb.Report == nil {
		what := "报表"
		if *docx {
			what = "通报"
		}
		fmt.Fprintf(said, "已生成 %s（%d年第%d季度已锁定：与锁定时报送的%s相同）\n", *out, m.Year(), q, what)
		return nil
	}
	r := wb.Report
	fmt.Fprintf(said, "已生成 %s（%s，%d 个项目）\n", *out, r.Period(), r.Rates.Projects)
	return nil
}

// reportGCPercent is how far `report` lets the Go heap grow past what is
// live before collecting (Go's default is 100, GOGC overrides it): a
// workbook's cells are made and dropped by the million beside the
// portfolio held whole, and at 50 the report of 53,000 projects peaks at
// about 117 MiB instead of 145 for a few per cent more CPU (README,
// Benchmarks).
const reportGCPercent = 50

// reportMonth checks --year, --quarter and --month: a year in 1990-2100,
// and exactly one of a quarter 1-4 or a month 1-12. It returns the month
// the report is as of and the quarter (0 for a monthly report).
func reportMonth(year, quarter, month int) (models.Month, int, error) {
	switch {
	case year == 0:
		return 0, 0, errors.New("请用 --year 指定年份，例如 --year 2024")
	case year < 1990 || year > 2100:
		return 0, 0, fmt.Errorf("年份应在 1990 到 2100 之间，收到 %d", year)
	case quarter != 0 && month != 0:
		return 0, 0, errors.New("--quarter 和 --month 只能指定一个")
	case quarter == 0 && month == 0:
		return 0, 0, errors.New("请用 --quarter 指定季度（1-4），或用 --month 指定月份（1-12）")
	case month != 0 && (month < 1 || month > 12):
		return 0, 0, fmt.Errorf("月份应为 1-12，收到 %d", month)
	case month != 0:
		return models.MonthOf(year, month), 0, nil
	case quarter < 1 || quarter > 4:
		return 0, 0, fmt.Errorf("季度应为 1-4，收到 %d", quarter)
	}
	return models.MonthOf(year, 3*quarter), quarter, nil
}

// writeOut writes a report file, rendered straight into it through a
// buffer (the workbook is never held whole), saying in Chinese why it
// cannot. A file is written beside its name and renamed over it once
// whole, so a failure leaves no part of a workbook under the name; "-" is
// standard output, and what is not a regular file (a pipe, /dev/stdout) is
// written straight.
func writeOut(path string, wb reporting.Workbook, stdout io.Writer) error {
	if path == "-" {
		return outError("标准输出", render(stdout, wb))
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return outError(path, err)
		}
		err = render(f, wb)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return outError(path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return outError(path, err)
	}
	defer os.Remove(tmp.Name()) // gone once renamed
	err = render(tmp, wb)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return outError(path, err)
	}
	return outError(path, os.Rename(tmp.Name(), path))
}

// render writes the workbook to w through a 64 KiB buffer.
func render(w io.Writer, wb reporting.Workbook) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	_, err := wb.WriteTo(bw)
	if err == nil {
		err = bw.Flush()
	}
	return err
}

// outError says in Chinese why a report file cannot be written.
func outError(path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("无法写入 %s：目录不存在", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("无法写入 %s：没有写入权限", path)
	}
	return fmt.Errorf("无法写入 %s：%w", path, err)
}
