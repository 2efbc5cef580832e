#!/usr/bin/python3
"""Prints openpyxl's reading of an .xlsx in the JSON of tracker inspect
--cells, for the differential tests (differential_test.go runs it).

    /usr/bin/python3 gen/openpyxl_grid.py FILE.xlsx
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel


def cell_json(c, epoch):
    v = c.value
    if v is None or v == "":
        return None
    if c.data_type == "e":
        return [c.row, c.column, "error", v]
    if isinstance(v, bool):
        return [c.row, c.column, "bool", v]
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return [c.row, c.column, "date", to_excel(v, epoch)]
    if isinstance(v, (int, float)):
        return [c.row, c.column, "number", v]
    return [c.row, c.column, "text", str(v)]


def main(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {"format": "xlsx", "date1904": wb.epoch == CALENDAR_MAC_1904, "sheets": []}
    for ws in wb.worksheets:
        cells = [j for row in ws.iter_rows() for j in (cell_json(c, wb.epoch) for c in row) if j]
        hidden = sorted({i for d in ws.column_dimensions.values() if d.hidden for i in range(d.min, d.max + 1)})
        out["sheets"].append({"name": ws.title, "hidden": ws.sheet_state != "visible", "hidden_columns": hidden,
                              "merges": sorted(str(r) for r in ws.merged_cells.ranges), "cells": cells,
                              "formulas_without_value": []})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
