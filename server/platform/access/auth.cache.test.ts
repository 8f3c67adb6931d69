// With the credential cache on (as in production), every change made through these routes
// takes effect at once: revoked sessions and tokens, a passed second factor, a new language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../../app.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../http/app-type.ts';
import { createLogger } from '../logger.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { testSettings } from '../../../test/helpers/settings.ts';
import { createUser, signIn, signInPassed, type SignedIn } from '../../../test/helpers/users.ts';
import { hashSecret } from './credentials.ts';
import { totpCode } from './totp.ts';

let database: Database;
let app: App;
before(async () => {
  database = await testDatabase();
  const base = testSettings();
  app = await buildApp({ database, logger: createLogger('silent'), settings: { ...base, session: { ...base.session, cacheSeconds: 300 } } });
});
after(async () => {
  await app.close();
  await database.close();
});

const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/me', headers });
const write = (s: SignedIn, method: 'POST' | 'DELETE' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

test('sign-out, revoking a session and revoke-all take effect at once', async () => {
  const user = await createUser(database.db, { roles: ['editor'] });
  const a = await signIn(app, user.email);
  const b = await signIn(app, user.email);
  const c = await signIn(app, user.email);
  for (const s of [a, b, c]) assert.equal((await me(s.headers)).statusCode, 200, 'cached');
  assert.equal((await write(b, 'POST', '/auth/sign-out')).statusCode, 204);
  assert.equal((await me(b.headers)).statusCode, 401);
  assert.equal((await write(a, 'DELETE', `/me/sessions/${hashSecret(c.session)}`)).statusCode, 204);
  assert.equal((await me(c.headers)).statusCode, 401);
  assert.equal((await write(a, 'POST', '/me/sessions/revoke-all')).statusCode, 204);
  assert.equal((await me(a.headers)).statusCode, 401);
});

test('a revoked token is refused at once; a planted session is gone at once after sign-in', async () => {
  const user = await createUser(database.db, { roles: ['donor'] });
  const s = await signInPassed(app, database.db, user.email);
  const { token, id } = (await write(s, 'POST', '/me/tokens', { name: 'cached', expiresInDays: 3 })).json();
  const bearer = { authorization: `Bearer ${token}` };
  assert.equal((await me(bearer)).statusCode, 200);
  assert.equal((await write(s, 'DELETE', `/me/tokens/${id}`)).statusCode, 204);
  assert.equal((await me(bearer)).statusCode, 401);

  const planted = await signIn(app, user.email);
  assert.equal((await me(planted.headers)).statusCode, 200);
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: planted.headers, payload: { email: user.email, password: user.password } });
  assert.equal(res.statusCode, 200);
  assert.equal((await me(planted.headers)).statusCode, 401);
});

test('passing the second factor and changing the language show at once', async () => {
  const user = await createUser(database.db, { roles: ['coordinator_analyst'] });
  const s = await signIn(app, user.email);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: s.headers })).statusCode, 403);
  const { secret } = (await write(s, 'POST', '/auth/two-factor/enrol')).json();
  assert.equal((await write(s, 'POST', '/auth/two-factor/confirm', { code: totpCode(secret) })).statusCode, 200);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: s.headers })).statusCode, 200);
  assert.equal((await write(s, 'PATCH', '/me', { preferredLanguage: 'ar' })).json().preferredLanguage, 'ar');
  assert.equal((await me(s.headers)).json().preferredLanguage, 'ar');
});
