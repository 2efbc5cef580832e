"""Corpus cases written by hand (CSV and text in other encodings, a minimal
.xlsx writer as web systems export, HTML saved as .xls) or by LibreOffice's
other filters."""
import io
import zipfile
from decimal import Decimal as D
from xml.sax.saxutils import escape

from lib import book, expect, first_day, merge, num, projects, rec, rows, s, save, title, write_bytes, yi

ALL = {"district", "unit", "nature", "total", "plan", "ytd", "ps", "act"}
H = ["项目代码", "项目名称", "所属区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "1-6月累计完成投资（万元）",
     "计划开工时间", "实际开工时间"]
F = ALL - {"unit"}


def line(p, ytd=None):
    return [p.code, p.name, p.district, p.nature, s(p.total), s(p.plan), s(p.ytd if ytd is None else ytd),
            p.ps, p.act or "未开工"]


def csv_text(table, sep=",", eol="\r\n"):
    out = []
    for row in table:
        cells = []
        for v in row:
            v = "" if v is None else str(v)
            if any(ch in v for ch in (sep, '"', "\n")):
                v = '"' + v.replace('"', '""') + '"'
            cells.append(v)
        out.append(sep.join(cells))
    return eol.join(out) + eol


def b01_csv_apostrophe_units_utf8():
    """UTF-8 CSV without BOM: codes typed with a leading apostrophe, amounts with trailing 万元 / 亿元 text."""
    ps = projects(21, 6)
    t = [["2024年1-6月重大项目台账"], ["项目代码", "项目名称", "所属区县", "建设性质", "总投资", "年度计划投资", "1-6月累计完成投资", "计划开工时间", "实际开工时间"]]
    recs = []
    for i, p in enumerate(ps):
        row = line(p)
        row[0] = "'" + p.code
        row[4] = s(p.total / 10000) + "亿元"
        row[5] = s(p.plan) + "万元"
        row[6] = s(p.ytd) + "万元"
        t.append(row)
        recs.append(rec(3 + i, p, F))
    write_bytes("b01_csv_apostrophe_units.csv", csv_text(t).encode("utf-8"))
    expect("b01_csv_apostrophe_units.csv", b01_csv_apostrophe_units_utf8.__doc__, "2024-06", recs, fmt="csv")


def b02_utf16_tab():
    """Excel's Unicode text (UTF-16LE with BOM, tab separated) renamed .csv; a header with a quoted line break."""
    ps = projects(22, 6)
    hdr = list(H)
    hdr[3] = "建设\n性质"
    t = [["2024年1-6月重大项目台账"], hdr]
    recs = []
    for i, p in enumerate(ps):
        t.append(line(p))
        recs.append(rec(3 + i, p, F))
    write_bytes("b02_utf16_tab.csv", b"\xff\xfe" + csv_text(t, sep="\t").encode("utf-16-le"))
    expect("b02_utf16_tab.csv", b02_utf16_tab.__doc__, "2024-06", recs, fmt="csv")


def _xlsx(sheets, shared=None, rich=None):
    """A minimal .xlsx as web systems write it: no styles, no r attributes.
    sheets: [(name, rows)] where a cell is a str (inline string), a number,
    ('s', i) a shared string or ('str', text) a formula's cached text."""
    buf = io.BytesIO()
    z = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)
    ct = ['<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>',
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    wbrels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    wbs = []
    for i, (name, table) in enumerate(sheets, 1):
        ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % i)
        wbrels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i, i))
        wbs.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name), i, i))
        x = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for row in table:
            x.append("<row>")
            for v in row:
                if v is None:
                    x.append("<c/>")
                elif isinstance(v, tuple) and v[0] == "s":
                    x.append('<c t="s"><v>%d</v></c>' % v[1])
                elif isinstance(v, tuple) and v[0] == "str":
                    x.append('<c t="str"><f>TEXT(1,"@")</f><v>%s</v></c>' % escape(v[1]))
                elif isinstance(v, str):
                    x.append('<c t="inlineStr"><is><t>%s</t></is></c>' % escape(v))
                else:
                    x.append("<c><v>%s</v></c>" % v)
            x.append("</row>")
        x.append("</sheetData></worksheet>")
        z.writestr("xl/worksheets/sheet%d.xml" % i, "".join(x))
    if shared is not None:
        ct.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        wbrels.append('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   + "".join("<si>%s</si>" % si for si in shared) + "</sst>")
    ct.append("</Types>")
    wbrels.append("</Relationships>")
    z.writestr("[Content_Types].xml", "".join(ct))
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr("xl/_rels/workbook.xml.rels", "".join(wbrels))
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
               + "".join(wbs) + "</sheets></workbook>")
    z.close()
    return buf.getvalue()


def b03_minimal_inline_xlsx():
    """a web system's export: inline strings, cells and rows without r attributes, no styles; every figure text, 12000.00."""
    ps = projects(23, 6)
    t = [["2024年1-6月重大项目台账"], H]
    recs = []
    for i, p in enumerate(ps):
        row = line(p)
        for c in (4, 5, 6):
            row[c] = "%.2f" % D(row[c])
        t.append(row)
        recs.append(rec(3 + i, p, F))
    write_bytes("b03_minimal_inline.xlsx", _xlsx([("Sheet0", t)]))
    expect("b03_minimal_inline.xlsx", b03_minimal_inline_xlsx.__doc__, "2024-06", recs, fmt="xlsx")


def b04_rich_phonetic():
    """shared strings with rich-text runs (项目 in red + 代码) and phonetic runs (rPh) that are not text; t=str cached months."""
    ps = projects(24, 6)
    shared = ['<r><rPr><color rgb="FFFF0000"/></rPr><t>项目</t></r><r><t>代码</t></r>',
              '<t>项目名称</t><rPh sb="0" eb="2"><t>xiangmu</t></rPh>',
              '<r><t>所属</t></r><r><rPr><b/></rPr><t>区县</t></r><rPh sb="0" eb="2"><t>qu</t></rPh>']
    hdr = [("s", 0), ("s", 1), ("s", 2)] + H[3:]
    t = [["2024年1-6月重大项目台账"], hdr]
    recs = []
    for i, p in enumerate(ps):
        row = line(p)
        row[4:7] = [num(p.total), num(p.plan), num(p.ytd)]
        row[7] = ("str", p.ps)
        t.append(row)
        recs.append(rec(3 + i, p, F))
    write_bytes("b04_rich_phonetic.xlsx", _xlsx([("Sheet1", t)], shared=shared))
    expect("b04_rich_phonetic.xlsx", b04_rich_phonetic.__doc__, "2024-06", recs, fmt="xlsx")


def b05_html_as_xls():
    """a report system's 'Excel' export: an HTML table saved as .xls (Excel opens it)."""
    ps = projects(25, 5)
    h = ['<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>',
         '<table border="1"><tr><td colspan="9" align="center"><b>2024年1-6月重大项目台账</b></td></tr><tr>']
    h += ["<th>%s</th>" % escape(x) for x in H]
    h.append("</tr>")
    recs = []
    for i, p in enumerate(ps):
        h.append("<tr>" + "".join('<td style="mso-number-format:\'\\@\'">%s</td>' % escape(str(v)) for v in line(p)) + "</tr>")
        recs.append(rec(3 + i, p, F))
    h.append("</table></body></html>")
    write_bytes("b05_html_as.xls", "\n".join(h).encode("utf-8"))
    # Not read: refused with a message saying what it is and how to save it (README, Ledger layouts).
    expect("b05_html_as.xls", b05_html_as_xls.__doc__ + " Refused, saying so.", "2024-06", [], clean=False,
           error="实际是网页（HTML）格式")


def b06_tsv_gbk_as_xls():
    """an old system's 'xls' that is tab-separated text in GBK."""
    ps = projects(26, 6)
    t = [["2024年1-6月重大项目台账"], H]
    recs = []
    for i, p in enumerate(ps):
        t.append(line(p))
        recs.append(rec(3 + i, p, F))
    write_bytes("b06_tsv_gbk_as.xls", csv_text(t, sep="\t").encode("gbk"))
    expect("b06_tsv_gbk_as.xls", b06_tsv_gbk_as_xls.__doc__, "2024-06", recs)


def b07_xls_yi_group():
    """.xls by LibreOffice: a two-row header under 投资情况（亿元）, dates as cells."""
    ps = projects(27, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 9)
    rows(ws, 2, [["项目代码", "项目名称", "所属区县", "建设性质", "投资情况（亿元）", None, None, "计划开工时间", "实际开工时间"],
                 [None, None, None, None, "总投资", "年度计划", "1-6月累计完成", None, None]])
    merge(ws, "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:G2", "H2:H3", "I2:I3")
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 4 + i, [[p.code, p.name, p.district, p.nature, yi(p.total), yi(p.plan), yi(p.ytd),
                          first_day(p.ps), first_day(p.act)]])
        recs.append(rec(4 + i, p, F, blank_starts=True))
    save(wb, "b07_xls_yi_group.xls", via="xls")
    expect("b07_xls_yi_group.xls", b07_xls_yi_group.__doc__, "2024-06", recs, fmt="xls")


def b08_period_words():
    """the period as words: 2024年上半年 in the title, 累计完成投资 with no month in the header."""
    ps = projects(28, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年上半年全市重大项目建设情况", 7)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "累计完成投资（万元）"]])
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd)]])
        recs.append(rec(3 + i, p, {"district", "nature", "total", "plan", "ytd"}))
    save(wb, "b08_period_words.xlsx")
    expect("b08_period_words.xlsx", b08_period_words.__doc__, "2024-06", recs)


def b09_period_three_quarters_xls():
    """前三季度 in the title (1-9月), 本年累计完成投资 in the header; .xls by LibreOffice."""
    ps = projects(29, 6)
    wb, ws = book("Sheet1")
    title(ws, "2024年前三季度市重大项目推进情况", 7)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "本年累计完成投资（万元）"]])
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd)]])
        recs.append(rec(3 + i, p, {"district", "nature", "total", "plan", "ytd"}))
    save(wb, "b09_three_quarters.xls", via="xls")
    expect("b09_three_quarters.xls", b09_period_three_quarters_xls.__doc__, "2024-09", recs, fmt="xls")


def b10_period_in_sheet_name():
    """the month only in the sheet's name (2024.6): title with the year only, 本年累计完成投资."""
    ps = projects(30, 6)
    wb, ws = book("2024.6")
    title(ws, "2024年重大项目台账", 7)
    rows(ws, 2, [["项目代码", "项目名称", "区县", "建设性质", "总投资（万元）", "年度计划投资（万元）", "本年累计完成投资（万元）"]])
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 3 + i, [[p.code, p.name, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd)]])
        recs.append(rec(3 + i, p, {"district", "nature", "total", "plan", "ytd"}))
    save(wb, "b10_period_in_sheet_name.xlsx")
    expect("b10_period_in_sheet_name.xlsx", b10_period_in_sheet_name.__doc__, "2024-06", recs)


def b11_lo_csv_utf8_merged():
    """CSV in UTF-8 written by LibreOffice from a two-row merged header (merged cells come out empty) and 序号."""
    ps = projects(31, 6)
    wb, ws = book("Sheet1")
    rows(ws, 1, [["2024年1-8月市重大项目建设情况表"],
                 ["序号", "项目名称", "项目代码", "区县", "建设性质", "投资情况（万元）", None, None, "开工时间", None],
                 [None, None, None, None, None, "总投资", "年度计划", "1-8月累计完成", "计划", "实际"]])
    merge(ws, "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:H2", "I2:J2")
    recs = []
    for i, p in enumerate(ps):
        rows(ws, 4 + i, [[i + 1, p.name, p.code, p.district, p.nature, num(p.total), num(p.plan), num(p.ytd),
                          p.ps.replace("-", "."), (p.act or "未开工").replace("-", ".")]])
        recs.append(rec(4 + i, p, F))
    save(wb, "b11_lo_utf8_merged.csv", via="csv", csv_charset="76")
    expect("b11_lo_utf8_merged.csv", b11_lo_csv_utf8_merged.__doc__, "2024-08", recs, fmt="csv")


def b12_only_header():
    """a ledger with only its header and no project row: nothing to import must be said, not silent."""
    wb, ws = book("Sheet1")
    title(ws, "2024年1-6月重大项目台账", 9)
    rows(ws, 2, [H])
    save(wb, "b12_only_header.xlsx")
    expect("b12_only_header.xlsx", b12_only_header.__doc__, "2024-06", [], clean=False, error="表头下没有项目数据行")


ALLCASES = [b01_csv_apostrophe_units_utf8, b02_utf16_tab, b03_minimal_inline_xlsx, b04_rich_phonetic,
            b05_html_as_xls, b06_tsv_gbk_as_xls, b07_xls_yi_group, b08_period_words,
            b09_period_three_quarters_xls, b10_period_in_sheet_name, b11_lo_csv_utf8_merged, b12_only_header]
