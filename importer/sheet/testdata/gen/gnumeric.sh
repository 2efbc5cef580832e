#!/bin/sh
# Writes the fixtures made by Gnumeric (Debian: gnumeric) from the .xlsx
# files of lo_fixtures.py: another program's BIFF8, and Excel 95 (BIFF5)
# files, which LibreOffice 7.4 no longer writes. A BIFF5 file holds its
# text in one codepage, taken from the locale: zh_CN.UTF-8 gives GBK
# (CODEPAGE 936), the C locale Windows-1252. Run from importer/sheet/testdata.
set -e
loc=$(mktemp -d)
trap 'rm -rf "$loc"' EXIT
localedef -i zh_CN -f UTF-8 "$loc/zh_CN.UTF-8"
zh() { LOCPATH=$loc LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 ssconvert "$@" >/dev/null 2>&1; }
zh -T Gnumeric_Excel:excel_biff8 diff_1900.xlsx diff_1900_gnumeric.xls
zh -T Gnumeric_Excel:excel_biff7 diff_1900.xlsx diff_1900_95.xls
zh -T Gnumeric_Excel:excel_biff7 diff_1904.xlsx diff_1904_95.xls
LANG=C LC_ALL=C ssconvert -T Gnumeric_Excel:excel_biff7 diff_1900.xlsx diff_1900_95_1252.xls >/dev/null 2>&1
