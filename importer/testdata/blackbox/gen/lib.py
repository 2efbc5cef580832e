"""Helpers for the black-box ledger generators.

Each case writes one ledger file into testdata/blackbox and a
NAME.expected.json beside it with the records written by hand.
Ledgers that need cached formula values, or the .xls format, are written
with openpyxl to a staging directory and then saved by LibreOffice.
"""
import datetime as dt
import json
import os
import subprocess
import tempfile

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)  # testdata/blackbox
STAGE = os.environ.get("BB_STAGE") or tempfile.mkdtemp(prefix="bbstage-")

NBSP = "\u00a0"
IDSP = "\u3000"

# files waiting for LibreOffice: (staged path, target format)
_pending = []


def book():
    wb = openpyxl.Workbook()
    return wb


def sheet(wb, title, first=False):
    if first:
        ws = wb.active
        ws.title = title
    else:
        ws = wb.create_sheet(title)
    return ws


def rows(ws, start, data):
    """Write a list of rows from row `start`; None leaves a cell empty."""
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            if v is None:
                continue
            c = ws.cell(row=start + i, column=j + 1, value=v)
            if isinstance(v, (dt.date, dt.datetime)):
                c.number_format = "yyyy-mm-dd"
    return start + len(data)


def merge(ws, *refs):
    for r in refs:
        ws.merge_cells(r)
        ws[r.split(":")[0]].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def title(ws, text, ncols, row=1):
    ws.cell(row=row, column=1, value=text).font = Font(bold=True, size=16)
    if ncols > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)


def save(wb, name, via=None):
    """Save directly, or stage it for LibreOffice (via='xlsx' or 'xls')."""
    if via is None:
        wb.save(os.path.join(OUT, name))
        return
    base = os.path.splitext(name)[0]
    staged = os.path.join(STAGE, base + ".xlsx")
    wb.save(staged)
    _pending.append((staged, via, name))


def write_text(name, text, encoding):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(text.encode(encoding))


def flush():
    """Run LibreOffice once per target format over the staged files."""
    by_fmt = {}
    for staged, fmt, name in _pending:
        by_fmt.setdefault(fmt, []).append((staged, name))
    for fmt, items in by_fmt.items():
        outdir = os.path.join(STAGE, "out-" + fmt)
        os.makedirs(outdir, exist_ok=True)
        filt = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97"}[fmt]
        subprocess.run(["soffice", "--headless", "--convert-to", filt, "--outdir", outdir]
                       + [s for s, _ in items], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for staged, name in items:
            produced = os.path.join(outdir, os.path.splitext(os.path.basename(staged))[0] + "." + fmt)
            os.replace(produced, os.path.join(OUT, name))
    _pending.clear()


def expect(name, desc, period, records, clean=True, fmt=None, district=None,
           options=None, sheets=None):
    e = {"file": name, "desc": desc, "period": period, "clean": clean}
    if fmt:
        e["format"] = fmt
    if district is not None:
        e["district"] = district
    if options:
        e["options"] = options
    if sheets:
        e["sheets"] = sheets
    e["records"] = records
    with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(e, f, ensure_ascii=False, indent=1)
        f.write("\n")


def rec(row, code, name, district=None, nature=None, total=None, plan=None, ytd=None,
        ps=None, act=None, sheet=None, unit=None, **kw):
    """An expected record. Omitted amount/month/nature keys mean not stated;
    ps/act: "YYYY-MM", NONE (stated as none) or "-" (zero, stated or not)."""
    r = {"row": row, "code": code, "name": name}
    if sheet is not None:
        r["sheet"] = sheet
    if district is not None:
        r["district"] = district
    if unit is not None:
        r["unit"] = unit
    if nature is not None:
        r["nature"] = nature
    for k, v in (("total", total), ("plan", plan), ("ytd", ytd)):
        if v is not None:
            r[k] = v
    for k, v in (("planned_start", ps), ("actual_start", act)):
        if v is NONE:
            r[k] = None
        elif v is not None:
            r[k] = v
    r.update(kw)
    return r


class _None:
    pass


NONE = _None()
