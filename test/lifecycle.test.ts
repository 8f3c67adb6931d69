// The process as an operator runs it: `tiphub start` with good and bad configuration, and a
// SIGTERM in the middle of writing.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrationStatus } from '../server/platform/db/migrator.ts';
import { createBlankPostgresDatabase, tempDir } from './helpers/database.ts';

const bin = path.resolve('bin/tiphub.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Run {
  // Only what the test sets: the developer's own DATABASE_URL or .env must not leak in.
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: tempDir('tiphub-cwd-'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(r: Run, pattern: RegExp, ms = 120_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const m = r.output().match(pattern);
    if (m) return m;
    if (r.child.exitCode !== null) throw new Error(`process exited early:\n${r.output()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${r.output()}`);
}

test('bad configuration stops the process with every problem listed and nothing created', async () => {
  const dataDir = path.join(tempDir(), 'never');
  const r = run(['start'], { PORT: 'eighty', LOG_LEVEL: 'chatty', DATA_DIR: dataDir });
  const code = await r.exited;
  assert.notEqual(code, 0);
  assert.match(r.output(), /PORT: must be a number/);
  assert.match(r.output(), /LOG_LEVEL/);
  assert.doesNotMatch(r.output(), /\n\s+at /, 'no stack trace');
  assert.equal(fs.existsSync(dataDir), false);
});

test('an unreachable DATABASE_URL stops the process; it never falls back to the embedded database', async () => {
  const dataDir = path.join(tempDir(), 'never');
  const r = run(['start'], { DATABASE_URL: 'postgres://tiphub:s3cret@127.0.0.1:1/tiphub', DATA_DIR: dataDir });
  assert.equal(await r.exited, 1);
  assert.match(r.output(), /Cannot reach the PostgreSQL server at postgres:\/\/tiphub:\*\*\*@127\.0\.0\.1:1\/tiphub/);
  assert.match(r.output(), /does not fall back to the embedded database/);
  assert.doesNotMatch(r.output(), /s3cret/);
  assert.equal(fs.existsSync(dataDir), false);
});

test('an unwritable data directory stops the process with a clear message', async () => {
  const file = path.join(tempDir(), 'a-file');
  fs.writeFileSync(file, '');
  const r = run(['start'], { DATA_DIR: path.join(file, 'data') });
  assert.equal(await r.exited, 1);
  assert.match(r.output(), /TIP Hub cannot start:\n\s+- DATA_DIR: .* is not writable \(ENOTDIR\)/);
});

test('SIGTERM while demo data is being written leaves a data directory that opens with all committed data', async () => {
  const dataDir = path.join(tempDir(), 'data');
  const first = run(['start'], { DATA_DIR: dataDir, PORT: '0' });
  // Migrations are committed; the demo data is being written in its own transaction now.
  await waitFor(first, /migrations applied/);
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0, first.output());
  assert.match(first.output(), /SIGTERM received/);

  const database = await openDatabase({ dataDir });
  try {
    assert.ok((await migrationStatus(database.db)).every((m) => m.executedAt));
    const runs = await database.db.selectFrom('demo_runs').selectAll().execute();
    const demo = await database.db.selectFrom('organisations').select('id').where('is_demo', '=', true).execute();
    // All or nothing: either the demo transaction committed before the close, or none of it did.
    assert.equal(runs.length === 1, demo.length > 0, `demo runs ${runs.length}, demo organisations ${demo.length}`);
  } finally {
    await database.close();
  }

  // And the product starts again on it.
  const second = run(['start'], { DATA_DIR: dataDir, PORT: '0' });
  const [, url] = await waitFor(second, /"address":"(http:[^"]+)"/);
  const health = await (await fetch(`${url}/api/health`)).json();
  assert.deepEqual(health, { status: 'ok', database: 'pglite' });
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0);
});

test('DATABASE_URL runs the same product on PostgreSQL, migrations included', { skip: !process.env.TEST_DATABASE_URL && 'needs TEST_DATABASE_URL (CI sets it)' }, async () => {
  const { url, drop } = await createBlankPostgresDatabase(process.env.TEST_DATABASE_URL!);
  try {
    const r = run(['start'], { DATABASE_URL: url, PORT: '0' });
    const [, base] = await waitFor(r, /"address":"(http:[^"]+)"/);
    assert.deepEqual(await (await fetch(`${base}/api/health`)).json(), { status: 'ok', database: 'postgres' });
    const belarus = await (await fetch(`${base}/api/v1/reference/countries/BLR`)).json();
    assert.equal(belarus.names.fr, 'Biélorussie');
    const meta = await (await fetch(`${base}/api/v1/meta`)).json();
    assert.equal(meta.demo, false, 'no demo data on a server unless DEMO is set');
    r.child.kill('SIGTERM');
    assert.equal(await r.exited, 0);
  } finally {
    await drop();
  }
});
