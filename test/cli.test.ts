// The operator's commands on an embedded database: migrate, db status, demo seed/remove.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from './helpers/database.ts';

const bin = path.resolve('bin/tiphub.js');

function tiphub(args: string[], dataDir: string): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: tempDir('tiphub-cwd-'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

test('migrate, db status, demo seed and demo remove', () => {
  const dataDir = path.join(tempDir(), 'data');

  const migrate = tiphub(['migrate'], dataDir);
  assert.equal(migrate.code, 0, migrate.out);
  assert.match(migrate.out, /Applied: 2026-11-29-0001-foundation/);
  assert.match(tiphub(['migrate'], dataDir).out, /Database is up to date/);

  const status = tiphub(['db', 'status'], dataDir);
  assert.equal(status.code, 0, status.out);
  assert.match(status.out, /embedded PGlite/);
  assert.doesNotMatch(status.out, /PENDING/);
  assert.match(status.out, /Demo data:\s+not loaded/);

  const seed = tiphub(['demo', 'seed', '--seed', '42'], dataDir);
  assert.equal(seed.code, 0, seed.out);
  assert.match(tiphub(['db', 'status'], dataDir).out, /Demo data:\s+loaded \(seed 42/);

  const remove = tiphub(['demo', 'remove'], dataDir);
  assert.equal(remove.code, 0, remove.out);
  assert.match(remove.out, /Removed \d+ demonstration records/);
  assert.match(tiphub(['db', 'status'], dataDir).out, /Demo data:\s+not loaded/);

  const wrong = tiphub(['demo', 'seed', '--seed', 'many'], dataDir);
  assert.equal(wrong.code, 2);
  assert.match(wrong.out, /--seed must be a whole number/);
  assert.equal(tiphub(['frobnicate'], dataDir).code, 2);
});
