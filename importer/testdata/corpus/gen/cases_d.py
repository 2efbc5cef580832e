"""Corpus cases of a fourth round: shorthand units, places, rates."""
from lib import book, expect, num, projects, rec, rows, title, save, yi

F = {"district", "nature", "total", "plan", "ytd", "ps", "act"}


def d01_shorthand_units():
    """units written short: 总投资（亿）, 年度计划（万）, 1-6月完成（亿）: 亿 is 亿元, 万 is 万元."""
    ps = projects(51, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 9)
    rows(ws, 2, [["项目代码", "项目名称", "所属区县", "建设性质", "总投资（亿）", "年度计划投资（万）", "1-6月累计完成投资（亿）",
                  "计划开工时间", "实际开工时间"]])
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, yi(p.total), num(p.plan), yi(p.ytd), p.ps, p.act or "未开工"]])
        recs.append(rec(3 + i, p, F))
    save(wb, "d01_shorthand_units.xlsx")
    expect("d01_shorthand_units.xlsx", d01_shorthand_units.__doc__, "2024-06", recs)


def d02_district_with_town():
    """the 区县 column names the town too (张店区马尚街道, 临淄区稷下街道): the district is read from it."""
    ps = projects(52, 6)
    towns = {"张店区": "马尚街道", "临淄区": "稷下街道", "博山区": "城东街道", "周村区": "丝绸路街道", "淄川区": "双杨镇",
             "桓台县": "马桥镇", "高青县": "芦湖街道", "沂源县": "南麻街道"}
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 9)
    rows(ws, 2, [["项目代码", "项目名称", "所在区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）",
                  "计划开工时间", "实际开工时间"]])
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 3 + i, [[p.code, p.name, p.district + towns[p.district], p.nature, num(p.total), num(p.plan), num(p.ytd),
                          p.ps, p.act or "未开工"]])
        recs.append(rec(3 + i, p, F))
    save(wb, "d02_district_with_town.xlsx")
    expect("d02_district_with_town.xlsx", d02_district_with_town.__doc__, "2024-06", recs)


def d03_rate_decoys():
    """beside the figures: 1-6月完成率（%）, 较序时进度（个百分点）, 占总投资比例, 1-6月到位资金（万元）: none is read."""
    ps = projects(53, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 12)
    rows(ws, 2, [["项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）",
                  "1-6月完成率（%）", "较序时进度（个百分点）", "占总投资比例", "1-6月到位资金（万元）", "实际开工时间"]])
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd), 45.5, -4.5, 0.12, 777,
                          p.act or "未开工"]])
        recs.append(rec(3 + i, p, F - {"ps"}))
    save(wb, "d03_rate_decoys.xlsx")
    expect("d03_rate_decoys.xlsx", d03_rate_decoys.__doc__, "2024-06", recs)


ALLCASES = [d01_shorthand_units, d02_district_with_town, d03_rate_decoys]
