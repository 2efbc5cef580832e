#!/usr/bin/env python3
"""Writes the fixtures of column recognition (labels outside the spelling
table, content-only and empty headers, decoys, two columns for one field,
refusals) the way department offices' programs write them: openpyxl for
.xlsx, LibreOffice (soffice --headless) for .xls and for .xlsx converted
from CSV. Run from importer/testdata/columns: python3 gen.py
(Debian: python3-openpyxl, libreoffice-calc-nogui). Then regenerate the
golden files: go test ./importer/ -run TestColumnFixtures -update"""
import datetime
import os
import shutil
import subprocess
import tempfile

import openpyxl
from openpyxl.styles import Font


def book(path, sheets, hidden_cols=None):
    """sheets: list of (name, rows, merges)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows, merges in sheets:
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
        for m in merges:
            ws.merge_cells(m)
        if rows and rows[0] and isinstance(rows[0][0], str):
            ws["A1"].font = Font(bold=True, size=14)
        for col in (hidden_cols or {}).get(name, []):
            ws.column_dimensions[col].hidden = True
    wb.save(path)


def soffice(src, fmt, outdir, infilter=None):
    cmd = ["soffice", "--headless"]
    if infilter:
        cmd.append("--infilter=" + infilter)
    cmd += ["--convert-to", fmt, "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def concept_labels():
    """Labels no spelling table holds, each beside the decoy it resembles."""
    header = ["序号", "投资项目统一代码", "统一社会信用代码", "名称", "县区", "牵头单位", "建设单位", "建设类别",
              "投资总额（万元）", "本年度计划完成投资（万元）", "截至6月底累计完成（万元）", "本月完成（万元）",
              "开工以来累计完成（万元）", "完成率", "拟开工时间", "开工年月", "预计竣工年月", "工程进展情况",
              "需协调解决的问题", "填报时间"]
    rows = [
        ["2024年上半年全市重大项目推进情况调度表"],
        ["填报单位：临淄区发展和改革局", None, None, None, None, None, None, None, None, None, "填报时间：2024年7月3日"],
        header,
        [1, "2403-370305-04-01-000101", "91370305MA3CXXXX1A", "临淄区高端化工新材料一体化项目", "临淄", "临淄区发改局",
         "山东齐鲁新材料有限公司", "新开工", 86000, 30000, 12500.5, 2100, 12500.5, "41.7%", "2024年3月", "2024年4月",
         "2026年6月", "主体结构施工", "用地指标待落实", datetime.date(2024, 7, 3)],
        [2, "2201-370305-04-01-000045", "91370305MA3CXXXX2B", "临淄区城市更新二期工程", "临淄区", "临淄区住建局",
         "临淄城投集团", "续建", 31000, 12000, 6100, 900, 25000, "50.8%", "2022年5月", "2022年6月", "2025年12月",
         "道路管网施工", "", datetime.date(2024, 7, 3)],
        [3, "2404-370305-04-01-000210", "91370305MA3CXXXX3C", "临淄区新能源汽车零部件项目", "临淄区", "临淄区工信局",
         "淄博某汽车零部件有限公司", "新开工项目", 15000, 8000, 0, 0, 0, "0%", "2024年9月", "未开工", "2025年10月",
         "办理施工许可", "需协调电力增容", datetime.date(2024, 7, 3)],
        ["合计", None, None, None, None, None, None, None, 132000, 50000, 18600.5, 3000, 37500.5],
    ]
    book("concept_labels.xlsx", [("临淄区", rows, ["A1:T1", "A2:J2", "K2:T2"])])


def content_only():
    """Columns told by what they hold: codes under an empty header, names
    under 项目, districts under 所在地, natures under 类型 (a category
    label), levels under 层次."""
    rows = [
        ["2024年1-5月重大项目台账"],
        ["序号", None, "项目", "所在地", "类型", "层次", "总投资", "年度计划", "1-5月累计", "计划开工", "实际开工"],
        [1, "2405-370303-04-01-000301", "高新区氢燃料电池膜电极项目", "高新区", "新开工", "省重点", 60000, 20000, 11000, "2024-04", "2024-04"],
        [2, "2310-370303-04-01-000302", "淄博高新区智能制造产业园二期", "淄博高新技术产业开发区", "续建", "市重大", 42000, 15000, 7300, "2023-10", "2023-11"],
        [3, "2402-370303-04-01-000303", "高新区生物医药中试基地建设项目", "高新", "续建项目", "市重大", 18000, 6000, 2500.25, "2024-02", "2024-03"],
        [4, "2403-370303-04-01-000304", "高新区集成电路封装测试项目", "高新区", "新建", "省重大", 95000, 30000, 4000, "2024-05", None],
    ]
    book("content_only.xlsx", [("高新区", rows, ["A1:K1"])])


def swapped():
    """Headers swapped by a copy and paste: 所属区县 over natures and 建设性质
    over districts. The content decides, with a warning for each."""
    rows = [
        ["2024年1-6月重大项目建设情况台账"],
        ["项目代码", "项目名称", "所属区县", "建设性质", "年度计划投资", "1-6月累计完成投资"],
        ["2403-370304-04-01-000555", "博山区智能装备制造项目", "新开工", "博山区", 9000, 7000.5],
        ["2201-370304-04-01-000556", "博山区陶瓷文化产业园", "续建", "博山", 5000, 800],
        ["2202-370304-04-01-000557", "博山区中医院新院区", "续建", "博山区", 12000, 6500],
    ]
    book("swapped.xlsx", [("台账", rows, ["A1:F1"])])


def twins():
    """Two columns for one field: 总投资 in 万元 and in 亿元 (they agree: one
    warning), 区县 and 属地 (they differ in one row: that row is an error
    naming both)."""
    rows = [
        ["2024年1-6月重大项目建设情况台账"],
        ["项目代码", "项目名称", "区县", "总投资（万元）", "年度计划投资", "1-6月累计完成投资", "项目总投资（亿元）", "属地"],
        ["2403-370303-04-01-000123", "淄博齐鲁新材料产业园项目", "张店区", 52000, 18000, 9650.5, 5.2, "张店"],
        ["2201-370302-04-01-000045", "淄川区城市更新一期工程", "淄川区", 31000, 12000, 6100, 3.1, "淄川区"],
        ["2405-370305-04-01-000310", "临淄区高端化工新材料项目", "临淄区", 88000, 30000, 0, 8.8, "淄川区"],
    ]
    book("twins.xlsx", [("台账", rows, ["A1:H1"])])


def no_code():
    """A ledger without any column that can be the project code: refused,
    naming the columns it did recognise."""
    rows = [
        ["2024年1-6月重大项目建设情况台账"],
        ["序号", "项目名称", "所属区县", "建设性质", "总投资", "年度计划投资", "1-6月累计完成投资"],
        [1, "淄博齐鲁新材料产业园项目", "张店区", "新开工", 52000, 18000, 9650.5],
        [2, "淄川区城市更新一期工程", "淄川区", "续建", 31000, 12000, 6100],
    ]
    book("no_code.xlsx", [("台账", rows, ["A1:G1"])])


def unrelated():
    """Tables that are no ledger at all: refused, nothing stored."""
    meeting = [["重大项目调度会议安排"], ["时间", "地点", "参会人员", "议题"],
               ["7月5日上午", "市政府第一会议室", "各区县发改局局长", "上半年重大项目推进情况"],
               ["7月5日下午", "市发改委308", "项目办全体", "下半年工作安排"]]
    people = [["姓名", "单位", "职务", "电话"], ["王五", "张店区发改局", "科长", "0533-0000001"],
              ["赵六", "淄川区发改局", "科员", "0533-0000002"]]
    book("unrelated.xlsx", [("会议安排", meeting, ["A1:D1"]), ("人员名单", people, [])])


def multi_nocode():
    """A 准备类 sheet without codes beside a ledger sheet: the ledger is
    read, the other sheet is named in a warning."""
    prep = [["准备类项目清单"], ["项目名称", "所属区县", "总投资", "年度计划投资"],
            ["张店区未来城市综合体", "张店区", 120000, 0], ["张店区数字经济产业园", "张店区", 56000, 0]]
    data = [["2024年1-6月张店区重大项目台账"],
            ["项目代码", "项目名称", "所属区县", "建设性质", "年度计划投资", "1-6月累计完成投资"],
            ["2403-370303-04-01-000123", "淄博齐鲁新材料产业园项目", "张店区", "新开工", 18000, 9650.5]]
    book("multi_nocode.xlsx", [("准备类", prep, ["A1:D1"]), ("实施类", data, ["A1:F1"])])


def layouts():
    """One unit's ledger of the same layout in June and July: the amount
    columns carry labels nothing recognises (计划数, 本期数), so the office
    maps them once; the July file is read with the mapping remembered."""
    for month, ytd in ((6, [9650.5, 6100]), (7, [11200, 7000])):
        rows = [["2024年1-%d月周村区重大项目台账" % month],
                ["项目代码", "项目名称", "建设性质", "计划数", "本期数", "备用"],
                ["2310-370306-04-01-000888", "周村区冷链物流园项目", "续建", 6000, ytd[0], "x"],
                ["2204-370306-04-01-000046", "周村区古商城提升改造工程", "续建", 3000, ytd[1], "y"]]
        book("layout_%02d.xlsx" % month, [("台账", rows, ["A1:F1"])])


def group_concepts():
    """Group headings over the labels: 投资完成情况（万元） over 1-6月 is the
    cumulative figure (情况 in a group heading is no 完成情况 column), 1-6月
    over 计划 is not the annual plan, and its 完成 is the same figure again
    (two columns, equal: one warning); 区县名称 is the district, not a name."""
    rows = [
        ["2024年上半年重大项目台账"],
        ["项目基本情况", None, None, None, "投资完成情况（万元）", None, None, "1-6月", None, "进度情况", None],
        ["统一代码", "区县名称", "项目单位", "项目名称", "项目总投资", "本年度计划", "1-6月", "计划", "完成", "开工日期", "项目进展"],
        ["2403-370303-04-01-000123", "张店区", "山东齐鲁新材料有限公司", "淄博齐鲁新材料产业园项目", 52000, 18000, 9650.5, 9000, 9650.5,
         datetime.date(2024, 4, 1), "主体施工"],
        ["2201-370302-04-01-000045", "淄川区", "淄川城投集团", "淄川区城市更新一期工程", 31000, 12000, 6100, 6000, 6100,
         datetime.date(2022, 6, 1), "收尾"],
    ]
    book("group_concepts.xlsx", [("台账", rows, ["A1:K1", "A2:D2", "E2:G2", "H2:I2", "J2:K2"])])


def swapped_code_name():
    """项目代码 over the names and 项目名称 over the codes: the codes' column
    is the code, and the column of names, its label denied by its content,
    the name."""
    rows = [["2024年1-6月重大项目台账"],
            ["序号", "项目代码", "项目名称", "所属区县", "1-6月累计完成投资"],
            [1, "淄博齐鲁新材料产业园项目", "2403-370303-04-01-000123", "张店区", 9650.5],
            [2, "淄川区城市更新一期工程", "2201-370302-04-01-000045", "淄川区", 6100]]
    book("swapped_code_name.xlsx", [("台账", rows, ["A1:E1"])])


def libreoffice(tmp):
    """Files written by LibreOffice: a headerless ledger converted from CSV
    (every column told by content, amounts by the office's mapping), an old
    .xls whose code and district columns have empty headers, and an .xls of
    one sheet per district named by the sheet."""
    csv = os.path.join(tmp, "headerless.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("2024年1-6月沂源县重大项目,,,,,,\n")
        f.write("2312-370323-04-01-000001,沂源县光伏发电项目,沂源县,续建,35000,12000,3000.25\n")
        f.write("2403-370323-04-01-000002,沂源县红色文化旅游区建设项目,沂源,新开工,18000,6000,1200\n")
        f.write("2402-370323-04-01-000003,沂源县医药产业园扩建工程,沂源县,新开工,22000,8000,0\n")
    soffice(csv, "xlsx", tmp, infilter="CSV:44,34,76,1")
    shutil.copy(os.path.join(tmp, "headerless.xlsx"), "headerless_lo.xlsx")
    rows = [["2024年1-6月重大项目建设情况台账"],
            [None, "项目名称", None, "性质", "年度计划投资（万元）", "1-6月累计完成投资（万元）"],
            ["2403-370321-04-01-000701", "桓台县绿色建材产业化项目", "桓台县", "续建", 3000, 1500],
            ["2405-370321-04-01-000702", "桓台县精细化工技改项目", "桓台", "新开工", 5000, 800],
            ["2406-370322-04-01-000703", "高青县黄河滩区生态治理工程", "高青县", "新开工", 7000, 350]]
    src = os.path.join(tmp, "empty_headers.xlsx")
    book(src, [("Sheet1", rows, ["A1:F1"])])
    soffice(src, "xls", tmp)
    shutil.copy(os.path.join(tmp, "empty_headers.xls"), "empty_headers_lo.xls")
    # One sheet per district, the district named by the sheet only.
    header = ["项目代码", "项目名称", "建设性质", "1-6月累计完成投资"]
    src = os.path.join(tmp, "per_district.xlsx")
    book(src, [("张店区", [["2024年1-6月重大项目台账"], header, ["2403-370303-04-01-000123", "淄博齐鲁新材料产业园项目", "新开工", 9650.5]], []),
               ("淄川区", [["2024年1-6月重大项目台账"], header, ["2201-370302-04-01-000045", "淄川区城市更新一期工程", "续建", 6100]], [])])
    soffice(src, "xls", tmp)
    shutil.copy(os.path.join(tmp, "per_district.xls"), "per_district_lo.xls")


def main():
    concept_labels()
    content_only()
    swapped()
    twins()
    no_code()
    unrelated()
    multi_nocode()
    layouts()
    group_concepts()
    swapped_code_name()
    tmp = tempfile.mkdtemp()
    try:
        libreoffice(tmp)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
