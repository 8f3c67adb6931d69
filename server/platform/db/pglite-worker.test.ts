// The embedded database's worker must not keep what it answered: a long-running server reads
// far more than its heap over its life.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir, testEngine } from '../../../test/helpers/database.ts';

test('answers of 300 MB in all pass through the embedded database in a 128 MB heap', { skip: testEngine !== 'pglite' && 'the embedded database only' }, async () => {
  const module = path.resolve('server/platform/db/database.ts');
  const script = `const { openDatabase } = await import(${JSON.stringify(module)});
const database = await openDatabase({ dataDir: 'memory://' });
for (let i = 0; i < 300; i++) {
  const { rows } = await database.pool.query("select repeat('x', 1000000) as big");
  if (rows[0].big.length !== 1000000) throw new Error('short answer');
}
await database.close();
console.log('read 300 MB');`;
  // A file, not --eval: the worker thread inherits the process's options and --eval is not for it.
  const file = path.join(tempDir('pglite-worker-'), 'read-much.mjs');
  writeFileSync(file, script);
  // The heap limit applies to the worker too; the old worker kept every answer and ran out of it.
  const child = spawn(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(killer);
  assert.equal(code, 0, out);
  assert.match(out, /read 300 MB/);
});
