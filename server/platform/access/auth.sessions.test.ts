import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, signIn, TEST_PASSWORD, type SignedIn } from '../../../test/helpers/users.ts';
import { hashSecret } from './credentials.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
const patchMe = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload });
const sessionRow = (s: SignedIn) => t.database.db.updateTable('sessions').where('id', '=', hashSecret(s.session));

test('CSRF: a cookie-authenticated write needs the session token in X-CSRF-Token', async () => {
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const s = await signIn(t.app, user.email);
  assert.equal((await patchMe({ cookie: s.cookie }, { displayName: 'No token' })).statusCode, 403);
  assert.equal((await patchMe({ cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrfToken.length) }, { displayName: 'Wrong token' })).statusCode, 403);
  // Another session's token is wrong too.
  const other = await signIn(t.app, user.email);
  assert.equal((await patchMe({ cookie: s.cookie, 'x-csrf-token': other.csrfToken }, { displayName: 'Other token' })).statusCode, 403);
  const ok = await patchMe(s.headers, { displayName: 'Right token', preferredLanguage: 'fr' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().displayName, 'Right token');
  assert.equal(ok.json().preferredLanguage, 'fr');
  const audit = await t.database.db.selectFrom('audit_events').select('changes').where('action', '=', 'user.update').where('entity_id', '=', user.id).executeTakeFirstOrThrow();
  assert.deepEqual((audit.changes as { preferredLanguage: unknown }).preferredLanguage, { from: 'en', to: 'fr' });
});

test('CSRF: a write with a Bearer API token needs no CSRF token', async () => {
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const s = await signIn(t.app, user.email);
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: s.headers, payload: { name: 'machine', expiresInDays: 30 } });
  assert.equal(created.statusCode, 200, created.body);
  const res = await patchMe({ authorization: `Bearer ${created.json().token}` }, { displayName: 'Set by a machine' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().displayName, 'Set by a machine');
});

test('idle expiry: a session unused for longer than the idle timeout is refused', async () => {
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const s = await signIn(t.app, user.email);
  assert.equal((await me(s.headers)).statusCode, 200);
  await sessionRow(s).set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).execute();
  assert.equal((await me(s.headers)).statusCode, 401);
});

test('use keeps a session alive: last_seen_at moves on', async () => {
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const s = await signIn(t.app, user.email);
  await sessionRow(s).set({ last_seen_at: new Date(Date.now() - 20 * 60_000) }).execute();
  assert.equal((await me(s.headers)).statusCode, 200);
  const row = await t.database.db.selectFrom('sessions').select('last_seen_at').where('id', '=', hashSecret(s.session)).executeTakeFirstOrThrow();
  assert.ok(Date.now() - row.last_seen_at.getTime() < 60_000);
});

test('absolute expiry: a session past its expiry is refused however recently used', async () => {
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const s = await signIn(t.app, user.email);
  const row = await t.database.db.selectFrom('sessions').select(['created_at', 'expires_at']).where('id', '=', hashSecret(s.session)).executeTakeFirstOrThrow();
  assert.equal(row.expires_at.getTime() - row.created_at.getTime(), 12 * 3_600_000, 'absoluteHours from settings');
  await sessionRow(s).set({ expires_at: new Date(Date.now() - 1000), last_seen_at: new Date() }).execute();
  assert.equal((await me(s.headers)).statusCode, 401);
});

test('sessions: listed with the current one flagged; one revoked is refused; revoke-all ends every one', async () => {
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const a = await signIn(t.app, user.email);
  const b = await signIn(t.app, user.email);
  const c = await signIn(t.app, user.email);
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/sessions', headers: a.headers });
  assert.equal(list.statusCode, 200);
  const items = list.json<{ items: { id: string; current: boolean }[] }>().items;
  assert.equal(items.length, 3);
  assert.deepEqual(items.filter((i) => i.current).map((i) => i.id), [hashSecret(a.session)]);

  // Revoke b from a; b is refused, a still works.
  const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${hashSecret(b.session)}`, headers: a.headers });
  assert.equal(revoke.statusCode, 204);
  assert.equal((await me(b.headers)).statusCode, 401);
  assert.equal((await me(a.headers)).statusCode, 200);
  // Again: it is gone. Another user's session: not found either.
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${hashSecret(b.session)}`, headers: a.headers })).statusCode, 404);
  const stranger = await signIn(t.app, (await createUser(t.database.db, { roles: ['editor'] })).email);
  assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/sessions/${hashSecret(stranger.session)}`, headers: a.headers })).statusCode, 404);
  assert.equal((await me(stranger.headers)).statusCode, 200);

  const all = await t.app.inject({ method: 'POST', url: '/api/v1/me/sessions/revoke-all', headers: a.headers });
  assert.equal(all.statusCode, 204);
  assert.equal((await me(a.headers)).statusCode, 401);
  assert.equal((await me(c.headers)).statusCode, 401);
});

test('changing the password: checks the current one, at least 12 characters, ends the other sessions', async () => {
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const a = await signIn(t.app, user.email);
  const b = await signIn(t.app, user.email);
  const change = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: a.headers, payload });
  const wrong = await change({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
  assert.equal(wrong.statusCode, 400);
  const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
  assert.equal(short.statusCode, 400);
  const ok = await change({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' });
  assert.equal(ok.statusCode, 204, ok.body);
  assert.equal((await me(a.headers)).statusCode, 200, 'the current session stays');
  assert.equal((await me(b.headers)).statusCode, 401, 'other sessions end');
  await assert.rejects(signIn(t.app, user.email, TEST_PASSWORD));
  await signIn(t.app, user.email, 'a brand new passphrase');
  const stored = await t.database.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
  assert.match(stored.password_hash ?? '', /^\$argon2id\$/);
});

test('anonymous requests to own-account routes get 401', async () => {
  for (const [method, url] of [
    ['GET', '/api/v1/me'],
    ['GET', '/api/v1/me/sessions'],
    ['GET', '/api/v1/me/tokens'],
    ['POST', '/api/v1/auth/sign-out'],
    ['POST', '/api/v1/auth/two-factor/enrol'],
  ] as const) {
    assert.equal((await t.app.inject({ method, url })).statusCode, 401, `${method} ${url}`);
  }
});
