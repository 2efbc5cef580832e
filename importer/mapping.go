package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"tracker/importer/sheet"
	"tracker/models"
)

// Mapping is the office's own reading of a ledger's columns (CONTRACT.md,
// POST /api/v1/imports mapping): from a column letter ("C", for every
// sheet) or a sheet and letter ("台账!C") to a field name ("district"), or
// to "" to leave the column out. It overrides what labels and content say.
// A field may also be given by its Chinese label (所属区县, 项目代码).
type Mapping map[string]string

// Remembered is a mapping the office confirmed for a layout: the columns
// of one header (Signature, see Ledger.Layouts) sent by one unit.
type Remembered struct {
	Unit      string            `json:"unit"`
	Signature string            `json:"signature"`
	Columns   map[string]string `json:"columns"` // column letter → field name or ""
}

// ParseMapping checks a mapping and returns it in normal form: keys
// upper-case ("台账!C"), values field names. A bad key or an unknown field
// is EINVALID naming it.
func ParseMapping(m map[string]string) (Mapping, error) {
	out := Mapping{}
	for k, v := range m {
		sheetName, col, err := splitKey(k)
		if err != nil {
			return nil, err
		}
		f, ok := fieldByName(v)
		if !ok {
			return nil, models.Errorf(models.EINVALID, "列对应关系中%s列对应的字段“%s”不存在；可用的字段有：%s，或填空字符串表示不导入该列", k, v, fieldChoices())
		}
		key := sheet.ColLetter(col)
		if sheetName != "" {
			key = sheetName + "!" + key
		}
		out[key] = fieldName(f)
	}
	return out, nil
}

// maxMappedColumn bounds a mapping's columns (as the readers bound theirs).
const maxMappedColumn = 16384

// splitKey reads "C" or "台账!C" (the last "!" separates: sheet names may
// hold one).
func splitKey(k string) (sheetName string, col int, err error) {
	letters := k
	if i := strings.LastIndex(k, "!"); i >= 0 {
		sheetName, letters = k[:i], k[i+1:]
		if sheetName == "" {
			return "", 0, models.Errorf(models.EINVALID, "列对应关系中的“%s”缺少工作表名称", k)
		}
	}
	letters = strings.ToUpper(strings.TrimSpace(letters))
	c, _, ok := sheet.ParseCellRef(letters + "1")
	if letters == "" || !ok || strings.Trim(letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || c >= maxMappedColumn {
		return "", 0, models.Errorf(models.EINVALID, "列对应关系中的“%s”不是列字母（应写作C或“工作表名!C”）", k)
	}
	return sheetName, c, nil
}

// fieldByName reads a mapping's value: the name of a field a ledger can
// state (LedgerFields), its Chinese label, or "" (leave out; Field 0).
func fieldByName(v string) (Field, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, true
	}
	for _, f := range LedgerFields() {
		if f.String() == v || f.ZhName() == v {
			return f, true
		}
	}
	return 0, false
}

// LedgerFields are the fields a ledger's column can be read as, the code
// first, then in template order: those the spelling table, the concepts or
// the content rules know. The fields of the year's list that only its
// changes set (列入清单月份, 调出清单月份…) are not among them.
func LedgerFields() []Field {
	known := fieldCode
	for _, f := range headerSpellings {
		known |= f
	}
	for _, r := range conceptRules {
		known |= r.field
	}
	for _, r := range contentRules {
		known |= r.field
	}
	out := []Field{fieldCode}
	for _, d := range known.Defs() {
		out = append(out, d.Field)
	}
	return out
}

// fieldName is a field's name in a mapping and in Ledger.Columns.
func fieldName(f Field) string {
	if f == 0 {
		return ""
	}
	return f.String()
}

// fieldChoices lists the field names a mapping may use.
func fieldChoices() string {
	var names []string
	for _, f := range LedgerFields() {
		names = append(names, fmt.Sprintf("%s（%s）", f.String(), f.ZhName()))
	}
	return strings.Join(names, "、")
}

// forSheet returns the mapping's choices for one sheet by column: the keys
// naming the sheet over the bare letters.
func (m Mapping) forSheet(name string) map[int]string {
	out := map[int]string{}
	for _, specific := range []bool{false, true} {
		for k, v := range m {
			sn, col, err := splitKey(k)
			if err == nil && (sn != "") == specific && (sn == "" || sn == name) {
				out[col] = v
			}
		}
	}
	return out
}

// unknownSheets returns the sheets a mapping names that the file does not
// have, for the error.
func (m Mapping) unknownSheets(have []*sheet.Sheet) []string {
	known := map[string]bool{}
	for _, s := range have {
		known[s.Name] = true
	}
	var out []string
	for k := range m {
		if sn, _, err := splitKey(k); err == nil && sn != "" && !known[sn] {
			out = append(out, sn)
		}
	}
	sort.Strings(out)
	return out
}

// layoutSignature identifies a header layout by its column letters and
// labels in normal form, so that next month's ledger (1-7月 for 1-6月, a
// new year) has the same one: a remembered mapping is found by it.
func layoutSignature(heads map[int]column) string {
	cols := make([]int, 0, len(heads))
	for c := range heads {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	h := sha256.New()
	for _, c := range cols {
		fmt.Fprintf(h, "%s=%s\n", sheet.ColLetter(c), normLabel(heads[c].label).key)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// sheetMapping settles the office's choices for a sheet: those of the
// upload (Options.Mapping), else those remembered for the sender's unit
// and the sheet's layout.
func (s *sheetReader) sheetMapping() {
	b := s.b
	if len(b.opts.Mapping) > 0 {
		s.mapping = b.opts.Mapping.forSheet(s.src.Name)
		return
	}
	unit := b.layoutUnit()
	for _, r := range b.opts.Remembered {
		if r.Unit == unit && r.Signature == s.h.layout {
			s.mapping, s.remembered = Mapping(r.Columns).forSheet(s.src.Name), true
			return
		}
	}
}

// layoutUnit is whose layouts a ledger's are: the sender's unit, else the
// unit its title names, else the office's ("").
func (b *builder) layoutUnit() string {
	if b.district != "" {
		return b.district
	}
	return b.ledger.District
}

// layout describes how a sheet's columns were read, for Ledger.Layouts.
func (s *sheetReader) layout() models.LedgerLayout {
	l := models.LedgerLayout{Sheet: s.src.Name, Unit: s.b.layoutUnit(), Signature: s.h.layout, Remembered: s.remembered && len(s.mapping) > 0}
	if len(s.mapping) > 0 {
		l.Mapping = map[string]string{}
		for col, v := range s.mapping {
			l.Mapping[sheet.ColLetter(col)] = v
		}
	}
	return l
}
