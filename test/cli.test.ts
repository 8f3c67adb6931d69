// The operator's commands on an embedded database: migrate, db status, demo seed/remove.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/database.ts';
import { runTiphub } from './helpers/cli.ts';

async function tiphub(args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  const r = await runTiphub(args, { DATA_DIR: dataDir });
  return { code: r.code, out: r.all };
}

test('migrate, db status, demo seed and demo remove', async () => {
  const dataDir = path.join(tempDir(), 'data');

  const migrate = await tiphub(['migrate'], dataDir);
  assert.equal(migrate.code, 0, migrate.out);
  assert.match(migrate.out, /Applied: 2026-11-29-0001-foundation/);
  assert.match((await tiphub(['migrate'], dataDir)).out, /Database is up to date/);

  const status = await tiphub(['db', 'status'], dataDir);
  assert.equal(status.code, 0, status.out);
  assert.match(status.out, /embedded PGlite/);
  assert.doesNotMatch(status.out, /PENDING/);
  assert.match(status.out, /Demo data:\s+not loaded/);

  const seed = await tiphub(['demo', 'seed', '--seed', '42'], dataDir);
  assert.equal(seed.code, 0, seed.out);
  assert.match((await tiphub(['db', 'status'], dataDir)).out, /Demo data:\s+loaded \(seed 42/);
  // The demo cases' synthetic identifiers are sealed with the installation's master key, made on first use.
  assert.ok(fs.existsSync(path.join(dataDir, 'master.key')));

  const remove = await tiphub(['demo', 'remove'], dataDir);
  assert.equal(remove.code, 0, remove.out);
  assert.match(remove.out, /Removed \d+ demonstration records/);
  assert.match((await tiphub(['db', 'status'], dataDir)).out, /Demo data:\s+not loaded/);

  const wrong = await tiphub(['demo', 'seed', '--seed', 'many'], dataDir);
  assert.equal(wrong.code, 2);
  assert.match(wrong.out, /--seed must be a whole number/);
  assert.equal((await tiphub(['frobnicate'], dataDir)).code, 2);
});
