import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, createUser, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';

let t: TestApp;
let admin: SignedIn;
let secretariatId: string;

before(async () => {
  t = await testApp();
  secretariatId = (await createOrganisation(t.database.db, { type: 'secretariat', name: 'Secretariat of the Coordinator', countryIso3: 'AUT' })).id;
  admin = (await signedInUser(t.app, t.database.db, { organisationId: secretariatId, roles: ['coordinator_admin'] })).auth;
});
after(async () => {
  await t.close();
});

const post = (url: string, payload: unknown, headers = admin.headers) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });
const patch = (url: string, payload: unknown) => t.app.inject({ method: 'PATCH', url: `/api/v1${url}`, headers: admin.headers, payload: payload as object });
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

interface Detail {
  id: string;
  name: string;
  acronym: string | null;
  names: Record<string, string>;
  aliases: string[];
  iatiOrgId: string | null;
  parent: { id: string } | null;
  members: { globalPartnership: boolean; iawg: boolean };
  memberships: { id: string; body: string; joinedOn: string; leftOn: string | null }[];
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map((r) => r.action);
}

test('creates an organisation with names in several languages, aliases and an IATI identifier, audited', async () => {
  const res = await post('/organisations', {
    type: 'un_entity',
    name: 'United Nations Office on Drugs and Crime',
    acronym: 'UNODC',
    names: { fr: "Office des Nations Unies contre la drogue et le crime", ru: 'Управление ООН по наркотикам и преступности' },
    acronyms: { fr: 'ONUDC', ru: 'УНП ООН' },
    aliases: ['UN Office on Drugs and Crime'],
    iatiOrgId: 'XM-DAC-41134',
    countryIso3: 'aut',
    website: 'https://www.unodc.org',
  });
  assert.equal(res.statusCode, 201, res.body);
  const org = res.json<Detail>();
  assert.equal(org.names.en, 'United Nations Office on Drugs and Crime');
  assert.equal(org.names.fr, 'Office des Nations Unies contre la drogue et le crime');
  assert.deepEqual(org.aliases, ['UN Office on Drugs and Crime']);
  assert.equal(org.iatiOrgId, 'XM-DAC-41134');
  assert.deepEqual(await auditActions(org.id), ['organisation.create']);

  const one = await get(`/organisations/${org.id}`);
  assert.equal(one.statusCode, 200);
  assert.equal(one.json<Detail>().acronym, 'UNODC');
});

test('a look-alike answers 409 with the candidates unless confirmed', async () => {
  // Accents, case and a near spelling must not hide the existing one.
  const similar = await post('/organisations', { type: 'un_entity', name: 'United Nations Office on Drugs & Crime' });
  assert.equal(similar.statusCode, 409, similar.body);
  const body = similar.json<{ error: { code: string; details: { value: { name: string; similarity: number } }[] } }>();
  assert.equal(body.error.code, 'CONFLICT');
  assert.equal(body.error.details[0]!.value.name, 'United Nations Office on Drugs and Crime');
  assert.ok(body.error.details[0]!.value.similarity >= 0.5);

  const byAcronym = await post('/organisations', { type: 'ngo', name: 'Completely different words', acronym: 'unodc' });
  assert.equal(byAcronym.statusCode, 409);
  const byAccentedAlias = await post('/organisations', { type: 'ngo', name: 'Únited Nâtions Office on Drugs and Crime' });
  assert.equal(byAccentedAlias.statusCode, 409);

  const confirmed = await post('/organisations', { type: 'ngo', name: 'Completely different words', acronym: 'UNODC', confirmDuplicate: true });
  assert.equal(confirmed.statusCode, 201, confirmed.body);

  const unrelated = await post('/organisations', { type: 'ngo', name: 'Lantern Harbour Foundation' });
  assert.equal(unrelated.statusCode, 201, unrelated.body);
});

test('the IATI identifier is unique; bad input gets 400 naming the field', async () => {
  const dup = await post('/organisations', { type: 'donor', name: 'Some donor agency', iatiOrgId: 'XM-DAC-41134' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.details[0].field, 'body.iatiOrgId');

  const cases: [unknown, string][] = [
    [{ type: 'alien', name: 'X' }, 'body.type'],
    [{ type: 'ngo', name: '' }, 'body.name'],
    [{ type: 'ngo', name: 'Good name here', countryIso3: 'ZZZ' }, 'body.countryIso3'],
    [{ type: 'ngo', name: 'Good name here', website: 'javascript:alert(1)' }, 'body.website'],
    [{ type: 'ngo', name: 'Good name here', names: { xx: 'unknown language' } }, 'body.names'],
    [{ type: 'ngo', name: 'Good name here', parentId: '00000000-0000-4000-8000-000000000000' }, 'body.parentId'],
    [{ type: 'ngo', name: 'Good name here', iatiOrgId: 'has spaces in it' }, 'body.iatiOrgId'],
  ];
  for (const [payload, field] of cases) {
    const res = await post('/organisations', payload);
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
    const details = res.json<{ error: { details: { field: string; reason: string }[] } }>().error.details;
    assert.ok(details.some((d) => d.field.startsWith(field) && d.reason), `${JSON.stringify(payload)}: ${res.body}`);
  }
});

test('PATCH changes fields, audits from/to, refuses a parent cycle and re-checks look-alikes', async () => {
  const parent = (await post('/organisations', { type: 'state_body', name: 'Ministry of Labour of Testland', countryIso3: 'KEN' })).json<Detail>();
  const child = (await post('/organisations', { type: 'state_body', name: 'Labour Inspectorate of Testland', countryIso3: 'KEN', parentId: parent.id, confirmDuplicate: true })).json<Detail>();
  assert.equal(child.parent?.id, parent.id);

  const changed = await patch(`/organisations/${child.id}`, { aliases: ['Testland Labour Inspection'], website: 'https://labour.example.org' });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.deepEqual(changed.json<Detail>().aliases, ['Testland Labour Inspection']);
  const event = await t.database.db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', child.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
  assert.equal(event.action, 'organisation.update');
  assert.deepEqual((event.changes as Record<string, { from: unknown; to: unknown }>).website, { from: null, to: 'https://labour.example.org' });

  const cycle = await patch(`/organisations/${parent.id}`, { parentId: child.id });
  assert.equal(cycle.statusCode, 400);
  assert.equal(cycle.json().error.details[0].field, 'body.parentId');

  const rename = await patch(`/organisations/${child.id}`, { name: 'United Nations Office on Drugs and Crime' });
  assert.equal(rename.statusCode, 409);
  const empty = await patch(`/organisations/${child.id}`, {});
  assert.equal(empty.statusCode, 400);
  const missing = await patch('/organisations/00000000-0000-4000-8000-000000000000', { website: null });
  assert.equal(missing.statusCode, 404);
});

test('memberships of the Global Partnership and the IAWG have dates; one current per body', async () => {
  const org = (await post('/organisations', { type: 'igo', name: 'Organisation for Membership Tests' })).json<Detail>();
  const joined = await post(`/organisations/${org.id}/memberships`, { body: 'iawg', joinedOn: '2007-03-01', notes: 'Founding member' });
  assert.equal(joined.statusCode, 201, joined.body);
  const m = joined.json<Detail>().memberships[0]!;
  assert.equal(joined.json<Detail>().members.iawg, true);

  const again = await post(`/organisations/${org.id}/memberships`, { body: 'iawg', joinedOn: '2010-01-01' });
  assert.equal(again.statusCode, 409);
  const future = await post(`/organisations/${org.id}/memberships`, { body: 'global_partnership', joinedOn: '2999-01-01' });
  assert.equal(future.statusCode, 400);
  const badDate = await post(`/organisations/${org.id}/memberships`, { body: 'global_partnership', joinedOn: '2007-02-30' });
  assert.equal(badDate.statusCode, 400);

  const early = await post(`/organisations/${org.id}/memberships/${m.id}/end`, { leftOn: '2006-01-01' });
  assert.equal(early.statusCode, 400);
  const ended = await post(`/organisations/${org.id}/memberships/${m.id}/end`, { leftOn: '2015-12-31' });
  assert.equal(ended.statusCode, 200, ended.body);
  assert.equal(ended.json<Detail>().members.iawg, false);
  assert.equal(ended.json<Detail>().memberships[0]!.leftOn, '2015-12-31');
  const twice = await post(`/organisations/${org.id}/memberships/${m.id}/end`, { leftOn: '2016-01-01' });
  assert.equal(twice.statusCode, 409);
  const overlap = await post(`/organisations/${org.id}/memberships`, { body: 'iawg', joinedOn: '2015-06-01' });
  assert.equal(overlap.statusCode, 409);
  const rejoin = await post(`/organisations/${org.id}/memberships`, { body: 'iawg', joinedOn: '2020-01-01' });
  assert.equal(rejoin.statusCode, 201, rejoin.body);
  assert.deepEqual(await auditActions(org.id), ['organisation.create', 'organisation.membership_start', 'organisation.membership_end', 'organisation.membership_start']);

  const members = await get('/organisations?member=iawg');
  assert.deepEqual(
    members.json<{ items: { id: string }[] }>().items.map((i) => i.id),
    [org.id],
  );
});

test('the public list filters by type and country and searches with accents and near spellings', async () => {
  const all = await get('/organisations');
  assert.equal(all.statusCode, 200);
  assert.ok(all.json<{ total: number }>().total >= 5);
  const search = async (q: string) => (await get(`/organisations?q=${encodeURIComponent(q)}`)).json<{ items: { name: string }[] }>().items.map((i) => i.name);
  assert.equal((await search('drugs crime'))[0], 'United Nations Office on Drugs and Crime');
  assert.ok((await search('ONUDC')).includes('United Nations Office on Drugs and Crime'), 'acronym in another language');
  assert.ok((await search('Управление ООН')).includes('United Nations Office on Drugs and Crime'), 'name in Russian');
  assert.ok((await search('lantern harbor')).includes('Lantern Harbour Foundation'), 'near spelling');
  const kenyan = (await get('/organisations?country=ken&type=state_body')).json<{ items: { countryIso3: string; type: string }[] }>().items;
  assert.ok(kenyan.length >= 2 && kenyan.every((o) => o.countryIso3 === 'KEN' && o.type === 'state_body'));
  assert.equal((await get('/organisations?country=KE')).statusCode, 400);
  assert.equal((await get('/organisations?limit=0')).statusCode, 400);
  const page = (await get('/organisations?limit=2&offset=1')).json<{ items: unknown[]; total: number }>();
  assert.equal(page.items.length, 2);
});

test('focal points: the organisation users and the secretariat see them, others are refused', async () => {
  const org = await createOrganisation(t.database.db, { type: 'ngo', name: 'Focal Point Test NGO' });
  const member = await signedInUser(t.app, t.database.db, { organisationId: org.id, roles: ['ngo_contributor'], displayName: 'Ada Focal' });
  await createUser(t.database.db, { organisationId: org.id, status: 'suspended', displayName: 'Suspended Person' });
  const outsider = (await signedInUser(t.app, t.database.db, { roles: ['ngo_contributor'] })).auth;

  const own = await get(`/organisations/${org.id}/focal-points`, member.auth.headers);
  assert.equal(own.statusCode, 200, own.body);
  const items = own.json<{ items: { displayName: string; roles: string[] }[] }>().items;
  assert.deepEqual(items.map((i) => i.displayName), ['Ada Focal']);
  assert.deepEqual(items[0]!.roles, ['ngo_contributor']);
  assert.equal((await get(`/organisations/${org.id}/focal-points`, admin.headers)).statusCode, 200);
  assert.equal((await get(`/organisations/${org.id}/focal-points`, outsider.headers)).statusCode, 403);
  assert.equal((await get(`/organisations/${org.id}/focal-points`)).statusCode, 401);
});

test('writes need organisations.manage', async () => {
  const other = (await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'] })).auth;
  const res = await post('/organisations', { type: 'ngo', name: 'Not allowed' }, other.headers);
  assert.equal(res.statusCode, 403);
});

test('changing the acronym keeps the per-language acronyms in step', async () => {
  const org = (await post('/organisations', { type: 'research', name: 'Institute for Acronym Studies', acronym: 'IAS1' })).json<Detail & { acronyms: Record<string, string> }>();
  const renamed = await patch(`/organisations/${org.id}`, { acronym: 'IAS2' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.deepEqual(renamed.json<{ acronyms: Record<string, string> }>().acronyms, { en: 'IAS2' });
  const cleared = await patch(`/organisations/${org.id}`, { acronym: null });
  assert.deepEqual(cleared.json<{ acronyms: Record<string, string> }>().acronyms, {});
  // The old acronym no longer marks a look-alike.
  assert.equal((await post('/organisations', { type: 'ngo', name: 'Unrelated body', acronym: 'IAS1' })).statusCode, 201);
});
