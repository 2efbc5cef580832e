"""The Python peers of the import benchmark, one job per process (the
harness times the whole process):

  peers.py read-openpyxl FILE        openpyxl.load_workbook(read_only=True), every cell of 台账
  peers.py read-pandas FILE          pandas.read_excel(engine="openpyxl"), the table under the title
  peers.py write-openpyxl OUT N POOLS    openpyxl Workbook(write_only=True), N formatted rows
  peers.py write-xlsxwriter OUT N POOLS  xlsxwriter with constant_memory
  peers.py verify OUT                read a written ledger back: cells, number formats, bold header
  peers.py verify-report OUT         read tracker's workbook back: rows of 项目明细, cells of every sheet

Readers print rows= cells= (the non-empty cells seen); writers build row i
from the pools by the index arithmetic every writer of the benchmark uses.
"""
import datetime
import sys

SHEET = "台账"
MONEY, DATE = "#,##0.00", "yyyy-mm-dd"


def filled(v):
    return v is not None and v != ""


def read_openpyxl(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = cells = 0
    for row in wb[SHEET].iter_rows(values_only=True):
        rows += 1
        cells += sum(1 for v in row if filled(v))
    wb.close()
    print(f"rows={rows} cells={cells}")


def read_pandas(path):
    import pandas
    df = pandas.read_excel(path, sheet_name=SHEET, header=1, engine="openpyxl")
    # The title row holds one cell and the header row one per column.
    print(f"rows={len(df) + 2} cells={int(df.count().sum()) + len(df.columns) + 1}")


def load_pools(path):
    pools = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, value = line.rstrip("\n").split("\t", 1)
            pools.setdefault(key, []).append(value)
    return pools


def row(p, i):
    """Row i, the same in every writer of the benchmark."""
    total = ((i * 7919) % 2000000) / 10 + 50
    plan = total * (i % 7 + 2) / 10
    done = plan * (i % 10) / 10
    planned = datetime.date(2024, 1, 1) + datetime.timedelta(days=i % 300)
    started = planned + datetime.timedelta(days=i % 30) if i % 4 else None
    return [i, f"24{i % 12 + 1:02d}-370{302 + i % 11:03d}-04-01-{i:06d}",
            p["name"][i % len(p["name"])], p["district"][i % 11], p["unit"][i % len(p["unit"])],
            "新开工" if i % 3 == 0 else "续建", total, plan, done, planned, started,
            p["progress"][i % len(p["progress"])]]


def write_openpyxl(out, n, p):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    thin = Side(style="thin")
    head = []
    for h in p["header"]:
        c = WriteOnlyCell(ws, value=h)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="1F4E78")
        c.alignment = Alignment(horizontal="center", wrap_text=True)
        c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        head.append(c)
    ws.append(head)
    for i in range(1, n + 1):
        v = row(p, i)
        for k, fmt in ((6, MONEY), (7, MONEY), (8, MONEY), (9, DATE), (10, DATE)):
            if v[k] is not None:
                c = WriteOnlyCell(ws, value=v[k])
                c.number_format = fmt
                v[k] = c
        ws.append(v)
    wb.save(out)


def write_xlsxwriter(out, n, p):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out, {"constant_memory": True})
    ws = wb.add_worksheet(SHEET)
    head = wb.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78",
                          "align": "center", "text_wrap": True, "border": 1})
    money, date = wb.add_format({"num_format": MONEY}), wb.add_format({"num_format": DATE})
    ws.write_row(0, 0, p["header"], head)
    for i in range(1, n + 1):
        v = row(p, i)
        ws.write_number(i, 0, v[0])
        for k in (1, 2, 3, 4, 5, 11):
            ws.write_string(i, k, v[k])
        for k in (6, 7, 8):
            ws.write_number(i, k, v[k], money)
        ws.write_datetime(i, 9, v[9], date)
        if v[10] is not None:
            ws.write_datetime(i, 10, v[10], date)
    wb.close()


def verify(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = cells = 0
    formats = bold = "?"
    for r in wb.worksheets[0].iter_rows():
        rows += 1
        cells += sum(1 for c in r if filled(c.value))
        if rows == 1:
            bold = "bold" if r[0].font.b else "plain"
        if rows == 2:
            formats = "ok" if [c.number_format for c in r[6:10]] == [MONEY] * 3 + [DATE] else "bad"
    print(f"readback rows={rows} cells={cells} numfmt={formats} header={bold}")


def verify_report(path):
    """Counts the rows of 项目明细 that hold a project code, and the cells
    holding a value in every sheet (what the write goal is per)."""
    import re
    import openpyxl
    code = re.compile(r"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$")
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = sum(1 for r in wb["项目明细"].iter_rows(values_only=True)
               if any(isinstance(v, str) and code.match(v) for v in r))
    cells = sum(sum(1 for v in r if filled(v)) for ws in wb.worksheets for r in ws.iter_rows(values_only=True))
    print(f"readback sheets={len(wb.sheetnames)} 项目明细 projects={rows} cells={cells}")


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode in ("read-openpyxl", "read-pandas", "verify", "verify-report"):
        {"read-openpyxl": read_openpyxl, "read-pandas": read_pandas, "verify": verify,
         "verify-report": verify_report}[mode](args[0])
    else:
        {"write-openpyxl": write_openpyxl, "write-xlsxwriter": write_xlsxwriter}[mode](
            args[0], int(args[1]), load_pools(args[2]))
