import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, createUser, signedInUser, signIn, signInPassed, type SignedIn, type TestOrganisation } from '../../../test/helpers/users.ts';
import { testSettings } from '../../../test/helpers/settings.ts';
import { buildApp } from '../../app.ts';
import { createLogger } from '../logger.ts';
import { newApiToken } from './credentials.ts';

let t: TestApp;
let secretariat: TestOrganisation;
let unodc: TestOrganisation;
let admin: Awaited<ReturnType<typeof signedInUser>>;

before(async () => {
  t = await testApp();
  secretariat = await createOrganisation(t.database.db, { type: 'secretariat', name: 'Secretariat', countryIso3: null });
  unodc = await createOrganisation(t.database.db, { type: 'un_entity', name: 'United Nations Office on Drugs and Crime', acronym: 'UNODC', countryIso3: 'AUT' });
  admin = await signedInUser(t.app, t.database.db, { organisationId: secretariat.id, roles: ['coordinator_admin'] });
});

after(() => t.close());

const as = (auth: SignedIn | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, ...(auth ? { headers: auth.headers } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });

/** The audit actions recorded on an entity, but for sign-ins (the tests sign users in). */
async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).where('action', 'not like', 'auth.sign_in%').orderBy('id').execute();
  return rows.map((r) => r.action);
}

function outboxTokenFor(body: string): string {
  const token = /token=([\w%-]+)/.exec(body)?.[1];
  assert.ok(token, `no token link in ${body}`);
  return decodeURIComponent(token);
}

const newUser = (email: string, grants: unknown[] = [{ role: 'agency_focal_point', organisationId: unodc.id }]) => ({
  email,
  displayName: 'Ana Invited',
  organisationId: unodc.id,
  preferredLanguage: 'es',
  grants,
});

test('user administration refuses anonymous visitors (401) and users without the permission (403)', async () => {
  const agency = await signedInUser(t.app, t.database.db, { organisationId: unodc.id, roles: ['agency_focal_point'] });
  const auditor = await signedInUser(t.app, t.database.db, { organisationId: secretariat.id, roles: ['auditor'] });
  const someone = admin.id;
  const routes: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
    ['GET', '/admin/users'],
    ['GET', `/admin/users/${someone}`],
    ['POST', '/admin/users', newUser('nobody@example.org')],
    ['PATCH', `/admin/users/${someone}`, { displayName: 'X' }],
    ['POST', `/admin/users/${someone}/invitation`],
    ['POST', `/admin/users/${someone}/grants`, { role: 'editor' }],
    ['DELETE', `/admin/users/${someone}/grants/${someone}`],
    ['POST', `/admin/users/${someone}/sessions/revoke`],
    ['GET', '/admin/tokens'],
    ['DELETE', `/admin/tokens/${someone}`],
    ['GET', '/admin/outbox'],
  ];
  for (const [method, url, payload] of routes) {
    assert.equal((await as(null, method, url, payload)).statusCode, 401, `anonymous ${method} ${url}`);
    assert.equal((await as(agency.auth, method, url, payload)).statusCode, 403, `agency focal point ${method} ${url}`);
    assert.equal((await as(auditor.auth, method, url, payload)).statusCode, 403, `auditor ${method} ${url}`);
  }

  // The analyst may read the list (users.read) but change nothing.
  const analyst = await signedInUser(t.app, t.database.db, { organisationId: secretariat.id, roles: ['coordinator_analyst'] });
  assert.equal((await as(analyst.auth, 'GET', '/admin/users')).statusCode, 200);
  assert.equal((await as(analyst.auth, 'GET', `/admin/users/${someone}`)).statusCode, 200);
  assert.equal((await as(analyst.auth, 'POST', '/admin/users', newUser('nobody@example.org'))).statusCode, 403);
  assert.equal((await as(analyst.auth, 'GET', '/admin/outbox')).statusCode, 403);
  // Nothing was created by the refused requests.
  assert.equal(await t.database.db.selectFrom('users').select('id').where('email', '=', 'nobody@example.org').executeTakeFirst(), undefined);
});

test('an administrator invites a user: invited status, grants, mail in the outbox, audit events in one go', async () => {
  const res = await as(admin.auth, 'POST', '/admin/users', newUser('Ana.Invited@Example.org'));
  assert.equal(res.statusCode, 201, res.body);
  const body = res.json<{ user: { id: string; email: string; status: string; grants: { role: string; organisationId: string }[] }; invitation: { transport: string } }>();
  assert.equal(body.user.email, 'ana.invited@example.org');
  assert.equal(body.user.status, 'invited');
  assert.deepEqual(
    body.user.grants.map((g) => [g.role, g.organisationId]),
    [['agency_focal_point', unodc.id]],
  );
  assert.equal(body.invitation.transport, 'outbox');

  const outbox = await as(admin.auth, 'GET', '/admin/outbox');
  assert.equal(outbox.statusCode, 200);
  const mail = outbox.json<{ items: { to: string; subject: string; body: string }[] }>().items[0]!;
  assert.equal(mail.to, 'ana.invited@example.org');
  assert.equal(mail.subject, 'Su invitación a TIP Hub', 'in the invitee’s language');
  assert.match(mail.body, /http:\/\/127\.0\.0\.1:8080\/accept-invitation\?token=/);
  assert.match(mail.body, /United Nations Office on Drugs and Crime/);

  assert.deepEqual(await auditActions(body.user.id), ['user.create', 'role.grant', 'user.invite']);
  const event = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', body.user.id).where('action', '=', 'user.create').executeTakeFirstOrThrow();
  assert.equal(event.actor_user_id, admin.id);

  // The same address twice is a conflict.
  assert.equal((await as(admin.auth, 'POST', '/admin/users', newUser('ana.invited@example.org'))).statusCode, 409);

  // The invitation link works: the invitee sees who it is for, accepts, signs in.
  const token = outboxTokenFor(mail.body);
  const shown = await t.app.inject({ method: 'GET', url: `/api/v1/auth/invitation/${encodeURIComponent(token)}` });
  assert.equal(shown.statusCode, 200, shown.body);
  assert.deepEqual(shown.json(), { email: 'ana.invited@example.org', displayName: 'Ana Invited', organisationName: 'United Nations Office on Drugs and Crime', preferredLanguage: 'es' });
  const accepted = await t.app.inject({ method: 'POST', url: '/api/v1/auth/invitation/accept', payload: { token, password: 'a long enough password' } });
  assert.equal(accepted.statusCode, 200, accepted.body);
  await signIn(t.app, 'ana.invited@example.org', 'a long enough password');
});

test('resending an invitation invalidates the earlier link', async () => {
  const created = await as(admin.auth, 'POST', '/admin/users', newUser('resend@example.org'));
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json<{ user: { id: string } }>().user.id;
  const first = outboxTokenFor((await t.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'resend@example.org').executeTakeFirstOrThrow()).body_text);

  const resent = await as(admin.auth, 'POST', `/admin/users/${id}/invitation`);
  assert.equal(resent.statusCode, 200, resent.body);
  const mails = await t.database.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'resend@example.org').orderBy('created_at', 'desc').execute();
  assert.equal(mails.length, 2);
  const second = outboxTokenFor(mails[0]!.body_text);
  assert.notEqual(first, second);

  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/auth/invitation/${encodeURIComponent(first)}` })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/auth/invitation/${encodeURIComponent(second)}` })).statusCode, 200);
  assert.deepEqual(await auditActions(id), ['user.create', 'role.grant', 'user.invite', 'user.invite']);

  // An active user has no invitation to resend.
  assert.equal((await as(admin.auth, 'POST', `/admin/users/${admin.id}/invitation`)).statusCode, 409);
});

test('grants are checked against their role: a State for state_focal_point, an organisation for scoped roles, nothing for global ones', async () => {
  const user = await createUser(t.database.db, { organisationId: unodc.id, roles: [] });
  const grant = (payload: unknown) => as(admin.auth, 'POST', `/admin/users/${user.id}/grants`, payload);

  const refused: [unknown, string][] = [
    [{ role: 'state_focal_point' }, 'countryIso3'],
    [{ role: 'state_focal_point', countryIso3: 'KEN', organisationId: unodc.id }, 'organisationId'],
    [{ role: 'state_focal_point', countryIso3: 'XXX' }, 'countryIso3'],
    [{ role: 'agency_focal_point' }, 'organisationId'],
    [{ role: 'ngo_contributor', organisationId: unodc.id, countryIso3: 'KEN' }, 'countryIso3'],
    [{ role: 'donor', organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
    [{ role: 'coordinator_analyst', organisationId: unodc.id }, 'organisationId'],
    [{ role: 'auditor', countryIso3: 'KEN' }, 'countryIso3'],
  ];
  for (const [payload, field] of refused) {
    const res = await grant(payload);
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
    const error = res.json<{ error: { code: string; details: { field: string }[] } }>().error;
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.equal(error.details[0]?.field, `grant.${field}`, JSON.stringify(payload));
  }
  assert.deepEqual(await auditActions(user.id), [], 'refused grants leave no trace but their refusal');

  const ok = await grant({ role: 'state_focal_point', countryIso3: 'ken' });
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual(
    ok.json<{ grants: { role: string; countryIso3: string | null; organisationId: string | null }[] }>().grants.map((g) => [g.role, g.countryIso3, g.organisationId]),
    [['state_focal_point', 'KEN', null]],
  );
  assert.equal((await grant({ role: 'state_focal_point', countryIso3: 'KEN' })).statusCode, 409, 'the same grant twice');
  assert.equal((await grant({ role: 'agency_focal_point', organisationId: unodc.id })).statusCode, 201);
  assert.equal((await grant({ role: 'editor' })).statusCode, 201);

  // Revoking one
  const detail = (await as(admin.auth, 'GET', `/admin/users/${user.id}`)).json<{ grants: { id: string; role: string }[] }>();
  const editor = detail.grants.find((g) => g.role === 'editor')!;
  const removed = await as(admin.auth, 'DELETE', `/admin/users/${user.id}/grants/${editor.id}`);
  assert.equal(removed.statusCode, 200, removed.body);
  assert.deepEqual(
    removed
      .json<{ grants: { role: string }[] }>()
      .grants.map((g) => g.role)
      .sort(),
    ['agency_focal_point', 'state_focal_point'],
  );
  assert.equal((await as(admin.auth, 'DELETE', `/admin/users/${user.id}/grants/${editor.id}`)).statusCode, 404);
  assert.deepEqual(await auditActions(user.id), ['role.grant', 'role.grant', 'role.grant', 'role.revoke']);
});

test('an administrator can neither suspend themselves nor remove their own last coordinator_admin grant', async () => {
  assert.equal((await as(admin.auth, 'PATCH', `/admin/users/${admin.id}`, { status: 'suspended' })).statusCode, 409);
  const own = (await as(admin.auth, 'GET', `/admin/users/${admin.id}`)).json<{ grants: { id: string; role: string }[] }>();
  const adminGrant = own.grants.find((g) => g.role === 'coordinator_admin')!;
  assert.equal((await as(admin.auth, 'DELETE', `/admin/users/${admin.id}/grants/${adminGrant.id}`)).statusCode, 409);
  assert.equal((await as(admin.auth, 'GET', '/admin/users')).statusCode, 200, 'still an administrator');

  // Another administrator may.
  const other = await signedInUser(t.app, t.database.db, { organisationId: secretariat.id, roles: ['coordinator_admin'] });
  const otherGrant = (await as(admin.auth, 'GET', `/admin/users/${other.id}`)).json<{ grants: { id: string }[] }>().grants[0]!;
  assert.equal((await as(admin.auth, 'DELETE', `/admin/users/${other.id}/grants/${otherGrant.id}`)).statusCode, 200);
  assert.equal((await as(other.auth, 'GET', '/admin/users')).statusCode, 403, 'the removed role takes effect at once');
});

test('suspending a user revokes their sessions and API tokens at once; reactivating lets them sign in again', async () => {
  const user = await signedInUser(t.app, t.database.db, { organisationId: unodc.id, roles: ['agency_focal_point'] });
  const api = newApiToken();
  await t.database.db
    .insertInto('api_tokens')
    .values({ user_id: user.id, name: 'agency system', prefix: api.prefix, token_hash: api.hash, permissions: null, expires_at: new Date(Date.now() + 86_400_000), revoked_at: null, last_used_at: null })
    .execute();
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.auth.headers })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${api.token}` } })).statusCode, 200);

  const detail = await as(admin.auth, 'GET', `/admin/users/${user.id}`);
  assert.equal(detail.json<{ activeSessions: number }>().activeSessions, 1);
  assert.equal(detail.json<{ tokens: unknown[] }>().tokens.length, 1);

  const suspended = await as(admin.auth, 'PATCH', `/admin/users/${user.id}`, { status: 'suspended', displayName: 'Renamed' });
  assert.equal(suspended.statusCode, 200, suspended.body);
  assert.equal(suspended.json<{ status: string; activeSessions: number }>().status, 'suspended');
  assert.equal(suspended.json<{ activeSessions: number }>().activeSessions, 0);

  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.auth.headers })).statusCode, 401, 'session revoked');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${api.token}` } })).statusCode, 401, 'token revoked');
  await assert.rejects(signIn(t.app, user.email), 'a suspended user cannot sign in');

  const reactivated = await as(admin.auth, 'PATCH', `/admin/users/${user.id}`, { status: 'active' });
  assert.equal(reactivated.statusCode, 200, reactivated.body);
  await signIn(t.app, user.email);

  assert.deepEqual(await auditActions(user.id), ['user.update', 'user.suspend', 'user.activate']);
  const suspendEvent = await t.database.db.selectFrom('audit_events').select('changes').where('entity_id', '=', user.id).where('action', '=', 'user.suspend').executeTakeFirstOrThrow();
  assert.deepEqual(suspendEvent.changes, { status: { from: 'active', to: 'suspended' }, sessionsRevoked: 1, tokensRevoked: 1 });

  // An invited user cannot be activated by hand: they have no password yet.
  const invited = await createUser(t.database.db, { organisationId: unodc.id, status: 'invited', password: null, roles: ['agency_focal_point'] });
  assert.equal((await as(admin.auth, 'PATCH', `/admin/users/${invited.id}`, { status: 'active' })).statusCode, 409);
});

test('administrators revoke sessions and API tokens; the token list shows owners, never secrets', async () => {
  const user = await signedInUser(t.app, t.database.db, { organisationId: unodc.id, roles: ['agency_focal_point'] });
  const revoked = await as(admin.auth, 'POST', `/admin/users/${user.id}/sessions/revoke`);
  assert.equal(revoked.statusCode, 200, revoked.body);
  assert.deepEqual(revoked.json(), { revoked: 1 });
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.auth.headers })).statusCode, 401);

  const api = newApiToken();
  const { id } = await t.database.db
    .insertInto('api_tokens')
    .values({ user_id: user.id, name: 'IOM system', prefix: api.prefix, token_hash: api.hash, permissions: ['activities.manage'], expires_at: new Date(Date.now() + 86_400_000), revoked_at: null, last_used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const list = await as(admin.auth, 'GET', `/admin/tokens?userId=${user.id}`);
  assert.equal(list.statusCode, 200, list.body);
  const items = list.json<{ items: Record<string, unknown>[] }>().items;
  assert.equal(items.length, 1);
  assert.equal(items[0]!.userEmail, user.email);
  assert.equal(items[0]!.prefix, api.prefix);
  assert.ok(!JSON.stringify(items).includes(api.token) && !JSON.stringify(items).includes(api.hash));

  assert.equal((await as(admin.auth, 'DELETE', `/admin/tokens/${id}`)).statusCode, 204);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${api.token}` } })).statusCode, 401);
  assert.equal((await as(admin.auth, 'GET', `/admin/tokens?userId=${user.id}`)).json<{ items: unknown[] }>().items.length, 0, 'active tokens only by default');
  assert.equal((await as(admin.auth, 'GET', `/admin/tokens?userId=${user.id}&active=false`)).json<{ items: unknown[] }>().items.length, 1);
  assert.equal((await as(admin.auth, 'DELETE', `/admin/tokens/${admin.id}`)).statusCode, 404);
  assert.deepEqual(await auditActions(id), ['token.revoke']);
  assert.deepEqual(await auditActions(user.id), ['auth.session_revoked']);
});

test('the user list filters by text, status, organisation and role, and pages', async () => {
  await createUser(t.database.db, { email: 'filter-a@example.org', displayName: 'Zebra Person', organisationId: unodc.id, roles: ['ngo_contributor'] });
  await createUser(t.database.db, { email: 'filter-b@example.org', organisationId: unodc.id, status: 'suspended', roles: ['donor'] });
  const list = async (query: string) => {
    const res = await as(admin.auth, 'GET', `/admin/users?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<{ items: { email: string; roles: string[] }[]; total: number }>();
  };
  assert.deepEqual((await list('q=zebra')).items.map((u) => u.email), ['filter-a@example.org']);
  assert.deepEqual((await list('q=FILTER-&status=suspended')).items.map((u) => u.email), ['filter-b@example.org']);
  assert.deepEqual((await list('role=donor')).items.map((u) => u.email), ['filter-b@example.org']);
  assert.ok((await list(`organisationId=${unodc.id}`)).items.every((u) => u.email !== admin.email));
  const page = await list('limit=1&offset=1');
  assert.equal(page.items.length, 1);
  assert.ok(page.total > 2);
  assert.equal((await as(admin.auth, 'GET', '/admin/users?q=%25')).json<{ items: unknown[] }>().items.length, 0, 'a % is searched literally');
});

test('with the credential cache on, suspension and revocation still take effect on the next request', async () => {
  const cached = await buildApp({ database: t.database, logger: createLogger('silent'), settings: testSettings({ session: { idleMinutes: 30, absoluteHours: 12, cacheSeconds: 60 } }) });
  try {
    const boss = await signInPassed(cached, t.database.db, admin.email);
    const user = await createUser(t.database.db, { organisationId: unodc.id, roles: ['agency_focal_point'] });
    const session = await signIn(cached, user.email);
    const me = () => cached.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
    assert.equal((await me()).statusCode, 200);
    assert.equal((await me()).statusCode, 200, 'now cached');
    const res = await cached.inject({ method: 'PATCH', url: `/api/v1/admin/users/${user.id}`, headers: boss.headers, payload: { status: 'suspended' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await me()).statusCode, 401);
  } finally {
    await cached.close();
  }
});
