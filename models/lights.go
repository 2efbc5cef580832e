package models

// Light is a warning light.
type Light string

const (
	LightNone   Light = ""
	LightGreen  Light = "绿"
	LightYellow Light = "黄"
	LightRed    Light = "红"
)

// StartStatus is where a 新开工 project stands against its planned start as
// of a month.
type StartStatus struct {
	Planned       bool // planned to start by M (a missing plan counts from December)
	Started       bool // actually started by M, early starts included
	MonthsOverdue int  // M − planned month, when planned and not started
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
	if s.Planned && !s.Started {
		s.MonthsOverdue = m.Num() - p.PlannedStartMonth()
	}
	return s
}

// ProjectStatus is one project's standing as of a month: its own
// completion rate, the gap to 序时进度 and its two lights.
type ProjectStatus struct {
	Completed       Money
	Reported        bool    // a figure was reported for M itself
	Rate            float64 // completed / annual plan; 0 without a plan
	GapPP           float64 // (rate − 序时进度) in points
	InvestmentLight Light
	Start           StartStatus
	StartLight      Light // LightNone unless 新开工, planned by M and not started
}

// Lagging reports whether the project is 滞后: a yellow or red light on
// either axis.
func (s ProjectStatus) Lagging() bool {
	return s.InvestmentLight == LightYellow || s.InvestmentLight == LightRed ||
		s.StartLight == LightYellow || s.StartLight == LightRed
}

// gapEpsilon keeps a gap of exactly −10.0 points (float noise aside) on the
// kinder side of the threshold, as the office would read it.
const gapEpsilon = 1e-9

// StatusOf returns p's standing as of m under cfg's thresholds. A project
// without an annual plan has nothing to lag behind and is green.
func StatusOf(p *Project, m Month, cfg RateConfig) ProjectStatus {
	s := ProjectStatus{Start: StartStatusOf(p, m)}
	s.Completed, s.Reported = p.CompletedAsOf(m)
	s.Rate = Ratio(int64(s.Completed), int64(p.AnnualPlan))
	s.GapPP = (s.Rate - TimeProgress(m.Num())) * 100
	s.InvestmentLight = LightGreen
	switch {
	case p.AnnualPlan == 0:
	case s.GapPP < -cfg.InvestmentRedPP-gapEpsilon:
		s.InvestmentLight = LightRed
	case s.GapPP < -cfg.InvestmentYellowPP-gapEpsilon:
		s.InvestmentLight = LightYellow
	}
	if s.Start.Planned && !s.Start.Started {
		s.StartLight = LightYellow
		if s.Start.MonthsOverdue >= cfg.StartRedMonths {
			s.StartLight = LightRed
		}
	}
	return s
}
