package sheet

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// WriteGrid writes the book as the readers see it, before any ledger rule,
// as JSON (the output of `tracker inspect --cells`):
//
//	{"format": "xlsx"|"xls"|"csv", "date1904": bool, "sheets": [{"name",
//	 "hidden": bool, "hidden_columns": [col...], "merges": ["A1:C1"...],
//	 "cells": [[row, col, kind, value]...], "formulas_without_value": ["B3"...]}]}
//
// Rows and columns are 1-based; empty cells are left out; kind is "text"
// (value a string), "number" (a JSON number, the stored value), "date" (a
// number cell formatted as a date: the serial number in the book's date
// system; an ISO date cell is given as its serial too), "bool" (true or
// false) or "error" ("#DIV/0!"); a formula cell gives its cached value, and
// one without is listed in formulas_without_value. A number cell whose
// stored text is no number is given as text. Hidden sheets are included.
// Streams rows one at a time; on an error what was written is incomplete.
func (b *Book) WriteGrid(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`{"format":` + quote(b.Format) + `,"date1904":` + strconv.FormatBool(b.Date1904) + `,"sheets":[`)
	for i, s := range b.Sheets {
		if i > 0 {
			bw.WriteByte(',')
		}
		if err := s.writeGrid(bw); err != nil {
			return err
		}
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

// writeGrid writes one sheet's object, its keys in the documented order;
// the cells are gathered first, as a lazy read knows the merges only after
// the rows.
func (s *Sheet) writeGrid(bw *bufio.Writer) error {
	var cells bytes.Buffer
	var noValue []string
	err := s.Rows(func(r *Row) error {
		for _, c := range r.Cells {
			if c.Kind == KindNoCache {
				noValue = append(noValue, ColLetter(c.Col)+strconv.Itoa(r.Num))
				continue
			}
			kind, value, ok := gridValue(c, s.Date1904)
			if !ok {
				continue
			}
			if cells.Len() > 0 {
				cells.WriteByte(',')
			}
			cells.WriteString("\n[" + strconv.Itoa(r.Num) + "," + strconv.Itoa(c.Col+1) + `,"` + kind + `",` + value + "]")
		}
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n{\"name\":" + quote(s.Name) + `,"hidden":` + strconv.FormatBool(s.Hidden) +
		`,"hidden_columns":` + jsonList(hiddenColumns(s.HiddenCols)) + `,"merges":` + jsonList(mergeRefs(s.Merges)) + `,"cells":[`)
	cells.WriteTo(bw)
	bw.WriteString(`],"formulas_without_value":` + jsonList(noValue) + "}")
	return nil
}

// gridValue returns a cell's kind and JSON value; ok is false for a cell
// that is not part of the grid (KindSkipped).
func gridValue(c Cell, date1904 bool) (kind, value string, ok bool) {
	switch c.Kind {
	case KindText:
		return "text", quote(c.Text), true
	case KindBool:
		return "bool", strconv.FormatBool(c.Text == "1" || strings.EqualFold(c.Text, "true")), true
	case KindError:
		return "error", quote(c.Text), true
	case KindISODate:
		if v, ok := isoSerial(c.Text, date1904); ok {
			return "date", number(v), true
		}
		return "text", quote(c.Text), true
	case KindNumber, KindDate:
		v, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return "text", quote(c.Text), true
		}
		if c.Kind == KindDate {
			return "date", number(v), true
		}
		return "number", number(v), true
	}
	return "", "", false
}

// isoSerial converts an ISO 8601 date or date-time to a serial day in the
// 1900 (from 1899-12-30) or 1904 (from 1904-01-01) date system.
func isoSerial(s string, date1904 bool) (float64, bool) {
	s = strings.TrimSpace(s)
	var t time.Time
	var err error
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02"} {
		if t, err = time.Parse(layout, s); err == nil {
			break
		}
	}
	if err != nil {
		return 0, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	return wall.Sub(base).Hours() / 24, true
}

// number writes a float as JSON does: the shortest decimal that reads
// back the same value, with an exponent only below 1e-6 or from 1e21.
func number(v float64) string {
	if v == 0 {
		return "0" // and not "-0"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// quote is a JSON string without HTML escaping.
func quote(s string) string {
	var sb strings.Builder
	e := json.NewEncoder(&sb)
	e.SetEscapeHTML(false)
	e.Encode(s)
	return strings.TrimSuffix(sb.String(), "\n")
}

func jsonList[T string | int](v []T) string {
	parts := make([]string, len(v))
	for i, x := range v {
		switch x := any(x).(type) {
		case string:
			parts[i] = quote(x)
		case int:
			parts[i] = strconv.Itoa(x)
		}
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// hiddenColumns returns the hidden columns, 1-based, in order.
func hiddenColumns(h map[int]bool) []int {
	var out []int
	for c, hidden := range h {
		if hidden {
			out = append(out, c+1)
		}
	}
	sort.Ints(out)
	return out
}

// mergeRefs returns the merges as "A1:C1".
func mergeRefs(m []Range) []string {
	out := make([]string, len(m))
	for i, r := range m {
		out[i] = r.String()
	}
	return out
}
