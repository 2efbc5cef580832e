package importer

import (
	"slices"
	"strings"
	"testing"

	"tracker/models"
)

// headerText writes a spelling as a ledger would: {Y} a year, {M} a
// period, an amount with its unit.
func headerText(d models.FieldDef, spelling string) string {
	h := strings.NewReplacer("{Y}", "2024年", "{M}", "1-6月").Replace(spelling)
	if d.Kind == models.ValueMoney {
		h += "（万元）"
	}
	return h
}

// TestEveryRegistrySpellingNamesItsField walks the registry: each field a
// ledger states has spellings, each of them, written as a ledger writes
// it, is read as its field and no other (none is shadowed or lost in the
// normal form), and each concept rule comes in its rank. The fields
// without a spelling are the list's own months, which only a list change
// (清单调整) sets.
func TestEveryRegistrySpellingNamesItsField(t *testing.T) {
	listMonths := models.FieldListFrom | models.FieldListUntil | models.FieldImplementedFrom
	for _, d := range models.FieldDefs() {
		if len(d.Headers) == 0 {
			if listMonths&d.Field == 0 {
				t.Errorf("%s: no header spelling, so no ledger column is read as it", d.Name)
			}
			continue
		}
		for _, h := range d.Headers {
			if f, rank := normLabel(headerText(d, h)).field(); f != d.Field || rank != rankSpelling {
				t.Errorf("%s: header %q reads as %v (rank %d)", d.Name, headerText(d, h), f, rank)
			}
		}
		if !slices.Contains(LedgerFields(), d.Field) {
			t.Errorf("%s: not among the fields a mapping may name", d.Name)
		}
	}
	for i := 2; i < len(conceptRules); i++ {
		a, _ := conceptRules[i-1].field.Def()
		b, _ := conceptRules[i].field.Def()
		if a.Concept.Rank >= b.Concept.Rank {
			t.Errorf("concept rules out of rank: %s (%d) before %s (%d)", a.Name, a.Concept.Rank, b.Name, b.Concept.Rank)
		}
	}
}
