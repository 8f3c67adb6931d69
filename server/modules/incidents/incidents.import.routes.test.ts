import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { buildApp } from '../../app.ts';
import { createLogger } from '../../platform/logger.ts';
import { signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import { sampleCsv, sampleRow } from './import/htcds-sample.ts';
import type { ImportJobView } from './import/import-jobs.ts';

let t: TestApp;
let ken: SignedIn;
let uga: SignedIn;
let admin: SignedIn;

before(async () => {
  t = await testApp();
  ken = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] })).auth;
  uga = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth;
  admin = (await signedInUser(t.app, t.database.db, { roles: ['coordinator_admin'] })).auth;
});
after(async () => {
  await t.close();
});

const csv = (from: number, to: number, state = 'KEN') => sampleCsv(Array.from({ length: to - from + 1 }, (_, i) => sampleRow(from + i, state)));

async function upload(who: SignedIn, body: string | Buffer, query: string) {
  return t.app.inject({ method: 'POST', url: `/api/v1/incidents/imports?${query}`, headers: { ...who.headers, 'content-type': 'text/csv' }, payload: body });
}

async function finished(who: SignedIn, id: string): Promise<ImportJobView> {
  for (;;) {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/imports/${id}`, headers: who.headers });
    assert.equal(res.statusCode, 200, res.body);
    const job = res.json<ImportJobView>();
    if (job.status !== 'running') return job;
    await sleep(50);
  }
}

const cases = async (state: string) => Number((await sql<{ n: string }>`select count(*) as n from incident_cases where reporting_state = ${state}`.execute(t.database.db)).rows[0]!.n);

test('upload → dry run with preview (no identifiers) and summary → commit → saved', async () => {
  const res = await upload(ken, csv(1, 12), 'format=htcds&fileName=cases.csv&dryRun=true');
  assert.equal(res.statusCode, 202, res.body);
  const dry = await finished(ken, res.json<ImportJobView>().id);
  assert.equal(dry.status, 'done');
  assert.deepEqual(dry.outcome!.problems, []);
  assert.equal(dry.outcome!.created, 12);
  assert.equal(dry.outcome!.committed, false);
  assert.equal(dry.bytesDone, dry.bytesTotal);
  assert.equal(dry.preview!.rows.length, 10);
  assert.ok(dry.preview!.columns.includes('prs_Gender'));
  assert.ok(!dry.preview!.columns.includes('prs_FamilyName'));
  const shown = JSON.stringify(dry);
  for (const secret of ['Okello-1', 'P00000001', 'Samuel']) assert.ok(!shown.includes(secret), `${secret} is shown`);
  assert.equal(await cases('KEN'), 0);

  const commit = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/imports/${dry.id}/commit`, headers: ken.headers });
  assert.equal(commit.statusCode, 202, commit.body);
  const done = await finished(ken, commit.json<ImportJobView>().id);
  assert.equal(done.outcome!.committed, true);
  assert.equal(done.committedFrom, dry.id);
  assert.equal(await cases('KEN'), 12);
  // The dry run is used up.
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/imports/${dry.id}/commit`, headers: ken.headers })).statusCode, 404);
});

test('bad rows: problems with line, column, value, reason; commit refused; nothing saved', async () => {
  const body = csv(50, 51).replace('Feminine', 'Robot');
  const res = await upload(ken, body, 'format=htcds&dryRun=true');
  const job = await finished(ken, res.json<ImportJobView>().id);
  assert.deepEqual(job.outcome!.problems, [{ line: 2, column: 'prs_Gender', value: 'Robot', reason: 'not a value of HTCDS Gender' }]);
  const commit = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/imports/${job.id}/commit`, headers: ken.headers });
  assert.equal(commit.statusCode, 409);
});

test("another State's focal point cannot import for Kenya nor see Kenya's import", async () => {
  const res = await upload(ken, csv(60, 61), 'format=htcds');
  const id = res.json<ImportJobView>().id;
  await finished(ken, id);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/imports/${id}`, headers: uga.headers })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/imports/${id}/commit`, headers: uga.headers })).statusCode, 404);
  const forKenya = await upload(uga, csv(60, 61).replace(/,KEN,/g, ',,'), 'format=htcds&reporter=KEN');
  assert.equal(forKenya.statusCode, 404);
  const rowsNamingKenya = await upload(uga, csv(60, 61), 'format=htcds&dryRun=false');
  const refused = await finished(uga, rowsNamingKenya.json<ImportJobView>().id);
  assert.equal(refused.outcome!.committed, false);
  assert.match(refused.outcome!.problems[0]!.reason, /may not report for this State/);
  // The Coordinator may import for any State.
  const coordinator = await upload(admin, csv(70, 71, 'UGA'), 'format=htcds&dryRun=false');
  assert.equal((await finished(admin, coordinator.json<ImportJobView>().id)).outcome!.committed, true);
});

test('while an import runs, the API answers requests that need the database; its cases appear all at once when it is published', async () => {
  // 8,001 rows: five batches, each its own short transaction.
  const res = await upload(admin, csv(1000, 9000, 'TZA'), 'format=htcds&dryRun=false');
  assert.equal(res.statusCode, 202);
  const id = res.json<ImportJobView>().id;
  const health = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(health.statusCode, 200);

  // Wait until a batch has been written (the rows are in the table, the run not published)...
  while ((await cases('TZA')) === 0) await sleep(20);
  // ...then read through the API: signed in, the case list and statistics need the database.
  const [list, stats] = await Promise.all([
    t.app.inject({ method: 'GET', url: '/api/v1/incidents/cases?state=TZA', headers: admin.headers }),
    t.app.inject({ method: 'GET', url: '/api/v1/incidents/states/TZA/statistics?status=draft', headers: admin.headers }),
  ]);
  const poll = await t.app.inject({ method: 'GET', url: `/api/v1/incidents/imports/${id}`, headers: admin.headers });
  const answeredAt = new Date().toISOString();
  assert.equal(list.statusCode, 200, list.body);
  assert.equal(stats.statusCode, 200, stats.body);
  // Answered before the import ended: the database was not held for the whole import...
  assert.equal(poll.json<ImportJobView>().status, 'running');
  // ...and what was written so far is invisible.
  assert.equal(list.json<{ total: number }>().total, 0);
  assert.deepEqual(stats.json<{ counts: unknown[] }>().counts, []);

  const done = await finished(admin, id);
  assert.equal(done.outcome!.committed, true);
  assert.equal(done.outcome!.created, 8001);
  assert.ok(done.finishedAt! > answeredAt, `the API answered (${answeredAt}) before the import finished (${done.finishedAt})`);
  const after = await t.app.inject({ method: 'GET', url: '/api/v1/incidents/cases?state=TZA&limit=1', headers: admin.headers });
  assert.equal(after.json<{ total: number }>().total, 8001);
  const counted = await t.app.inject({ method: 'GET', url: '/api/v1/incidents/states/TZA/statistics?status=draft', headers: admin.headers });
  const total = counted.json<{ counts: { dimension: string; n: number }[] }>().counts.filter((c) => c.dimension === 'total').reduce((n, c) => n + c.n, 0);
  assert.equal(total, 8001 - 801); // every tenth victim (rows 1000, 1010, ... 9000) did not consent to be counted
});

test('an empty body and an unknown format are refused', async () => {
  assert.equal((await upload(ken, '', 'format=htcds')).statusCode, 400);
  assert.equal((await upload(ken, 'a,b\n', 'format=nope')).statusCode, 400);
});

test('after a restart (or on another server) the owner still sees a finished job, can commit a dry run whose file is there, and an interrupted import says so', async () => {
  const dry = await finished(ken, (await upload(ken, csv(80, 82), 'format=htcds&fileName=kept.csv&dryRun=true')).json<ImportJobView>().id);
  const lost = await finished(ken, (await upload(ken, csv(90, 91), 'format=htcds&dryRun=true')).json<ImportJobView>().id);
  const lostFile = (await t.database.db.selectFrom('incident_import_jobs').select('file_path').where('id', '=', lost.id).executeTakeFirstOrThrow()).file_path;
  fs.rmSync(lostFile);
  // As a crash leaves them: an import that was running, and a job that finished two hours ago.
  const interrupted = randomUUID();
  const expired = randomUUID();
  const expiredFile = path.join(os.tmpdir(), `tiphub-incident-import-${expired}`);
  fs.writeFileSync(expiredFile, 'x');
  const job = { owner_id: ken.user.id, format: 'htcds', file_name: 'big.csv', reporter: null, dry_run: false, bytes_total: 1000 };
  await t.database.db
    .insertInto('incident_import_jobs')
    .values([
      { ...job, id: interrupted, file_path: path.join(os.tmpdir(), 'gone.csv'), status: 'running', updated_at: sql<Date>`now() - interval '1 hour'` },
      { ...job, id: expired, file_path: expiredFile, status: 'done', finished_at: sql<Date>`now() - interval '2 hours'` },
    ])
    .execute();

  const restarted = await buildApp({ database: t.database, logger: createLogger('silent'), settings: t.settings });
  try {
    await restarted.ready();
    const get = (who: SignedIn, id: string) => restarted.inject({ method: 'GET', url: `/api/v1/incidents/imports/${id}`, headers: who.headers });
    // The clean-up at start runs in the background.
    while ((await get(ken, expired)).statusCode !== 404) await sleep(20);
    assert.equal(fs.existsSync(expiredFile), false, 'an expired job takes its file with it');

    const failed = (await get(ken, interrupted)).json<ImportJobView>();
    assert.equal(failed.status, 'failed');
    assert.match(failed.error!, /server stopped while this file was being imported; nothing was saved/);

    const seen = (await get(ken, dry.id)).json<ImportJobView>();
    assert.deepEqual({ ...seen, finishedAt: null }, { ...dry, finishedAt: null });
    assert.equal(new Date(seen.finishedAt!).getTime(), new Date(dry.finishedAt!).getTime());
    assert.equal((await get(uga, dry.id)).statusCode, 404, "another State's focal point does not see it");

    const noFile = await restarted.inject({ method: 'POST', url: `/api/v1/incidents/imports/${lost.id}/commit`, headers: ken.headers });
    assert.equal(noFile.statusCode, 409);
    assert.match(noFile.json<{ error: { message: string } }>().error.message, /file is no longer on this server.*upload the file again/);

    const before = await cases('KEN');
    const commit = await restarted.inject({ method: 'POST', url: `/api/v1/incidents/imports/${dry.id}/commit`, headers: ken.headers });
    assert.equal(commit.statusCode, 202, commit.body);
    let done = commit.json<ImportJobView>();
    while (done.status === 'running') done = (await get(ken, done.id)).json<ImportJobView>();
    assert.equal(done.outcome?.committed, true, JSON.stringify(done));
    assert.equal(await cases('KEN'), before + 3);
    // The first server no longer offers the dry run either.
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/incidents/imports/${dry.id}`, headers: ken.headers })).statusCode, 404);
  } finally {
    await restarted.close();
  }
});
