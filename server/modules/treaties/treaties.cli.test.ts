import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { tempDir } from '../../../test/helpers/database.ts';
import { runTiphub } from '../../../test/helpers/cli.ts';

// The CLI runs on an embedded database in a directory of its own: exit codes, output, effect.
let dir: string;

const tiphub = (...args: string[]) => runTiphub(args, { DATA_DIR: path.join(dir, 'data'), DEMO: 'false', LOG_LEVEL: 'silent' });

before(() => {
  dir = tempDir('tiphub-treaties-cli-');
  fs.writeFileSync(path.join(dir, 'bad.csv'), 'country_iso3,instrument,action,date,notes\nKEN,UNTOC,accession,2004-06-16,\nKEN,UNTOC,signature,20001212,\n');
  fs.writeFileSync(path.join(dir, 'good.csv'), 'country_iso3,instrument,action,date,notes\nKEN,UNTOC,accession,2004-06-16,\nKEN,UNTOC-TIP,accession,2005-01-05,\n');
});

test('import treaties: a bad file exits 1 listing line, column, value and reason; a good one imports; export prints CSV', async () => {
  const bad = await tiphub('import', 'treaties', path.join(dir, 'bad.csv'));
  assert.equal(bad.code, 1, bad.err);
  assert.match(bad.err, /line 3, column date, value "20001212": not a date as YYYY-MM-DD/);

  const good = await tiphub('import', 'treaties', path.join(dir, 'good.csv'));
  assert.equal(good.code, 0, good.err);
  assert.match(good.out, /2 rows: 2 new, 0 updated, 0 unchanged/);

  const out = path.join(dir, 'out.csv');
  const exported = await tiphub('export', 'treaties', '--out', out);
  assert.equal(exported.code, 0, exported.err);
  assert.equal(fs.readFileSync(out, 'utf8'), 'country_iso3,instrument,action,date,notes,demo\nKEN,UNTOC,accession,2004-06-16,,false\nKEN,UNTOC-TIP,accession,2005-01-05,,false\n');
});

test('usage errors exit 2', async () => {
  assert.equal((await tiphub('import', 'treaties')).code, 2);
  assert.equal((await tiphub('import', 'unknown-kind', 'x.csv')).code, 2);
});
