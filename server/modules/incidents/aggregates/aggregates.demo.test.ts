import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../../platform/db/database.ts';
import { removeDemo, seedDemo } from '../../../platform/demo/demo.ts';
import { testDatabase } from '../../../../test/helpers/database.ts';
import { aggregatesDemo } from './aggregates.demo.ts';
import { validateForSubmission } from './aggregates.rules.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

test('demo aggregate reports: about forty States over 2003-2025, synthetic, consistent, with suppressed and unknown values', async () => {
  assert.equal(await seedDemo(database, [aggregatesDemo], 7), true);
  const db = database.db;
  const reports = await db.selectFrom('aggregate_reports').selectAll().execute();
  const states = new Set(reports.map((r) => r.reporting_state));
  assert.ok(states.size >= 40, `${states.size} States`);
  assert.ok(reports.every((r) => r.is_demo));
  assert.equal(Math.min(...reports.map((r) => r.year)), 2003);
  assert.equal(Math.max(...reports.map((r) => r.year)), 2025);
  const kinds = await db.selectFrom('aggregate_values').select(['value_kind']).select((eb) => eb.fn.countAll<string>().as('n')).groupBy('value_kind').execute();
  const n = (k: string) => Number(kinds.find((r) => r.value_kind === k)?.n ?? 0);
  assert.ok(n('suppressed') > 50 && n('unknown') > 20 && n('count') > 10_000, JSON.stringify(kinds));
  // Every submitted or accepted report passes the validation rules it would have met.
  const versions = await db.selectFrom('aggregate_report_versions').innerJoin('aggregate_reports', (j) => j.onRef('aggregate_reports.reporting_state', '=', 'aggregate_report_versions.reporting_state').onRef('aggregate_reports.year', '=', 'aggregate_report_versions.year')).select(['aggregate_report_versions.values', 'aggregate_reports.status']).execute();
  for (const v of versions) assert.deepEqual(validateForSubmission(v.values), []);
  assert.ok(await removeDemo(database, [aggregatesDemo]) > 10_000);
  assert.equal((await db.selectFrom('aggregate_reports').select('year').execute()).length, 0);
});
