package models

import (
	"strings"
	"testing"
)

func TestNormalizeCodeFoldsWidthAndSpaces(t *testing.T) {
	tests := map[string]string{
		"2403-370303-04-01-000123": "2403-370303-04-01-000123",
		"２４０３－３７０３０３－０４－０１－０００１２３":            "2403-370303-04-01-000123",
		" 2403 - 370303 - 04-01-000123\u00a0": "2403-370303-04-01-000123",
		"2403—370303—04—01—000123":            "2403-370303-04-01-000123",
		"'2403-370303-04-01-000123":           "2403-370303-04-01-000123", // Excel's text mark, kept by a CSV
		" ‘2403-370303-04-01-000123":          "2403-370303-04-01-000123",
	}
	for in, want := range tests {
		got := NormalizeCode(in)
		if got != want || !ValidCode(got) {
			t.Errorf("NormalizeCode(%q) = %q (valid %v), want %q", in, got, ValidCode(got), want)
		}
	}
	for _, bad := range []string{"2403-370303-04-01-00012", "24033-70303-04-01-000123", "", "abcd-370303-04-01-000123"} {
		if ValidCode(NormalizeCode(bad)) {
			t.Errorf("ValidCode(%q) = true", bad)
		}
	}
	if got := CodeArea("2018-370305-26-03-000001"); got != "370305" {
		t.Errorf("CodeArea = %q", got)
	}
}

func TestNormalizeNameRemovesAllWhitespace(t *testing.T) {
	if got := NormalizeName(" 齐鲁石化\u3000鲁油鲁炼 技术\u00a0升级\n改造 "); got != "齐鲁石化鲁油鲁炼技术升级改造" {
		t.Errorf("got %q", got)
	}
}

func TestUnitIndexResolvesSpellings(t *testing.T) {
	ix := NewUnitIndex(DefaultUnits())
	for in, want := range map[string]string{
		"张店": "张店区", "张店区": "张店区", "淄博高新技术产业开发区": "高新区", "高新": "高新区",
		"经开区": "经济开发区", "淄博经济开发区": "经济开发区", "文昌湖省级旅游度假区": "文昌湖区", "370321": "桓台县",
		"市本级": "市直部门", "市直单位": "市直部门", "市直": "市直部门", // the city itself, by its kind's words
	} {
		if u, ok := ix.Resolve(in); !ok || u.Name != want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", in, u.Name, ok, want)
		}
	}
	for in, want := range map[string]string{"张店区马尚街道": "张店区", "淄博市临淄区稷下街道": "临淄区", "高新区中润街道": "高新区",
		"桓台": "桓台县", "沂源县南麻街道": "沂源县", "淄博经济开发区傅家镇": "经济开发区"} {
		if u, ok := ix.Leading(in); !ok || u.Name != want {
			t.Errorf("Leading(%q) = %q, %v; want %q", in, u.Name, ok, want)
		}
	}
	for _, bad := range []string{"马尚街道", "370303马尚", "山东省"} {
		if u, ok := ix.Leading(bad); ok {
			t.Errorf("Leading(%q) = %q", bad, u.Name)
		}
	}
	if u, ok := ix.Find("填报单位：淄博经济开发区管委会  填报日期：2024年7月5日"); !ok || u.Name != "经济开发区" {
		t.Errorf("Find = %q, %v", u.Name, ok)
	}
	if _, ok := ix.Find("2024年市级重大项目建设情况台账"); ok {
		t.Errorf("Find matched a city-wide title")
	}
}

func TestParseCodes(t *testing.T) {
	got := ParseCodes(" 2403-370303-04-01-000123，２４０３－３７０３０３－０４－０１－０００１２４、*\n2403 - 370303-04-01-000125 ")
	want := []string{"2403-370303-04-01-000123", "2403-370303-04-01-000124", "*", "2403-370303-04-01-000125"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("ParseCodes = %q, want %q", got, want)
	}
}
