package models

// The constructors of FieldDefs: one per Go type a field can have, each
// giving the field its change-text form and its column form.

func textDef(f Field, name, label string, kind ValueKind, scope Scope, column string, p func(*Facts) *string) FieldDef {
	acc := accessOf(p, func(v string) *string { return &v }, func(s *string) (string, error) {
		if s == nil {
			return "", nil
		}
		return *s, nil
	}, func(v string) any { return v })
	return FieldDef{Field: f, Name: name, Label: label, Kind: kind, Scope: scope, Column: column, access: acc}
}

func natureDef(f Field, name, label string, scope Scope, column string, p func(*Facts) *Nature) FieldDef {
	acc := accessOf(p, func(v Nature) *string { s := string(v); return &s }, func(s *string) (Nature, error) {
		if s == nil {
			return "", nil
		}
		return Nature(*s), nil
	}, func(v Nature) any { return string(v) })
	return FieldDef{Field: f, Name: name, Label: label, Kind: ValueNature, Scope: scope, Column: column, access: acc}
}

func classDef(f Field, name, label string, scope Scope, column string, p func(*Facts) *Class) FieldDef {
	acc := accessOf(p, func(v Class) *string { s := string(v.OrImplement()); return &s }, func(s *string) (Class, error) {
		if s == nil {
			return "", nil
		}
		return Class(*s), nil
	}, func(v Class) any { return string(v.OrImplement()) })
	return FieldDef{Field: f, Name: name, Label: label, Kind: ValueClass, Scope: scope, Column: column, access: acc}
}

func moneyDef(f Field, name, label string, scope Scope, column string, p func(*Facts) *Money) FieldDef {
	acc := accessOf(p, func(v Money) *string { s := v.WanString(); return &s }, func(s *string) (Money, error) {
		if s == nil {
			return 0, nil
		}
		return ParseDecimal(*s, Wan)
	}, func(v Money) any { return int64(v) })
	return FieldDef{Field: f, Name: name, Label: label, Kind: ValueMoney, Scope: scope, Column: column, access: acc}
}

func monthDef(f Field, name, label string, scope Scope, column string, p func(*Facts) *Month) FieldDef {
	acc := accessOf(p, func(v Month) *string {
		if v.IsZero() {
			return nil
		}
		s := v.String()
		return &s
	}, func(s *string) (Month, error) {
		if s == nil {
			return 0, nil
		}
		return ParseMonth(*s)
	}, func(v Month) any { return int(v) })
	return FieldDef{Field: f, Name: name, Label: label, Kind: ValueMonth, Scope: scope, Column: column, access: acc}
}

// accessOf builds a field's accessors from a pointer into Facts and the
// conversions of its type to and from change text and column values.
func accessOf[T comparable](p func(*Facts) *T, text func(T) *string, parse func(*string) (T, error), column func(T) any) fieldAccess {
	return fieldAccess{
		text: func(f *Facts) *string { return text(*p(f)) },
		set: func(f *Facts, s *string) error {
			v, err := parse(s)
			if err == nil {
				*p(f) = v
			}
			return err
		},
		copy:  func(dst, src *Facts) { *p(dst) = *p(src) },
		equal: func(a, b *Facts) bool { return *p(a) == *p(b) },
		ptr:   func(f *Facts) any { return p(f) },
		value: func(f *Facts) any { return column(*p(f)) },
	}
}
