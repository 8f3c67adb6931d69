import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { tempDir } from '../../../test/helpers/database.ts';
import { recordAudit } from './audit.service.ts';
import { runTiphub } from '../../../test/helpers/cli.ts';

// The CLI always runs on an embedded database in a directory prepared here, whichever
// engine the other tests use: it is the command's exit code and output under test.
let dataDir: string;

async function withDataDir<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const template = process.env.TEST_PGLITE_TEMPLATE;
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const database = await openDatabase({ dataDir, ...(fresh && template ? { loadDataDirFile: template } : {}) });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const tiphub = async (...args: string[]) => {
  const r = await runTiphub(args, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  return { code: r.code, out: r.all };
};

before(async () => {
  dataDir = path.join(tempDir('tiphub-audit-cli-'), 'data');
  await withDataDir(async (database) => {
    await prepareDatabase(database);
    for (let i = 1; i <= 4; i++) {
      await database.transaction((tx) => recordAudit(tx.db, { action: 'case.read', entityType: 'case', entityId: `c-${i}`, request: { ip: '192.0.2.1' } }));
    }
  });
});

after(() => {
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

test('audit verify exits 0 on an intact log; audit anchor prints head, count and time', async () => {
  const verify = await tiphub('audit', 'verify');
  assert.equal(verify.code, 0, verify.out);
  assert.match(verify.out, /intact: 4 events/);

  const anchor = await tiphub('audit', 'anchor');
  assert.equal(anchor.code, 0, anchor.out);
  const head = /head:\s+([0-9a-f]{64})/.exec(anchor.out)?.[1];
  assert.ok(head, anchor.out);
  assert.match(anchor.out, /count:\s+4\b/);
  assert.match(anchor.out, /time:\s+\d{4}-\d\d-\d\dT/);

  // A wrong anchor fails (and a well-formed one parses: a usage error would exit 2).
  const forged = await tiphub('audit', 'verify', '--anchor', `4:${'e'.repeat(64)}`);
  assert.equal(forged.code, 1, forged.out);
});

test('audit verify exits 1 and names the first broken event after tampering', async () => {
  await withDataDir(async (database) => {
    await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(database.db);
    await sql`UPDATE audit_events SET entity_id = 'c-999' WHERE id = 3`.execute(database.db);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(database.db);
  });
  const verify = await tiphub('audit', 'verify');
  assert.equal(verify.code, 1, verify.out);
  assert.match(verify.out, /BROKEN at event 3\b/);

  const anchor = await tiphub('audit', 'anchor');
  assert.equal(anchor.code, 1, 'no anchor is printed for a broken log');
  assert.doesNotMatch(anchor.out, /head:/);
});
