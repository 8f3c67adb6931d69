import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../../app.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { testSettings } from '../../../test/helpers/settings.ts';
import { createUser } from '../../../test/helpers/users.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../http/app-type.ts';
import { createLogger } from '../logger.ts';
import { credentialsChanged } from './credential-cache.ts';
import { hashSecret, newSecret, SESSION_COOKIE } from './credentials.ts';

let database: Database;
let app: App;
before(async () => {
  database = await testDatabase();
  app = await buildApp({ database, logger: createLogger('silent'), settings: testSettings({ session: { idleMinutes: 30, absoluteHours: 12, cacheSeconds: 1 } }) });
  app.get('/api/v1/probe', { config: { access: { signedIn: true } } }, async (req) => ({ kind: req.actor.kind }));
});
after(async () => {
  await app.close();
  await database.close();
});

async function session(): Promise<{ userId: string; cookie: string; hash: string }> {
  const user = await createUser(database.db, { roles: [] });
  const token = newSecret();
  await database.db
    .insertInto('sessions')
    .values({ id: hashSecret(token), user_id: user.id, csrf_token: newSecret(), two_factor_passed: false, ip: null, user_agent: null, expires_at: new Date(Date.now() + 3600_000), revoked_at: null })
    .execute();
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${token}`, hash: hashSecret(token) };
}

const probe = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/probe', headers: { cookie } });

test('a change announced with credentialsChanged takes effect at once', async () => {
  const s = await session();
  assert.equal((await probe(s.cookie)).statusCode, 200);
  await database.db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', s.hash).execute();
  credentialsChanged(s.userId);
  assert.equal((await probe(s.cookie)).statusCode, 401);
});

test('an unannounced change (another process) is seen once the cache time has passed', async () => {
  const s = await session();
  assert.equal((await probe(s.cookie)).statusCode, 200);
  await database.db.updateTable('users').set({ status: 'suspended' }).where('id', '=', s.userId).execute();
  assert.equal((await probe(s.cookie)).statusCode, 200, 'still trusted within cacheSeconds');
  await new Promise((r) => setTimeout(r, 1100));
  assert.equal((await probe(s.cookie)).statusCode, 401);
});

test("announcing one user's change leaves other users' entries alone", async () => {
  const a = await session();
  const b = await session();
  await probe(a.cookie);
  await probe(b.cookie);
  await database.db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', 'in', [a.hash, b.hash]).execute();
  credentialsChanged(a.userId);
  assert.equal((await probe(a.cookie)).statusCode, 401);
  assert.equal((await probe(b.cookie)).statusCode, 200, 'b is still cached');
});
