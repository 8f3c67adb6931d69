import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, signedInUser } from '../../../test/helpers/users.ts';
import { recordAudit } from './audit.service.ts';

let t: TestApp;
let auditor: Awaited<ReturnType<typeof signedInUser>>;
let admin: Awaited<ReturnType<typeof signedInUser>>;
const alice = '11111111-1111-4111-8111-111111111111';
const bob = '22222222-2222-4222-8222-222222222222';

interface Page {
  events: { id: number; action: string; actorUserId: string | null; entityType: string | null; entityId: string | null; occurredAt: string; changes: unknown }[];
  nextBefore: number | null;
}

before(async () => {
  t = await testApp();
  const secretariat = await createOrganisation(t.database.db, { type: 'secretariat', name: 'Secretariat', countryIso3: null });
  auditor = await signedInUser(t.app, t.database.db, { organisationId: secretariat.id, roles: ['auditor'] });
  admin = await signedInUser(t.app, t.database.db, { organisationId: secretariat.id, roles: ['coordinator_admin'] });
  const seed: [string, 'case.read' | 'case.update' | 'record.create', string, string, string][] = [
    [alice, 'case.read', 'case', 'c-1', '2026-01-10T10:00:00Z'],
    [alice, 'case.update', 'case', 'c-1', '2026-01-11T10:00:00Z'],
    [bob, 'case.read', 'case', 'c-2', '2026-01-12T10:00:00Z'],
    [bob, 'record.create', 'activity', 'a-1', '2026-01-13T10:00:00Z'],
    [alice, 'case.read', 'case', 'c-3', '2026-01-14T10:00:00Z'],
  ];
  for (const [userId, action, entityType, entityId, at] of seed) {
    await t.database.transaction((tx) => recordAudit(tx.db, { action, actor: { userId }, entityType, entityId, occurredAt: new Date(at) }));
  }
});

after(() => t.close());

async function events(query: string, who = auditor): Promise<Page> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit/events${query}`, headers: who.auth.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<Page>();
}

test('only auditors and administrators read the audit log', async () => {
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/audit/events' })).statusCode, 401);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify' })).statusCode, 401);
  for (const role of ['coordinator_analyst', 'agency_focal_point', 'state_focal_point', 'editor'] as const) {
    const user = await signedInUser(t.app, t.database.db, { roles: [role] });
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/audit/events', headers: user.auth.headers })).statusCode, 403, role);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: user.auth.headers })).statusCode, 403, role);
  }
  assert.ok((await events('', admin)).events.length > 0);
});

test('the viewer filters by actor, action, entity and time, newest first', async () => {
  const byAlice = await events(`?actor=${alice}`);
  assert.deepEqual(
    byAlice.events.map((e) => e.entityId),
    ['c-3', 'c-1', 'c-1'],
  );
  assert.deepEqual(
    (await events('?action=case.read')).events.map((e) => e.entityId),
    ['c-3', 'c-2', 'c-1'],
  );
  assert.deepEqual(
    (await events('?action=case.update,record.create')).events.map((e) => e.action),
    ['record.create', 'case.update'],
  );
  assert.deepEqual(
    (await events('?entityType=case&entityId=c-1')).events.map((e) => e.action),
    ['case.update', 'case.read'],
  );
  assert.deepEqual(
    (await events('?entityType=case&from=2026-01-11&to=2026-01-14T00:00:00Z')).events.map((e) => e.entityId),
    ['c-2', 'c-1'],
  );

  const bad = await t.app.inject({ method: 'GET', url: '/api/v1/audit/events?action=case.steal', headers: auditor.auth.headers });
  assert.equal(bad.statusCode, 400);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/audit/events?actor=alice', headers: auditor.auth.headers })).statusCode, 400);
});

test('pages with before and nextBefore', async () => {
  const first = await events('?entityType=case&limit=2');
  assert.deepEqual(
    first.events.map((e) => e.entityId),
    ['c-3', 'c-2'],
  );
  assert.ok(first.nextBefore);
  const second = await events(`?entityType=case&limit=2&before=${first.nextBefore}`);
  assert.deepEqual(
    second.events.map((e) => e.entityId),
    ['c-1', 'c-1'],
  );
  assert.equal(second.nextBefore, null, 'the last page');
});

test('reading the audit log is itself audited, with the filters used', async () => {
  await events(`?actor=${bob}&action=case.read`);
  const [read] = (await events(`?action=audit.read&actor=${auditor.id}&limit=1`)).events;
  // The newest audit.read at the time of that query is the previous read (the current one is recorded after).
  assert.ok(read);
  assert.equal(read.actorUserId, auditor.id);
  assert.equal(read.entityType, 'audit_log');
  assert.deepEqual((read.changes as { filters: unknown }).filters, { actor: bob, actions: ['case.read'], limit: 50 });
  assert.equal((read.changes as { returned: number }).returned, 1);
});

test('verify reports an intact chain and is audited', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.auth.headers });
  assert.equal(res.statusCode, 200, res.body);
  const result = res.json<{ ok: boolean; count: number }>();
  assert.equal(result.ok, true);
  assert.ok(result.count >= 5);
  const last = await t.database.db.selectFrom('audit_events').select(['action', 'actor_user_id', 'changes']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  assert.deepEqual(last, { action: 'audit.read', actor_user_id: admin.id, changes: { verify: 'intact' } });
});
