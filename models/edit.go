package models

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Edit is a hand correction of one project's fields, as a reviewer of a
// ledger would make it in the pages or with PATCH. Only the fields in Set
// change; their new values are in Values. It is recorded as an import of
// kind ImportEdit, so it shows in the history, can be reverted, and every
// value keeps who changed it and when.
//
// In JSON it is an object with "period" (YYYY-MM: the month of the monthly
// fields, and whose quarter lock applies), "note" (why, required by the
// pages) and any editable field by its API name: amounts as numbers of
// 万元, months as "YYYY-MM" ("" clears one), texts as strings. A null
// leaves the field as it is.
type Edit struct {
	Period Month
	Values Facts
	Set    Field
	Note   string
}

// editable are the fields a hand edit may change (Show's Editable). The
// reporting unit is not among them: moving a project to another unit is
// not a correction.
var editable = ShownIn(Editable)

// UnmarshalJSON reads an edit; an unknown or duplicated key, a field that
// cannot be edited and a value of the wrong type are errors naming it.
func (e *Edit) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return Errorf(EINVALID, "修改内容不是有效的 JSON 对象")
	}
	*e = Edit{}
	var unknown []string
	for key, v := range raw {
		if err := e.take(key, v); err != nil {
			if me, ok := err.(*Error); ok && me.Code == ENOTFOUND {
				unknown = append(unknown, key)
				continue
			}
			return err
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return Errorf(EINVALID, "不认识的字段：%s。可修改的字段有：period、note、%s", strings.Join(unknown, "、"), strings.Join(editable.Names(), "、"))
	}
	return nil
}

func (e *Edit) take(key string, v json.RawMessage) error {
	switch key {
	case "period":
		return jsonField(key, v, &e.Period)
	case "note":
		return jsonField(key, v, &e.Note)
	}
	f, ok := FieldNamed(key)
	if !ok || editable&f == 0 {
		return &Error{Code: ENOTFOUND}
	}
	if string(bytes.TrimSpace(v)) == "null" {
		return nil // not set, as the pages send every field
	}
	d, _ := f.Def()
	if err := e.value(d, v); err != nil {
		return err
	}
	e.Set |= f
	return nil
}

// value decodes one field's JSON value into Values by the field's kind.
func (e *Edit) value(d FieldDef, v json.RawMessage) error {
	switch d.Kind {
	case ValueMoney:
		var m Money
		if bytes.HasPrefix(bytes.TrimSpace(v), []byte(`"`)) || jsonField(d.Name, v, &m) != nil {
			return Errorf(EINVALID, "%s（%s）应为以万元计的数字", d.Label, d.Name)
		}
		return d.Set(&e.Values, m.textPtr())
	case ValueMonth:
		var m Month
		if err := jsonField(d.Name, v, &m); err != nil {
			return Errorf(EINVALID, "%s（%s）应为 YYYY-MM 格式的月份，清空请写 \"\"", d.Label, d.Name)
		}
		return d.Set(&e.Values, monthText(m))
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return Errorf(EINVALID, "%s（%s）应为文字", d.Label, d.Name)
	}
	return d.Set(&e.Values, &s)
}

func jsonField(key string, v json.RawMessage, dst any) error {
	if err := json.Unmarshal(v, dst); err != nil {
		if me, ok := err.(*Error); ok {
			return me
		}
		return Errorf(EINVALID, "字段 %s 的值无效", key)
	}
	return nil
}

func (m Money) textPtr() *string { s := m.WanString(); return &s }

func monthText(m Month) *string {
	if m.IsZero() {
		return nil
	}
	s := m.String()
	return &s
}

// MarshalJSON writes the edit in the form UnmarshalJSON reads, for the
// import's kept "file".
func (e Edit) MarshalJSON() ([]byte, error) {
	out := map[string]any{"period": e.Period, "note": e.Note}
	for _, d := range e.Set.Defs() {
		switch d.Kind {
		case ValueMoney, ValueMonth:
			out[d.Name] = jsonRaw(d, &e.Values)
		default:
			out[d.Name] = *d.Text(&e.Values)
		}
	}
	return json.Marshal(out)
}

func jsonRaw(d FieldDef, f *Facts) json.RawMessage {
	t := d.Text(f)
	switch {
	case t == nil:
		return json.RawMessage(`""`)
	case d.Kind == ValueMonth:
		return json.RawMessage(`"` + *t + `"`)
	}
	return json.RawMessage(*t)
}

// Record turns the edit of project p into the record a ledger row would
// give: the project's code, name and unit, and the edited fields as
// stated. Values are normalised as the importer would (names without
// whitespace, texts trimmed); an empty name, a negative amount, an
// invalid nature or month is an error naming the field.
func (e Edit) Record(p Project) (LedgerRecord, error) {
	r := LedgerRecord{Sheet: "手工修改", Row: 1, Code: p.Code, Has: e.Set}
	r.Name, r.District = p.Name, p.District
	CopyFields(&r.Facts, &e.Values, e.Set)
	for _, d := range e.Set.Defs() {
		if err := normalizeEdited(d, &r.Facts); err != nil {
			return r, err
		}
	}
	return r, nil
}

func normalizeEdited(d FieldDef, f *Facts) error {
	switch d.Kind {
	case ValueName:
		f.Name = NormalizeName(f.Name)
		if f.Name == "" {
			return FieldErrorf(d.Name, EINVALID, "项目名称不能为空")
		}
	case ValueText, ValueLongText:
		t := TrimText(*d.Text(f))
		return d.Set(f, &t)
	case ValueNature:
		if f.Nature != NatureNew && f.Nature != NatureContinuing {
			return FieldErrorf(d.Name, EINVALID, "建设性质“%s”无效，应为“新开工”或“续建”", f.Nature)
		}
	case ValueMoney:
		if m, _ := ParseDecimal(*d.Text(f), Wan); m < 0 {
			return FieldErrorf(d.Name, EINVALID, "%s不能为负数", d.Label)
		}
	case ValueMonth:
		if t := d.Text(f); t != nil {
			if m, err := ParseMonth(*t); err != nil || !m.Valid() {
				return FieldErrorf(d.Name, EINVALID, "%s“%s”无效", d.Label, *t)
			}
		}
	}
	return nil
}

// Empty reports whether the edit changes no field.
func (e Edit) Empty() bool { return e.Set == 0 }

// String describes the edit for logs.
func (e Edit) String() string { return fmt.Sprintf("edit %s %s", e.Period, e.Set) }

// Put sets one editable field of the edit from change text ("1234.5" for
// 万元, "2024-06" for a month, nil or "" to clear a month).
func (e *Edit) Put(f Field, text *string) error {
	d, ok := f.Def()
	if !ok || editable&f == 0 {
		return Errorf(EINVALID, "字段“%s”不能手工修改", f.ZhName())
	}
	if d.Kind == ValueMonth && text != nil && *text == "" {
		text = nil
	}
	if err := d.Set(&e.Values, text); err != nil {
		return err
	}
	e.Set |= f
	return nil
}

// EditableFields are the fields a hand edit may change, in template order.
func EditableFields() []FieldDef { return editable.Defs() }

// ParseInput reads a value a person typed into a form as change text:
// amounts in 万元 with or without thousands separators, months as
// YYYY-MM, texts trimmed. The error names the field.
func ParseInput(d FieldDef, raw string) (*string, error) {
	raw = TrimText(raw)
	switch d.Kind {
	case ValueMoney:
		m, err := ParseDecimal(strings.ReplaceAll(raw, ",", ""), Wan)
		if err != nil {
			return nil, FieldErrorf(d.Name, EINVALID, "%s“%s”不是有效的金额（万元）", d.Label, raw)
		}
		return m.textPtr(), nil
	case ValueMonth:
		m, err := ParseMonth(raw)
		if err != nil {
			return nil, FieldErrorf(d.Name, EINVALID, "%s“%s”格式不对，应为 YYYY-MM，例如 2024-06", d.Label, raw)
		}
		return monthText(m), nil
	}
	return &raw, nil
}

// Heading is the field's label with its unit, as a column heading:
// 总投资（万元）.
func (d FieldDef) Heading() string {
	if d.Kind == ValueMoney {
		return d.Label + "（万元）"
	}
	return d.Label
}

// FieldHeading is FieldLabel with the unit of an amount field.
func FieldHeading(name string) string {
	if f, ok := FieldNamed(name); ok {
		if d, ok := f.Def(); ok {
			return d.Heading()
		}
	}
	return FieldLabel(name)
}
