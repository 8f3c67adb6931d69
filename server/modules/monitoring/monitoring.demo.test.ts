import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { demoContributors } from '../../platform/demo/contributors.ts';
import { removeDemo, seedDemo } from '../../platform/demo/demo.ts';
import type { ActivityMap, Round, ScorecardList } from './monitoring.schema.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

test('demo calendar: half-year rounds, flagged; scorecards and the map work on demo data; removal takes the rounds', async () => {
  await seedDemo(t.database, demoContributors, 7);
  const rounds = (await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/rounds' })).json<{ items: Round[] }>().items;
  assert.equal(rounds.length, 12);
  assert.ok(rounds.every((r) => r.demo && r.dueDate > r.periodEnd && r.periodEnd > r.periodStart));
  assert.ok(rounds.some((r) => r.name === '2024 H2 (demo)' && r.periodStart === '2024-07-01' && r.dueDate === '2025-02-28'));

  const cards = (await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/scorecards?sort=activities&order=desc' })).json<ScorecardList>();
  assert.ok(cards.items.length > 5);
  assert.ok(cards.items[0]!.activities >= cards.items.at(-1)!.activities);
  assert.ok(cards.items.every((c) => c.drafts === 0 && c.complete.share !== null));
  // Demo activities were updated over 2021-2026, by organisations of varying diligence.
  const timeliness = cards.items.map((c) => c.timeliness.share).filter((s): s is number => s !== null);
  assert.ok(timeliness.length > 5 && new Set(timeliness).size > 3, `timeliness varies: ${timeliness.join(' ')}`);
  assert.ok(cards.items.every((c) => c.freshness.oldestDays === null || c.freshness.oldestDays > 30));
  const map = (await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/map' })).json<ActivityMap>();
  assert.ok(map.items.length > 10);

  await removeDemo(t.database, demoContributors);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/rounds' })).json<{ items: Round[] }>().items.length, 0);
});
