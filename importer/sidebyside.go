package importer

import (
	"errors"
	"fmt"
	"sort"

	"tracker/importer/sheet"
)

// sideBySide stops the read of a sheet that holds two tables side by side
// (新开工项目 in A:G, 续建项目 in J:P, each with its own header): the sheet
// is read again as one table per block of columns (readBlocks).
type sideBySide struct{ from []int } // the first column of each block after the first

func (sideBySide) Error() string { return "tables side by side" }

// blockOf reads one block of columns of a sheet [lo, hi) as a table of its
// own; hi 0 is the sheet's end.
type blockOf struct{ lo, hi int }

// sideBySideSplit finds, once the columns are decided, tables to the right
// of the first: a further project-code column whose block (from as far
// before it as the first table's code stands from its first column) names
// the code, the name and at least one more field, none of which the block
// before it lacks. Two code columns of one table (a code repeated as
// 备案证号) do not make one. It returns the first column of each block
// after the first.
func (h *header) sideBySideSplit() []int {
	twins := h.twins[fieldCode]
	if len(twins) == 0 {
		return nil
	}
	code, _ := h.column(fieldCode)
	first := code.col
	for col := range h.heads {
		first = min(first, col)
	}
	codes := []int{code.col}
	for _, t := range twins {
		codes = append(codes, t.col)
	}
	sort.Ints(codes)
	starts := []int{first}
	for _, c := range codes[1:] {
		if c-(code.col-first) <= starts[len(starts)-1] {
			return nil
		}
		starts = append(starts, c-(code.col-first))
	}
	for i := 1; i < len(starts); i++ {
		hi := 1 << 30
		if i+1 < len(starts) {
			hi = starts[i+1]
		}
		left, right := h.blockFields(starts[i-1], starts[i]), h.blockFields(starts[i], hi)
		if right&FieldName == 0 || right&left != right || fieldCount(right) < minHeaderFields {
			return nil
		}
	}
	return starts[1:]
}

// blockFields are the fields the header's labels name in columns [lo, hi).
func (h *header) blockFields(lo, hi int) Field {
	var f Field
	for col, c := range h.heads {
		if col >= lo && col < hi && c.field != 0 {
			f |= c.field
		}
	}
	return f
}

func fieldCount(f Field) int {
	n := 0
	for ; f != 0; f &= f - 1 {
		n++
	}
	return n
}

// readBlocks reads a sheet of tables side by side, one block of columns
// after the other; the blocks after the first are named by their first
// column (工作表“Sheet1（J列起）”), so that their rows are told apart.
func (b *builder) readBlocks(src *sheet.Sheet, from []int) error {
	bounds := append([]int{0}, from...)
	for i, lo := range bounds {
		hi := 0
		if i+1 < len(bounds) {
			hi = bounds[i+1]
		}
		part := *src
		if i > 0 {
			part.Name = fmt.Sprintf("%s（%s列起）", src.Name, sheet.ColLetter(lo))
			b.blocks = append(b.blocks, &part)
		}
		s := &sheetReader{b: b, src: &part, block: blockOf{lo, hi}}
		if _, err := s.read(); err != nil {
			if errors.As(err, new(sideBySide)) {
				return nil // cannot happen: a block has one code column
			}
			return err
		}
	}
	return nil
}
