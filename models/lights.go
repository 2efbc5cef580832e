package models

// Light is a warning light.
type Light string

const (
	LightNone   Light = ""
	LightGreen  Light = "绿"
	LightYellow Light = "黄"
	LightRed    Light = "红"
)

// Investment light bases (RateConfig.LightBasis).
const (
	// BasisFromStart judges each project against its own 序时进度: M/12 for
	// a 续建 project, from its planned (or earlier actual) start month for a
	// 新开工 one. The default.
	BasisFromStart = "from_start"
	// BasisCalendar judges every project against the city's M/12.
	BasisCalendar = "calendar"
)

// StartStatus is where a 新开工 project stands against its planned start as
// of a month.
type StartStatus struct {
	Planned       bool // planned to start by M (a missing plan counts from December)
	Started       bool // actually started by M, early starts included
	MonthsOverdue int  // M − planned month, when planned and not started (from a plan of an earlier year too)
}

// StartStatusOf returns p's start status as of m. Only 新开工 projects have
// one; for others it is the zero StartStatus.
func StartStatusOf(p *Project, m Month) StartStatus {
	if p.Nature != NatureNew {
		return StartStatus{}
	}
	s := StartStatus{
		Planned: p.PlannedStartMonth() <= m.Num(),
		Started: !p.ActualStart.IsZero() && p.ActualStart <= m,
	}
	switch {
	case !s.Planned || s.Started:
	case !p.PlannedStart.IsZero() && p.PlannedStart.Year() < m.Year():
		s.MonthsOverdue = m.MonthsSince(p.PlannedStart) // planned for last October: 5 months overdue in March
	default:
		s.MonthsOverdue = m.Num() - p.PlannedStartMonth()
	}
	return s
}

// NotDue reports 未到开工期: a 新开工 project planned to start after M that
// has not started by M.
func (s StartStatus) NotDue() bool { return !s.Planned && !s.Started }

// Early reports 提前开工: started by M although planned after M.
func (s StartStatus) Early() bool { return s.Started && !s.Planned }

// Overdue reports 未按计划开工: planned by M and not started by M.
func (s StartStatus) Overdue() bool { return s.Planned && !s.Started }

// ProjectStatus is one project's standing as of a month: its own
// completion rate, its own 序时进度, the gap between them and its two
// lights.
type ProjectStatus struct {
	Completed Money
	Reported  bool    // a figure was reported for M itself
	Rate      float64 // completed / annual plan; 0 without a plan
	// Progress is the project's own 序时进度 as a fraction (see
	// ProgressOf); 0 for a project that is NotDue.
	Progress float64
	GapPP    float64 // (Rate − Progress) in points; 0 when NotDue or without a plan
	// NotDue is 未到开工期 (StartStatus.NotDue): such a project has no
	// investment light and is not lagging, whatever it has invested.
	NotDue          bool
	InvestmentLight Light // LightNone when NotDue; LightGreen without an annual plan
	Start           StartStatus
	StartLight      Light // LightNone unless 新开工, planned by M and not started
}

// Lagging reports whether the project is 滞后: a yellow or red light on
// either axis.
func (s ProjectStatus) Lagging() bool {
	return s.InvestmentLagging() || s.StartLagging()
}

// InvestmentLagging reports a yellow or red investment light.
func (s ProjectStatus) InvestmentLagging() bool {
	return s.InvestmentLight == LightYellow || s.InvestmentLight == LightRed
}

// StartLagging reports a yellow or red start light.
func (s ProjectStatus) StartLagging() bool {
	return s.StartLight == LightYellow || s.StartLight == LightRed
}

// gapEpsilon keeps a gap of exactly −10.0 points (float noise aside) on the
// kinder side of the threshold, as the office would read it.
const gapEpsilon = 1e-9

// GapLight is the one colour rule for a completion rate against its 序时进度,
// used for projects, units, categories and the city alike: 绿 when the gap
// (in points) is −InvestmentYellowPP or better, 黄 down to
// −InvestmentRedPP, 红 below that.
func GapLight(gapPP float64, cfg RateConfig) Light {
	switch {
	case gapPP < -cfg.InvestmentRedPP-gapEpsilon:
		return LightRed
	case gapPP < -cfg.InvestmentYellowPP-gapEpsilon:
		return LightYellow
	}
	return LightGreen
}

// ProgressOf returns p's own 序时进度 as of m under cfg.LightBasis, and
// false when p is 未到开工期 (a 新开工 project planned after m and not
// started by m), which has none.
//
// Under BasisFromStart (the default, also for an empty basis) a 续建
// project's is m/12; a 新开工 project's runs from its start month S to
// December, (m − S + 1) / (12 − S + 1), where S is the planned start month
// (December when missing, January when planned in an earlier year) or the
// actual start month when it started earlier than planned (January when
// that was in an earlier year). Under BasisCalendar every project but a
// 未到开工期 one is at m/12.
func ProgressOf(p *Project, m Month, cfg RateConfig) (float64, bool) {
	start := StartStatusOf(p, m)
	switch {
	case p.Nature == NatureNew && start.NotDue():
		return 0, false
	case p.Nature != NatureNew || cfg.LightBasis == BasisCalendar:
		return TimeProgress(m.Num()), true
	}
	from := p.PlannedStartMonth()
	if start.Early() {
		from = 1
		if p.ActualStart.Year() == m.Year() {
			from = p.ActualStart.Num()
		}
	}
	return float64(m.Num()-from+1) / float64(12-from+1), true
}

// StatusOf returns p's standing as of m under cfg: its rate against its own
// 序时进度 (ProgressOf) and its lights. A project without an annual plan has
// nothing to lag behind and is green; a 未到开工期 one has no investment
// light.
func StatusOf(p *Project, m Month, cfg RateConfig) ProjectStatus {
	s := ProjectStatus{Start: StartStatusOf(p, m)}
	s.Completed, s.Reported = p.CompletedAsOf(m)
	s.Rate = Ratio(int64(s.Completed), int64(p.AnnualPlan))
	progress, due := ProgressOf(p, m, cfg)
	s.NotDue = !due
	if due {
		s.Progress = progress
		s.InvestmentLight = LightGreen
	}
	if due && p.AnnualPlan != 0 {
		s.GapPP = (s.Rate - s.Progress) * 100
		s.InvestmentLight = GapLight(s.GapPP, cfg)
	}
	if s.Start.Overdue() {
		s.StartLight = LightYellow
		if s.Start.MonthsOverdue >= cfg.StartRedMonths {
			s.StartLight = LightRed
		}
	}
	return s
}

// Colours returns a light's fill and text colours as RGB hex (no "#"): the
// one palette of the workbooks and the pages (the pages' stylesheet
// /static/lights.css is generated from it). The fills are saturated so
// that red, yellow and green stay apart on paper, and the text on each is
// the one of black and white with the higher contrast on it, at least
// 4.5:1 (WCAG AA): black on green (7.3:1; white would be 2.9:1), black on
// yellow (15.0:1), white on red (5.0:1). LightNone has none ("", "").
func (l Light) Colours() (fill, text string) {
	switch l {
	case LightGreen:
		return "00B050", "000000"
	case LightYellow:
		return "FFD700", "000000"
	case LightRed:
		return "E00000", "FFFFFF"
	}
	return "", ""
}

// Lights are the three lights in the order of the colour rule.
func Lights() []Light { return []Light{LightGreen, LightYellow, LightRed} }

// InvestmentLight is the light of a set's 年度投资完成率 against 序时进度:
// GapLight of its gap, the rule of the projects' lights, for the city, a
// unit or a category (pages colour their rates with it).
func (f Figures) InvestmentLight(cfg RateConfig) Light { return GapLight(f.InvestmentGapPP, cfg) }
