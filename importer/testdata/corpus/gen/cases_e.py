"""Corpus cases of a fifth round: years in group headings, periods in words."""
from lib import book, expect, merge, num, projects, rec, rows, title, save

F = {"district", "nature", "total", "plan", "ytd"}


def e01_year_groups():
    """group headings by year: 2024年 over 计划投资 / 1-6月完成投资, 2023年 over 完成投资: last year's figure is not read."""
    ps = projects(61, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 8)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "2023年", "2024年", None],
                 [None, None, None, None, None, "完成投资（万元）", "计划投资（万元）", "1-6月完成投资（万元）"]])
    merge(ws, "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "G2:H2")
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 4 + i, [[p.code, p.name, p.district, p.nature, num(p.total), 5555, num(p.plan), num(p.ytd)]])
        recs.append(rec(4 + i, p, F))
    save(wb, "e01_year_groups.xlsx", via="xlsx")
    expect("e01_year_groups.xlsx", e01_year_groups.__doc__, "2024-06", recs, fmt="xlsx")


def e02_period_words_in_title():
    """the title says 截至2024年6月30日; the cumulative header says only 累计完成投资; 6月份 in a 报告期 line of another sheet."""
    ps = projects(62, 6)
    wb, ws = book("产业项目")
    title(ws, "全市重大项目建设情况（截至2024年6月30日）", 7)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）"]])
    recs = []
    for i, p in enumerate(ps[:3]):
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd)]])
        recs.append(rec(3 + i, p, F, sheet="产业项目"))
    ws2 = wb.create_sheet("城建项目")
    rows(ws2, 1, [["报告期：2024年6月份"], ["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）"]])
    for i, p in enumerate(ps[3:]):
        rows(ws2, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd)]])
        recs.append(rec(3 + i, p, F, sheet="城建项目"))
    save(wb, "e02_period_words_in_title.xlsx")
    expect("e02_period_words_in_title.xlsx", e02_period_words_in_title.__doc__, "2024-06", recs)


ALLCASES = [e01_year_groups, e02_period_words_in_title]
