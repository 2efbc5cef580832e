package api

import (
	"encoding/json"

	"tracker/models"
)

// servedOpenAPI is openapi.json with the field registry's fields filled
// in: Project describes every ledger field and ProjectEdit every editable
// one. A field openapi.json describes itself keeps its (longer) words; a
// field added to the registry and not yet written there is described from
// its entry (type by kind, its Chinese label), so the description never
// lags the registry. When openapi.json already lists every field, the
// file is served byte for byte.
var servedOpenAPI = withRegistryFields(openAPIDoc)

// withRegistryFields returns doc with the registry's missing fields added
// to Project and ProjectEdit; doc itself when none is missing or it cannot
// be read (the conformance tests would say so).
func withRegistryFields(doc []byte) []byte {
	var d map[string]any
	if json.Unmarshal(doc, &d) != nil {
		return doc
	}
	schemas, _ := dig(d, "components", "schemas").(map[string]any)
	added := addFields(schemas, "Project", models.FieldDefs(), false) +
		addFields(schemas, "ProjectEdit", models.EditableFields(), true)
	if added == 0 {
		return doc
	}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return doc
	}
	return out
}

// addFields adds to schema name's properties the fields of defs it lacks,
// and returns how many it added.
func addFields(schemas map[string]any, name string, defs []models.FieldDef, edit bool) int {
	props, _ := dig(schemas, name, "properties").(map[string]any)
	if props == nil {
		return 0
	}
	n := 0
	for _, f := range defs {
		if _, ok := props[f.Name]; !ok {
			props[f.Name] = fieldSchema(f, edit)
			n++
		}
	}
	return n
}

// fieldSchema describes a field's value in the API by its kind: amounts in
// 万元 as numbers, months as "YYYY-MM" or null ("" clears one in an edit),
// the rest as text.
func fieldSchema(f models.FieldDef, edit bool) map[string]any {
	s := map[string]any{"type": "string", "description": f.Label}
	switch f.Kind {
	case models.ValueMoney:
		s["type"], s["description"] = "number", f.Label+"，万元，精确到 4 位小数（1 元）"
	case models.ValueMonth:
		s["pattern"], s["nullable"], s["example"] = `^[0-9]{4}-(0[1-9]|1[0-2])$`, true, "2024-06"
		if edit {
			s["pattern"], s["description"] = `^([0-9]{4}-(0[1-9]|1[0-2]))?$`, f.Label+`；"" 清空`
		}
	case models.ValueNature:
		s["enum"] = []string{string(models.NatureNew), string(models.NatureContinuing)}
	}
	return s
}

// dig walks nested JSON objects by key; nil when one is missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
