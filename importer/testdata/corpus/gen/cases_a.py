"""Corpus cases written by openpyxl (some saved again by LibreOffice)."""
import datetime as dt
from decimal import Decimal as D

from openpyxl.styles import Alignment

from lib import (IDSP, NBSP, NONE, book, expect, first_day, flush, merge, num, projects, rec, rows,
                 s, save, title, yi)

ALL = {"district", "unit", "nature", "total", "plan", "ytd", "ps", "act"}


def a01_xuhao_merged_zhi():
    """序号 and 区县 merged down each district's projects, 单位：万元 line, 1至6月, 完成率, 备注 已开工."""
    ps = sorted(projects(1, 7), key=lambda p: p.district)
    wb, ws = book("Sheet1")
    title(ws, "淄博市2024年1至6月市重大项目建设进展情况表", 12)
    ws["L2"] = "单位：万元"
    rows(ws, 3, [["序号", "区县", "项目名称", "项目代码", "建设性质", "总投资", "年度计划投资", "1至6月", None,
                  "计划开工时间", "实际开工时间", "备注"],
                 [None, None, None, None, None, None, None, "完成投资", "完成率", None, None, None]])
    merge(ws, "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:I3", "J3:J4", "K3:K4", "L3:L4")
    r, recs, n = 5, [], 0
    groups = {}
    for p in ps:
        groups.setdefault(p.district, []).append(p)
    for district, g in groups.items():
        top = r
        for p in g:
            n += 1
            rows(ws, r, [[n, district if r == top else None, p.name, p.code, p.nature, num(p.total), num(p.plan),
                          num(p.ytd), None, first_day(p.ps), first_day(p.act), "已开工" if p.act else "未开工"]])
            ws.cell(r, 9, value="=H%d/G%d" % (r, r)).number_format = "0.0%"
            for c in (10, 11):
                ws.cell(r, c).number_format = "yyyy年m月"
            recs.append(rec(r, p, ALL - {"unit"}, blank_starts=True))
            r += 1
        if r - top > 1:
            merge(ws, "B%d:B%d" % (top, r - 1))
    ws.freeze_panes = "C5"
    save(wb, "a01_xuhao_merged_zhi.xlsx", via="xlsx")
    expect("a01_xuhao_merged_zhi.xlsx", a01_xuhao_merged_zhi.__doc__, "2024-06", recs, fmt="xlsx")


def a02_yi_in_title():
    """亿元 only in the title's brackets; district only in the title; no unit in any header."""
    ps = [p for p in projects(2, 10) if p.district == "张店区"] + []
    ps = projects(2, 10)
    ps = [p for p in ps if p.district in ("张店区",)]
    wb, ws = book("台账")
    title(ws, "张店区2024年1-5月市重大项目进展情况表（亿元）", 8)
    rows(ws, 2, [["项目代码", "项目名称", "责任单位", "建设性质", "总投资", "年度计划投资", "1-5月累计完成投资", "计划开工时间"]])
    r, recs = 3, []
    for p in ps:
        rows(ws, r, [[p.code, p.name, p.unit, p.nature, yi(p.total), yi(p.plan), yi(p.ytd), p.ps.replace("-", ".")]])
        recs.append(rec(r, p, {"district", "unit", "nature", "total", "plan", "ytd", "ps"}, district="张店区"))
        r += 1
    save(wb, "a02_yi_in_title.xlsx")
    expect("a02_yi_in_title.xlsx", a02_yi_in_title.__doc__, "2024-05", recs, district="张店区")


def a03_spaced_wrapped_xls():
    """headers with spaces inside words (项 目 名 称) and Alt+Enter breaks, saved as .xls by LibreOffice."""
    ps = projects(3, 6)
    wb, ws = book("重大项目")
    title(ws, "2024年1-7月全市重大项目建设情况台账", 9)
    hdr = ["序  号", "项 目 代 码", "项 目 名 称", "所 属\n区 县", "建设\n性质", "总 投 资\n（万元）", "年度计划\n投资（万元）",
           "1-7月累计\n完成投资（万元）", "计划开工\n时间", "实际开工\n时间"]
    rows(ws, 3, [hdr])
    for c in range(1, len(hdr) + 1):
        ws.cell(3, c).alignment = Alignment(wrap_text=True)
    r, recs = 4, []
    for i, p in enumerate(ps):
        rows(ws, r, [[i + 1, p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd),
                      p.ps and first_day(p.ps), p.act and first_day(p.act)]])
        recs.append(rec(r, p, ALL - {"unit"}, blank_starts=True))
        r += 1
    save(wb, "a03_spaced_wrapped.xls", via="xls")
    expect("a03_spaced_wrapped.xls", a03_spaced_wrapped_xls.__doc__, "2024-07", recs, fmt="xls")


def a04_units_row_dotted_xls():
    """units in a row under the header (万元 / 亿元 / 年.月), start months typed 2024.3, .xls by LibreOffice."""
    ps = projects(4, 6)
    wb, ws = book("Sheet1")
    title(ws, "淄博市重大项目建设情况调度表（2024年1-8月）", 9)
    rows(ws, 2, [["序号", "项目名称", "项目代码", "县区", "项目性质", "总投资", "年度计划投资", "1-8月完成投资", "计划开工", "实际开工"],
                 [None, None, None, None, None, "亿元", "万元", "万元", "年.月", "年.月"]])
    r, recs = 4, []
    for i, p in enumerate(ps):
        rows(ws, r, [[i + 1, p.name, p.code, p.district, p.nature, yi(p.total), num(p.plan), num(p.ytd),
                      p.ps.replace("-", ".").replace(".0", "."), (p.act or "未开工").replace("-", ".").replace(".0", ".")]])
        recs.append(rec(r, p, ALL - {"unit"}))
        r += 1
    save(wb, "a04_units_row_dotted.xls", via="xls")
    expect("a04_units_row_dotted.xls", a04_units_row_dotted_xls.__doc__, "2024-08", recs, fmt="xls")


def a05_lo_csv_gbk_displayed():
    """CSV in GBK exported by LibreOffice as shown: 12,000.00 with separators, 35.0%, dates as 2024年3月."""
    ps = projects(5, 6)
    wb, ws = book("Sheet1")
    rows(ws, 1, [["2024年1-9月市重大项目建设情况"],
                 ["项目代码", "项目名称", "所属区县", "责任单位", "建设性质", "总投资（万元）", "年度计划投资（万元）",
                  "1-9月累计完成投资（万元）", "完成率", "计划开工时间", "实际开工时间"]])
    r, recs = 3, []
    for p in ps:
        rows(ws, r, [[p.code, p.name, p.district, p.unit, p.nature, num(p.total), num(p.plan), num(p.ytd),
                      None, first_day(p.ps), first_day(p.act)]])
        for c in (6, 7, 8):
            ws.cell(r, c).number_format = "#,##0.00"
        ws.cell(r, 9, value="=H%d/G%d" % (r, r)).number_format = "0.0%"
        for c in (10, 11):
            ws.cell(r, c).number_format = "yyyy年m月"
        recs.append(rec(r, p, ALL, blank_starts=True))
        r += 1
    save(wb, "a05_lo_gbk_displayed.csv", via="csv", csv_charset="56")
    expect("a05_lo_gbk_displayed.csv", a05_lo_csv_gbk_displayed.__doc__, "2024-09", recs, fmt="csv")


def a06_percent_and_remarks():
    """完成率(%) as numbers like 45.2, 占年度计划比例 as text 45.2%, 备注 已开工/未开工, 是否开工 是/否: none is an amount or a start."""
    ps = projects(6, 6)
    wb, ws = book("项目台账")
    title(ws, "2024年1-6月重大项目台账", 12)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "责任单位", "建设性质", "总投资（万元）", "年度计划（万元）",
                  "完成率(%)", "1-6月累计完成（万元）", "占年度计划比例", "是否开工", "计划开工时间", "实际开工时间", "备注"]])
    r, recs = 3, []
    for p in ps:
        rate = (p.ytd / p.plan * 100).quantize(D("0.1"))
        rows(ws, r, [[p.code, p.name, p.district, p.unit, p.nature, num(p.total), num(p.plan), num(rate), num(p.ytd),
                      s(rate) + "%", "是" if p.act else "否", p.ps, p.act or "", "已开工" if p.act else "未开工"]])
        recs.append(rec(r, p, ALL, blank_starts=True))
        r += 1
    save(wb, "a06_percent_and_remarks.xlsx")
    expect("a06_percent_and_remarks.xlsx", a06_percent_and_remarks.__doc__, "2024-06", recs)


def a07_odd_month_texts():
    """start months as 2024年3月份, 24.3, 202404 (a number), 2024-05-01 00:00:00 (text), 2024年一季度, 2024年二季度, 尚未开工."""
    ps = projects(7, 6)
    forms = [("2024年3月份", "2024-03"), ("24.4", "2024-04"), (202405, "2024-05"),
             ("2024-06-01 00:00:00", "2024-06"), ("2024年一季度", "2024-03"), ("2024年二季度", "2024-06")]
    acts = [("2024年3月份", "2024-03"), ("24.5", "2024-05"), (None, None), ("尚未开工", None),
            ("2024-02-15 00:00:00", "2024-02"), ("暂未开工", None)]
    wb, ws = book("Sheet1")
    title(ws, "2024年1-10月重大项目推进情况表", 9)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-10月累计完成投资（万元）",
                  "计划开工时间", "实际开工时间"]])
    r, recs = 3, []
    for p, (pf, pv), (af, av) in zip(ps, forms, acts):
        p.ps, p.act = pv, av
        rows(ws, r, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd), pf, af]])
        recs.append(rec(r, p, ALL - {"unit"}, blank_starts=(af is None)))
        r += 1
    save(wb, "a07_odd_month_texts.xlsx")
    expect("a07_odd_month_texts.xlsx", a07_odd_month_texts.__doc__, "2024-10", recs)


def a08_side_by_side():
    """two tables side by side: 新开工项目 in A:G and 续建项目 in J:P, each with its own title and header: read as two tables, the right one named Sheet1（J列起）."""
    ps = projects(8, 10)
    new = [p for p in ps if p.nature == "新开工"]
    cont = [p for p in ps if p.nature == "续建"]
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月市重大项目建设情况", 16)
    hdr = ["项目代码", "项目名称", "所属区县", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）", "实际开工时间"]
    ws["A2"] = "一、新开工项目"
    ws["J2"] = "二、续建项目"
    rows(ws, 3, [hdr])
    rows(ws, 3, [hdr], col=10)
    recs = []
    for i, p in enumerate(new):
        rows(ws, 4 + i, [[p.code, p.name, p.district, num(p.total), num(p.plan), num(p.ytd), p.act or "未开工"]])
        recs.append(rec(4 + i, p, {"district", "total", "plan", "ytd", "act"}))
    for i, p in enumerate(cont):
        rows(ws, 4 + i, [[p.code, p.name, p.district, num(p.total), num(p.plan), num(p.ytd), p.act]], col=10)
        recs.append(rec(4 + i, p, {"district", "total", "plan", "ytd", "act"}, sheet="Sheet1（J列起）"))
    save(wb, "a08_side_by_side.xlsx")
    expect("a08_side_by_side.xlsx", a08_side_by_side.__doc__, "2024-06", recs)


def a09_sheet_per_district_short():
    """one sheet per district named short (张店, 淄川, 博山) after a 汇总 sheet; no district column anywhere."""
    wb, first = book("汇总")
    rows(first, 1, [["区县", "项目数", "总投资（亿元）"], ["张店", 2, 5.86], ["淄川", 2, 12.9]])
    recs = []
    for short, district, seed in (("张店", "张店区", 1), ("淄川", "淄川区", 4), ("博山", "博山区", 2)):
        ws = wb.create_sheet(short)
        title(ws, "2024年1-8月重大项目台账", 7)
        rows(ws, 2, [["项目代码", "项目名称", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-8月累计完成投资（万元）", "计划开工时间"]])
        ps = [p for p in projects(0, 10) if p.district == district]
        for i, p in enumerate(ps):
            rows(ws, 3 + i, [[p.code, p.name, p.nature, num(p.total), num(p.plan), num(p.ytd), p.ps]])
            recs.append(rec(3 + i, p, {"district", "nature", "total", "plan", "ytd", "ps"}, sheet=short))
    save(wb, "a09_sheet_per_district_short.xlsx")
    expect("a09_sheet_per_district_short.xlsx", a09_sheet_per_district_short.__doc__, "2024-08", recs,
           sheets=["张店", "淄川", "博山"])


def a10_header_only_sheet():
    """新开工 sheet with only its header (no project this month), 续建 sheet with the rows; autofilter on both."""
    ps = [p for p in projects(0, 10) if p.nature == "续建"]
    wb, ws = book("新开工")
    hdr = ["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）"]
    title(ws, "2024年新开工重大项目", 7)
    rows(ws, 2, [hdr])
    ws.auto_filter.ref = "A2:G2"
    ws2 = wb.create_sheet("续建")
    title(ws2, "2024年续建重大项目", 7)
    rows(ws2, 2, [hdr])
    recs = []
    for i, p in enumerate(ps):
        rows(ws2, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd)]])
        recs.append(rec(3 + i, p, {"district", "nature", "total", "plan", "ytd"}, sheet="续建"))
    ws2.auto_filter.ref = "A2:G%d" % (2 + len(ps))
    save(wb, "a10_header_only_sheet.xlsx")
    expect("a10_header_only_sheet.xlsx", a10_header_only_sheet.__doc__, "2024-06", recs)


def a11_wide_monthly():
    """very wide: 1月…12月 single-month columns, 1-6月累计, 2023年完成投资, 2025年计划投资, contacts; frozen panes."""
    ps = projects(9, 6)
    wb, ws = book("2024年")
    hdr = ["序号", "项目代码", "项目名称", "区县", "责任单位", "建设性质", "总投资（万元）", "2023年完成投资（万元）",
           "2024年计划投资（万元）", "2025年计划投资（万元）"] + ["%d月完成投资" % m for m in range(1, 13)] + \
          ["1-6月累计完成投资（万元）", "计划开工时间", "实际开工时间", "计划竣工时间", "联系人", "联系电话", "形象进度"]
    title(ws, "2024年市重大项目月度调度表", len(hdr))
    rows(ws, 2, [hdr])
    r, recs = 3, []
    for i, p in enumerate(ps):
        months = [None] * 12
        rest = p.ytd
        for m in range(6):
            part = (p.ytd / 6).quantize(D("0.01")) if m < 5 else rest
            rest -= part if m < 5 else 0
            months[m] = num(part)
        rows(ws, r, [[i + 1, p.code, p.name, p.district, p.unit, p.nature, num(p.total), 9999, num(p.plan), 8888]
                     + months + [num(p.ytd), p.ps, p.act or "未开工", "2026-12", "张三", "0533-1234567", "主体施工"]])
        recs.append(rec(r, p, ALL))
        r += 1
    ws.freeze_panes = "D3"
    ws.auto_filter.ref = "A2:%s%d" % ("AE", r - 1)
    save(wb, "a11_wide_monthly.xlsx")
    expect("a11_wide_monthly.xlsx", a11_wide_monthly.__doc__, "2024-06", recs)


def a12_jinnian_yilai():
    """headers 项目统一代码, 县（区）, 估算总投资, 年度投资计划, 今年以来累计完成投资 (以来 here is the year's), 截至2024年6月底 in the title."""
    ps = projects(10, 6)
    wb, ws = book("Sheet1")
    title(ws, "全市重大项目进展情况（截至2024年6月底）", 8)
    rows(ws, 2, [["项目统一代码", "项目名称", "县（区）", "主管部门", "估算总投资（万元）", "年度投资计划（万元）",
                  "今年以来累计完成投资（万元）", "实际开工时间"]])
    r, recs = 3, []
    for p in ps:
        rows(ws, r, [[p.code, p.name, p.district, p.unit, num(p.total), num(p.plan), num(p.ytd), p.act or "—"]])
        recs.append(rec(r, p, {"district", "unit", "total", "plan", "ytd", "act"}))
        r += 1
    save(wb, "a12_jinnian_yilai.xlsx")
    expect("a12_jinnian_yilai.xlsx", a12_jinnian_yilai.__doc__, "2024-06", recs)


def a13_mac_1904():
    """a workbook in the 1904 date system (Mac Excel) with real date cells for the starts."""
    ps = projects(11, 6)
    wb, ws = book("Sheet1")
    wb.epoch = __import__("openpyxl").utils.datetime.CALENDAR_MAC_1904
    title(ws, "2024年1-6月重大项目台账", 9)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）",
                  "计划开工时间", "实际开工时间"]])
    r, recs = 3, []
    for p in ps:
        rows(ws, r, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd),
                      first_day(p.ps), first_day(p.act)]])
        recs.append(rec(r, p, ALL - {"unit"}, blank_starts=True))
        r += 1
    save(wb, "a13_mac_1904.xlsx")
    expect("a13_mac_1904.xlsx", a13_mac_1904.__doc__, "2024-06", recs)


def a14_nature_from_sections():
    """no nature column: section rows 一、新开工项目（3个） / 二、续建项目（3个） say it; 小计 under each."""
    ps = projects(12, 8)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目建设情况", 7)
    rows(ws, 2, [["序号", "项目代码", "项目名称", "所属区县", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）"]])
    r, recs = 3, []
    for k, nature in (("一", "新开工"), ("二", "续建")):
        g = [p for p in ps if p.nature == nature]
        rows(ws, r, [[k + "、" + nature + "项目（%d个）" % len(g)]])
        r += 1
        for i, p in enumerate(g):
            rows(ws, r, [[i + 1, p.code, p.name, p.district, num(p.total), num(p.plan), num(p.ytd)]])
            recs.append(rec(r, p, {"district", "nature", "total", "plan", "ytd"}))
            r += 1
        rows(ws, r, [["小计", None, None, None, num(sum(p.total for p in g)), num(sum(p.plan for p in g)),
                      num(sum(p.ytd for p in g))]])
        r += 1
    save(wb, "a14_nature_from_sections.xlsx")
    expect("a14_nature_from_sections.xlsx", a14_nature_from_sections.__doc__, "2024-06", recs)


def a15_unit_brackets():
    """units written 总投资/亿元, 年度计划[万元], 累计完成 亿元 (after a space), 【万元】."""
    ps = projects(13, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目调度", 8)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资/亿元", "年度计划投资[万元]", "1-6月累计完成投资 亿元",
                  "本月完成投资【万元】"]])
    r, recs = 3, []
    for p in ps:
        rows(ws, r, [[p.code, p.name, p.district, p.nature, yi(p.total), num(p.plan), yi(p.ytd), 100]])
        recs.append(rec(r, p, {"district", "nature", "total", "plan", "ytd"}))
        r += 1
    save(wb, "a15_unit_brackets.xlsx")
    expect("a15_unit_brackets.xlsx", a15_unit_brackets.__doc__, "2024-06", recs)


def a16_yuan_columns():
    """amounts in 元 (a system export): 总投资（元）, 年度计划投资(元), 1-6月累计完成投资（元）."""
    ps = projects(14, 6)
    wb, ws = book("导出数据")
    rows(ws, 1, [["报告期：2024年6月"], ["项目代码", "项目名称", "所属区县", "建设性质", "总投资（元）", "年度计划投资(元)", "1-6月累计完成投资（元）"]])
    r, recs = 3, []
    for p in ps:
        rows(ws, r, [[p.code, p.name, p.district, p.nature, num(p.total * 10000), num(p.plan * 10000), num(p.ytd * 10000)]])
        recs.append(rec(r, p, {"district", "nature", "total", "plan", "ytd"}))
        r += 1
    save(wb, "a16_yuan_columns.xlsx")
    expect("a16_yuan_columns.xlsx", a16_yuan_columns.__doc__, "2024-06", recs)


def a17_month_sheets():
    """a clerk's book with one sheet per month (4月, 5月, 6月), each its month's ledger: the latest month is the report."""
    ps = projects(15, 5)
    wb, ws = book("4月")
    recs = []
    for m in (4, 5, 6):
        ws = wb[("%d月" % m)] if m == 4 else wb.create_sheet("%d月" % m)
        title(ws, "2024年1-%d月重大项目台账" % m, 6)
        rows(ws, 2, [["项目代码", "项目名称", "区县", "年度计划投资（万元）", "1-%d月累计完成投资（万元）" % m, "实际开工时间"]])
        for i, p in enumerate(ps):
            ytd = (p.ytd * m / 6).quantize(D("0.01"))
            rows(ws, 3 + i, [[p.code, p.name, p.district, num(p.plan), num(ytd), p.act or "未开工"]])
            if m == 6:
                recs.append(rec(3 + i, p, {"district", "plan", "ytd", "act"}, sheet="6月"))
    save(wb, "a17_month_sheets.xlsx")
    expect("a17_month_sheets.xlsx", a17_month_sheets.__doc__, "2024-06", recs, sheets=["6月"])


def _month_book(months, seeds=None):
    """A book of a sheet per month; seeds gives each sheet projects of its own."""
    wb, ws = book("%d月" % months[0])
    out = {}
    for k, m in enumerate(months):
        ws = wb["%d月" % m] if k == 0 else wb.create_sheet("%d月" % m)
        ps = projects(seeds[k] if seeds else 15, 4 if seeds else 5)
        title(ws, "2024年1-%d月重大项目台账" % m, 6)
        rows(ws, 2, [["项目代码", "项目名称", "区县", "年度计划投资（万元）", "1-%d月累计完成投资（万元）" % m, "实际开工时间"]])
        out[m] = []
        for i, p in enumerate(ps):
            ytd = (p.ytd * m / 6).quantize(D("0.01"))
            rows(ws, 3 + i, [[p.code, p.name, p.district, num(p.plan), num(ytd), p.act or "未开工"]])
            p.ytd = ytd
            out[m].append(rec(3 + i, p, {"district", "plan", "ytd", "act"}, sheet="%d月" % m))
    return wb, out


def a19_month_sheets_upload_month():
    """the book of a sheet per month uploaded for May: the 5月 sheet is the report, 4月 and 6月 are not read."""
    wb, out = _month_book([4, 5, 6])
    save(wb, "a19_month_sheets_upload_may.xlsx")
    expect("a19_month_sheets_upload_may.xlsx", a19_month_sheets_upload_month.__doc__, "2024-05", out[5],
           options={"period": "2024-05"}, sheets=["5月"])


def a20_stale_title_other_projects():
    """产业 and 城建 sheets of different projects, the second's title left at 1-5月: both are read, as 1-6月."""
    wb, out = _month_book([6, 5], seeds=[1, 5])
    save(wb, "a20_stale_title_other_projects.xlsx")
    expect("a20_stale_title_other_projects.xlsx", a20_stale_title_other_projects.__doc__, "2024-06",
           out[6] + out[5], sheets=["6月", "5月"])


def a21_nested_sections():
    """no nature column: 一、实施类项目 over （一）新开工项目 / （二）续建项目, then 二、准备类项目 (no nature of its own)."""
    ps = projects(17, 8)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-9月市重大项目建设情况", 7)
    rows(ws, 2, [["序号", "项目名称", "项目代码", "区县", "总投资（万元）", "年度计划投资（万元）", "1-9月累计完成投资（万元）"]])
    new = [p for p in ps if p.nature == "新开工"][:3]
    cont = [p for p in ps if p.nature == "续建"][:2]
    prep = [p for p in ps if p not in new and p not in cont][:2]
    r, recs = 3, []
    for head, g, stated in (("一、实施类项目（5个）", None, None), ("（一）新开工项目", new, True), ("（二）续建项目", cont, True),
                            ("二、准备类项目（2个）", prep, False)):
        rows(ws, r, [[head]])
        merge(ws, "A%d:G%d" % (r, r))
        r += 1
        for i, p in enumerate(g or []):
            rows(ws, r, [[i + 1, p.name, p.code, p.district, num(p.total), num(p.plan), num(p.ytd)]])
            recs.append(rec(r, p, {"district", "total", "plan", "ytd"} | ({"nature"} if stated else set())))
            r += 1
    save(wb, "a21_nested_sections.xlsx")
    expect("a21_nested_sections.xlsx", a21_nested_sections.__doc__, "2024-09", recs)


def a22_side_by_side_xls():
    """.xls by LibreOffice: two tables side by side, name before code, an empty column between; a bad amount in the right table's row 5 leaves only that row out."""
    ps = projects(18, 8)
    left, right = ps[:4], ps[4:]
    wb, ws = book("Sheet1")
    title(ws, "2024年1-7月重大项目建设情况", 13)
    hdr = ["项目名称", "项目代码", "区县", "总投资（万元）", "年度计划投资（万元）", "1-7月累计完成投资（万元）"]
    rows(ws, 2, [hdr])
    rows(ws, 2, [hdr], col=8)
    recs, rrecs = [], []
    for i, (a, b) in enumerate(zip(left, right)):
        rows(ws, 3 + i, [[a.name, a.code, a.district, num(a.total), num(a.plan), num(a.ytd)]])
        bad = i == 2
        rows(ws, 3 + i, [[b.name, b.code, b.district, num(b.total), "待定" if bad else num(b.plan), num(b.ytd)]], col=8)
        recs.append(rec(3 + i, a, {"district", "total", "plan", "ytd"}))
        if not bad:
            rrecs.append(rec(3 + i, b, {"district", "total", "plan", "ytd"}, sheet="Sheet1（H列起）"))
    save(wb, "a22_side_by_side.xls", via="xls")
    expect("a22_side_by_side.xls", a22_side_by_side_xls.__doc__, "2024-07", recs + rrecs, clean=False, fmt="xls")


def a18_category_sections_total_top():
    """合计 in merged A:C right under the header, sections （一）产业项目 / （二）城市建设项目 with 其中：四强产业 lines, 序号 text."""
    ps = projects(16, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-7月市重大项目建设情况表", 8)
    rows(ws, 2, [["序号", "项目名称", "项目代码", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-7月累计完成投资（万元）"]])
    rows(ws, 3, [["合计", None, None, None, None, num(sum(p.total for p in ps)), num(sum(p.plan for p in ps)),
                  num(sum(p.ytd for p in ps))]])
    merge(ws, "A3:E3")
    r, recs = 4, []
    for k, (sec, g) in enumerate((("（一）产业项目", ps[:3]), ("（二）城市建设项目", ps[3:]))):
        rows(ws, r, [[sec + "（%d个）" % len(g), None, None, None, None, num(sum(p.total for p in g))]])
        merge(ws, "A%d:E%d" % (r, r))
        r += 1
        if k == 0:
            rows(ws, r, [["其中：四强产业", None, None, None, None, num(g[0].total)]])
            r += 1
        for i, p in enumerate(g):
            rows(ws, r, [["%d" % (i + 1), p.name, p.code, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd)]])
            recs.append(rec(r, p, {"district", "nature", "total", "plan", "ytd"}))
            r += 1
    save(wb, "a18_category_sections_total_top.xlsx")
    expect("a18_category_sections_total_top.xlsx", a18_category_sections_total_top.__doc__, "2024-07", recs)


ALLCASES = [a01_xuhao_merged_zhi, a02_yi_in_title, a03_spaced_wrapped_xls, a04_units_row_dotted_xls,
            a05_lo_csv_gbk_displayed, a06_percent_and_remarks, a07_odd_month_texts, a08_side_by_side,
            a09_sheet_per_district_short, a10_header_only_sheet, a11_wide_monthly, a12_jinnian_yilai,
            a13_mac_1904, a14_nature_from_sections, a15_unit_brackets, a16_yuan_columns, a17_month_sheets,
            a18_category_sections_total_top, a19_month_sheets_upload_month, a20_stale_title_other_projects,
            a21_nested_sections, a22_side_by_side_xls]
