// The Node.js peers of the import benchmark, one job per process (the
// harness times the whole process):
//   node peers.js read-sheetjs FILE | read-exceljs FILE
//   node peers.js write-sheetjs OUT N POOLS | write-exceljs OUT N POOLS
// Readers print rows= cells=; writers build row i from the pools by the
// index arithmetic every writer of the benchmark uses (peers.py row()).
'use strict';
const fs = require('fs');
const SHEET = '台账', MONEY = '#,##0.00', DATE = 'yyyy-mm-dd';
const filled = (v) => v !== null && v !== undefined && v !== '';

function readSheetjs(path) {
  const XLSX = require('xlsx');
  const rows = XLSX.utils.sheet_to_json(XLSX.readFile(path).Sheets[SHEET], { header: 1, defval: null });
  let cells = 0;
  for (const r of rows) for (const v of r) if (filled(v)) cells++;
  console.log(`rows=${rows.length} cells=${cells}`);
}

async function readExceljs(path) {
  const ExcelJS = require('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let rows = 0, cells = 0;
  for await (const sheet of book) {
    for await (const r of sheet) {
      rows++;
      for (const v of r.values) if (filled(v)) cells++;
    }
  }
  console.log(`rows=${rows} cells=${cells}`);
}

function loadPools(path) {
  const pools = {};
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const tab = line.indexOf('\t');
    (pools[line.slice(0, tab)] ||= []).push(line.slice(tab + 1));
  }
  return pools;
}

function row(p, i) {
  const total = ((i * 7919) % 2000000) / 10 + 50;
  const plan = total * (i % 7 + 2) / 10;
  const done = plan * (i % 10) / 10;
  const planned = new Date(Date.UTC(2024, 0, 1 + (i % 300)));
  const started = i % 4 ? new Date(planned.getTime() + (i % 30) * 86400000) : null;
  const pad = (x, n) => String(x).padStart(n, '0');
  return [i, `24${pad(i % 12 + 1, 2)}-370${pad(302 + i % 11, 3)}-04-01-${pad(i, 6)}`,
    p.name[i % p.name.length], p.district[i % 11], p.unit[i % p.unit.length],
    i % 3 === 0 ? '新开工' : '续建', total, plan, done, planned, started, p.progress[i % p.progress.length]];
}

function writeSheetjs(out, n, p) {
  // The community edition writes number formats, not fonts, fills or borders.
  const XLSX = require('xlsx');
  const aoa = [p.header];
  for (let i = 1; i <= n; i++) aoa.push(row(p, i));
  const ws = XLSX.utils.aoa_to_sheet(aoa, { dateNF: DATE });
  for (let r = 1; r <= n; r++) for (const c of [6, 7, 8]) ws[XLSX.utils.encode_cell({ r, c })].z = MONEY;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, SHEET);
  XLSX.writeFile(wb, out, { compression: true });
}

async function writeExceljs(out, n, p) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(SHEET);
  ws.columns = p.header.map((h, i) => ({ style: i >= 6 && i <= 8 ? { numFmt: MONEY } : i >= 9 && i <= 10 ? { numFmt: DATE } : {} }));
  const head = ws.addRow(p.header);
  const thin = { style: 'thin', color: { argb: 'FF000000' } };
  head.eachCell((c) => {
    c.style = { font: { bold: true, color: { argb: 'FFFFFFFF' } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } },
      alignment: { horizontal: 'center', wrapText: true }, border: { left: thin, right: thin, top: thin, bottom: thin } };
  });
  head.commit();
  for (let i = 1; i <= n; i++) ws.addRow(row(p, i)).commit();
  ws.commit();
  await wb.commit();
}

(async () => {
  const [mode, a, n, pools] = process.argv.slice(2);
  const jobs = {
    'read-sheetjs': () => readSheetjs(a),
    'read-exceljs': () => readExceljs(a),
    'write-sheetjs': () => writeSheetjs(a, +n, loadPools(pools)),
    'write-exceljs': () => writeExceljs(a, +n, loadPools(pools)),
  };
  if (!jobs[mode]) throw new Error('unknown mode ' + mode);
  await jobs[mode]();
})().catch((e) => { console.error(e); process.exit(1); });
