import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { caseDocument, reportCase } from '../../../test/helpers/incidents.ts';
import { createOrganisation, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';

let t: TestApp;
let ken: SignedIn; // Kenya's focal point
let uga: SignedIn; // Uganda's focal point
let admin: SignedIn;
let analyst: SignedIn;

before(async () => {
  t = await testApp();
  const db = t.database.db;
  ken = (await signedInUser(t.app, db, { roles: [{ role: 'state_focal_point', countryIso3: 'KEN' }] })).auth;
  uga = (await signedInUser(t.app, db, { roles: [{ role: 'state_focal_point', countryIso3: 'UGA' }] })).auth;
  admin = (await signedInUser(t.app, db, { roles: ['coordinator_admin'] })).auth;
  analyst = (await signedInUser(t.app, db, { roles: ['coordinator_analyst'] })).auth;
});
after(async () => {
  await t.close();
});

const url = (c: { id: string; reportingState: string }, rest = '') => `/api/v1/incidents/cases/${c.reportingState}/${c.id}${rest}`;
const get = (path: string, headers: SignedIn['headers']) => t.app.inject({ method: 'GET', url: path, headers });
const post = (path: string, headers: SignedIn['headers'], payload: unknown = {}) => t.app.inject({ method: 'POST', url: path, headers, payload: payload as object });

test('identifiers are encrypted at rest: the raw columns do not contain them', async () => {
  const c = await reportCase(t.app, ken.headers);
  const db = t.database.db;
  const victim = await db.selectFrom('incident_victims').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
  assert.ok(victim.identifiers_sealed);
  assert.ok(!victim.identifiers_sealed.includes('Nakato'));
  const dump = await sql<{ row: string }>`select (v.*)::text as row from incident_case_versions v where case_id = ${c.id}`.execute(db);
  const all = JSON.stringify(dump.rows) + JSON.stringify(await db.selectFrom('incident_perpetrators').selectAll().where('case_id', '=', c.id).execute());
  for (const secret of ['Nakato', 'Amina', 'B1234567', '2001-05-04', '+256', 'Doe']) assert.ok(!all.includes(secret), `${secret} is readable in the database`);
  // The State's data key is itself stored sealed.
  const key = await db.selectFrom('incident_state_keys').selectAll().where('reporting_state', '=', 'KEN').executeTakeFirstOrThrow();
  assert.match(key.wrapped_key, /^v1\./, key.wrapped_key);
});

test('lists never return identifiers; a single read is de-identified unless asked', async () => {
  const c = await reportCase(t.app, ken.headers);
  const list = await get('/api/v1/incidents/cases?state=KEN', ken.headers);
  assert.equal(list.statusCode, 200, list.body);
  assert.ok(list.json<{ items: { id: string }[] }>().items.some((i) => i.id === c.id));
  for (const secret of ['Nakato', 'B1234567', '2001-05-04', '"identifiers"']) assert.ok(!list.body.includes(secret));
  const plain = await get(url(c), ken.headers);
  assert.equal(plain.statusCode, 200, plain.body);
  assert.ok(!plain.body.includes('Nakato'));
  assert.equal(plain.json<{ identified: boolean }>().identified, false);
  const versions = await get(url(c, '/versions'), ken.headers);
  assert.equal(versions.statusCode, 200, versions.body);
  assert.ok(!versions.body.includes('Nakato'));
});

test('the focal point of the State reads identifiers, and the decryption is audited', async () => {
  const c = await reportCase(t.app, ken.headers);
  const res = await get(url(c, '?identified=true'), ken.headers);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json<{ identified: boolean; document: { victims: { identifiers: { familyName: string } }[]; perpetrators: { identifiers: { givenNames: string } }[] } }>();
  assert.equal(body.identified, true);
  assert.equal(body.document.victims[0]!.identifiers.familyName, 'Nakato');
  assert.equal(body.document.perpetrators[0]!.identifiers.givenNames, 'John');
  const events = await t.database.db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', `KEN/${c.id}`).where('action', '=', 'case.read').execute();
  assert.ok(events.some((e) => (e.changes as { identified?: boolean }).identified === true), JSON.stringify(events));
  assert.ok(!JSON.stringify(events).includes('Nakato'));
});

test('the analyst reads de-identified data only', async () => {
  const c = await reportCase(t.app, ken.headers);
  const plain = await get(url(c), analyst.headers);
  assert.equal(plain.statusCode, 200, plain.body);
  assert.ok(!plain.body.includes('Nakato'));
  const identified = await get(url(c, '?identified=true'), analyst.headers);
  assert.equal(identified.statusCode, 403, identified.body);
  assert.ok(!identified.body.includes('Nakato'));
  const list = await get('/api/v1/incidents/cases', analyst.headers);
  assert.equal(list.statusCode, 200);
  assert.ok(list.json<{ items: { id: string }[] }>().items.some((i) => i.id === c.id));
});

test('a focal point of another State gets 404 and never the data, and sees none of it in lists', async () => {
  const c = await reportCase(t.app, ken.headers);
  for (const path of [url(c), url(c, '?identified=true'), url(c, '/versions')]) {
    const res = await get(path, uga.headers);
    assert.equal(res.statusCode, 404, `${path}: ${res.body}`);
  }
  for (const [method, path, payload] of [
    ['PATCH', url(c), caseDocument('KEN')],
    ['POST', url(c, '/submit'), {}],
    ['POST', url(c, '/shares'), { organisationId: c.id }],
  ] as const) {
    const res = await t.app.inject({ method, url: path, headers: uga.headers, payload });
    assert.equal(res.statusCode, 404, `${method} ${path}: ${res.body}`);
  }
  const list = await get('/api/v1/incidents/cases', uga.headers);
  assert.ok(!list.json<{ items: { reportingState: string }[] }>().items.some((i) => i.reportingState === 'KEN'));
  // Reporting for another State is refused.
  const other = await post('/api/v1/incidents/cases', uga.headers, caseDocument('KEN'));
  assert.equal(other.statusCode, 403, other.body);
});

test('workflow: draft → submitted → returned → corrected → submitted → accepted; illegal steps CONFLICT', async () => {
  const c = await reportCase(t.app, ken.headers);
  assert.equal((await post(url(c, '/accept'), admin.headers)).statusCode, 409); // not submitted yet
  assert.equal((await post(url(c, '/accept'), ken.headers)).statusCode, 403); // a State does not review
  const submitted = await post(url(c, '/submit'), ken.headers);
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(submitted.json<{ status: string }>().status, 'submitted');
  assert.equal((await post(url(c, '/submit'), ken.headers)).statusCode, 409);
  const { reportingState: _r, ...again } = caseDocument('KEN');
  const patchSubmitted = await t.app.inject({ method: 'PATCH', url: url(c), headers: ken.headers, payload: again });
  assert.equal(patchSubmitted.statusCode, 409, patchSubmitted.body);
  const returned = await post(url(c, '/return'), admin.headers, { comments: 'Please give the detection date.' });
  assert.equal(returned.statusCode, 200, returned.body);
  assert.equal(returned.json<{ status: string; reviewComments: string }>().reviewComments, 'Please give the detection date.');
  const { reportingState: _s, ...content } = caseDocument('KEN', { externalId: 'corrected-1' });
  const corrected = await t.app.inject({ method: 'PATCH', url: url(c), headers: ken.headers, payload: content });
  assert.equal(corrected.statusCode, 200, corrected.body);
  assert.deepEqual([corrected.json<{ version: number }>().version, corrected.json<{ status: string }>().status], [2, 'draft']);
  assert.equal((await post(url(c, '/submit'), ken.headers)).statusCode, 200);
  const accepted = await post(url(c, '/accept'), admin.headers);
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json<{ status: string }>().status, 'accepted');
  assert.equal((await post(url(c, '/return'), admin.headers, { comments: 'too late' })).statusCode, 409);
  const patchAccepted = await t.app.inject({ method: 'PATCH', url: url(c), headers: ken.headers, payload: content });
  assert.equal(patchAccepted.statusCode, 409);
  const actions = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', `KEN/${c.id}`).orderBy('id').execute();
  for (const a of ['case.create', 'case.submit', 'case.return', 'case.update', 'case.accept']) assert.ok(actions.some((e) => e.action === a), a);
});

test('corrections make new versions; earlier ones are kept, identifiers carried over unless replaced', async () => {
  const c = await reportCase(t.app, ken.headers);
  const { reportingState: _s, ...content } = caseDocument('KEN');
  const victims = (content.victims as Record<string, unknown>[]).map(({ identifiers: _i, ...v }) => ({ ...v, gender: { reason: 'unknown' } }));
  const res = await t.app.inject({ method: 'PATCH', url: url(c), headers: ken.headers, payload: { ...content, victims } });
  assert.equal(res.statusCode, 200, res.body);
  const versions = await get(url(c, '/versions'), ken.headers);
  const items = versions.json<{ items: { version: number; document: { victims: { gender: unknown }[] } }[] }>().items;
  assert.deepEqual(items.map((i) => i.version), [1, 2]);
  assert.deepEqual(items[0]!.document.victims[0]!.gender, { value: 'Feminine' });
  assert.deepEqual(items[1]!.document.victims[0]!.gender, { reason: 'unknown' });
  const identified = await get(url(c, '?identified=true'), ken.headers);
  assert.equal(identified.json<{ document: { victims: { identifiers: { familyName: string } }[] } }>().document.victims[0]!.identifiers.familyName, 'Nakato');
  const row = await t.database.db.selectFrom('incident_victims').select(['person_key', 'gender', 'reasons']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
  assert.ok(row.person_key, 'the person key survives a correction without identifiers');
  assert.equal(row.gender, null);
  assert.deepEqual(row.reasons, { gender: 'unknown', sexExploitationTypes: 'not_applicable' });
});

test('submission runs the validation rules and lists each problem with its field', async () => {
  const doc = caseDocument('KEN');
  const victim = (doc.victims as Record<string, unknown>[])[0]!;
  const bad = caseDocument('KEN', {
    event: { ...(doc.event as object), recruitmentDate: { value: '2024-03-01' }, exploitationStartDate: { value: '2024-02-01' }, detectionDate: { value: '2099-01-01' } },
    victims: [{ ...victim, age: { value: 15 }, ageBand: { value: '9-17' }, minorAtExploitation: { value: false }, sexExploitationTypes: { value: ['Prostitution'] } }],
  });
  const c = await reportCase(t.app, ken.headers, bad);
  const res = await post(url(c, '/submit'), ken.headers);
  assert.equal(res.statusCode, 400, res.body);
  const fields = res.json<{ error: { code: string; details: { field: string; reason: string }[] } }>().error.details.map((d) => d.field);
  assert.ok(fields.includes('event.exploitationStartDate'), fields.join());
  assert.ok(fields.includes('event.detectionDate'), fields.join());
  assert.ok(fields.includes('victims.0.minorAtExploitation'), fields.join());
  assert.ok(fields.includes('victims.0.sexExploitationTypes'), fields.join());
  const after = await get(url(c), ken.headers);
  assert.equal(after.json<{ status: string }>().status, 'draft');
});

test('the person key finds the same person across two cases and States, whatever the spelling of case and accents', async () => {
  const mk = (state: string, identifiers: object) => {
    const doc = caseDocument(state);
    const victim = (doc.victims as Record<string, unknown>[])[0]!;
    return caseDocument(state, { victims: [{ ...victim, identifiers }], perpetrators: [], links: [] });
  };
  const a = await reportCase(t.app, ken.headers, mk('KEN', { givenNames: 'José  María', familyName: 'GARCÍA', birthDate: '1990-01-02', identityNumber: 'x-99 81' }));
  const b = await reportCase(t.app, uga.headers, mk('UGA', { givenNames: 'garcia', familyName: 'jose maria', birthDate: '1990-01-02', identityNumber: 'X9981' }));
  const other = await reportCase(t.app, uga.headers, mk('UGA', { givenNames: 'José María', familyName: 'García', birthDate: '1990-01-03', identityNumber: 'X9981' }));
  const keyOf = async (id: string) => (await t.database.db.selectFrom('incident_victims').select('person_key').where('case_id', '=', id).executeTakeFirstOrThrow()).person_key;
  assert.ok(await keyOf(a.id));
  assert.equal(await keyOf(a.id), await keyOf(b.id));
  assert.notEqual(await keyOf(a.id), await keyOf(other.id));
  const dups = await get('/api/v1/incidents/duplicates', admin.headers);
  assert.equal(dups.statusCode, 200, dups.body);
  const match = dups.json<{ items: { personKey: string; cases: { caseId: string }[] }[] }>().items.find((i) => i.cases.some((x) => x.caseId === a.id));
  assert.ok(match);
  assert.deepEqual(match.cases.map((x) => x.caseId).sort(), [a.id, b.id].sort());
  assert.ok(!dups.body.includes('García') && !dups.body.includes('1990-01-02'));
  assert.equal((await get('/api/v1/incidents/duplicates', ken.headers)).statusCode, 403);
});

test('agencies see only cases shared with them, and only victims who consented to sharing', async () => {
  const doc = caseDocument('KEN');
  const victim = (doc.victims as Record<string, unknown>[])[0]!;
  const c = await reportCase(t.app, ken.headers, caseDocument('KEN', { victims: [victim, { ...victim, ref: 'V2', identifiers: undefined, consentToShare: false }], links: [] }));
  const agencyOrg = await createOrganisation(t.database.db, { type: 'un_entity', countryIso3: null });
  const agency = (await signedInUser(t.app, t.database.db, { organisationId: agencyOrg.id, roles: ['agency_focal_point'] })).auth;
  const before = await get('/api/v1/incidents/shared-cases', agency.headers);
  assert.equal(before.statusCode, 200, before.body);
  assert.ok(!before.json<{ items: { id: string }[] }>().items.some((i) => i.id === c.id));
  assert.equal((await get(url(c), agency.headers)).statusCode, 403);
  const shared = await post(url(c, '/shares'), ken.headers, { organisationId: agencyOrg.id });
  assert.equal(shared.statusCode, 200, shared.body);
  const afterShare = await get('/api/v1/incidents/shared-cases', agency.headers);
  const item = afterShare.json<{ items: { id: string; victims: { ref: string }[] }[] }>().items.find((i) => i.id === c.id);
  assert.ok(item);
  assert.deepEqual(item.victims.map((v) => v.ref), ['V1']);
  assert.ok(!afterShare.body.includes('Nakato'));
});

test('countableVictims leaves out victims without consent to count and cases not accepted', async () => {
  const service = new (await import('./incidents.service.ts')).IncidentsService(t.database, { masterKey: Buffer.alloc(32) });
  const doc = caseDocument('TZA');
  const victim = (doc.victims as Record<string, unknown>[])[0]!;
  const tza = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'TZA' }] })).auth;
  const c = await reportCase(t.app, tza.headers, caseDocument('TZA', { victims: [{ ...victim, identifiers: undefined }, { ...victim, ref: 'V2', identifiers: undefined, consentToCount: false }], links: [] }));
  assert.deepEqual(await service.countableVictims({ states: ['TZA'] }), []); // draft: not counted
  assert.equal((await post(url(c, '/submit'), tza.headers)).statusCode, 200);
  assert.equal((await post(url(c, '/accept'), admin.headers)).statusCode, 200);
  const counted = await service.countableVictims({ states: ['TZA'] });
  assert.deepEqual(counted.map((v) => v.ref), ['V1']);
  assert.equal(counted[0]!.year, 2024);
  assert.deepEqual(counted[0]!.exploitationForms, ['ForcedLabour']);
  const list = await get('/api/v1/incidents/cases?state=TZA', tza.headers);
  assert.equal(list.json<{ items: { uncountedVictims: number }[] }>().items[0]!.uncountedVictims, 1);
  const one = await get(url(c), tza.headers);
  assert.deepEqual(one.json<{ document: { victims: { countable: boolean }[] } }>().document.victims.map((v) => v.countable), [true, false]);
});

test('retention erases identifiers and person keys of old cases, in every version, and keeps the rest', async () => {
  const { IncidentsService } = await import('./incidents.service.ts');
  const c = await reportCase(t.app, ken.headers);
  const fresh = await reportCase(t.app, ken.headers);
  await t.database.db.updateTable('incident_cases').set({ created_at: new Date('2010-01-01T00:00:00Z') }).where('id', '=', c.id).execute();
  const service = new IncidentsService(t.database, { masterKey: Buffer.alloc(32) });
  await service.setRetention('KEN', 5);
  const result = await service.applyRetention();
  assert.ok(result.some((r) => r.state === 'KEN' && r.erased >= 1), JSON.stringify(result));
  const db = t.database.db;
  const old = await db.selectFrom('incident_victims').select(['identifiers_sealed', 'person_key', 'gender']).where('case_id', '=', c.id).executeTakeFirstOrThrow();
  assert.deepEqual([old.identifiers_sealed, old.person_key, old.gender], [null, null, 'Feminine']);
  const versions = await db.selectFrom('incident_case_versions').select('identifiers').where('case_id', '=', c.id).execute();
  assert.ok(versions.every((v) => Object.keys(v.identifiers).length === 0));
  const kept = await db.selectFrom('incident_victims').select('identifiers_sealed').where('case_id', '=', fresh.id).executeTakeFirstOrThrow();
  assert.ok(kept.identifiers_sealed);
  const read = await get(url(c, '?identified=true'), ken.headers);
  assert.equal(read.statusCode, 200, read.body);
  const body = read.json<{ identifiersErased: boolean; document: { victims: { identifiers: unknown; gender: unknown }[] } }>();
  assert.equal(body.identifiersErased, true);
  assert.equal(body.document.victims[0]!.identifiers, null);
  assert.deepEqual(body.document.victims[0]!.gender, { value: 'Feminine' });
  const audit = await db.selectFrom('audit_events').select('action').where('entity_id', '=', `KEN/${c.id}`).where('action', '=', 'case.erase_identifiers').execute();
  assert.equal(audit.length, 1);
});

test('garbage and invalid bodies get 400 with field and reason, never a crash', async () => {
  const bodies: unknown[] = [
    {},
    { reportingState: 'KEN' },
    'not json at all',
    caseDocument('KEN', { victims: [{ ref: 'V1' }] }),
    caseDocument('KEN', { event: { iccsCode: { value: '9999' } } }),
    caseDocument('KEN', { reportingEntity: { type: 'police' }, links: [{ victim: 'V9', perpetrator: 'P1' }] }),
    caseDocument('KEN', { externalId: '' }),
  ];
  for (const payload of bodies) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/incidents/cases', headers: { ...ken.headers, 'content-type': 'application/json' }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload).slice(0, 80)}: ${res.body}`);
  }
  const doc = caseDocument('KEN');
  const victim = (doc.victims as Record<string, unknown>[])[0]!;
  const unknownCountry = await post('/api/v1/incidents/cases', ken.headers, caseDocument('KEN', { victims: [{ ...victim, citizenships: { value: ['XXX'] } }] }));
  assert.equal(unknownCountry.statusCode, 400, unknownCountry.body);
  assert.ok(unknownCountry.json<{ error: { details: { field: string }[] } }>().error.details.some((d) => d.field === 'body.victims.0.citizenships.value.0'));
  const futureBirth = await post('/api/v1/incidents/cases', ken.headers, caseDocument('KEN', { victims: [{ ...victim, identifiers: { familyName: 'X', birthDate: '2999-01-01' } }] }));
  assert.equal(futureBirth.statusCode, 400, futureBirth.body);
  assert.ok(!futureBirth.body.includes('2999'), 'the rejected birth date is not echoed');
  const dup = caseDocument('KEN');
  await reportCase(t.app, ken.headers, dup);
  const again = await post('/api/v1/incidents/cases', ken.headers, dup);
  assert.equal(again.statusCode, 409, again.body);
  assert.equal((await get('/api/v1/incidents/cases/KEN/not-a-uuid', ken.headers)).statusCode, 400);
});

test('the retention command sets a period, applies it, and refuses bad input', async () => {
  const { runIncidentsCommand } = await import('./incidents.cli.ts');
  const lines: string[] = [];
  const log = (l: string) => lines.push(l);
  const c = await reportCase(t.app, uga.headers, caseDocument('UGA'));
  await t.database.db.updateTable('incident_cases').set({ created_at: new Date('2001-01-01T00:00:00Z') }).where('id', '=', c.id).execute();
  assert.equal(await runIncidentsCommand(['retention', 'set', 'uga', '10'], t.database, Buffer.alloc(32), log), 0);
  assert.equal(await runIncidentsCommand(['retention', 'apply'], t.database, Buffer.alloc(32), log), 0);
  assert.ok(lines.some((l) => /^UGA: identifiers erased from [1-9]\d* case/.test(l)), lines.join('\n'));
  const row = await t.database.db.selectFrom('incident_victims').select('identifiers_sealed').where('case_id', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(row.identifiers_sealed, null);
  const quiet = () => undefined;
  const origError = console.error;
  console.error = quiet;
  try {
    assert.equal(await runIncidentsCommand(['retention', 'set', 'UGA', 'ten'], t.database, Buffer.alloc(32), log), 2);
    assert.equal(await runIncidentsCommand(['nonsense'], t.database, Buffer.alloc(32), log), 2);
  } finally {
    console.error = origError;
  }
});

test("a State's own system reports and submits through an API token, limited to what the token allows", async () => {
  const created = await post('/api/v1/me/tokens', ken.headers, { name: 'national case system', expiresInDays: 30, permissions: ['state_reports.submit'] });
  assert.equal(created.statusCode, 200, created.body);
  const bearer = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/incidents/cases', headers: bearer, payload: caseDocument('KEN') });
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json<{ id: string; reportingState: string }>();
  assert.equal((await t.app.inject({ method: 'POST', url: url(c, '/submit'), headers: bearer })).statusCode, 200);
  // The token was not given read permissions: it cannot read the case back.
  assert.equal((await t.app.inject({ method: 'GET', url: url(c), headers: bearer })).statusCode, 403);
});

test('the OpenAPI document describes the incident endpoints and their value sets', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
  for (const p of ['/api/v1/incidents/cases', '/api/v1/incidents/cases/{state}/{id}', '/api/v1/incidents/cases/{state}/{id}/submit', '/api/v1/incidents/duplicates']) assert.ok(paths.includes(p), p);
  assert.ok(res.body.includes('ForcedCriminality') && res.body.includes('not_collected'));
});

const del = (path: string, headers: SignedIn['headers']) => t.app.inject({ method: 'DELETE', url: path, headers });
const put = (path: string, headers: SignedIn['headers'], payload: unknown) => t.app.inject({ method: 'PUT', url: path, headers, payload: payload as object });

test('a State revokes a share: the organisation no longer sees the case, and the revocation is audited', async () => {
  const c = await reportCase(t.app, ken.headers);
  const agencyOrg = await createOrganisation(t.database.db, { type: 'un_entity', countryIso3: null });
  const agency = (await signedInUser(t.app, t.database.db, { organisationId: agencyOrg.id, roles: ['agency_focal_point'] })).auth;
  assert.equal((await post(url(c, '/shares'), ken.headers, { organisationId: agencyOrg.id })).statusCode, 200);
  const shares = await get(url(c, '/shares'), ken.headers);
  assert.equal(shares.statusCode, 200, shares.body);
  assert.deepEqual(shares.json<{ items: { organisationId: string }[] }>().items.map((s) => s.organisationId), [agencyOrg.id]);
  // Another State and the agency itself cannot revoke it.
  assert.equal((await del(url(c, `/shares/${agencyOrg.id}`), uga.headers)).statusCode, 404);
  assert.equal((await del(url(c, `/shares/${agencyOrg.id}`), agency.headers)).statusCode, 403);
  const revoked = await del(url(c, `/shares/${agencyOrg.id}`), ken.headers);
  assert.equal(revoked.statusCode, 200, revoked.body);
  const seen = await get('/api/v1/incidents/shared-cases', agency.headers);
  assert.ok(!seen.json<{ items: { id: string }[] }>().items.some((i) => i.id === c.id));
  assert.equal((await del(url(c, `/shares/${agencyOrg.id}`), ken.headers)).statusCode, 404, 'no share left to revoke');
  const audit = await t.database.db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', `KEN/${c.id}`).where('action', '=', 'case.unshare').execute();
  assert.equal(audit.length, 1);
  assert.deepEqual(audit[0]!.changes, { organisationId: agencyOrg.id });
});

test("retention over HTTP: the State's focal point and the Coordinator's administrator set it, audited; others cannot", async () => {
  const path = '/api/v1/incidents/states/ken/retention';
  const initial = await get(path, ken.headers);
  assert.equal(initial.statusCode, 200, initial.body);
  const { reportingState, retentionYears: before } = initial.json<{ reportingState: string; retentionYears: number | null }>();
  assert.equal(reportingState, 'KEN');
  const set = await put(path, ken.headers, { retentionYears: 12 });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json<{ retentionYears: number }>().retentionYears, 12);
  const byAdmin = await put(path, admin.headers, { retentionYears: null });
  assert.equal(byAdmin.statusCode, 200, byAdmin.body);
  assert.equal((await get(path, ken.headers)).json<{ retentionYears: number | null }>().retentionYears, null);
  assert.equal((await put(path, uga.headers, { retentionYears: 1 })).statusCode, 404, 'another State');
  assert.equal((await put(path, analyst.headers, { retentionYears: 1 })).statusCode, 403, 'analysts read, they do not set');
  assert.equal((await get(path, analyst.headers)).statusCode, 403);
  for (const bad of [{ retentionYears: 0 }, { retentionYears: 201 }, { retentionYears: 'ten' }, {}, { retentionYears: 5, extra: true }]) {
    const res = await put(path, ken.headers, bad);
    assert.equal(res.statusCode, 400, `${JSON.stringify(bad)}: ${res.body}`);
  }
  assert.equal((await t.app.inject({ method: 'PUT', url: '/api/v1/incidents/states/KEN/retention', payload: { retentionYears: 3 } })).statusCode, 401);
  const audit = await t.database.db.selectFrom('audit_events').select(['changes', 'actor_user_id']).where('action', '=', 'case.retention_set').where('entity_id', '=', 'KEN').orderBy('id').execute();
  assert.deepEqual(
    audit.map((a) => a.changes),
    [{ retentionYears: { from: before, to: 12 } }, { retentionYears: { from: 12, to: null } }],
  );
  assert.equal(audit[1]!.actor_user_id, admin.user.id);
});

test("a State's own statistics count consenting victims by year, form, sex and age band, without identifiers", async () => {
  const gha = (await signedInUser(t.app, t.database.db, { roles: [{ role: 'state_focal_point', countryIso3: 'GHA' }] })).auth;
  const doc = caseDocument('GHA');
  const victim = (doc.victims as Record<string, unknown>[])[0]!;
  const c = await reportCase(t.app, gha.headers, caseDocument('GHA', {
    victims: [victim, { ...victim, ref: 'V2', identifiers: undefined, gender: { value: 'Masculine' } }, { ...victim, ref: 'V3', identifiers: undefined, consentToCount: false }],
    links: [],
  }));
  const path = '/api/v1/incidents/states/GHA/statistics';
  const draftOnly = await get(path, gha.headers);
  assert.equal(draftOnly.statusCode, 200, draftOnly.body);
  assert.deepEqual(draftOnly.json<{ counts: unknown[] }>().counts, [], 'drafts are not counted unless asked');
  assert.equal((await post(url(c, '/submit'), gha.headers)).statusCode, 200);
  const res = await get(path, gha.headers);
  const counts = res.json<{ counts: { dimension: string; year: number; key: string | null; n: number }[] }>().counts;
  const n = (dimension: string, key: string | null) => counts.find((x) => x.dimension === dimension && x.key === key && x.year === 2024)?.n;
  assert.equal(n('total', null), 2, 'the victim without consent to count is left out');
  assert.equal(n('sex', 'Feminine'), 1);
  assert.equal(n('sex', 'Masculine'), 1);
  assert.equal(n('form', 'ForcedLabour'), 2);
  assert.equal(n('ageBand', '21-23'), 2);
  assert.ok(!res.body.includes('Nakato'));
  assert.equal((await get(`${path}?status=draft`, gha.headers)).json<{ counts: unknown[] }>().counts.length, 0);
  assert.equal((await get(`${path}?status=bogus`, gha.headers)).statusCode, 400);
  assert.equal((await get(path, ken.headers)).statusCode, 404, 'another State');
  assert.equal((await get(path, analyst.headers)).statusCode, 200, 'the Coordinator reads every State');
});

test('the OpenAPI document lists the sharing, retention and statistics endpoints', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json<{ paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> }>();
  for (const [p, method] of [
    ['/api/v1/incidents/cases/{state}/{id}/shares/{organisationId}', 'delete'],
    ['/api/v1/incidents/states/{state}/retention', 'put'],
    ['/api/v1/incidents/states/{state}/statistics', 'get'],
    ['/api/v1/incidents/intake', 'get'],
  ] as const) {
    const op = doc.paths[p]?.[method];
    assert.ok(op, `${method} ${p}`);
    assert.deepEqual(op.tags, ['incidents']);
    assert.ok(op.summary);
  }
  assert.ok(res.body.includes('Bearer'), 'the API token use is documented');
});
