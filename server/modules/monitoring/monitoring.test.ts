// Monitoring over HTTP on a small known register: exact scorecard shares, freshness,
// timeliness against the calendar, the country profile, the map; drafts never public;
// the calendar only for the Coordinator; bad input named by field.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import type { ActivityMap, CountryProfile, Round, Scorecard, ScorecardList } from './monitoring.schema.ts';

const DAY = 86_400_000;
const now = Date.now();
const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
/** Noon UTC of the day `offset` days from today. */
const noon = (offset: number) => new Date(`${day(offset)}T12:00:00Z`);

let t: TestApp;
let orgA: { id: string };
let orgB: { id: string };
let focalA: SignedIn;
let focalB: SignedIn;
let admin: SignedIn;
const ids: Record<string, string> = {};

const complete = (org: string) => ({
  description: { en: 'What the activity does' },
  dates: { plannedStart: '2025-01-01', plannedEnd: '2027-12-31', actualStart: null, actualEnd: null },
  participatingOrgs: [{ role: 4, organisationId: null, ref: null, type: '22', name: { en: `Partner of ${org}` } }],
  budgets: [{ type: 1, status: 2, periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 10000, currency: 'USD', valueDate: '2025-01-01' }],
});
const tip = (...codes: string[]) => codes.map((code) => ({ vocabulary: 'tip', code, percentage: null }));

async function createActivity(key: string, auth: SignedIn, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/activities', headers: auth.headers, payload: { iatiIdentifier: `XM-MON-${key}`, title: { en: `Activity ${key}` }, status: 2, ...body } });
  assert.equal(res.statusCode, 201, res.body);
  ids[key] = res.json<{ id: string }>().id;
}

const get = async <T>(url: string, auth?: SignedIn) => {
  const res = await t.app.inject({ method: 'GET', url, headers: auth?.headers ?? {} });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<T>();
};
const postRound = (body: Record<string, unknown>, auth?: SignedIn) => t.app.inject({ method: 'POST', url: '/api/v1/monitoring/rounds', headers: auth?.headers ?? {}, payload: body });

before(async () => {
  t = await testApp();
  orgA = await createOrganisation(t.database.db, { name: 'Agency A', type: 'un_entity' });
  orgB = await createOrganisation(t.database.db, { name: 'Agency B', type: 'ngo' });
  focalA = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: orgA.id })).auth;
  focalB = (await signedInUser(t.app, t.database.db, { roles: ['ngo_contributor'], organisationId: orgB.id })).auth;
  admin = (await signedInUser(t.app, t.database.db, { roles: ['coordinator_admin'] })).auth;

  // Agency A: A1 complete and linked; A2 no budget; A3 percentages add up to 90, linked; A4 a complete draft.
  await createActivity('A1', focalA, { ...complete('A'), reportingOrgId: orgA.id, published: true, recipientCountries: [{ code: 'KE', percentage: 60 }, { code: 'UG', percentage: 40 }], sectors: tip('protection'), mandateLinks: ['A/RES/61/180 para 6'] });
  await createActivity('A2', focalA, { ...complete('A'), budgets: [], reportingOrgId: orgA.id, published: true, recipientCountries: [{ code: 'KE', percentage: 100 }], sectors: tip('prevention') });
  await createActivity('A3', focalA, { ...complete('A'), reportingOrgId: orgA.id, published: true, recipientCountries: [{ code: 'KE', percentage: 50 }, { code: 'TZ', percentage: 40 }], sectors: tip('prosecution', 'protection'), mandateLinks: ['A/RES/61/180 para 2'] });
  await createActivity('A4', focalA, { ...complete('A'), reportingOrgId: orgA.id, published: false, recipientCountries: [{ code: 'KE', percentage: null }], sectors: tip('protection') });
  // Agency B: one complete activity with a single recipient and no percentage.
  await createActivity('B1', focalB, { ...complete('B'), reportingOrgId: orgB.id, published: true, recipientCountries: [{ code: 'UG', percentage: null }], sectors: tip('partnership'), mandateLinks: ['A/RES/61/180 para 5'] });

  // Time as the scorecards see it: A reports since 200 days ago, B since 55 days ago.
  const db = t.database.db;
  const setTimes = async (key: string, created: number, updated: number) => {
    await db.updateTable('activities').set({ created_at: noon(created), updated_at: new Date(now + updated * DAY - 3_600_000) }).where('id', '=', ids[key]!).execute();
    await db.updateTable('activity_versions').set({ created_at: noon(created) }).where('activity_id', '=', ids[key]!).execute();
  };
  await setTimes('A1', -200, -10);
  await setTimes('A2', -200, -20);
  await setTimes('A3', -200, -40);
  await setTimes('A4', -200, -5);
  await setTimes('B1', -55, -3);
  // Updates inside the rounds' windows: A1 in round 1; the draft A4 in round 2; B1 in round 2.
  const addVersion = async (key: string, version: number, at: Date, published: boolean) =>
    sql`insert into activity_versions (activity_id, version, document, published, source, created_at)
        select id, ${version}, document, ${published}, 'api', ${at} from activities where id = ${ids[key]!}`.execute(db);
  await addVersion('A1', 10, noon(-90), true);
  await addVersion('A4', 10, noon(-55), false);
  await addVersion('B1', 10, noon(-52), true);

  // The calendar: two past rounds and one still open.
  for (const [name, end, due] of [['Round 1', -100, -80], ['Round 2', -60, -50], ['Round 3', -5, 10]] as const) {
    const res = await postRound({ name, periodStart: day(end - 180), periodEnd: day(end), dueDate: day(due) }, admin);
    assert.equal(res.statusCode, 201, res.body);
  }
});
after(async () => {
  await t.close();
});

const card = (list: ScorecardList, id: string) => list.items.find((s) => s.organisation.id === id)!;

test('public scorecards count published activities only, with exact shares', async () => {
  const list = await get<ScorecardList>('/api/v1/monitoring/scorecards');
  assert.deepEqual(list.items.map((s) => s.organisation.name), ['Agency A', 'Agency B']);
  const a = card(list, orgA.id);
  assert.equal(a.activities, 3);
  assert.equal(a.drafts, 0);
  assert.equal(a.complete.count, 1, 'A2 has no budget, A3 percentages add up to 90');
  assert.equal(a.complete.share, 1 / 3);
  assert.equal(a.complete.byField.budget.count, 2);
  assert.equal(a.complete.byField.geography.count, 2);
  assert.equal(a.complete.byField.title.share, 1);
  assert.equal(a.mandate.count, 2);
  assert.equal(a.mandate.share, 2 / 3);
  const b = card(list, orgB.id);
  assert.equal(b.complete.share, 1, 'a single recipient may leave its percentage out');
  assert.equal(b.mandate.share, 1);
});

test('freshness: median and oldest days since the last update', async () => {
  const a = card(await get<ScorecardList>('/api/v1/monitoring/scorecards'), orgA.id);
  assert.equal(a.freshness.medianDays, 20);
  assert.equal(a.freshness.oldestDays, 40);
  const own = card(await get<ScorecardList>('/api/v1/monitoring/scorecards', focalA), orgA.id);
  assert.equal(own.freshness.medianDays, 15, 'with the draft updated 5 days ago: median of 5, 10, 20, 40');
});

test('timeliness against the calendar: past rounds since the organisation first reported', async () => {
  const list = await get<ScorecardList>('/api/v1/monitoring/scorecards');
  const a = card(list, orgA.id);
  assert.deepEqual({ due: a.timeliness.roundsDue, onTime: a.timeliness.onTime, share: a.timeliness.share }, { due: 2, onTime: 1, share: 0.5 }, 'round 3 is not due yet; the draft update in round 2 is not public');
  const b = card(list, orgB.id);
  assert.deepEqual({ due: b.timeliness.roundsDue, onTime: b.timeliness.onTime, share: b.timeliness.share }, { due: 1, onTime: 1, share: 1 }, 'round 1 closed before B first reported');

  const detail = await get<Scorecard>(`/api/v1/monitoring/scorecards/${orgA.id}`);
  assert.deepEqual(detail.timeliness.rounds.map((r) => [r.name, r.onTime]).sort(), [['Round 1', true], ['Round 2', false]]);
});

test('drafts count only for those who may see them', async () => {
  const own = card(await get<ScorecardList>('/api/v1/monitoring/scorecards', focalA), orgA.id);
  assert.deepEqual([own.activities, own.drafts, own.complete.share, own.mandate.share, own.timeliness.share], [4, 1, 0.5, 0.5, 1]);
  const other = card(await get<ScorecardList>('/api/v1/monitoring/scorecards', focalB), orgA.id);
  assert.deepEqual([other.activities, other.drafts, other.timeliness.share], [3, 0, 0.5], "another organisation's focal point sees A's published figures");
  const detail = await get<Scorecard>(`/api/v1/monitoring/scorecards/${orgA.id}`);
  assert.equal(detail.activities, 3);
});

test('scorecards sort by any column; nulls last', async () => {
  const names = async (q: string) => (await get<ScorecardList>(`/api/v1/monitoring/scorecards?${q}`)).items.map((s) => s.organisation.name);
  assert.deepEqual(await names('sort=complete&order=desc'), ['Agency B', 'Agency A']);
  assert.deepEqual(await names('sort=complete&order=asc'), ['Agency A', 'Agency B']);
  assert.deepEqual(await names('sort=activities&order=desc'), ['Agency A', 'Agency B']);
  assert.deepEqual(await names('sort=freshness&order=asc'), ['Agency B', 'Agency A']);
  const bad = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/scorecards?sort=colour' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.details[0].field, 'querystring.sort');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/scorecards/00000000-0000-4000-8000-000000000000' })).statusCode, 404);
});

test('country profile joins treaty status and the activities there', async () => {
  const ratified = await t.app.inject({ method: 'POST', url: '/api/v1/treaties/actions', headers: admin.headers, payload: { countryIso3: 'KEN', instrument: 'UNTOC-TIP', action: 'accession', date: '2005-01-05' } });
  assert.equal(ratified.statusCode, 201, ratified.body);
  const profile = await get<CountryProfile>('/api/v1/monitoring/countries/ken');
  assert.equal(profile.country.iso3, 'KEN');
  const protocol = profile.treaties.find((i) => i.instrument === 'UNTOC-TIP')!;
  assert.equal(protocol.status, 'party');
  assert.equal(profile.treaties.find((i) => i.instrument === 'ILO-P029')!.status, 'none');
  assert.equal(profile.activities.total, 3);
  assert.deepEqual(profile.activities.byPillar, [{ pillar: 'prevention', count: 1 }, { pillar: 'prosecution', count: 1 }, { pillar: 'protection', count: 2 }]);
  assert.deepEqual(profile.activities.byStatus, [{ status: 2, count: 3 }]);
  assert.deepEqual(profile.activities.byOrganisation, [{ organisationId: orgA.id, name: 'Agency A', acronym: null, count: 3 }]);
  assert.deepEqual(profile.activities.latest.map((a) => a.iatiIdentifier), ['XM-MON-A1', 'XM-MON-A2', 'XM-MON-A3'], 'most recently updated first; no draft');
  const own = await get<CountryProfile>('/api/v1/monitoring/countries/KEN', focalA);
  assert.equal(own.activities.total, 4);
  assert.equal(own.activities.latest[0]!.iatiIdentifier, 'XM-MON-A4');
});

test('map counts per country and pillar, published only for the public', async () => {
  const map = await get<ActivityMap>('/api/v1/monitoring/map');
  const of = (iso3: string) => map.items.find((i) => i.countryIso3 === iso3);
  assert.deepEqual(map.items.map((i) => i.countryIso3), ['KEN', 'TZA', 'UGA']);
  assert.equal(of('KEN')!.total, 3);
  assert.deepEqual(of('KEN')!.byPillar, { prevention: 1, protection: 2, prosecution: 1, partnership: 0, demand_reduction: 0, recovery_reintegration: 0, technical_assistance: 0 });
  assert.equal(of('UGA')!.total, 2);
  assert.equal(of('UGA')!.byPillar.partnership, 1);
  assert.equal(of('UGA')!.numeric, '800');
  const own = await get<ActivityMap>('/api/v1/monitoring/map', focalA);
  assert.equal(own.items.find((i) => i.countryIso3 === 'KEN')!.byPillar.protection, 3);
});

test('bad input: unknown or malformed country answers 400 with the field', async () => {
  const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/countries/QQQ' });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.details[0].field, 'params.iso3');
  const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/countries/K1' });
  assert.equal(malformed.statusCode, 400);
  assert.match(malformed.json().error.details[0].field, /iso3/);
});

test('the calendar: public to read; only the Coordinator writes; every change audited', async () => {
  const rounds = await get<{ items: Round[] }>('/api/v1/monitoring/rounds');
  assert.deepEqual(rounds.items.map((r) => r.name), ['Round 3', 'Round 2', 'Round 1']);
  const body = { name: 'Round 4', periodStart: '2020-01-01', periodEnd: '2020-06-30', dueDate: '2020-08-31' };
  assert.equal((await postRound(body)).statusCode, 401);
  assert.equal((await postRound(body, focalA)).statusCode, 403);
  const created = await postRound(body, admin);
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json<Round>().id;
  assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/v1/monitoring/rounds/${id}`, headers: focalA.headers, payload: { name: 'Mine' } })).statusCode, 403);
  const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/monitoring/rounds/${id}`, headers: admin.headers, payload: { dueDate: '2020-09-30' } });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json<Round>().dueDate, '2020-09-30');
  const audit = await t.database.db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', id).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['monitoring.round_create', 'monitoring.round_update']);
  assert.deepEqual(audit[1]!.changes, { due_date: { from: '2020-08-31', to: '2020-09-30' } });
  assert.equal((await postRound(body, admin)).statusCode, 409, 'round names are unique');
});

test('bad calendar input answers 400 with the field and commits nothing', async () => {
  const early = await postRound({ name: 'Early', periodStart: '2020-01-01', periodEnd: '2020-06-30', dueDate: '2020-06-01' }, admin);
  assert.equal(early.statusCode, 400);
  assert.deepEqual(early.json().error.details.map((d: { field: string }) => d.field), ['body.dueDate']);
  const backwards = await postRound({ name: 'Backwards', periodStart: '2020-07-01', periodEnd: '2020-06-30', dueDate: '2020-08-01' }, admin);
  assert.equal(backwards.json().error.details[0].field, 'body.periodEnd');
  const notDate = await postRound({ name: 'Not a date', periodStart: '2020-02-30', periodEnd: '2020-06-30', dueDate: '2020-08-01' }, admin);
  assert.equal(notDate.statusCode, 400);
  assert.equal(notDate.json().error.details[0].field, 'body.periodStart');
  const round = (await get<{ items: Round[] }>('/api/v1/monitoring/rounds')).items.find((r) => r.name === 'Round 1')!;
  const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/monitoring/rounds/${round.id}`, headers: admin.headers, payload: { dueDate: day(-200) } });
  assert.equal(patch.statusCode, 400);
  assert.equal(patch.json().error.details[0].field, 'body.dueDate');
  const names = (await get<{ items: Round[] }>('/api/v1/monitoring/rounds')).items.map((r) => r.name);
  assert.ok(!names.includes('Early') && !names.includes('Backwards'));
  assert.equal((await get<{ items: Round[] }>('/api/v1/monitoring/rounds')).items.find((r) => r.id === round.id)!.dueDate, round.dueDate);
});
