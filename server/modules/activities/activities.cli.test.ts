// `tiphub export activities` and `tiphub import activities` on an embedded database.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../../test/helpers/database.ts';
import { runTiphub } from '../../../test/helpers/cli.ts';

async function tiphub(args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  const r = await runTiphub(args, { DATA_DIR: dataDir });
  return { code: r.code, out: r.all };
}

test('export the demo activities as IATI, then a dry-run import of that file finds nothing to change', async () => {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, 'activities.xml');
  assert.equal((await tiphub(['demo', 'seed'], dataDir)).code, 0);

  const exported = await tiphub(['export', 'activities', '--format', 'iati', '--out', file], dataDir);
  assert.equal(exported.code, 0, exported.out);
  const xml = fs.readFileSync(file, 'utf8');
  assert.match(xml, /<iati-activities version="2\.03"/);
  const count = xml.match(/<iati-activity /g)?.length ?? 0;
  assert.ok(count > 40, `${count} published demo activities`);

  const dry = await tiphub(['import', 'activities', file, '--dry-run'], dataDir);
  assert.equal(dry.code, 0, dry.out);
  assert.match(dry.out, new RegExp(`Dry run, nothing saved: 0 created, 0 updated, ${count} unchanged, 0 rejected\\.`));

  // The same activities as an HXL table: detected as CSV, nothing to change either.
  const csv = path.join(dir, 'activities.csv');
  assert.equal((await tiphub(['export', 'activities', '--format', 'hxl', '--out', csv], dataDir)).code, 0);
  assert.match(fs.readFileSync(csv, 'utf8'), /^\ufeff[^\n]*\r\n#activity\+code,/);
  const dryHxl = await tiphub(['import', 'activities', csv, '--dry-run'], dataDir);
  assert.equal(dryHxl.code, 0, dryHxl.out);
  assert.match(dryHxl.out, /HXL CSV/);
  assert.match(dryHxl.out, new RegExp(`Dry run, nothing saved: 0 created, 0 updated, ${count} unchanged, 0 rejected\\.`));

  const xlsx = path.join(dir, 'activities.xlsx');
  assert.equal((await tiphub(['export', 'activities', '--format', 'xlsx', '--out', xlsx], dataDir)).code, 0);
  assert.equal(fs.readFileSync(xlsx).subarray(0, 2).toString(), 'PK', 'a zip container');
  assert.equal((await tiphub(['export', 'activities', '--format', 'xlsx'], dataDir)).code, 2, 'a workbook needs --out');

  const bad = await tiphub(['export', 'activities', '--format', 'pdf'], dataDir);
  assert.equal(bad.code, 2);
  assert.equal((await tiphub(['import', 'activities'], dataDir)).code, 2);
  const broken = path.join(dir, 'broken.xml');
  fs.writeFileSync(broken, '<iati-activities version="2.03"><iati-activity>');
  const refused = await tiphub(['import', 'activities', broken], dataDir);
  assert.equal(refused.code, 1, refused.out);
  assert.match(refused.out, /CRITICAL line \d+/);
});
