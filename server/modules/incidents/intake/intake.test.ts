import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { caseDocument, reportCase } from '../../../../test/helpers/incidents.ts';
import { signedInUser, type SignedIn } from '../../../../test/helpers/users.ts';
import type { Intake } from './intake.schema.ts';

let t: TestApp;
let ben: SignedIn; // Benin's focal point
let tgo: SignedIn; // Togo's focal point
let admin: SignedIn;
let analyst: SignedIn;
const ids: Record<string, string> = {};

const post = (path: string, headers: SignedIn['headers'], payload: unknown = {}) => t.app.inject({ method: 'POST', url: path, headers, payload: payload as object });
const caseUrl = (state: string, id: string, rest = '') => `/api/v1/incidents/cases/${state}/${id}${rest}`;

/** A case with its detection in `year`; victim fields as given. */
function doc(state: string, year: number, victim: Record<string, unknown> = {}) {
  const base = caseDocument(state);
  const v = { ...(base.victims as Record<string, unknown>[])[0]!, identifiers: undefined, ...victim };
  const event = base.event as Record<string, unknown>;
  return caseDocument(state, {
    event: { ...event, recruitmentDate: { value: `${year}-01-10` }, exploitationStartDate: { value: `${year}-02-01` }, exploitationEndDate: { value: `${year}-09-30` }, detectionDate: { value: `${year}-10-02` } },
    victims: [v],
  });
}

before(async () => {
  t = await testApp();
  const db = t.database.db;
  ben = (await signedInUser(t.app, db, { roles: [{ role: 'state_focal_point', countryIso3: 'BEN' }] })).auth;
  tgo = (await signedInUser(t.app, db, { roles: [{ role: 'state_focal_point', countryIso3: 'TGO' }] })).auth;
  admin = (await signedInUser(t.app, db, { roles: ['coordinator_admin'] })).auth;
  analyst = (await signedInUser(t.app, db, { roles: ['coordinator_analyst'] })).auth;

  // Benin 2020: one accepted (complete, on time), one returned (sex and citizenship unknown, late), one draft.
  ids.accepted = (await reportCase(t.app, ben.headers, doc('BEN', 2020))).id;
  ids.returned = (await reportCase(t.app, ben.headers, doc('BEN', 2020, { gender: { reason: 'unknown' }, citizenships: { reason: 'not_collected' } }))).id;
  ids.draft = (await reportCase(t.app, ben.headers, doc('BEN', 2020))).id;
  for (const id of [ids.accepted, ids.returned]) assert.equal((await post(caseUrl('BEN', id, '/submit'), ben.headers)).statusCode, 200);
  assert.equal((await post(caseUrl('BEN', ids.accepted, '/accept'), admin.headers)).statusCode, 200);
  assert.equal((await post(caseUrl('BEN', ids.returned, '/return'), admin.headers, { comments: 'Give the victim’s sex' })).statusCode, 200);
  await db.updateTable('incident_cases').set({ submitted_at: new Date('2021-02-01T00:00:00Z') }).where('id', '=', ids.accepted).execute();
  await db.updateTable('incident_cases').set({ submitted_at: new Date('2021-12-01T00:00:00Z') }).where('id', '=', ids.returned).execute();

  // Togo 2021: one submitted case whose stored document breaks a rule (as a bulk import could leave it).
  ids.pending = (await reportCase(t.app, tgo.headers, doc('TGO', 2021))).id;
  assert.equal((await post(caseUrl('TGO', ids.pending, '/submit'), tgo.headers)).statusCode, 200);
  await sql`UPDATE incident_case_versions SET document = jsonb_set(document, '{victims,0,ageBand}', '{"value":"0-8"}') WHERE case_id = ${ids.pending}`.execute(db);
});
after(async () => {
  await t.close();
});

async function dashboard(headers: SignedIn['headers'], query = '?fromYear=2019&toYear=2022') {
  return t.app.inject({ method: 'GET', url: `/api/v1/incidents/intake${query}`, headers });
}

test('the intake dashboard gives each State and year its counts, completeness and timeliness', async () => {
  const res = await dashboard(analyst.headers);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<Intake>();
  assert.equal(body.deadlineDays, 90);
  const benin = body.cells.find((c) => c.state === 'BEN' && c.year === 2020);
  assert.ok(benin, JSON.stringify(body.cells));
  assert.deepEqual([benin.drafts, benin.submitted, benin.accepted, benin.returned, benin.victims], [1, 0, 1, 1, 2]);
  // Two victims, four key fields each: the returned one lacks sex and citizenship → 6 of 8.
  assert.equal(benin.completeness, 0.75);
  assert.deepEqual(benin.fields, { sex: 0.5, age: 1, form: 1, citizenship: 0.5 });
  // Submitted 1 Feb 2021 is within 90 days of 31 Dec 2020; 1 Dec 2021 is not.
  assert.equal(benin.timeliness, 0.5);
  const togo = body.cells.find((c) => c.state === 'TGO' && c.year === 2021);
  assert.ok(togo);
  assert.equal(togo.submitted, 1);
  assert.ok(!body.cells.some((c) => c.year < 2019 || c.year > 2022));

  const longer = (await dashboard(analyst.headers, '?fromYear=2019&toYear=2022&deadlineDays=365')).json<Intake>();
  assert.equal(longer.cells.find((c) => c.state === 'BEN' && c.year === 2020)!.timeliness, 1);
});

test('open problems list returned reports with comments and rule violations of cases under review', async () => {
  const body = (await dashboard(admin.headers)).json<Intake>();
  const returned = body.problems.find((p) => p.kind === 'returned' && p.caseId === ids.returned);
  assert.ok(returned, JSON.stringify(body.problems));
  assert.equal(returned.detail, 'Give the victim’s sex');
  assert.equal(returned.state, 'BEN');
  const rule = body.problems.find((p) => p.kind === 'rule' && p.caseId === ids.pending);
  assert.ok(rule, JSON.stringify(body.problems));
  assert.equal(rule.field, 'victims.0.ageBand');
  assert.match(rule.detail, /outside the band 0-8/);
  assert.ok(!body.problems.some((p) => p.caseId === ids.accepted || p.caseId === ids.draft));
  assert.equal(body.problemsTruncated, false);
  const audit = await t.database.db.selectFrom('audit_events').select('changes').where('action', '=', 'case.read').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  assert.deepEqual((audit.changes as { intake: unknown }).intake, { fromYear: 2019, toYear: 2022 });
});

test("the intake dashboard is the Coordinator's: States' focal points, other roles and anonymous callers are refused", async () => {
  assert.equal((await dashboard(ben.headers)).statusCode, 403);
  const ngo = (await signedInUser(t.app, t.database.db, { roles: ['ngo_contributor'] })).auth;
  assert.equal((await dashboard(ngo.headers)).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/incidents/intake' })).statusCode, 401);
  for (const q of ['?fromYear=2030&toYear=2020', '?fromYear=abc', '?deadlineDays=-1', '?deadlineDays=10000']) {
    const res = await dashboard(admin.headers, q);
    assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
  }
});
