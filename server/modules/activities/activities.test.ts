// The activity register over HTTP: create, change, versions, visibility of drafts, filters.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import type { Activity } from './activities.schema.ts';

let t: TestApp;
let orgA: { id: string };
let orgB: { id: string };
let focalA: SignedIn;
let focalB: SignedIn;
before(async () => {
  t = await testApp();
  orgA = await createOrganisation(t.database.db, { name: 'Agency A', type: 'un_entity' });
  orgB = await createOrganisation(t.database.db, { name: 'Agency B', type: 'ngo' });
  focalA = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'], organisationId: orgA.id })).auth;
  focalB = (await signedInUser(t.app, t.database.db, { roles: ['ngo_contributor'], organisationId: orgB.id })).auth;
});
after(async () => {
  await t.close();
});

const create = (body: Record<string, unknown>, headers: Record<string, string> = focalA.headers) => t.app.inject({ method: 'POST', url: '/api/v1/activities', headers, payload: body });
const base = (suffix: string) => ({
  iatiIdentifier: `XM-A-${suffix}`,
  reportingOrgId: orgA.id,
  title: { en: `Victim protection in Côte d’Ivoire ${suffix}`, fr: `Protection des victimes ${suffix}` },
  status: 2,
  recipientCountries: [{ code: 'CI', percentage: 100 }],
  sectors: [{ vocabulary: 'tip', code: 'protection', percentage: 100 }],
});

test('a focal point creates a draft; only their organisation sees it until it is published', async () => {
  const res = await create(base('1'));
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json<Activity>();
  assert.equal(created.version, 1);
  assert.equal(created.published, false);
  assert.deepEqual(created.document.reportingOrg.name, { en: 'Agency A' });

  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}` })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}`, headers: focalB.headers })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}`, headers: focalA.headers })).statusCode, 200);
  const publicList = await t.app.inject({ method: 'GET', url: '/api/v1/activities' });
  assert.equal(publicList.json<{ total: number }>().total, 0);
  const ownList = await t.app.inject({ method: 'GET', url: '/api/v1/activities', headers: focalA.headers });
  assert.equal(ownList.json<{ total: number }>().total, 1);

  const published = await t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${created.id}`, headers: focalA.headers, payload: { published: true } });
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json<Activity>().version, 2);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}` })).statusCode, 200);
  const history = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}/history` });
  assert.deepEqual(history.json<{ items: { version: number }[] }>().items.map((v) => v.version), [2], 'the public sees published versions only');
});

test('every change makes a version; the diff lists the changed fields; no-op changes make none', async () => {
  const created = (await create({ ...base('2'), published: true })).json<Activity>();
  const patch = (payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${created.id}`, headers: focalA.headers, payload });
  assert.equal((await patch({ status: 3, recipientCountries: [{ code: 'CI', percentage: 60 }, { code: 'GH', percentage: 40 }] })).json<Activity>().version, 2);
  assert.equal((await patch({ status: 3 })).json<Activity>().version, 2, 'nothing changed');
  assert.equal((await patch({ title: { en: 'Renamed' } })).json<Activity>().version, 3);

  const diff = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}/diff?from=1&to=2` });
  assert.equal(diff.statusCode, 200, diff.body);
  assert.deepEqual(diff.json<{ changes: unknown[] }>().changes, [
    { path: 'recipientCountries[0].percentage', kind: 'changed', from: 100, to: 60 },
    { path: 'recipientCountries[1]', kind: 'added', from: null, to: { code: 'GH', percentage: 40 } },
    { path: 'status', kind: 'changed', from: 2, to: 3 },
  ]);
  const titles = await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}/diff?from=3&to=1` });
  assert.ok(titles.json<{ changes: { path: string }[] }>().changes.some((c) => c.path === 'title.fr'));
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/activities/${created.id}/diff?from=1&to=9` })).statusCode, 404);

  const audit = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', created.id).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => a.action), ['activity.create', 'activity.update', 'activity.update']);
});

test('bad input answers 400 with the field and the reason', async () => {
  const over = await create({ ...base('3'), recipientCountries: [{ code: 'CI', percentage: 70 }, { code: 'GH', percentage: 50 }] });
  assert.equal(over.statusCode, 400, over.body);
  assert.equal(over.json().error.details[0].field, 'body.recipientCountries');
  const unknownCountry = await create({ ...base('4'), recipientCountries: [{ code: 'QQ', percentage: 100 }] });
  assert.equal(unknownCountry.statusCode, 400);
  assert.equal(unknownCountry.json().error.details[0].field, 'body.recipientCountries[0].code');
  const dates = await create({ ...base('5'), dates: { plannedStart: '2026-05-01', plannedEnd: '2026-01-01', actualStart: null, actualEnd: null } });
  assert.equal(dates.statusCode, 400);
  assert.equal(dates.json().error.details[0].field, 'body.dates.plannedEnd');
  const pillar = await create({ ...base('6'), sectors: [{ vocabulary: 'tip', code: 'rescue', percentage: null }] });
  assert.equal(pillar.statusCode, 400);
  const status = await create({ ...base('7'), status: 9 });
  assert.equal(status.statusCode, 400);
  const participant = await create({ ...base('11'), participatingOrgs: [{ role: 4, organisationId: '00000000-0000-4000-8000-000000000000', ref: null, type: null, name: {} }] });
  assert.equal(participant.statusCode, 400, participant.body);
  assert.equal(participant.json().error.details[0].field, 'body.participatingOrgs[0].organisationId');
  assert.equal((await create(base('1'))).statusCode, 409, 'the IATI identifier is unique');
});

test('organisation scope: another organisation may neither create for A nor change A\'s activity', async () => {
  assert.equal((await create(base('8'), focalB.headers)).statusCode, 403);
  const created = (await create({ ...base('9'), published: true })).json<Activity>();
  const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/activities/${created.id}`, headers: focalB.headers, payload: { status: 5 } });
  assert.equal(res.statusCode, 404);
});

test('filters: country (alpha-2 or alpha-3), pillar, status, organisation, accent-blind title search', async () => {
  await create({
    ...base('10'),
    published: true,
    title: { en: 'Prosecution training in Peru' },
    recipientCountries: [{ code: 'PE', percentage: null }],
    sectors: [{ vocabulary: 'tip', code: 'prosecution', percentage: null }],
    status: 4,
  });
  const list = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/activities?${query}` })).json<{ items: { iatiIdentifier: string }[] }>().items.map((i) => i.iatiIdentifier);
  assert.deepEqual(await list('country=PER'), ['XM-A-10']);
  assert.deepEqual(await list('country=pe'), ['XM-A-10']);
  assert.deepEqual(await list('pillar=prosecution'), ['XM-A-10']);
  assert.deepEqual(await list('status=4'), ['XM-A-10']);
  assert.ok((await list('q=cote d')).length >= 1, 'unaccented search finds Côte');
  assert.deepEqual(await list(`organisation=${orgB.id}`), []);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/activities?country=QQQ' })).statusCode, 400);
});
