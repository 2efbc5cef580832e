"""Black-box ledgers, second batch: hidden stale plan, wrapped headers, nested
sections, the district uploader, upload period, December sent in January,
a bigger .xls, a GBK CSV with LF; and more clerk habits (x*)."""
import datetime as dt

from lib import (IDSP, NBSP, NONE, book, expect, merge, rec, rows, save, sheet, title, write_text)

D = dt.date
H10 = ["序号", "项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "年度计划投资（万元）",
       "1-8月累计完成投资（万元）", "计划开工时间", "实际开工时间"]


def c33():
    """A hidden stale 2024年计划投资 column beside the visible 年度计划投资."""
    name = "c33_hidden_stale_plan.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "博山区2024年1-8月市重大项目建设情况台账", 11)
    rows(ws, 2, [
        ["序号", "项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "2024年计划投资（万元）",
         "年度计划投资（万元）", "1-8月累计完成投资（万元）", "计划开工时间", "实际开工时间"],
        [1, "2403-370304-04-01-330001", "博山区高端阀门产业园项目", "博山区", "新开工", 26000, 9000, 7500, 3100,
         "2024年3月", "2024年4月"],
        [2, "2306-370304-04-01-330002", "博山区原山景区提升项目", "博山区", "续建", 14000, 5000, 6000, 2890.5,
         "2023年6月", "2023年7月"],
    ])
    ws.column_dimensions["G"].hidden = True
    save(wb, name)
    expect(name, "hidden 2024年计划投资 (the plan before adjustment) beside the visible 年度计划投资: hidden columns "
                 "are not data", "2024-08", [
        rec(3, "2403-370304-04-01-330001", "博山区高端阀门产业园项目", "博山区", "新开工", "26000", "7500", "3100",
            "2024-03", "2024-04"),
        rec(4, "2306-370304-04-01-330002", "博山区原山景区提升项目", "博山区", "续建", "14000", "6000", "2890.5",
            "2023-06", "2023-07"),
    ], district="博山区")


def c34():
    """Headers and names wrapped with Alt+Enter; autofilter; Excel's empty Sheet2/Sheet3."""
    name = "c34_wrapped_headers_empty_sheets.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "周村区2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [
        ["序号", "项目\n代码", "项目名称", "所属\n区县", "建设\n性质", "总投资\n（万元）", "年度计划\n投资（万元）",
         "1-8月累计\n完成投资\n（万元）", "计划开工\n时间", "实际开工\n时间"],
        [1, "2403-370306-04-01-340001", "周村区新材料\n产业园项目", "周村区", "新开工", 17000, 6000, 2230, "2024年3月",
         "2024年3月"],
        [2, "2309-370306-04-01-340002", "周村区大街\n历史文化街区\n保护利用项目", "周村区", "续建", 9500, 3000, 1760.2,
         "2023年9月", "2023年10月"],
    ])
    ws.auto_filter.ref = "A2:J4"
    ws.freeze_panes = "C3"
    sheet(wb, "Sheet2")
    sheet(wb, "Sheet3")
    save(wb, name)
    expect(name, "headers and names wrapped with line breaks (Alt+Enter), autofilter and frozen panes, "
                 "Excel's empty Sheet2 and Sheet3", "2024-08", [
        rec(3, "2403-370306-04-01-340001", "周村区新材料产业园项目", "周村区", "新开工", "17000", "6000", "2230",
            "2024-03", "2024-03"),
        rec(4, "2309-370306-04-01-340002", "周村区大街历史文化街区保护利用项目", "周村区", "续建", "9500", "3000",
            "1760.2", "2023-09", "2023-10"),
    ], sheets=["Sheet1"], district="周村区")


def c35():
    """Nested sections 一、/（一）, 小计 per section, 合　计 and 总计 (formulas, LibreOffice)."""
    name = "c35_nested_sections_totals.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "临淄区2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [
        H10,
        ["合" + IDSP + "计", None, None, None, None, "=F4+F11", "=G4+G11", "=H4+H11"],
        ["一、产业项目（3个）", None, None, None, None, "=F5+F8", "=G5+G8", "=H5+H8"],
        ["（一）先进制造业（2个）"],
        [1, "2403-370305-04-01-350001", "临淄区高端聚碳酸酯项目", "临淄区", "新开工", 98000, 30000, 12400, "2024年3月",
         "2024年3月"],
        [2, "2308-370305-04-01-350002", "临淄区特种橡胶新材料项目", "临淄区", "续建", 54000, 16000, 9320.5, "2023年8月",
         "2023年9月"],
        ["小计", None, None, None, None, "=SUM(F6:F7)", "=SUM(G6:G7)", "=SUM(H6:H7)"],
        ["（二）现代服务业（1个）"],
        [3, "2404-370305-04-01-350003", "临淄区化工物流交易中心项目", "临淄区", "新开工", 12000, 5000, 1880, "2024年4月",
         "2024年5月"],
        ["二、城市建设项目（1个）", None, None, None, None, "=F12", "=G12", "=H12"],
        [4, "2405-370305-89-01-350004", "临淄区淄河生态治理工程", "临淄区", "新开工", 8800, 4000, 1365, "2024年5月",
         "2024年5月"],
        ["总计", None, None, None, None, "=F3", "=G3", "=H3"],
    ])
    save(wb, name, via="xlsx")
    expect(name, "合　计 (ideographic space) right under the header, sections 一、 with totals in the row, (一)/(二) "
                 "subsections, 小计, 总计; LibreOffice cached values", "2024-08", [
        rec(6, "2403-370305-04-01-350001", "临淄区高端聚碳酸酯项目", "临淄区", "新开工", "98000", "30000", "12400",
            "2024-03", "2024-03"),
        rec(7, "2308-370305-04-01-350002", "临淄区特种橡胶新材料项目", "临淄区", "续建", "54000", "16000", "9320.5",
            "2023-08", "2023-09"),
        rec(10, "2404-370305-04-01-350003", "临淄区化工物流交易中心项目", "临淄区", "新开工", "12000", "5000", "1880",
            "2024-04", "2024-05"),
        rec(12, "2405-370305-89-01-350004", "临淄区淄河生态治理工程", "临淄区", "新开工", "8800", "4000", "1365",
            "2024-05", "2024-05"),
    ], fmt="xlsx", district="临淄区")


def c36():
    """A district uploader (张店) sends a row of another district and a row without one."""
    name = "c36_district_upload_foreign_row.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [
        H10,
        [1, "2403-370303-04-01-360001", "张店区生物医药创新港项目", "张店区", "新开工", 22000, 7000, 2650, "2024年3月",
         "2024年3月"],
        [2, "2403-370302-04-01-360002", "淄川区陶瓷产业升级项目", "淄川区", "新开工", 15000, 5000, 1300, "2024年3月",
         "2024年4月"],
        [3, "2307-370303-04-01-360003", "张店区智慧物流园项目", None, "续建", 30000, 9000, 5210, "2023年7月", "2023年8月"],
    ])
    save(wb, name)
    expect(name, "uploaded by 张店 (Options.District): the 淄川区 row is an error and left out; the row with a blank "
                 "district gets 张店区", "2024-08", [
        rec(3, "2403-370303-04-01-360001", "张店区生物医药创新港项目", "张店区", "新开工", "22000", "7000", "2650",
            "2024-03", "2024-03"),
        rec(5, "2307-370303-04-01-360003", "张店区智慧物流园项目", "张店区", "续建", "30000", "9000", "5210",
            "2023-07", "2023-08"),
    ], clean=False, options={"district": "张店"})


def c37():
    """The upload states 2024-07 while the ledger says 1-8月: the upload wins."""
    name = "c37_upload_period_wins.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "高青县2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [
        H10,
        [1, "2403-370322-04-01-370001", "高青县绿色纤维新材料项目", "高青县", "新开工", 19000, 6000, 2020, "2024年3月",
         "2024年4月"],
    ])
    save(wb, name)
    expect(name, "ledger says 1-8月 but the upload states 2024-07: Period wins (a warning says so)", "2024-07", [
        rec(3, "2403-370322-04-01-370001", "高青县绿色纤维新材料项目", "高青县", "新开工", "19000", "6000", "2020",
            "2024-03", "2024-04"),
    ], options={"period": "2024-07"}, district="高青县")


def c38():
    """1-12月 with no year in the title, 填报日期 in January of the next year, start month written 3月."""
    name = "c38_december_sent_january.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "淄川区1-12月市重大项目建设情况台账", 10)
    ws["A2"] = "填报单位：淄川区发展和改革局"
    ws["H2"] = "填报日期：2025年1月6日"
    rows(ws, 3, [
        ["序号", "项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "年度计划投资（万元）",
         "1-12月累计完成投资（万元）", "计划开工时间", "实际开工时间"],
        [1, "2403-370302-04-01-380001", "淄川区精细陶瓷产业园项目", "淄川区", "新开工", 24000, 8000, 8350, "3月", "4月"],
        [2, "2306-370302-04-01-380002", "淄川区罗村镇物流园项目", "淄川区", "续建", 16000, 6000, 6120.4, "2023年6月",
         "2023年7月"],
    ])
    save(wb, name)
    expect(name, "1-12月 with no year in the title; 填报日期 2025年1月6日 means 2024-12; 3月/4月 are months of the "
                 "reporting year 2024", "2024-12", [
        rec(4, "2403-370302-04-01-380001", "淄川区精细陶瓷产业园项目", "淄川区", "新开工", "24000", "8000", "8350",
            "2024-03", "2024-04"),
        rec(5, "2306-370302-04-01-380002", "淄川区罗村镇物流园项目", "淄川区", "续建", "16000", "6000", "6120.4",
            "2023-06", "2023-07"),
    ], district="淄川区")


def c39():
    """A bigger .xls: three-row header with recognised leaves, section rows, 本月 decoy, text numbers."""
    name = "c39_legacy_three_row.xls"
    wb = book()
    ws = sheet(wb, "台账", first=True)
    title(ws, "桓台县2024年1-8月市重大项目建设情况台账", 12)
    ws["A2"] = "填报单位：桓台县发展和改革局"
    ws["J2"] = "填报日期：2024年9月5日"
    rows(ws, 3, [
        ["序号", "项目代码", "项目名称", "所属区县", "责任单位", "建设性质", "投资情况", None, None, None, "开工时间", None],
        [None, None, None, None, None, None, "总投资（亿元）", "2024年（万元）", None, None, "计划开工时间",
         "实际开工时间"],
        [None, None, None, None, None, None, None, "年度计划投资", "1-8月累计完成投资", "本月完成投资"],
        ["一、产业类项目（2个）"],
        [1, "2402-370321-04-01-390001", "桓台县高分子材料产业园项目", "桓台县", "桓台县工业和信息化局", "新开工", 8.6,
         "22,000", 9310.25, 1250, "2024年2月", "2024年3月"],
        [2, "2307-370321-04-01-390002", "桓台县纸业循环经济项目", "桓台县", "桓台县工业和信息化局", "续建", "3.45",
         12000, "5,608", 700, "2023年7月", "2023年8月"],
        ["二、城市建设项目（1个）"],
        [3, "2404-370321-89-01-390003", "桓台县城区集中供热扩容工程", "桓台县", "桓台县住房和城乡建设局", "新开工", 0.96,
         4000, 1032, 310, "2024年4月", "2024年6月"],
    ])
    merge(ws, "A3:A5", "B3:B5", "C3:C5", "D3:D5", "E3:E5", "F3:F5", "G3:J3", "G4:G5", "H4:J4", "K3:L3", "K4:K5",
          "L4:L5", "A6:L6", "A9:L9")
    save(wb, name, via="xls")
    expect(name, ".xls with a three-row header (投资情况 > 总投资（亿元） / 2024年（万元） > 年度计划投资, 1-8月累计完成投资, "
                 "本月完成投资), sections, amounts as text", "2024-08", [
        rec(7, "2402-370321-04-01-390001", "桓台县高分子材料产业园项目", "桓台县", "新开工", "86000", "22000",
            "9310.25", "2024-02", "2024-03", unit="桓台县工业和信息化局"),
        rec(8, "2307-370321-04-01-390002", "桓台县纸业循环经济项目", "桓台县", "续建", "34500", "12000", "5608",
            "2023-07", "2023-08", unit="桓台县工业和信息化局"),
        rec(10, "2404-370321-89-01-390003", "桓台县城区集中供热扩容工程", "桓台县", "新开工", "9600", "4000", "1032",
            "2024-04", "2024-06", unit="桓台县住房和城乡建设局"),
    ], fmt="xls", district="桓台县")


def c40():
    """GBK CSV with LF endings, no trailing commas, district only in 填报单位, quoted comma in 存在问题."""
    name = "c40_gbk_lf_fill_line.csv"
    lines = [
        "2024年1-8月市重大项目建设情况表",
        "填报单位：淄博经济开发区经济发展局,,,,,填报日期：2024年9月5日",
        "项目代码（备案证号）,项目名称,建设性质,总投资（万元）,年度计划投资（万元）,1-8月累计完成投资（万元）,计划开工时间,实际开工时间,存在问题",
        '2403-370306-04-01-400001,经开区年产5万吨新能源材料项目,新开工,36000,12000,4630,2024年3月,2024年4月,"资金,土地指标待落实"',
        "2308-370306-04-01-400002,经开区医疗器械产业园二期项目,续建,21000,7000,3305.6,2023年8月,2023年9月,无",
    ]
    write_text(name, "\n".join(lines) + "\n", "gbk")
    expect(name, "GBK CSV with LF endings and ragged rows; district only in 填报单位：淄博经济开发区经济发展局; "
                 "a quoted comma in 存在问题", "2024-08", [
        rec(4, "2403-370306-04-01-400001", "经开区年产5万吨新能源材料项目", "经济开发区", "新开工", "36000", "12000",
            "4630", "2024-03", "2024-04"),
        rec(5, "2308-370306-04-01-400002", "经开区医疗器械产业园二期项目", "经济开发区", "续建", "21000", "7000",
            "3305.6", "2023-08", "2023-09"),
    ], fmt="csv", district="经济开发区")


# ---- clerk habits past the letter of DOMAIN.md, or known failures ----

def x07():
    """Two-row header: 投资情况（万元） over 总投资 / 年度计划 / 1-8月累计完成 (no 投资 at the end)."""
    name = "x07_short_leaf_headers.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "周村区2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [
        ["序号", "项目代码", "项目名称", "所属区县", "建设性质", "投资情况（万元）", None, None, "计划开工时间", "实际开工时间"],
        [None, None, None, None, None, "总投资", "年度计划", "1-8月累计完成"],
        [1, "2403-370306-04-01-470001", "周村区纺织新材料项目", "周村区", "新开工", 12000, 4000, 1320, "2024年3月",
         "2024年4月"],
    ])
    merge(ws, "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:H2", "I2:I3", "J2:J3")
    save(wb, name)
    expect(name, "group 投资情况（万元） over 总投资 / 年度计划 / 1-8月累计完成 (leaves without 投资)", "2024-08", [
        rec(4, "2403-370306-04-01-470001", "周村区纺织新材料项目", "周村区", "新开工", "12000", "4000", "1320",
            "2024-03", "2024-04"),
    ], district="周村区")


def x08():
    """Table starting in column B, title in B1."""
    name = "x08_table_from_column_b.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    ws["B1"] = "沂源县2024年1-8月市重大项目建设情况台账"
    data = [[None] + r for r in [
        H10,
        [1, "2403-370323-04-01-480001", "沂源县桃产业深加工项目", "沂源县", "新开工", 6000, 2000, 760, "2024年3月",
         "2024年3月"],
    ]]
    rows(ws, 2, data)
    save(wb, name)
    expect(name, "everything shifted one column right (column A empty)", "2024-08", [
        rec(3, "2403-370323-04-01-480001", "沂源县桃产业深加工项目", "沂源县", "新开工", "6000", "2000", "760",
            "2024-03", "2024-03"),
    ], district="沂源县")


def x09():
    """Units in their own header row under the names: 亿元 / 万元."""
    name = "x09_unit_row.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "高新区2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [
        ["序号", "项目代码", "项目名称", "所属区县", "建设性质", "总投资", "年度计划投资", "1-8月累计完成投资", "计划开工时间",
         "实际开工时间"],
        [None, None, None, None, None, "亿元", "万元", "万元"],
        [1, "2403-370303-04-01-490001", "高新区集成电路封测项目", "高新区", "新开工", 15.5, 40000, 12860, "2024年3月",
         "2024年3月"],
    ])
    merge(ws, "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "I2:I3", "J2:J3")
    save(wb, name)
    expect(name, "units in a header row of their own under the column names: 亿元 / 万元 / 万元", "2024-08", [
        rec(4, "2403-370303-04-01-490001", "高新区集成电路封测项目", "高新区", "新开工", "155000", "40000", "12860",
            "2024-03", "2024-03"),
    ], district="高新区")


def x10():
    """1-8月份 in the title and header; 截止8月底 misspelling in a second ledger is x11."""
    name = "x10_month_fen.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "淄川区2024年1-8月份市重大项目建设情况台账", 10)
    h = list(H10)
    h[7] = "1-8月份累计完成投资（万元）"
    rows(ws, 2, [h, [1, "2403-370302-04-01-500001", "淄川区新型耐材项目", "淄川区", "新开工", 8000, 3000, 910, "2024年3月",
                     "2024年3月"]])
    save(wb, name)
    expect(name, "1-8月份 (with 份) in the title and the header", "2024-08", [
        rec(3, "2403-370302-04-01-500001", "淄川区新型耐材项目", "淄川区", "新开工", "8000", "3000", "910",
            "2024-03", "2024-03"),
    ], district="淄川区")


def x11():
    """截止8月底累计完成投资 (截止 for 截至), year in the title."""
    name = "x11_jiezhi_misspelt.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "桓台县2024年市重大项目建设情况台账", 10)
    h = list(H10)
    h[7] = "截止8月底累计完成投资（万元）"
    rows(ws, 2, [h, [1, "2403-370321-04-01-510001", "桓台县生物基材料项目", "桓台县", "新开工", 9000, 3000, 1010,
                     "2024年3月", "2024年3月"]])
    save(wb, name)
    expect(name, "截止8月底 (the common misspelling of 截至) in the header", "2024-08", [
        rec(3, "2403-370321-04-01-510001", "桓台县生物基材料项目", "桓台县", "新开工", "9000", "3000", "1010",
            "2024-03", "2024-03"),
    ], district="桓台县")


def x12():
    """Amounts with grouping in full-width commas and with an NBSP thousands separator."""
    name = "x12_fullwidth_grouping.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "博山区2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [H10,
                 [1, "2403-370304-04-01-520001", "博山区新能源电机项目", "博山区", "新开工", "１２，３４５．６", "５，０００",
                  "12" + NBSP + "345", "2024年3月", "2024年3月"]])
    save(wb, name)
    expect(name, "１２，３４５．６ (full-width digits and comma), ５，０００, and 12 345 with an NBSP separator",
           "2024-08", [
        rec(3, "2403-370304-04-01-520001", "博山区新能源电机项目", "博山区", "新开工", "12345.6", "5000", "12345",
            "2024-03", "2024-03"),
    ], district="博山区")


def x13():
    """Dates 2024.03.15 and 2024年3月份 as text."""
    name = "x13_dates_dotted_day_fen.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "高青县2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [H10,
                 [1, "2403-370322-04-01-530001", "高青县智能农机项目", "高青县", "新开工", 7000, 2500, 640, "2024.03.15",
                  "2024年4月份"]])
    save(wb, name)
    expect(name, "start dates 2024.03.15 and 2024年4月份", "2024-08", [
        rec(3, "2403-370322-04-01-530001", "高青县智能农机项目", "高青县", "新开工", "7000", "2500", "640",
            "2024-03", "2024-04"),
    ], district="高青县")


def x14():
    """1-8月完成投资 and a separate 其中：8月完成投资 column, single-row header."""
    name = "x14_of_which_separate.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "张店区2024年1-8月市重大项目建设情况台账", 11)
    rows(ws, 2, [
        ["序号", "项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "年度计划投资（万元）",
         "1-8月完成投资（万元）", "其中：8月完成投资（万元）", "计划开工时间", "实际开工时间"],
        [1, "2403-370303-04-01-540001", "张店区储能电池项目", "张店区", "新开工", 25000, 8000, 3320, 615, "2024年3月",
         "2024年3月"],
    ])
    save(wb, name)
    expect(name, "1-8月完成投资 beside 其中：8月完成投资 (both say 8月完成)", "2024-08", [
        rec(3, "2403-370303-04-01-540001", "张店区储能电池项目", "张店区", "新开工", "25000", "8000", "3320",
            "2024-03", "2024-03"),
    ], district="张店区")


def x15():
    """Amount cells with the unit written in: 5000万元, 1.2亿元."""
    name = "x15_amount_with_unit_text.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "文昌湖区2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [H10,
                 [1, "2403-370306-04-01-550001", "文昌湖房车营地项目", "文昌湖区", "新开工", "1.2亿元", "5000万元", "860万",
                  "2024年3月", "2024年3月"]])
    save(wb, name)
    expect(name, "a cell in a 万元 column that states its own unit: 1.2亿元, 5000万元, 860万", "2024-08", [
        rec(3, "2403-370306-04-01-550001", "文昌湖房车营地项目", "文昌湖区", "新开工", "12000", "5000", "860",
            "2024-03", "2024-03"),
    ], district="文昌湖区")


PENDING = []

ALL = [c33, c34, c35, c36, c37, c38, c39, c40, x07, x08, x09, x10, x11, x12, x13, x14, x15]


def x16():
    """Common header synonyms outside DOMAIN's list: 计划开工日期/实际开工日期, 年度投资计划, 总投资额,
    1-8月实际完成投资: each is read as its field."""
    name = "x16_header_synonyms.xlsx"
    wb = book()
    ws = sheet(wb, "Sheet1", first=True)
    title(ws, "张店区2024年1-8月市重大项目建设情况台账", 10)
    rows(ws, 2, [
        ["序号", "项目代码", "项目名称", "所属区县", "建设性质", "总投资额（万元）", "年度投资计划（万元）",
         "1-8月实际完成投资（万元）", "计划开工日期", "实际开工日期"],
        [1, "2403-370303-04-01-560001", "张店区氢燃料电池项目", "张店区", "新开工", 25000, 8000, 3320, "2024年3月",
         "2024年4月"],
    ])
    save(wb, name)
    expect(name, "header synonyms 总投资额, 年度投资计划, 1-8月实际完成投资, 计划开工日期, 实际开工日期", "2024-08", [
        rec(3, "2403-370303-04-01-560001", "张店区氢燃料电池项目", "张店区", "新开工", "25000", "8000", "3320",
            "2024-03", "2024-04"),
    ], district="张店区")


ALL.append(x16)
