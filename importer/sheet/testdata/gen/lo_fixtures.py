#!/usr/bin/python3
"""Writes the differential fixtures of importer/sheet with LibreOffice.

One content, built cell by cell through LibreOffice's UNO API, saved as
.xlsx and as "MS Excel 97" .xls, once in each date system; then the 1900
book again as an .xls protected with Excel's default password
"VelvetSweatshop" and with a real password. The tests read the .xls and
the .xlsx of one content and require the same cells (differential_test.go).

Needs LibreOffice (libreoffice-calc-nogui) and its Python bridge
(python3-uno); run with the system Python from importer/sheet/testdata:

    /usr/bin/python3 gen/lo_fixtures.py

LibreOffice 7.4 no longer writes Excel 95 (BIFF5): gen/gnumeric.sh makes
those from the .xlsx.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.awt import Rectangle
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellRangeAddress
from com.sun.star.util import Date


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


# Amounts: negative, fractional, large, RK-sized integers and hundredths,
# past the 30-bit RK range, tiny.
AMOUNTS = [-1185877.33, 0.1, 123456789012.34, 1e15, -0.005, 12345, -12345, 12.34,
           536870912, -536870913, 3.14159265358979, 1e-7, 0, 999999999.99, 52000, 9650.5]

LATIN1 = "Café Müller naïve façade Ñandú ½ © ÀÉÎÕÜ ß"


def long_texts():
    """Distinct Chinese texts of 20-60 characters, so that the shared
    strings run over many CONTINUE records and some strings are split."""
    words = "淄博市张店区淄川区博山区周村区临淄区桓台县高青县沂源县新材料智能装备制造产业园项目一期二期工程建设年产万吨"
    out = []
    for i in range(240):
        n = 20 + (i * 7) % 41
        out.append("".join(words[(i * 13 + k * 5) % len(words)] for k in range(n)) + str(i))
    return out


class Book:
    def __init__(self, desktop, date1904):
        self.doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (pv("Hidden", True),))
        if date1904:
            d = Date()
            d.Year, d.Month, d.Day = 1904, 1, 1
            self.doc.NullDate = d
        self.date1904 = date1904
        self.formats = self.doc.NumberFormats
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale")

    def fmt(self, code):
        key = self.formats.queryKey(code, self.locale, False)
        if key == -1:
            key = self.formats.addNew(code, self.locale)
        return key

    def sheet(self, index, name):
        sheets = self.doc.Sheets
        if index >= sheets.Count:
            sheets.insertNewByName(name, index)
        s = sheets.getByIndex(index)
        s.Name = name
        return s


def fill_ledger(b, s):
    """The main sheet: every kind of cell, merges, hidden rows and columns."""
    c = s.getCellByPosition
    c(0, 0).setString("2024年重大项目台账（差异测试）")
    s.getCellRangeByName("A1:F1").merge(True)
    for i, h in enumerate(["项目代码", "项目名称", "总投资（万元）", "隐藏列", "开工日期", "备注", "是否开工", "比例"]):
        c(i, 1).setString(h)
    for i, v in enumerate(AMOUNTS):
        c(2, 2 + i).setValue(v)
        c(0, 2 + i).setString("2403-370303-04-01-%06d" % (i + 1))
        c(1, 2 + i).setString("项目%d" % (i + 1))
        c(3, 2 + i).setValue(i * 1.5)
    # Dates as the book's own serials: the same days in either date system.
    base = datetime.datetime(1904, 1, 1) if b.date1904 else datetime.datetime(1899, 12, 30)
    dates = [(datetime.datetime(2024, 3, 15), "YYYY-MM-DD"), (datetime.datetime(1999, 12, 31), "YYYY\"年\"M\"月\"D\"日\""),
             (datetime.datetime(2024, 2, 29, 12, 30), "YYYY-MM-DD HH:MM"), (None, "HH:MM"),
             (datetime.datetime(1904, 3, 1), "YYYY-MM-DD"), (datetime.datetime(2024, 10, 1), "YYYY-MM")]
    for i, (day, code) in enumerate(dates):
        cell = c(4, 2 + i)
        cell.setValue(0.5 if day is None else (day - base).total_seconds() / 86400)
        cell.NumberFormat = b.fmt(code)
    boolean = b.fmt("BOOLEAN")
    for i, v in enumerate([1, 0]):
        cell = c(6, 2 + i)
        cell.setValue(v)
        cell.NumberFormat = boolean
    c(7, 2).setValue(0.25)
    c(7, 2).NumberFormat = b.fmt("0.00%")
    texts = [LATIN1, "00123", "2024-03", "第一行\n第二行", "𠀀𡈽 CJK扩展B", "  前后空格  ", "<b>&amp;</b>"]
    for i, t in enumerate(texts):
        c(5, 2 + i).setString(t)
    formulas = ["=SUM(C3:C8)", "=C3*2", "=CONCATENATE(\"甲\";\"乙\")", "=IF(1>0;\"\";\"x\")", "=1/0", "=NA()",
                "=SQRT(-1)", "=1E308*10", "=TRUE()", "=1>2", "=\"长\"&REPT(\"字\";5000)", "=C4+C5", "=ROUND(C3;0)"]
    for i, f in enumerate(formulas):
        c(8, 2 + i).setFormula(f)
    cell = c(8, 2 + len(formulas))
    cell.setFormula("=DATE(2024;3;15)")
    cell.NumberFormat = b.fmt("YYYY-MM-DD")
    c(0, 20).setString("区县合并")
    s.getCellRangeByName("A21:A23").merge(True)
    c(1, 21).setString("合并内")
    s.Columns.getByIndex(3).IsVisible = False
    s.Columns.getByIndex(9).IsVisible = False
    c(9, 2).setString("J列隐藏")
    s.Rows.getByIndex(4).IsVisible = False


def fill_long(s):
    """Long texts: hundreds of distinct shared strings, one of 6,000
    Chinese characters and one of 9,000 Latin-1 characters."""
    for i, t in enumerate(long_texts()):
        s.getCellByPosition(i % 2, i // 2).setString(t)
    s.getCellByPosition(2, 0).setString("长" * 6000)
    s.getCellByPosition(3, 0).setString(("Ñandú é " * 1200)[:9000])


def fill_chart(s):
    """Data and a chart embedded in the sheet: the .xls holds the chart as a
    substream inside the worksheet's."""
    for i in range(6):
        s.getCellByPosition(0, i).setString("第%d月" % (i + 1))
        s.getCellByPosition(1, i).setValue((i + 1) * 100.5)
    r = CellRangeAddress()
    r.Sheet, r.StartColumn, r.StartRow, r.EndColumn, r.EndRow = 2, 0, 0, 1, 5
    rect = Rectangle()
    rect.X, rect.Y, rect.Width, rect.Height = 5000, 500, 10000, 7000
    s.Charts.addNewByName("投资图", rect, (r,), False, False)


def build(desktop, date1904):
    b = Book(desktop, date1904)
    fill_ledger(b, b.sheet(0, "台账"))
    hidden = b.sheet(1, "隐藏表")
    hidden.getCellByPosition(0, 0).setString("隐藏工作表的数据")
    hidden.getCellByPosition(1, 1).setValue(42)
    fill_chart(b.sheet(2, "图表"))
    fill_long(b.sheet(3, "长文本"))
    b.sheet(4, "空表")
    hidden.IsVisible = False
    b.doc.calculateAll()
    return b.doc


def save(doc, path, filt, password=None):
    props = [pv("FilterName", filt)]
    if password:
        props.append(pv("Password", password))
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), tuple(props))


def main():
    profile = tempfile.mkdtemp(prefix="lo-fixtures-")
    pipe = "lo_fixtures_%d" % os.getpid()
    proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                             "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                             "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = uno.getComponentContext()
        resolver = ctx.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", ctx)
        for _ in range(120):
            try:
                rctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("LibreOffice did not start")
        desktop = rctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", rctx)
        for date1904, stem in [(False, "diff_1900"), (True, "diff_1904")]:
            doc = build(desktop, date1904)
            save(doc, stem + ".xlsx", "Calc MS Excel 2007 XML")
            save(doc, stem + ".xls", "MS Excel 97")
            if not date1904:
                # Excel encrypts a structure-protected workbook with this
                # password and opens it without asking; LibreOffice writes
                # the same RC4 encryption when told the password.
                save(doc, "velvet.xls", "MS Excel 97", "VelvetSweatshop")
                save(doc, "password.xls", "MS Excel 97", "secret-2024")
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
