import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { demoContributors } from '../../platform/demo/contributors.ts';
import { removeDemo, seedDemo } from '../../platform/demo/demo.ts';
import { SYNTHETIC_NOTE } from './treaties.demo.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const rows = () => t.database.db.selectFrom('treaty_actions').selectAll().orderBy(['country_iso3', 'instrument', 'action', 'action_date']).execute();

test('demo treaty actions are synthetic, flagged, marked in the API and the same for a seed', async () => {
  await seedDemo(t.database, demoContributors, 11);
  const first = await rows();
  assert.ok(first.length > 500);
  assert.ok(first.every((r) => r.is_demo && r.notes === SYNTHETIC_NOTE));
  // Every generated action passes the rules an import applies.
  const csv = await t.app.inject({ method: 'GET', url: '/api/v1/treaties/export.csv' });
  assert.ok(csv.body.split('\n').slice(1, -1).every((line) => line.endsWith(',true')));

  const status = (await t.app.inject({ method: 'GET', url: '/api/v1/treaties/status?instrument=UNTOC-TIP' })).json<{ demo: boolean; counts: { party: number }; items: { demo: boolean; status: string }[] }>();
  assert.equal(status.demo, true);
  assert.ok(status.counts.party > 100);
  assert.ok(status.items.filter((i) => i.status !== 'none').every((i) => i.demo));
  const ilo = (await t.app.inject({ method: 'GET', url: '/api/v1/treaties/status?instrument=ILO-P029' })).json<{ items: { signedOn: string | null }[] }>();
  assert.ok(ilo.items.every((i) => i.signedOn === null), 'ILO protocols are never signed');

  await removeDemo(t.database, demoContributors);
  assert.equal((await rows()).length, 0);
  await seedDemo(t.database, demoContributors, 11);
  assert.deepEqual(
    (await rows()).map((r) => [r.country_iso3, r.instrument, r.action, r.action_date]),
    first.map((r) => [r.country_iso3, r.instrument, r.action, r.action_date]),
  );
});
