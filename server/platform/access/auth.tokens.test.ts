import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, signIn, signedInUser, type SignedIn } from '../../../test/helpers/users.ts';
import { hashSecret } from './credentials.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const create = (s: SignedIn, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: s.headers, payload });
const bearer = (token: string, url = '/api/v1/me') => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

test('a token is shown once, stored hashed, listed by prefix, and works as Bearer', async () => {
  const user = await createUser(t.database.db, { roles: ['agency_focal_point'] });
  const s = await signIn(t.app, user.email);
  const res = await create(s, { name: 'Agency system', expiresInDays: 90 });
  assert.equal(res.statusCode, 200, res.body);
  const created = res.json();
  assert.match(created.token, /^tph_[\w-]{43}$/);
  assert.equal(created.permissions, null);
  assert.ok(created.token.startsWith(created.prefix));
  const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
  assert.ok(days > 89.9 && days <= 90, `expires in ${days} days`);
  const row = await t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
  assert.equal(row.token_hash, hashSecret(created.token));
  assert.ok(!JSON.stringify(row).includes(created.token));

  const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: s.headers });
  assert.equal(list.statusCode, 200);
  assert.deepEqual(list.json().items.map((i: { id: string }) => i.id), [created.id]);
  assert.ok(!list.body.includes(created.token), 'never shown again');

  const me = await bearer(created.token);
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().id, user.id);
  const audit = await t.database.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'token.create').executeTakeFirstOrThrow();
  assert.equal(audit.entity_id, created.id);
});

test('an expired token is refused', async () => {
  const user = await signedInUser(t.app, t.database.db, { roles: ['donor'] });
  const { token, id } = (await create(user.auth, { name: 'short-lived', expiresInDays: 1 })).json();
  assert.equal((await bearer(token)).statusCode, 200);
  await t.database.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
  assert.equal((await bearer(token)).statusCode, 401);
});

test('a revoked token is refused; only the owner can revoke it', async () => {
  const user = await signedInUser(t.app, t.database.db, { roles: ['donor'] });
  const other = await signedInUser(t.app, t.database.db, { roles: ['donor'] });
  const { token, id } = (await create(user.auth, { name: 'to revoke', expiresInDays: 10 })).json();
  const foreign = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: other.auth.headers });
  assert.equal(foreign.statusCode, 404);
  assert.equal((await bearer(token)).statusCode, 200);
  const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: user.auth.headers });
  assert.equal(revoke.statusCode, 204);
  assert.equal((await bearer(token)).statusCode, 401);
  const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: user.auth.headers })).json();
  assert.ok(list.items[0].revokedAt);
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: user.auth.headers })).statusCode, 404);
});

test('a token narrower than its owner: a permission it lacks is refused (403)', async () => {
  const user = await signedInUser(t.app, t.database.db, { roles: ['agency_focal_point'] });
  const res = await create(user.auth, { name: 'profile only', expiresInDays: 5, permissions: ['account.manage_own'] });
  assert.equal(res.statusCode, 200, res.body);
  const { token } = res.json();
  assert.equal((await bearer(token)).statusCode, 200);
  // The owner may manage tokens, the token may not.
  assert.equal((await bearer(token, '/api/v1/me/tokens')).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: user.auth.headers })).statusCode, 200);
  assert.deepEqual((await bearer(token)).json().permissions, ['account.manage_own']);
});

test('a token cannot be wider than its owner, nor make other tokens', async () => {
  const user = await signedInUser(t.app, t.database.db, { roles: ['editor'] });
  const wider = await create(user.auth, { name: 'admin please', expiresInDays: 5, permissions: ['content.edit', 'users.manage'] });
  assert.equal(wider.statusCode, 403);
  assert.equal(wider.json().error.details[0].value, 'users.manage');
  const { token } = (await create(user.auth, { name: 'all mine', expiresInDays: 5 })).json();
  const fromToken = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: { authorization: `Bearer ${token}` }, payload: { name: 'child', expiresInDays: 5 } });
  assert.equal(fromToken.statusCode, 403);
  for (const expiresInDays of [0, 366, 1.5]) assert.equal((await create(user.auth, { name: 'x', expiresInDays })).statusCode, 400, `${expiresInDays} days`);
});

test('a user with no role still manages their own tokens, which can do nothing more than the user', async () => {
  const user = await createUser(t.database.db);
  const s = await signIn(t.app, user.email);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: s.headers })).statusCode, 200);
  assert.equal((await create(s, { name: 'x', expiresInDays: 5 })).statusCode, 200);
  assert.equal((await create(s, { name: 'wider', expiresInDays: 5, permissions: ['users.read'] })).statusCode, 403);
});
