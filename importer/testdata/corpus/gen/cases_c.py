"""Corpus cases of a third round: forms of cells other programs write."""
import shutil
from decimal import Decimal as D

from lib import OUT, book, expect, first_day, merge, num, projects, rec, rows, s, save, title, write_bytes, P, code

import os

H = ["项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）",
     "计划开工时间", "实际开工时间"]
F = {"district", "nature", "total", "plan", "ytd", "ps", "act"}


def c01_excel_quoted_csv():
    """a system's CSV with Excel's ="…" text form for codes and figures (="2403-…", ="12000.00"), GBK."""
    ps = projects(41, 6)
    lines = ["2024年1-6月重大项目台账", ",".join(H)]
    recs = []
    for i, p in enumerate(ps):
        cells = ['="%s"' % p.code, p.name, p.district, p.nature, '="%s"' % s(p.total), '="%.2f"' % p.plan,
                 s(p.ytd), p.ps, p.act or "未开工"]
        lines.append(",".join('"%s"' % c.replace('"', '""') if '"' in c else c for c in cells))
        recs.append(rec(3 + i, p, F))
    write_bytes("c01_excel_quoted.csv", ("\r\n".join(lines) + "\r\n").encode("gbk"))
    expect("c01_excel_quoted.csv", c01_excel_quoted_csv.__doc__, "2024-06", recs, fmt="csv")


def c02_slash_for_none():
    """/ and 无 for none in amounts and starts, 0.00 for nothing done, — in 实际开工时间."""
    ps = projects(42, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 9)
    rows(ws, 2, [H])
    recs = []
    for i, p in enumerate(ps):
        ytd = "0.00" if p.ytd == 0 else num(p.ytd)
        act = p.act or ("/" if i % 2 else "—")
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), ytd, p.ps, act]])
        recs.append(rec(3 + i, p, F))
    save(wb, "c02_slash_for_none.xlsx")
    expect("c02_slash_for_none.xlsx", c02_slash_for_none.__doc__, "2024-06", recs)


def c03_start_finish_range():
    """one column 计划开竣工时间 holding 2024.03-2025.12 (start and finish in one cell); 实际开工时间 beside it."""
    ps = projects(43, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 8)
    rows(ws, 2, [["项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "年度计划投资（万元）",
                  "1-6月累计完成投资（万元）", "计划开竣工时间", "实际开工时间"]])
    recs = []
    for i, p in enumerate(ps):
        rng = "%s-2026.12" % p.ps.replace("-", ".")
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd), rng,
                          p.act or "未开工"]])
        recs.append(rec(3 + i, p, F))
    save(wb, "c03_start_finish_range.xlsx")
    expect("c03_start_finish_range.xlsx", c03_start_finish_range.__doc__, "2024-06", recs)


def c04_city_departments():
    """市直 rows: 区县 column says 市直 / 市本级, codes with the city's area 370300, 责任单位 a city bureau."""
    base = projects(44, 4)
    ps = base + [P("2401-370300-04-01-004405", "淄博市中心城区快速路网提升工程", "市直部门", "淄博市交通运输局", "新开工",
                   "220000", "50000", "12000", "2024-04", "2024-04"),
                 P("2303-370300-04-01-004406", "淄博市公共卫生临床中心项目", "市直部门", "淄博市卫生健康委员会", "续建",
                   "86000", "20000", "9100.5", "2023-02", "2023-03")]
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 10)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "责任单位", "建设性质", "总投资（万元）", "年度计划投资（万元）",
                  "1-6月累计完成投资（万元）", "计划开工时间", "实际开工时间"]])
    recs = []
    for i, p in enumerate(ps):
        d = {"市直部门": "市直" if i % 2 else "市本级"}.get(p.district, p.district)
        rows(ws, 3 + i, [[p.code, p.name, d, p.unit, p.nature, num(p.total), num(p.plan), num(p.ytd), p.ps,
                          p.act or "未开工"]])
        recs.append(rec(3 + i, p, F | {"unit"}))
    save(wb, "c04_city_departments.xlsx")
    expect("c04_city_departments.xlsx", c04_city_departments.__doc__, "2024-06", recs)


def c05_renamed_formats():
    """files whose name says another format: an .xls saved as .xlsx, an .xlsx named .xls, a CSV named .xlsx."""
    for src, dst, fmt in (("a03_spaced_wrapped.xls", "c05_xls_named.xlsx", "xls"),
                          ("a06_percent_and_remarks.xlsx", "c05_xlsx_named.xls", "xlsx"),
                          ("b01_csv_apostrophe_units.csv", "c05_csv_named.xlsx", "csv")):
        shutil.copyfile(os.path.join(OUT, src), os.path.join(OUT, dst))
        with open(os.path.join(OUT, src + ".expected.json"), encoding="utf-8") as f:
            e = __import__("json").load(f)
        expect(dst, "%s, renamed %s" % (e["desc"], dst), e["period"], e["records"], fmt=fmt)


ALLCASES = [c01_excel_quoted_csv, c02_slash_for_none, c03_start_finish_range, c04_city_departments, c05_renamed_formats]
