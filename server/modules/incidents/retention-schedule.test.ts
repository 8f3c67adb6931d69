import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { caseDocument, reportCase } from '../../../test/helpers/incidents.ts';
import { testSettings } from '../../../test/helpers/settings.ts';
import { signedInUser } from '../../../test/helpers/users.ts';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { RetentionSchedule, type SweepResult } from './retention-schedule.ts';

const yearsAgo = (years: number, months = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years, d.getUTCMonth() - months);
  return d;
};

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test("the app with the sweep on erases identifiers of cases past their State's retention period by itself, and keeps the rest", async () => {
  const database = await testDatabase();
  const settings = testSettings();
  try {
    // Cases reported while the sweep is off (the tests' default) ...
    const quiet = await buildApp({ database, logger: createLogger('silent'), settings });
    const ken = (await signedInUser(quiet, database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] })).auth;
    const old = await reportCase(quiet, ken.headers, caseDocument('KEN'));
    const recent = await reportCase(quiet, ken.headers, caseDocument('KEN'));
    const otherState = await reportCase(quiet, (await signedInUser(quiet, database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth.headers, caseDocument('UGA'));
    const set = await quiet.inject({ method: 'PUT', url: '/api/v1/incidents/states/KEN/retention', headers: ken.headers, payload: { retentionYears: 1 } });
    assert.equal(set.statusCode, 200, set.body);
    await quiet.close();
    const db = database.db;
    await db.updateTable('incident_cases').set({ created_at: yearsAgo(2) }).where('id', '=', old.id).execute();
    await db.updateTable('incident_cases').set({ created_at: yearsAgo(0, 10) }).where('id', '=', recent.id).execute();
    // UGA has no retention period: its old case keeps everything.
    await db.updateTable('incident_cases').set({ created_at: yearsAgo(9) }).where('id', '=', otherState.id).execute();

    // ... then the app starts with the sweep on, and nobody runs `retention apply`.
    const app = await buildApp({ database, logger: createLogger('silent'), settings: { ...settings, retentionSweepHours: 24 } });
    await app.ready();
    const erasedAt = async () => (await db.selectFrom('incident_cases').select('identifiers_erased_at').where('id', '=', old.id).executeTakeFirstOrThrow()).identifiers_erased_at;
    await until(async () => (await erasedAt()) !== null, 'the old case is erased');
    await app.close();

    const people = async (caseId: string) => [
      ...(await db.selectFrom('incident_victims').select(['identifiers_sealed', 'person_key', 'gender']).where('case_id', '=', caseId).execute()),
      ...(await db.selectFrom('incident_perpetrators').select(['identifiers_sealed', 'person_key', 'gender']).where('case_id', '=', caseId).execute()),
    ];
    const erased = await people(old.id);
    assert.equal(erased.length, 2);
    assert.ok(erased.every((p) => p.identifiers_sealed === null && p.person_key === null), JSON.stringify(erased));
    assert.deepEqual(erased.map((p) => p.gender), ['Feminine', 'Masculine'], 'the de-identified rest is kept');
    const versions = await db.selectFrom('incident_case_versions').select(['identifiers', 'document']).where('case_id', '=', old.id).execute();
    assert.ok(versions.every((v) => Object.keys(v.identifiers).length === 0 && (v.document as { victims: unknown[] }).victims.length === 1));
    const audit = await db.selectFrom('audit_events').select(['actor_user_id', 'changes']).where('action', '=', 'case.erase_identifiers').where('entity_id', '=', `KEN/${old.id}`).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, null, 'the system erased it');
    assert.equal((audit[0]!.changes as { retentionYears: number }).retentionYears, 1);

    for (const kept of [recent.id, otherState.id]) {
      const row = await db.selectFrom('incident_cases').select('identifiers_erased_at').where('id', '=', kept).executeTakeFirstOrThrow();
      assert.equal(row.identifiers_erased_at, null);
      assert.ok((await people(kept)).every((p) => p.identifiers_sealed !== null), 'inside the period, or no period: identifiers kept');
    }
    assert.equal((await db.selectFrom('audit_events').select('id').where('action', '=', 'case.erase_identifiers').execute()).length, 1, 'nothing else erased');
  } finally {
    await database.close();
  }
});

/** A sweep the test finishes by hand, counting its calls. */
function manualSweep() {
  let calls = 0;
  let finish: (r: SweepResult) => void = () => {};
  let fail: (e: Error) => void = () => {};
  return {
    calls: () => calls,
    finish: (r: SweepResult) => finish(r),
    fail: (e: Error) => fail(e),
    run: () => {
      calls++;
      return new Promise<SweepResult>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    },
  };
}

function recordingLog() {
  const lines: { level: 'info' | 'error'; details: object; message: string }[] = [];
  return {
    lines,
    info: (details: object, message: string) => void lines.push({ level: 'info', details, message }),
    error: (details: object, message: string) => void lines.push({ level: 'error', details, message }),
  };
}

test('never two sweeps at once: asking while one runs joins it; the next ask starts a new one', async () => {
  const sweep = manualSweep();
  const log = recordingLog();
  const schedule = new RetentionSchedule(sweep.run, 24, log);
  const a = schedule.runNow();
  const b = schedule.runNow();
  assert.equal(a, b);
  assert.equal(sweep.calls(), 1);
  sweep.finish([{ state: 'KEN', erased: 3 }, { state: 'UGA', erased: 0 }]);
  await a;
  assert.deepEqual(log.lines.map((l) => [l.level, l.message]), [['info', 'retention sweep erased the identifiers of 3 case(s)']]);
  assert.deepEqual(log.lines[0]!.details, { erased: [{ state: 'KEN', erased: 3 }] });
  const c = schedule.runNow();
  assert.equal(sweep.calls(), 2);
  sweep.finish([]);
  await c;
  assert.equal(log.lines.length, 1, 'a sweep that erased nothing says nothing');
  await schedule.stop();
});

test('a failing sweep is logged, never thrown, and the next one still runs; stop waits for the one in progress', async () => {
  const sweep = manualSweep();
  const log = recordingLog();
  const schedule = new RetentionSchedule(sweep.run, 24, log);
  const failing = schedule.runNow();
  sweep.fail(new Error('database went away'));
  await failing; // resolves
  assert.equal(log.lines[0]!.level, 'error');
  assert.equal(((log.lines[0]!.details as { err: Error }).err).message, 'database went away');
  const next = schedule.runNow();
  assert.equal(sweep.calls(), 2);
  let stopped = false;
  const stopping = schedule.stop().then(() => (stopped = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(stopped, false, 'stop waits for the sweep in progress');
  sweep.finish([]);
  await Promise.all([next, stopping]);
  await schedule.runNow();
  assert.equal(sweep.calls(), 2, 'nothing runs after stop');
});

test('a period of 0 never sweeps; a period too long for a timer is refused', async () => {
  const sweep = manualSweep();
  const schedule = new RetentionSchedule(sweep.run, 0, recordingLog(), 0);
  schedule.start();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(sweep.calls(), 0);
  await schedule.stop();
  assert.throws(() => new RetentionSchedule(sweep.run, 1000, recordingLog()), /0 to 596 hours/);
});

test('the sweep timer does not keep the process alive', async () => {
  // A process that starts a schedule (first sweep in a minute, then hourly) and never stops it
  // must still end by itself once it has nothing else to do.
  const module = path.resolve('server/modules/incidents/retention-schedule.ts');
  const script = `const { RetentionSchedule } = await import(${JSON.stringify(module)});
new RetentionSchedule(async () => [], 1, console, 60_000).start();
console.log('started');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(killer);
  assert.equal(code, 0, `the process was kept alive or failed:\n${out}`);
  assert.match(out, /started/);
});

test('RETENTION_SWEEP_HOURS: 24 by default, 0 turns it off, anything else is a listed problem', () => {
  assert.equal(loadConfig({}).retentionSweepHours, 24);
  assert.equal(loadConfig({ RETENTION_SWEEP_HOURS: '0' }).retentionSweepHours, 0);
  assert.equal(loadConfig({ RETENTION_SWEEP_HOURS: '6' }).retentionSweepHours, 6);
  for (const bad of ['daily', '-1', '1.5', '1000']) {
    assert.throws(() => loadConfig({ RETENTION_SWEEP_HOURS: bad }), (err: Error) => /RETENTION_SWEEP_HOURS: must/.test(err.message), bad);
  }
});
