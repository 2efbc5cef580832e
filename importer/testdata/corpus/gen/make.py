#!/usr/bin/python3
"""Regenerate the corpus: /usr/bin/python3 make.py [case ...]

Needs python3-openpyxl and LibreOffice (soffice) on PATH. The expected
figures of each ledger (NAME.expected.json) are written from the projects
the case describes, never from what the importer reads.
"""
import sys

import cases_a
import cases_b
import cases_c
import cases_d
import cases_e
import lib

ALL = cases_a.ALLCASES + cases_b.ALLCASES + cases_c.ALLCASES + cases_d.ALLCASES + cases_e.ALLCASES

if __name__ == "__main__":
    want = set(sys.argv[1:])
    for fn in ALL:
        if not want or fn.__name__ in want:
            fn()
    lib.flush()
