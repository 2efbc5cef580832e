package models

import "strings"

// Unit kinds.
const (
	KindDistrict   = "区县"   // a county-level district or county with an area code
	KindZone       = "功能区"  // a development zone without a national area code
	KindDepartment = "市直部门" // a city department reporting its own projects
)

// Unit is a reporting unit (区县, 功能区 or 市直部门): who sends a ledger and
// answers for its projects' figures. Units are data in the store; the
// defaults below seed a new database.
type Unit struct {
	Name    string   `json:"name"`    // canonical name, e.g. 张店区
	Code    string   `json:"code"`    // area code (370303) or internal code (ZB01)
	Kind    string   `json:"kind"`    // KindDistrict, KindZone or KindDepartment
	Aliases []string `json:"aliases"` // other spellings ledgers use
	Sort    int      `json:"sort"`    // order in reports
}

// DefaultUnits are Zibo's 11 districts and zones in the city's usual order,
// then the city departments that report projects of their own. The zones
// have no national area code, so they get internal codes ZB01..ZB03; their
// projects' codes carry the area code of the district they lie in.
func DefaultUnits() []Unit {
	return []Unit{
		{Name: "张店区", Code: "370303", Kind: KindDistrict, Aliases: []string{"张店"}, Sort: 1},
		{Name: "淄川区", Code: "370302", Kind: KindDistrict, Aliases: []string{"淄川"}, Sort: 2},
		{Name: "博山区", Code: "370304", Kind: KindDistrict, Aliases: []string{"博山"}, Sort: 3},
		{Name: "周村区", Code: "370306", Kind: KindDistrict, Aliases: []string{"周村"}, Sort: 4},
		{Name: "临淄区", Code: "370305", Kind: KindDistrict, Aliases: []string{"临淄"}, Sort: 5},
		{Name: "桓台县", Code: "370321", Kind: KindDistrict, Aliases: []string{"桓台"}, Sort: 6},
		{Name: "高青县", Code: "370322", Kind: KindDistrict, Aliases: []string{"高青"}, Sort: 7},
		{Name: "沂源县", Code: "370323", Kind: KindDistrict, Aliases: []string{"沂源"}, Sort: 8},
		{Name: "高新区", Code: "ZB01", Kind: KindZone, Aliases: []string{"高新", "淄博高新区", "淄博高新技术产业开发区", "高新技术产业开发区"}, Sort: 9},
		{Name: "经济开发区", Code: "ZB02", Kind: KindZone, Aliases: []string{"经开区", "经济开发区", "淄博经济开发区", "淄博经开区"}, Sort: 10},
		{Name: "文昌湖区", Code: "ZB03", Kind: KindZone, Aliases: []string{"文昌湖", "文昌湖省级旅游度假区", "文昌湖旅游度假区"}, Sort: 11},
		{Name: "市直部门", Code: "ZB90", Kind: KindDepartment, Aliases: []string{"市直"}, Sort: 12},
	}
}

// UnitIndex resolves the many spellings of a unit to its canonical name.
type UnitIndex struct {
	units  []Unit
	byName map[string]int
}

// NewUnitIndex indexes units by name, code and aliases (whitespace-free).
func NewUnitIndex(units []Unit) *UnitIndex {
	ix := &UnitIndex{units: units, byName: map[string]int{}}
	for i, u := range units {
		for _, k := range append([]string{u.Name, u.Code}, u.Aliases...) {
			ix.byName[NormalizeName(k)] = i
		}
		if strings.HasPrefix(u.Name, "淄博市") {
			continue
		}
		ix.byName["淄博市"+NormalizeName(u.Name)] = i
	}
	ix.departmentWords()
	return ix
}

// departmentWords names the city departments' unit also by the words ledgers
// write for "the city itself" in a district column (市本级, 市直单位), when
// there is exactly one such unit and no unit of its own has the word: a
// rule of the kind, so that databases seeded before the words were known
// read them too.
func (ix *UnitIndex) departmentWords() {
	dept := -1
	for i, u := range ix.units {
		if u.Kind == KindDepartment {
			if dept >= 0 {
				return
			}
			dept = i
		}
	}
	if dept < 0 {
		return
	}
	for _, w := range []string{"市本级", "市直单位", "市直部门", "市直"} {
		if _, taken := ix.byName[w]; !taken {
			ix.byName[w] = dept
		}
	}
}

// Resolve returns the unit a spelling names, exactly or with the prefix
// 淄博市 / 淄博 removed.
func (ix *UnitIndex) Resolve(s string) (Unit, bool) {
	k := NormalizeName(s)
	for _, cand := range []string{k, strings.TrimPrefix(k, "淄博市"), strings.TrimPrefix(k, "淄博")} {
		if i, ok := ix.byName[cand]; ok {
			return ix.units[i], true
		}
	}
	return Unit{}, false
}

// Leading returns the unit whose name or alias a place begins with, the
// longest such: a district column that names the town too (张店区马尚街道,
// 淄博市临淄区稷下街道) is that district. A spelling Resolve knows is its
// unit; digits (area codes) never lead.
func (ix *UnitIndex) Leading(s string) (Unit, bool) {
	if u, ok := ix.Resolve(s); ok {
		return u, true
	}
	k := NormalizeName(s)
	best, bestLen := -1, 0
	for _, cand := range []string{k, strings.TrimPrefix(k, "淄博市"), strings.TrimPrefix(k, "淄博")} {
		for name, i := range ix.byName {
			if len(name) > bestLen && len([]rune(name)) >= 2 && !allDigits(name) && len(cand) > len(name) && strings.HasPrefix(cand, name) {
				best, bestLen = i, len(name)
			}
		}
	}
	if best < 0 {
		return Unit{}, false
	}
	return ix.units[best], true
}

// Find returns the first unit whose name or alias occurs in text (a title
// such as "淄川区2024年1-6月重大项目台账" or a 填报单位 line), preferring the
// longest match so "淄博经济开发区" is not read as something shorter.
func (ix *UnitIndex) Find(text string) (Unit, bool) {
	text = NormalizeName(text)
	best, bestLen := -1, 0
	for k, i := range ix.byName {
		longer := len(k) > bestLen || len(k) == bestLen && i < best
		if len([]rune(k)) >= 2 && longer && !allDigits(k) && strings.Contains(text, k) {
			best, bestLen = i, len(k)
		}
	}
	if best < 0 {
		return Unit{}, false
	}
	return ix.units[best], true
}

// Units returns the indexed units in their report order.
func (ix *UnitIndex) Units() []Unit { return ix.units }

// DefaultCategories are Zibo's project categories, seeded as editable data.
func DefaultCategories() []string {
	return []string{"工业", "现代服务业", "能源及基础设施", "乡村振兴及社会民生"}
}

// DefaultLevels are the project levels, seeded as editable data.
func DefaultLevels() []string { return []string{"省重大", "省重点", "市重大"} }
