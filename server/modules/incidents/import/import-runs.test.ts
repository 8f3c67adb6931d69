// Imports that never hold the database: batches in short transactions, invisible until the run
// is published; nothing left behind by a failed, concurrent or crashed import.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { tempDir } from '../../../../test/helpers/database.ts';
import { testSettings } from '../../../../test/helpers/settings.ts';
import type { AppSettings } from '../../../platform/settings.ts';
import { IncidentsRepository } from '../incidents.repository.ts';
import { BATCH_ROWS } from './case-import.ts';
import { importHtcds } from './htcds.ts';
import { sampleCsv, sampleRow } from './htcds-sample.ts';
import type { ImportOutcome, ImportRequest } from './import-types.ts';

let t: TestApp;
let settings: AppSettings;
const dir = tempDir('import-runs-');
let n = 0;

// The crash is simulated before the application first gets ready (its start-up clean-up).
const crashRun = randomUUID();

before(async () => {
  t = await testApp();
  settings = testSettings();
  // A crash after two batches of a run: its rows are there, the run still 'writing'.
  const crashed = await importFile(rows(1, 40, 'ETH'));
  assert.equal(crashed.committed, true);
  await sql`INSERT INTO incident_import_runs (id, format, status, heartbeat_at) VALUES (${crashRun}::uuid, 'htcds', 'writing', now() - interval '1 hour')`.execute(t.database.db);
  await sql`UPDATE incident_cases SET import_run = ${crashRun}::uuid WHERE reporting_state = 'ETH'`.execute(t.database.db);
});
after(async () => {
  await t.close();
});

const rows = (from: number, to: number, state = 'KEN') => Array.from({ length: to - from + 1 }, (_, i) => sampleRow(from + i, state));

function importFile(content: Record<string, string>[], options: { dryRun?: boolean; onProgress?: ImportRequest['onProgress'] } = {}): Promise<ImportOutcome> {
  const p = path.join(dir, `f${n++}.csv`);
  writeFileSync(p, sampleCsv(content));
  return importHtcds(t.database, settings, { kind: 'system' }, { filePath: p, fileName: 'cases.csv', dryRun: options.dryRun ?? false, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
}

const caseTables = ['incident_cases', 'incident_case_versions', 'incident_events', 'incident_event_places', 'incident_victims', 'incident_perpetrators', 'incident_links', 'incident_import_fingerprints'] as const;

/** Rows of one State in every case table (raw: visible or not). */
async function rowsIn(state: string): Promise<Record<(typeof caseTables)[number], number>> {
  const out = {} as Record<(typeof caseTables)[number], number>;
  for (const table of caseTables) {
    out[table] = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE reporting_state = ${state}`.execute(t.database.db)).rows[0]!.n);
  }
  return out;
}
const none = Object.fromEntries(caseTables.map((table) => [table, 0]));

const runStatus = async (id: string) => (await sql<{ status: string }>`SELECT status FROM incident_import_runs WHERE id = ${id}::uuid`.execute(t.database.db)).rows[0]?.status;

test('a run a crash left writing is abandoned when the server starts, and its rows deleted', async () => {
  assert.ok((await rowsIn('ETH')).incident_cases > 0);
  await t.app.ready(); // start-up: the clean-up starts in the background
  // Invisible from the start...
  assert.equal(await new IncidentsRepository(t.database.db).countCases({ states: ['ETH'] }), 0);
  for (let i = 0; i < 600 && (await runStatus(crashRun)) === 'writing'; i++) await sleep(50);
  assert.equal(await runStatus(crashRun), 'abandoned');
  // ...and deleted in the background, a chunk per transaction.
  for (let i = 0; i < 600 && (await rowsIn('ETH')).incident_cases > 0; i++) await sleep(50);
  assert.deepEqual(await rowsIn('ETH'), none);
});

test('a bad row near the end: nothing published, the batches written before it deleted, in every case table', async () => {
  const content = rows(1, BATCH_ROWS + 300, 'UGA');
  content[content.length - 1] = { ...content.at(-1)!, prs_Gender: 'Robot' };
  const r = await importFile(content);
  assert.equal(r.committed, false);
  assert.deepEqual(r.problems, [{ line: BATCH_ROWS + 301, column: 'prs_Gender', value: 'Robot', reason: 'not a value of HTCDS Gender' }]);
  assert.deepEqual([r.created, r.updated, r.unchanged], [0, 0, 0]);
  assert.deepEqual(await rowsIn('UGA'), none);
  const runs = await sql<{ status: string }>`SELECT status FROM incident_import_runs WHERE created_at > now() - interval '1 hour' AND id <> ${crashRun}::uuid`.execute(t.database.db);
  assert.deepEqual(
    runs.rows.map((x) => x.status).filter((s) => s !== 'published'),
    ['abandoned'],
  );
});

test('a file that turns out unreadable while a batch is being written: that batch finishes, then is deleted with the rest', async () => {
  const p = path.join(dir, `f${n++}.csv`);
  // Binary data after BATCH_ROWS + 500 good rows (past the sample the encoding check reads first).
  writeFileSync(p, Buffer.concat([Buffer.from(sampleCsv(rows(1, BATCH_ROWS + 500, 'BGD'))), Buffer.from([0, 0, 0, 10])]));
  const r = await importHtcds(t.database, settings, { kind: 'system' }, { filePath: p, fileName: 'cases.csv', dryRun: false });
  assert.equal(r.committed, false);
  assert.match(r.problems[0]!.reason, /binary data/);
  assert.deepEqual(await rowsIn('BGD'), none);
});

test('a dry run looks up only: no run, no row', async () => {
  const before = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM incident_import_runs`.execute(t.database.db)).rows[0]!.n);
  const r = await importFile(rows(1, 10, 'NPL'), { dryRun: true });
  assert.deepEqual([r.committed, r.created], [false, 10]);
  assert.deepEqual(await rowsIn('NPL'), none);
  assert.equal(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM incident_import_runs`.execute(t.database.db)).rows[0]!.n), before);
});

test('an import meeting cases another import is still writing is refused, with the line and a clear problem', async () => {
  // Another import, alive (fresh heartbeat), has written these cases but not published them.
  assert.equal((await importFile(rows(1, 5, 'KHM'))).committed, true);
  const other = randomUUID();
  await sql`INSERT INTO incident_import_runs (id, format, status) VALUES (${other}::uuid, 'htcds', 'writing')`.execute(t.database.db);
  await sql`UPDATE incident_cases SET import_run = ${other}::uuid WHERE reporting_state = 'KHM'`.execute(t.database.db);

  const r = await importFile(rows(1, 5, 'KHM'));
  assert.equal(r.committed, false);
  assert.deepEqual(r.problems, [
    {
      line: 2,
      column: 'external id',
      value: 'C-1',
      reason: 'another import or a user saved this case (and 4 other cases of lines 3-6) (same State, reporting entity and external id) while this import ran; nothing was saved. Import the file again.',
    },
  ]);
  // The other import's rows are untouched (and still invisible).
  assert.equal((await rowsIn('KHM')).incident_cases, 5);
  assert.equal(await new IncidentsRepository(t.database.db).countCases({ states: ['KHM'] }), 0);
});

test('two imports of the same new cases at the same time: the cases are created once, never by both', async () => {
  const content = rows(1, BATCH_ROWS + 10, 'PHL');
  const outcomes = await Promise.all([importFile(content), importFile(content)]);
  const published = outcomes.filter((r) => r.committed);
  assert.ok(published.length >= 1);
  // One created them; the other was refused (it met them unpublished) or, had it started after
  // the first had published, found them all unchanged.
  assert.deepEqual(published.map((r) => r.created).sort((x, y) => x - y), published.length === 2 ? [0, BATCH_ROWS + 10] : [BATCH_ROWS + 10]);
  for (const refused of outcomes.filter((r) => !r.committed)) {
    assert.equal(refused.problems.length, 1);
    assert.match(refused.problems[0]!.reason, /another import or a user saved this case .* while this import ran; nothing was saved/i);
  }
  const counts = await rowsIn('PHL');
  assert.equal(counts.incident_cases, BATCH_ROWS + 10);
  assert.equal(counts.incident_case_versions, BATCH_ROWS + 10);
  assert.equal(await new IncidentsRepository(t.database.db).countCases({ states: ['PHL'] }), BATCH_ROWS + 10);
});

test('a changed row in a re-import: its new version is written by the publish transaction, seen by no one before', async () => {
  const content = rows(1, BATCH_ROWS + 50, 'VNM');
  assert.equal((await importFile(content)).committed, true);
  const repo = new IncidentsRepository(t.database.db);
  const c = (await repo.findByExternalId('VNM', 'police', 'Anti-Trafficking Unit', 'C-3'))!;
  const changed = [...content];
  changed[2] = { ...changed[2]!, vic_TypeOfExploitation: 'ForcedMarriage' };
  // Watch the case while the import runs: as long as its run is not published, readers see version 1.
  const latestRun = async () => (await sql<{ status: string }>`SELECT status FROM incident_import_runs ORDER BY created_at DESC LIMIT 1`.execute(t.database.db)).rows[0]!.status;
  const seenWhileWriting = new Set<number>();
  let running = true;
  const watching = (async () => {
    while (running) {
      const version = (await repo.findCase('VNM', c.id))!.version;
      if ((await latestRun()) === 'writing') seenWhileWriting.add(version); // still writing after the read
      await sleep(10);
    }
  })();
  const r = await importFile(changed);
  running = false;
  await watching;
  assert.deepEqual([r.committed, r.created, r.updated, r.unchanged], [true, 0, 1, BATCH_ROWS + 49]);
  assert.deepEqual([...seenWhileWriting], [1]);
  const now = (await repo.findCase('VNM', c.id))!;
  assert.equal(now.version, 2);
  const versions = await repo.listVersions('VNM', c.id);
  assert.deepEqual(
    versions.map((v) => v.version),
    [1, 2],
  );
  assert.match(JSON.stringify(versions[1]!.document), /ForcedMarriage/);
});

test('a case someone saves while the import runs is not overwritten: the import publishes nothing', async () => {
  const content = rows(1, BATCH_ROWS * 2 + 50, 'NGA');
  assert.equal((await importFile(content)).committed, true);
  const changed = [...content];
  changed[0] = { ...changed[0]!, vic_TypeOfExploitation: 'ForcedMarriage' }; // case C-1, in the first batch
  changed[BATCH_ROWS * 2 + 20] = sampleRow(99_999, 'NGA'); // and a new case, which must not appear
  const saving: Promise<unknown>[] = [];
  const r = await importFile(changed, {
    onProgress: (done, total) => {
      // Past the first batch (looked up), someone saves a correction of C-1, as the API would.
      if (saving.length === 0 && total && done > total * 0.7) {
        saving.push(sql`UPDATE incident_cases SET version = version + 1, updated_at = now() WHERE reporting_state = 'NGA' AND external_id = 'C-1'`.execute(t.database.db));
      }
    },
  });
  assert.equal(saving.length, 1);
  await Promise.all(saving);
  assert.equal(r.committed, false);
  assert.deepEqual(r.problems, [{ line: 2, column: 'external id', value: 'C-1', reason: 'the case changed during the import (someone saved it meanwhile); nothing was saved. Import the file again.' }]);
  const repo = new IncidentsRepository(t.database.db);
  assert.equal(await repo.findByExternalId('NGA', 'police', 'Anti-Trafficking Unit', 'C-99999'), undefined);
  assert.equal((await rowsIn('NGA')).incident_cases, BATCH_ROWS * 2 + 50);
});
