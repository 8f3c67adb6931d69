import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../platform/db/database.ts';
import { Random } from '../../platform/demo/random.ts';
import { registryDemo } from '../registry/registry.demo.ts';
import { validateForSubmission } from './incidents.rules.ts';
import type { CaseContent } from './incidents.schema.ts';
import { DEMO_ENTITY_SUFFIX, DEMO_FIRST_YEAR, DEMO_LAST_YEAR, incidentsDemo } from './incidents.demo.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
  await database.transaction(async (tx) => {
    await registryDemo.seed(tx, new Random(1));
    await incidentsDemo.seed(tx, new Random(2));
  });
});
after(async () => {
  await database.close();
});

test('demo cases: about 30 States over 2003-2025, a few thousand at most, every status, marked synthetic', async () => {
  const db = database.db;
  const cases = await db.selectFrom('incident_cases').select(['reporting_state', 'status', 'entity_name', 'external_id', 'is_demo']).execute();
  assert.ok(cases.length > 500 && cases.length < 5000, `${cases.length} cases`);
  const states = new Set(cases.map((c) => c.reporting_state));
  assert.ok(states.size >= 28 && states.size <= 32, `${states.size} States`);
  assert.deepEqual([...new Set(cases.map((c) => c.status))].sort(), ['accepted', 'draft', 'returned', 'submitted']);
  assert.ok(cases.every((c) => c.is_demo && c.entity_name.endsWith(DEMO_ENTITY_SUFFIX) && c.external_id.startsWith('DEMO-')));
  const years = await db.selectFrom('incident_events').select((eb) => [eb.fn.min('detection_date').as('first'), eb.fn.max('detection_date').as('last')]).executeTakeFirstOrThrow();
  assert.equal(String(years.first).slice(0, 4) <= String(DEMO_FIRST_YEAR + 2), true);
  assert.ok(String(years.last).startsWith(String(DEMO_LAST_YEAR)), String(years.last));
  // The demo State focal point's State (first demo State body) has reports every year.
  const focal = await db.selectFrom('organisations').select('country_iso3').where('type', '=', 'state_body').where('is_demo', '=', true).orderBy('country_iso3').executeTakeFirstOrThrow();
  assert.ok(states.has(focal.country_iso3!));
});

test('demo victims follow plausible shares and every accepted case passes the submission rules', async () => {
  const db = database.db;
  const victims = await db.selectFrom('incident_victims').select(['gender', 'exploitation_forms', 'minor_at_exploitation', 'consent_to_count', 'identifiers_sealed']).execute();
  const share = (f: (v: (typeof victims)[number]) => boolean) => victims.filter(f).length / victims.length;
  const sexual = victims.filter((v) => v.exploitation_forms?.includes('SexualExploitation'));
  assert.ok(sexual.filter((v) => v.gender === 'Feminine').length / sexual.length > 0.75, 'victims of sexual exploitation are mostly female');
  assert.ok(share((v) => v.minor_at_exploitation === true) > 0.1 && share((v) => v.minor_at_exploitation === true) < 0.45);
  assert.ok(share((v) => !v.consent_to_count) > 0.02, 'some victims did not consent to be counted');
  assert.ok(victims.every((v) => v.identifiers_sealed === null), 'no identifiers in clear or sealed form');
  const chains = await db.selectFrom('incident_event_places').select(['stage']).execute();
  assert.ok(chains.some((c) => c.stage === 'Transit'));
  const docs = await db.selectFrom('incident_case_versions as v').innerJoin('incident_cases as c', (j) => j.onRef('c.id', '=', 'v.case_id')).select('v.document').where('c.status', '=', 'accepted').limit(300).execute();
  for (const d of docs) assert.deepEqual(validateForSubmission(d.document as CaseContent, '2026-11-29'), []);
});

test('removing demo data removes every case row with its children', async () => {
  const db = database.db;
  await db.deleteFrom('incident_cases').where('is_demo', '=', true).execute();
  for (const table of ['incident_case_versions', 'incident_events', 'incident_event_places', 'incident_victims', 'incident_perpetrators', 'incident_links'] as const) {
    const n = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0, table);
  }
});
