package importer

import (
	"regexp"
	"strings"

	"tracker/models"
)

// section is what the section rows above a data row say of it. Ledgers
// group their rows under headings such as 一、新开工项目（12个） and
// 二、续建项目（30个）, or 一、实施类 / 二、准备类, often with no nature column
// at all: a row stating no nature (or class) of its own takes its
// section's.
type section struct {
	nature models.Nature
	class  models.Class
}

// reSubSection is a heading of the second level, （一） or 1.: it refines
// the heading above it (（一）工业项目 under 一、新开工项目) and keeps what
// that one said unless it says otherwise.
var reSubSection = regexp.MustCompile(`^(?:\([一二三四五六七八九十]+\)|\d+[、.])`)

// under returns what a row under the section heading lead is, given what
// the headings before it said: a first-level heading replaces it, a
// second-level one adds to it.
func (s section) under(lead string) section {
	n, c := sectionNature(lead), sectionClass(lead)
	if !reSubSection.MatchString(lead) {
		return section{nature: n, class: c}
	}
	if n != "" {
		s.nature = n
	}
	if c != "" {
		s.class = c
	}
	return s
}

// sectionNature is the nature a heading names: 新开工 (新建) or 续建 (在建),
// "" when it names neither or both (新开工及续建项目).
func sectionNature(t string) models.Nature {
	isNew := strings.Contains(t, "新开工") || strings.Contains(t, "新建")
	isCont := strings.Contains(t, "续建") || strings.Contains(t, "在建")
	switch {
	case isNew && !isCont:
		return models.NatureNew
	case isCont && !isNew:
		return models.NatureContinuing
	}
	return ""
}

// sectionClass is the list class a heading names: 实施类 or 准备类 (前期).
func sectionClass(t string) models.Class {
	impl := strings.Contains(t, "实施类") || strings.Contains(t, "实施项目")
	prep := strings.Contains(t, "准备类") || strings.Contains(t, "前期类") || strings.Contains(t, "准备项目")
	switch {
	case impl && !prep:
		return models.ClassImplement
	case prep && !impl:
		return models.ClassPrepare
	}
	return ""
}

// sectionNature gives the row its section's nature when it states none.
func (rr *rowReader) sectionNature() {
	if n := rr.s.section.nature; n != "" && rr.rec.Has&FieldNature == 0 {
		rr.rec.Nature, rr.rec.Has = n, rr.rec.Has|FieldNature
	}
}
