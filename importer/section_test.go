package importer

import (
	"testing"

	"tracker/models"
)

func TestSectionHeadings(t *testing.T) {
	var s section
	steps := []struct {
		lead   string
		nature models.Nature
		class  models.Class
	}{
		{"一、实施类项目(30个)", "", models.ClassImplement},
		{"(一)新开工项目", models.NatureNew, models.ClassImplement}, // a sub-heading adds to its heading
		{"1.工业项目", models.NatureNew, models.ClassImplement},
		{"(二)续建项目", models.NatureContinuing, models.ClassImplement},
		{"二、准备类项目(5个)", "", models.ClassPrepare}, // a heading replaces what came before
		{"三、新开工及续建项目", "", ""},
		{"四、在建项目", models.NatureContinuing, ""},
		{"新建项目(3个)", models.NatureNew, ""},
	}
	for _, st := range steps {
		s = s.under(st.lead)
		if s.nature != st.nature || s.class != st.class {
			t.Errorf("under %q: got %q %q, want %q %q", st.lead, s.nature, s.class, st.nature, st.class)
		}
	}
}
