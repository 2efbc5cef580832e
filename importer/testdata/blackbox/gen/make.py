#!/usr/bin/python3
"""Regenerate the black-box ledgers: /usr/bin/python3 make.py [case ...]

Needs python3-openpyxl and LibreOffice (soffice) on PATH. Files that
LibreOffice saves carry its timestamps, so regenerating changes their bytes
but not their cells.

make.py --pending DIR writes the cases the importer fails today (PENDING)
into DIR instead; they are not committed until they pass.
"""
import sys

import cases_more
import cases_other
import cases_xlsx
import lib

ALL = cases_xlsx.ALL + cases_other.ALL + cases_more.ALL
PENDING = cases_xlsx.PENDING + cases_other.PENDING + cases_more.PENDING

if __name__ == "__main__":
    args = sys.argv[1:]
    todo = ALL
    if args[:1] == ["--pending"]:
        lib.OUT = args[1]
        todo, args = PENDING, args[2:]
    want = set(args)
    for fn in todo:
        if not want or fn.__name__ in want:
            fn()
    lib.flush()
