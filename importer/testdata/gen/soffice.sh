#!/bin/sh
# Writes the fixtures made by LibreOffice (Debian: libreoffice-calc-nogui).
# Run from importer/testdata after go run ./gen/main.go.
set -e
tmp=$(mktemp -d)
# An .xlsx saved by LibreOffice from a UTF-8 CSV.
cat > "$tmp/lo_from_csv.csv" <<'CSV'
2024年1-6月博山区重大项目台账,,,,
项目代码,项目名称,年度计划投资,1-6月累计完成投资,实际开工时间
2403-370304-04-01-000555,博山区智能装备制造项目,9000,7000.5,2024-05
2403-370304-04-01-000556,博山区陶瓷文化产业园,5000,800,
CSV
soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$tmp" "$tmp/lo_from_csv.csv" >/dev/null
cp "$tmp/lo_from_csv.xlsx" .
# An old binary .xls.
soffice --headless --convert-to xls --outdir "$tmp" basic.xlsx >/dev/null
cp "$tmp/basic.xls" legacy.xls
# Formulas: LibreOffice computes and stores the cached values excelize leaves out.
soffice --headless --convert-to xlsx --outdir "$tmp" formulas_src.xlsx >/dev/null
cp "$tmp/formulas_src.xlsx" formulas_lo.xlsx
rm -rf "$tmp"
