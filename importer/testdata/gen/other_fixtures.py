#!/usr/bin/env python3
"""Writes the fixtures that do not come from excelize: CSVs in GBK and
UTF-8 with a BOM, a workbook written by openpyxl, and a stand-in for an
encrypted workbook. Run from importer/testdata: python3 gen/other_fixtures.py
(Debian: apt-get install python3-openpyxl). LibreOffice ones: gen/soffice.sh."""
import datetime
import openpyxl
from openpyxl.styles import Font

ROWS_GBK = [
    ["2024年1-6月桓台县重大项目建设情况台账", "", "", "", "", "", ""],
    ["项目代码", "项目名称", "建设性质", "投资情况（亿元）", "", "", "实际开工时间"],
    ["", "", "", "总投资", "年度计划投资", "1-6月累计完成投资", ""],
    ["2312-370321-04-01-000777", "桓台县绿色建材产业化项目", "续建", "12.5", "3", "1.25", "2023年12月"],
    ["2405-370321-04-01-000778", "桓台县 精细化工 技改项目", "新开工", "0.8", "0.5", "", "未开工"],
    ["合计", "", "", "13.3", "3.5", "1.25", ""],
]

ROWS_BOM = [
    ["序号", "统一项目代码", "项目名称", "所属区县", "责任单位", "建设性质", "总投资", "2024年计划投资", "1-8月完成投资", "计划开工时间", "实际开工时间"],
    ["1", "2403-370303-04-01-000123", "淄博齐鲁新材料产业园项目", "张店", "张店区发改局", "新开工项目", "52,000", "18,000", "12,000.5", "2024/3/15", "2024/4/1"],
    ["2", "2204-370306-04-01-000046", "周村区古商城提升改造工程", "周村", "周村区文旅局", "在建", "９０００", "３０００", "1500", "2022-04", "2022-05"],
]


def write_csv(path, rows, encoding):
    with open(path, "w", encoding=encoding, newline="") as f:
        for r in rows:
            f.write(",".join('"%s"' % c if "," in c else c for c in r) + "\r\n")


def openpyxl_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "说明"
    ws["A1"] = "本表由各区县发改局填报，金额单位为万元。"
    ws = wb.create_sheet("2024年台账")
    ws["A1"] = "经济开发区2024年1-6月重大项目调度台账"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=16)
    ws.append(["项目代码（备案证号）", "项目名称", "主管部门", "建设性质", "计划总投资（万元）", "本年计划投资（万元）", "年初至报告期累计完成投资（万元）", "开工时间（计划）"])
    ws.append(["2403-370305-04-01-000901", "经开区智能制造产业园项目", "经开区经发局", "新开工", 45000, 15000, 6200.25, datetime.date(2024, 3, 1)])
    ws.append(["2203-370305-04-01-000902", "经开区综合管廊工程", "经开区建设局", "续建", 30000, 8000, 5100, datetime.date(2022, 3, 1)])
    for r in (3, 4):
        ws.cell(row=r, column=8).number_format = "yyyy年m月"
        ws.cell(row=r, column=7).number_format = "#,##0.00"
    ws.column_dimensions["C"].hidden = False
    wb.save(path)


def fake_encrypted(path):
    # A compound file as Excel writes for a password-protected workbook: the
    # CFB signature and the stream names EncryptionInfo/EncryptedPackage.
    data = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    data += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    data += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 400
    open(path, "wb").write(bytes(data))


write_csv("gbk.csv", ROWS_GBK, "gbk")
write_csv("utf8_bom.csv", ROWS_BOM, "utf-8-sig")
openpyxl_book("openpyxl.xlsx")
fake_encrypted("encrypted.xlsx")
