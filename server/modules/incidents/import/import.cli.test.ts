import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { tempDir } from '../../../../test/helpers/database.ts';
import { runTiphub } from '../../../../test/helpers/cli.ts';
import { sampleCsv, sampleRow } from './htcds-sample.ts';

// `tiphub import incidents` on an embedded database of its own: exit codes, output, effect.
let dir: string;
const tiphub = (...args: string[]) => runTiphub(args, { DATA_DIR: path.join(dir, 'data'), DEMO: 'false', LOG_LEVEL: 'silent' });

before(() => {
  dir = tempDir('tiphub-incident-import-cli-');
  const rows = [1, 2, 3].map((i) => sampleRow(i, 'KEN', { rep_State: '' }));
  fs.writeFileSync(path.join(dir, 'good.csv'), sampleCsv(rows));
  fs.writeFileSync(path.join(dir, 'bad.csv'), sampleCsv([rows[0]!, { ...rows[1]!, prs_Citizenship: 'ZZZ', prs_FamilyName: 'Secret-Name' }]));
});

test('--dry-run checks and saves nothing; the import then saves; a re-import changes nothing', async () => {
  const good = path.join(dir, 'good.csv');
  const dry = await tiphub('import', 'incidents', good, '--format', 'htcds', '--reporter', 'KEN', '--dry-run');
  assert.equal(dry.code, 0, dry.all);
  assert.match(dry.out, /Dry run, nothing saved: 3 rows: 3 new, 0 new versions, 0 unchanged/);
  assert.match(dry.out, /detected victims\t2011\t1\t1/);

  const real = await tiphub('import', 'incidents', good, '--format', 'htcds', '--reporter', 'KEN');
  assert.equal(real.code, 0, real.all);
  assert.match(real.out, /Imported: 3 rows: 3 new/, 'the dry run saved nothing');
  const again = await tiphub('import', 'incidents', good, '--format', 'htcds', '--reporter', 'KEN');
  assert.match(again.out, /Imported: 3 rows: 0 new, 0 new versions, 3 unchanged/);
});

test('a bad file exits 1 with line, column, value and reason, and never prints an identifier', async () => {
  const bad = await tiphub('import', 'incidents', path.join(dir, 'bad.csv'), '--format', 'htcds', '--reporter', 'KEN');
  assert.equal(bad.code, 1, bad.all);
  assert.match(bad.err, /line 3, column prs_Citizenship, value "ZZZ": not an ISO 3166-1 alpha-3 code of a country/);
  assert.match(bad.out, /Nothing saved/);
  assert.ok(!bad.all.includes('Secret-Name'));
  const noReporter = await tiphub('import', 'incidents', path.join(dir, 'good.csv'), '--format', 'htcds');
  assert.equal(noReporter.code, 1);
  assert.match(noReporter.err, /--reporter/);
});

test('usage errors exit 2', async () => {
  assert.equal((await tiphub('import', 'incidents', 'x.csv')).code, 2);
  assert.equal((await tiphub('import', 'incidents', 'x.csv', '--format', 'nope')).code, 2);
  assert.equal((await tiphub('import', 'incidents', 'x.csv', '--format', 'htcds', '--reporter', 'KENYA')).code, 2);
});
