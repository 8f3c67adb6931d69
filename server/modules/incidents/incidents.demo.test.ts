import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { testSettings } from '../../../test/helpers/settings.ts';
import { signedInUser, signInPassed } from '../../../test/helpers/users.ts';
import { accessDemo, DEMO_PASSWORD, demoEmail } from '../../platform/access/access.demo.ts';
import type { Database } from '../../platform/db/database.ts';
import type { App } from '../../platform/http/app-type.ts';
import { createLogger } from '../../platform/logger.ts';
import { Random } from '../../platform/demo/random.ts';
import { registryDemo } from '../registry/registry.demo.ts';
import { validateForSubmission } from './incidents.rules.ts';
import type { CaseContent } from './incidents.schema.ts';
import { DEMO_ENTITY_SUFFIX, DEMO_FIRST_YEAR, DEMO_LAST_YEAR, incidentsDemo } from './incidents.demo.ts';
import { DEMO_ID_PREFIX, demoFamilyNames, demoGivenNamesFeminine, demoGivenNamesMasculine } from './incidents.demo-identifiers.ts';

const masterKey = Buffer.alloc(32, 0x2a);
let database: Database;
let app: App;
before(async () => {
  database = await testDatabase();
  await database.transaction(async (tx) => {
    await registryDemo.seed(tx, new Random(1));
    await accessDemo.seed(tx, new Random(3));
    await incidentsDemo.seed(tx, new Random(2), { masterKey });
  });
  app = await buildApp({ database, logger: createLogger('silent'), settings: testSettings({ masterKey }) });
});
after(async () => {
  await app.close();
  await database.close();
});

/** Lower case without accents, as people may spell a name. */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const focalState = async () =>
  (await database.db.selectFrom('organisations').select('country_iso3').where('type', '=', 'state_body').where('is_demo', '=', true).orderBy('country_iso3').executeTakeFirstOrThrow()).country_iso3!;

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
  const chains = await db.selectFrom('incident_event_places').select(['stage']).execute();
  assert.ok(chains.some((c) => c.stage === 'Transit'));
  const docs = await db.selectFrom('incident_case_versions as v').innerJoin('incident_cases as c', (j) => j.onRef('c.id', '=', 'v.case_id')).select('v.document').where('c.status', '=', 'accepted').limit(300).execute();
  for (const d of docs) assert.deepEqual(validateForSubmission(d.document as CaseContent, '2026-11-29'), []);
});

test('a share of demo people carry sealed identifiers with person keys, and no identifier is stored in clear anywhere', async () => {
  const db = database.db;
  const victims = await db.selectFrom('incident_victims').select(['reporting_state', 'identifiers_sealed', 'person_key']).execute();
  const perpetrators = await db.selectFrom('incident_perpetrators').select(['kind', 'identifiers_sealed', 'person_key']).execute();
  const sealed = [...victims, ...perpetrators].filter((p) => p.identifiers_sealed !== null);
  // A few hundred at most, so the demo seed stays fast; most people have none.
  assert.ok(sealed.length >= 50 && sealed.length <= 400, `${sealed.length} people with identifiers`);
  assert.ok(victims.filter((v) => v.identifiers_sealed).length >= 30, 'victims have identifiers');
  assert.ok(sealed.every((p) => p.person_key !== null && /^v1\./.test(p.identifiers_sealed!)));
  assert.ok(perpetrators.every((p) => p.kind === 'individual' || p.identifiers_sealed === null), 'organisations have no personal identifiers');
  const focal = await focalState();
  assert.ok(victims.filter((v) => v.reporting_state === focal && v.identifiers_sealed).length >= 10, 'the demo focal point has cases with identifiers to open');
  // Each version's identifiers column holds exactly its people's sealed blobs.
  const withIds = await db.selectFrom('incident_case_versions').select('identifiers').execute();
  assert.equal(withIds.reduce((n, v) => n + Object.keys(v.identifiers).length, 0), sealed.length);

  // Every text of every case table, searched for the synthetic names, numbers and phones.
  const secrets = [...demoGivenNamesFeminine, ...demoGivenNamesMasculine, ...demoFamilyNames, DEMO_ID_PREFIX, '+999 555'].map(fold);
  for (const table of ['incident_cases', 'incident_case_versions', 'incident_events', 'incident_event_places', 'incident_victims', 'incident_perpetrators', 'incident_links', 'incident_state_keys']) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db);
    const text = fold(rows.rows.map((r) => r.row).join('\n'));
    for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} is readable in ${table}`);
  }
});

test("the demo State focal point opens a demo case's identifiers (audited); another State's focal point is refused", async () => {
  const db = database.db;
  const focal = await focalState();
  const target = await db.selectFrom('incident_victims').select(['case_id']).where('reporting_state', '=', focal).where('identifiers_sealed', 'is not', null).orderBy('case_id').executeTakeFirstOrThrow();
  const url = `/api/v1/incidents/cases/${focal}/${target.case_id}?identified=true`;
  const state = await signInPassed(app, db, demoEmail('state'), DEMO_PASSWORD);
  const res = await app.inject({ method: 'GET', url, headers: state.headers });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{ identified: boolean; document: { victims: { identifiers: { givenNames?: string; familyName?: string; birthDate?: string } | null }[] } }>();
  assert.equal(body.identified, true);
  const opened = body.document.victims.map((v) => v.identifiers).filter((i) => i !== null);
  assert.ok(opened.length >= 1);
  for (const id of opened) {
    // Repeats may be respelled (capitals, no accents, names swapped): compare folded.
    assert.ok([...demoGivenNamesFeminine, ...demoGivenNamesMasculine, ...demoFamilyNames].map(fold).includes(fold(id.familyName!)), JSON.stringify(id));
    assert.match(id.birthDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
  }
  const audit = await db.selectFrom('audit_events').select(['changes', 'actor_user_id']).where('action', '=', 'case.read').where('entity_id', '=', `${focal}/${target.case_id}`).execute();
  assert.ok(audit.some((a) => a.actor_user_id === state.user.id && (a.changes as { identified?: boolean; decryptedPeople?: number }).decryptedPeople! >= 1), JSON.stringify(audit));
  assert.ok(!JSON.stringify(audit).includes(opened[0]!.familyName!), 'the audit log holds no identifier');

  const other = await db.selectFrom('incident_cases').select('reporting_state').where('reporting_state', '!=', focal).executeTakeFirstOrThrow();
  const outsider = (await signedInUser(app, db, { roles: [{ role: 'state_focal_point', countryIso3: other.reporting_state }] })).auth;
  const refused = await app.inject({ method: 'GET', url, headers: outsider.headers });
  assert.equal(refused.statusCode, 404, refused.body);
  assert.ok(!refused.body.includes(opened[0]!.familyName!));
});

test('the duplicate finder finds the planted repeats: the same synthetic person in two demo cases', async () => {
  const analyst = (await signedInUser(app, database.db, { roles: ['coordinator_analyst'] })).auth;
  const res = await app.inject({ method: 'GET', url: '/api/v1/incidents/duplicates', headers: analyst.headers });
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json<{ items: { role: string; cases: { caseId: string }[] }[] }>().items;
  assert.ok(items.length >= 3, `${items.length} repeated people`);
  assert.ok(items.some((i) => i.role === 'perpetrator'));
  assert.ok(items.every((i) => new Set(i.cases.map((c) => c.caseId)).size >= 2));
});

test('removing demo data removes every case row with its children', async () => {
  const db = database.db;
  await db.deleteFrom('incident_cases').where('is_demo', '=', true).execute();
  for (const table of ['incident_case_versions', 'incident_events', 'incident_event_places', 'incident_victims', 'incident_perpetrators', 'incident_links'] as const) {
    const n = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 0, table);
  }
});
