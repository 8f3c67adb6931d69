import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, TEST_PASSWORD } from '../../../test/helpers/users.ts';
import { accountKey, addressKey } from './throttle.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const attempt = (email: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress });

const count = async (action: string) =>
  (await t.database.db.selectFrom('audit_events').select(sql<number>`count(*)::int`.as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n;

/** Moves the key's lock into the past, as if its back-off had passed. */
const expireLock = (key: string) =>
  t.database.db.updateTable('sign_in_throttle').set({ locked_until: new Date(Date.now() - 1000) }).where('key', '=', key).execute();

test('the 6th attempt within a minute is refused without checking the password, and recovers after the back-off', async () => {
  const user = await createUser(t.database.db);
  const ip = '198.51.100.1';
  for (let i = 1; i <= 5; i++) {
    const res = await attempt(user.email, `wrong password ${i}`, ip);
    assert.equal(res.statusCode, 401, `attempt ${i}`);
  }
  const failedBefore = await count('auth.sign_in_failed');
  // The right password is refused too: it is not even looked at.
  const locked = await attempt(user.email, TEST_PASSWORD, ip);
  assert.equal(locked.statusCode, 429);
  assert.equal(locked.json().error.code, 'RATE_LIMITED');
  const retryAfter = Number(locked.headers['retry-after']);
  assert.ok(retryAfter > 50 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.equal(locked.cookies.length, 0);
  assert.equal(await count('auth.sign_in_failed'), failedBefore, 'not counted as a checked password');
  assert.ok((await count('auth.throttled')) >= 1);

  // Another address is refused as well: the lock is on the account.
  assert.equal((await attempt(user.email, TEST_PASSWORD, '198.51.100.2')).statusCode, 429);

  // After the back-off a wrong password right away locks again, for twice as long.
  await expireLock(accountKey(user.email));
  assert.equal((await attempt(user.email, 'still wrong', ip)).statusCode, 401);
  const again = await attempt(user.email, TEST_PASSWORD, ip);
  assert.equal(again.statusCode, 429);
  const longer = Number(again.headers['retry-after']);
  assert.ok(longer > 110 && longer <= 120, `Retry-After ${longer}`);

  // After that back-off the right password works, and success clears the account's counter.
  await expireLock(accountKey(user.email));
  const ok = await attempt(user.email, TEST_PASSWORD, ip);
  assert.equal(ok.statusCode, 200, ok.body);
  const row = await t.database.db.selectFrom('sign_in_throttle').selectAll().where('key', '=', accountKey(user.email)).executeTakeFirst();
  assert.equal(row, undefined);
  assert.equal((await attempt(user.email, 'one typo', ip)).statusCode, 401);
  assert.equal((await attempt(user.email, TEST_PASSWORD, ip)).statusCode, 200);
});

test('unknown accounts are throttled the same way', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await attempt('ghost@example.org', 'guess', '198.51.100.3')).statusCode, 401);
  assert.equal((await attempt('ghost@example.org', 'guess', '198.51.100.3')).statusCode, 429);
});

test('one address spraying many accounts is throttled too', async () => {
  const ip = '203.0.113.7';
  const user = await createUser(t.database.db);
  for (let i = 0; i < 20; i++) assert.equal((await attempt(`spray${i}@example.org`, 'Summer2026!', ip)).statusCode, 401, `attempt ${i}`);
  const refused = await attempt(user.email, TEST_PASSWORD, ip);
  assert.equal(refused.statusCode, 429);
  // The account itself is not locked: from elsewhere it signs in.
  assert.equal((await attempt(user.email, TEST_PASSWORD, '203.0.113.8')).statusCode, 200);
  await expireLock(addressKey(ip));
  assert.equal((await attempt(user.email, TEST_PASSWORD, ip)).statusCode, 200);
});
