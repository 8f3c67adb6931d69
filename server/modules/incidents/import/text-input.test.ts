import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { tempDir } from '../../../../test/helpers/database.ts';
import { detectEncoding, maxRowChars, readDelimitedRows, readTableRows, TextInputError, type TableRow } from './text-input.ts';

const dir = tempDir('text-input-');
let n = 0;
function file(content: Buffer | string, ext = 'csv'): string {
  const p = path.join(dir, `f${n++}.${ext}`);
  writeFileSync(p, content);
  return p;
}
async function rows(p: string, name = p): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const row of readTableRows(p, name)) out.push(row);
  return out;
}
const csv = 'id;name;city\n1;José;Zürich\n2;"Ann; ""Bee""";São Paulo\n';
const expected = [
  { line: 1, cells: ['id', 'name', 'city'] },
  { line: 2, cells: ['1', 'José', 'Zürich'] },
  { line: 3, cells: ['2', 'Ann; "Bee"', 'São Paulo'] },
];

test('UTF-8 with and without BOM, semicolon sniffed, quotes and escaped quotes', async () => {
  assert.deepEqual(await rows(file(csv)), expected);
  assert.deepEqual(await rows(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]))), expected);
});

test('UTF-16 LE and BE, with and without BOM', async () => {
  const le = iconv.encode(csv, 'utf16le');
  const be = iconv.encode(csv, 'utf16be');
  assert.equal(detectEncoding(le).encoding, 'utf-16le');
  assert.equal(detectEncoding(be).encoding, 'utf-16be');
  assert.deepEqual(await rows(file(le)), expected);
  assert.deepEqual(await rows(file(be)), expected);
  assert.deepEqual(await rows(file(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))), expected);
  assert.deepEqual(await rows(file(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))), expected);
});

test('Latin-1 / Windows-1252 when the bytes are not UTF-8: accents survive', async () => {
  const latin = iconv.encode(csv, 'latin1');
  assert.equal(detectEncoding(latin).encoding, 'windows-1252');
  assert.deepEqual(await rows(file(latin)), expected);
});

test('random bytes are refused as binary with a reason', async () => {
  const garbage = randomBytes(20_000);
  await assert.rejects(rows(file(garbage)), (error: unknown) => error instanceof TextInputError && /binary/.test(error.message));
  await assert.rejects(rows(file(Buffer.from('a,b\n1,\u0000\u0001\u0002\n'))), TextInputError);
});

test('an empty file and a fake XLSX are refused with a reason', async () => {
  await assert.rejects(rows(file('')), /empty/);
  await assert.rejects(rows(file('not a zip', 'xlsx')), /not an XLSX/);
});

test('physical line numbers: quoted line breaks, CRLF, blank lines, tab delimiter', async () => {
  const text = 'a\tb\r\n"multi\r\nline"\tx\r\n\r\nlast\ty';
  assert.deepEqual(await rows(file(text)), [
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['multi\r\nline', 'x'] },
    { line: 5, cells: ['last', 'y'] },
  ]);
});

test('rows are read across chunk boundaries with bounded memory (one row at a time)', async () => {
  // ~3 MB: many 256 KiB chunks; every row must come back whole, in order, with its line.
  const lines = ['id,note'];
  for (let i = 1; i <= 60_000; i++) lines.push(`${i},"quoted ""${i}"", with comma"`);
  const p = file(lines.join('\n'));
  let count = 0;
  for await (const row of readDelimitedRows(p)) {
    count++;
    if (row.line > 1) assert.deepEqual(row.cells, [String(row.line - 1), `quoted "${row.line - 1}", with comma`]);
  }
  assert.equal(count, 60_001);
});

test('a line longer than the row limit is refused rather than held in memory', async () => {
  await assert.rejects(rows(file('x'.repeat(maxRowChars + 10))), /longer than/);
});

test('XLSX: the first sheet, dates as YYYY-MM-DD, numbers as text, with sheet row numbers', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['id', 'date', 'count']);
  sheet.addRow(['A-1', new Date(Date.UTC(2024, 2, 5)), 3]);
  sheet.addRow([]);
  sheet.addRow(['A-2', '2023-01-01', 4.5]);
  const p = path.join(dir, 'book.xlsx');
  await workbook.xlsx.writeFile(p);
  assert.deepEqual(await rows(p), [
    { line: 1, cells: ['id', 'date', 'count'] },
    { line: 2, cells: ['A-1', '2024-03-05', '3'] },
    { line: 4, cells: ['A-2', '2023-01-01', '4.5'] },
  ]);
});
