package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"tracker/models"
)

// The charts are inline SVG drawn here, on the server: no script library,
// nothing loaded from outside, and they print and project as sharp as the
// text. Colours come from classes in app.css (the Content-Security-Policy
// forbids style attributes); every chart has a <title> for screen readers.

// bar is one row of a horizontal bar chart; Value is a fraction.
type bar struct {
	Label string
	Value float64
	Text  string
	Class string // its colour: "" the plain bar, a toneClass, or "behind"
}

// marker is a vertical reference line, such as 序时进度 or 100%.
type marker struct {
	At    float64
	Label string
}

// svgDoc collects SVG elements; esc escapes text for element content and
// attribute values alike.
type svgDoc struct{ strings.Builder }

func esc(s string) string { return template.HTMLEscapeString(s) }

func (d *svgDoc) f(format string, args ...any) { fmt.Fprintf(&d.Builder, format, args...) }

// open starts a chart of w × h user units in a box of its own: the width
// attribute is its natural size, which a phone keeps (the box then
// scrolls) so that its text stays readable; wider screens fit it to the
// box (app.css). kind, when set, is a further class ("gauge").
func (d *svgDoc) open(w, h float64, title string, kind ...string) {
	cls := strings.TrimSpace("chart " + strings.Join(kind, " "))
	d.f(`<div class="chart-box"><svg class="%s" width="%.0f" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`,
		cls, w, w, h, esc(title), esc(title))
}

func (d *svgDoc) html() template.HTML {
	d.WriteString("</svg></div>")
	return template.HTML(d.String()) // every piece of text in it went through esc
}

// scaleMax is the right end of a rate axis: at least 120%, else the largest
// value plus a margin, rounded up to a 20% step (50% above 160%).
func scaleMax(values ...float64) float64 {
	top := 1.2
	for _, v := range values {
		top = math.Max(top, math.Ceil(v*1.08/0.2)*0.2)
	}
	if top > 1.6 {
		top = math.Ceil(top/0.5) * 0.5 // the axis then steps by 50%
	}
	return top
}

// barChart draws labelled horizontal bars on a percent axis with vertical
// reference markers; markers at the same place are drawn once.
func barChart(title string, bars []bar, marks []marker) template.HTML {
	const left, right, top, row = 92.0, 60.0, 30.0, 30.0
	width := 600.0
	height := top + row*float64(len(bars)) + 26
	values := []float64{}
	for _, b := range bars {
		values = append(values, b.Value)
	}
	max := scaleMax(values...)
	x := func(v float64) float64 { return left + (width-left-right)*math.Min(v, max)/max }
	var d svgDoc
	d.open(width, height, title)
	step := 0.2
	if max > 1.6 {
		step = 0.5
	}
	for t := 0.0; t <= max+1e-9; t += step {
		d.f(`<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x(t), top-4, x(t), height-22)
		d.f(`<text class="axis" x="%.1f" y="%.1f" text-anchor="middle">%.0f%%</text>`, x(t), height-6, t*100)
	}
	for i, b := range bars {
		y := top + row*float64(i)
		cls := strings.TrimSpace("bar " + b.Class)
		d.f(`<text class="label" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, left-8, y+row/2+5, esc(b.Label))
		d.f(`<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s：%s</title></rect>`,
			cls, left, y+5, x(b.Value)-left, row-10, esc(b.Label), esc(b.Text))
		d.f(`<text class="value" x="%.1f" y="%.1f">%s</text>`, x(b.Value)+6, y+row/2+5, esc(b.Text))
	}
	drawMarkers(&d, marks, x, top, height)
	return d.html()
}

func drawMarkers(d *svgDoc, marks []marker, x func(float64) float64, top, height float64) {
	seen := map[string]bool{}
	for i, m := range marks {
		key := fmt.Sprintf("%.4f", m.At)
		if seen[key] {
			continue
		}
		seen[key] = true
		anchor := "middle"
		if i == 0 && len(marks) > 1 && marks[1].At > m.At && marks[1].At-m.At < 0.25 {
			anchor = "end" // keep two close labels apart
		}
		d.f(`<line class="marker" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x(m.At), top-6, x(m.At), height-22)
		d.f(`<text class="marker-label" x="%.1f" y="%.1f" text-anchor="%s">%s</text>`, x(m.At), top-12, anchor, esc(m.Label))
	}
}

// gauge draws one rate as a thick bar with ticks at its reference (序时进度
// or 100%) and at 100%.
//
// class colours the bar: "" plain, a toneClass, or "behind".
func gauge(rate, reference float64, title, class string) template.HTML {
	const width, height, left, right = 480.0, 66.0, 4.0, 4.0
	max := scaleMax(rate)
	x := func(v float64) float64 { return left + (width-left-right)*math.Min(v, max)/max }
	var d svgDoc
	d.open(width, height, fmt.Sprintf("%s %s", title, percent(rate)), "gauge")
	d.f(`<rect class="track" x="%.1f" y="22" width="%.1f" height="22" rx="3"/>`, left, width-left-right)
	cls := strings.TrimSpace("fill " + class)
	d.f(`<rect class="%s" x="%.1f" y="22" width="%.1f" height="22" rx="3"/>`, cls, left, x(rate)-left)
	marks := []marker{{1, "100%"}}
	if reference != 1 {
		marks = []marker{{reference, "序时 " + percent(reference)}, {1, "100%"}}
	}
	for _, m := range marks {
		d.f(`<line class="marker" x1="%.1f" y1="16" x2="%.1f" y2="50"/>`, x(m.At), x(m.At))
		d.f(`<text class="marker-label" x="%.1f" y="12" text-anchor="middle">%s</text>`, x(m.At), esc(m.Label))
	}
	d.f(`<text class="axis" x="%.1f" y="62">0</text><text class="axis" x="%.1f" y="62" text-anchor="end">%.0f%%</text>`, left, width-right, max*100)
	return d.html()
}

// investmentChart draws a project's monthly cumulative investment as bars
// against its annual plan (a line) and the plan's 序时 path (plan × M/12).
// The axis is in 万元 with round steps.
func investmentChart(p *models.Project) template.HTML {
	const width, height, left, right, top, bottom = 720.0, 270.0, 78.0, 12.0, 16.0, 30.0
	peak := float64(p.AnnualPlan)
	for _, inv := range p.Investments {
		peak = math.Max(peak, float64(inv.CompletedYTD))
	}
	step := niceStep(peak/float64(models.Wan)/4) * float64(models.Wan)
	max := step * math.Ceil(peak*1.05/step)
	y := func(v float64) float64 { return height - bottom - (height-top-bottom)*v/max }
	slot := (width - left - right) / 12
	x := func(m int) float64 { return left + slot*float64(m-1) }
	var d svgDoc
	d.open(width, height, p.Name+" 各月累计完成投资与年度计划")
	for v := 0.0; v <= max+1; v += step {
		d.f(`<line class="grid" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, left, y(v), width-right, y(v))
		d.f(`<text class="axis" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, left-6, y(v)+4, esc(wholeWan(v)))
	}
	for m := 1; m <= 12; m++ {
		d.f(`<text class="axis" x="%.1f" y="%.1f" text-anchor="middle">%d月</text>`, x(m)+slot/2, height-10, m)
	}
	for _, inv := range p.Investments {
		v := float64(inv.CompletedYTD)
		d.f(`<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s：%s万元</title></rect>`,
			x(inv.Period.Num())+slot*0.2, y(v), slot*0.6, y(0)-y(v), esc(monthText(inv.Period)), esc(amountText(inv.CompletedYTD)))
	}
	if p.AnnualPlan > 0 {
		plan := float64(p.AnnualPlan)
		d.f(`<line class="marker" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, left, y(0), width-right, y(plan))
		d.f(`<line class="plan" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, left, y(plan), width-right, y(plan))
		d.f(`<text class="plan-label" x="%.1f" y="%.1f">年度计划 %s万元</text>`, left+8, y(plan)-6, esc(amountText(p.AnnualPlan)))
	}
	return d.html()
}

// niceStep rounds a raw axis step up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if raw <= m*pow {
			return m * pow
		}
	}
	return 10 * pow
}

// wholeWan shows a yuan amount as whole 万元 with thousands separators.
func wholeWan(yuan float64) string {
	s := wanText(models.Money(math.Round(yuan/float64(models.Wan)) * float64(models.Wan)))
	return strings.TrimSuffix(s, ".00")
}
