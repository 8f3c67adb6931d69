import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, signIn, type SignedIn } from '../../../test/helpers/users.ts';
import { totpCode } from './totp.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const post = (s: SignedIn, url: string, payload?: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
const get = (s: SignedIn, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers });
const codeAt = (secret: string, offsetSteps: number) => totpCode(secret, new Date(Date.now() + offsetSteps * 30_000));

/** Keeps a test away from a 30-second boundary, so "this step" stays this step while it runs. */
async function awayFromStepBoundary(): Promise<void> {
  const into = Date.now() % 30_000;
  if (into > 22_000) await sleep(30_000 - into + 200);
}

async function enrol(s: SignedIn): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await post(s, '/auth/two-factor/enrol');
  assert.equal(started.statusCode, 200, started.body);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await post(s, '/auth/two-factor/confirm', { code: codeAt(secret, -1) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

test('a role that requires 2FA: enrol, confirm, then verify at each sign-in; replayed codes are refused', async () => {
  await awayFromStepBoundary();
  const user = await createUser(t.database.db, { roles: ['coordinator_analyst'] });
  const first = await signIn(t.app, user.email);
  assert.equal(first.twoFactor, 'enrol');
  // Until then the role gives nothing but the own account.
  assert.equal((await get(first, '/me/tokens')).statusCode, 403);
  assert.deepEqual((await get(first, '/me')).json().permissions, ['account.manage_own']);
  assert.equal((await get(first, '/me/sessions')).statusCode, 403);

  const started = await post(first, '/auth/two-factor/enrol');
  assert.equal(started.statusCode, 200);
  const { secret, otpauthUrl, qrSvg } = started.json();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.ok(otpauthUrl.startsWith('otpauth://totp/') && otpauthUrl.includes(secret));
  assert.match(qrSvg, /^<svg[\s\S]*<\/svg>\s*$/);
  const stored = await t.database.db.selectFrom('users').select(['totp_secret_sealed', 'totp_enabled_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
  assert.ok(stored.totp_secret_sealed && !stored.totp_secret_sealed.includes(secret), 'sealed, not in clear');
  assert.equal(stored.totp_enabled_at, null, 'pending until confirmed');
  // Verifying before enrolment is confirmed does not work.
  assert.equal((await post(first, '/auth/two-factor/verify', { code: codeAt(secret, 0) })).statusCode, 400);

  assert.equal((await post(first, '/auth/two-factor/confirm', { code: '000000' === codeAt(secret, 0) ? '111111' : '000000' })).statusCode, 400);
  const confirmed = await post(first, '/auth/two-factor/confirm', { code: codeAt(secret, -1) });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  const { recoveryCodes } = confirmed.json();
  assert.equal(recoveryCodes.length, 10);
  assert.equal(new Set(recoveryCodes).size, 10);
  const hashes = await t.database.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
  assert.equal(hashes.length, 10);
  assert.ok(hashes.every((h) => !recoveryCodes.some((c: string) => h.code_hash.includes(c))));
  // The enrolling session has passed.
  assert.equal((await get(first, '/me/tokens')).statusCode, 200);
  assert.equal((await get(first, '/me')).json().twoFactorEnabled, true);

  const second = await signIn(t.app, user.email);
  assert.equal(second.twoFactor, 'required');
  assert.equal((await get(second, '/me/tokens')).statusCode, 403);
  // The code used to confirm cannot be used again.
  assert.equal((await post(second, '/auth/two-factor/verify', { code: codeAt(secret, -1) })).statusCode, 400);
  const verified = await post(second, '/auth/two-factor/verify', { code: codeAt(secret, 0) });
  assert.equal(verified.statusCode, 204, verified.body);
  assert.equal((await get(second, '/me/tokens')).statusCode, 200);
  assert.equal((await get(second, '/auth/session')).json().twoFactor, 'not_required');

  // Replay in another session: the same code (same step) is refused.
  const third = await signIn(t.app, user.email);
  assert.equal((await post(third, '/auth/two-factor/verify', { code: codeAt(secret, 0) })).statusCode, 400);
  assert.equal((await get(third, '/me/tokens')).statusCode, 403);

  // A role that requires 2FA cannot turn it off.
  const off = await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/two-factor', headers: second.headers, payload: { code: codeAt(secret, 1) } });
  assert.equal(off.statusCode, 403);
  // Enrolling again while enabled is refused.
  assert.equal((await post(second, '/auth/two-factor/enrol')).statusCode, 409);
});

test('a recovery code works once, however it is typed', async () => {
  await awayFromStepBoundary();
  const user = await createUser(t.database.db, { roles: ['coordinator_admin'] });
  const { recoveryCodes } = await enrol(await signIn(t.app, user.email));
  const [one, two] = recoveryCodes as [string, string];
  assert.match(one, /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);

  const a = await signIn(t.app, user.email);
  assert.equal((await post(a, '/auth/two-factor/verify', { recoveryCode: one })).statusCode, 204);
  assert.equal((await get(a, '/me/tokens')).statusCode, 200);
  const b = await signIn(t.app, user.email);
  assert.equal((await post(b, '/auth/two-factor/verify', { recoveryCode: one })).statusCode, 400, 'used already');
  assert.equal((await get(b, '/me/tokens')).statusCode, 403);
  assert.equal((await post(b, '/auth/two-factor/verify', { recoveryCode: two.toLowerCase().replace(/-/g, ' ') })).statusCode, 204);
  const used = await t.database.db.selectFrom('audit_events').select('changes').where('action', '=', 'auth.recovery_code_used').where('actor_user_id', '=', user.id).execute();
  assert.equal(used.length, 2);
  assert.deepEqual(used.map((u) => (u.changes as { remaining: number }).remaining).sort(), [8, 9]);
});

test('wrong codes are throttled: the 6th within a minute is refused even if right', async () => {
  await awayFromStepBoundary();
  const user = await createUser(t.database.db, { roles: ['state_focal_point'] });
  const { secret } = await enrol(await signIn(t.app, user.email));
  const s = await signIn(t.app, user.email);
  const right = codeAt(secret, 0);
  const wrong = right === '123456' ? '654321' : '123456';
  for (let i = 0; i < 5; i++) assert.equal((await post(s, '/auth/two-factor/verify', { code: wrong })).statusCode, 400);
  const refused = await post(s, '/auth/two-factor/verify', { code: right });
  assert.equal(refused.statusCode, 429);
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.equal((await get(s, '/me')).json().permissions.includes('state_reports.read'), false);
});

test('voluntary 2FA: asked at sign-in, and can be turned off with a current code', async () => {
  await awayFromStepBoundary();
  const user = await createUser(t.database.db, { roles: ['editor'] });
  const first = await signIn(t.app, user.email);
  assert.equal(first.twoFactor, 'not_required');
  const { secret } = await enrol(first);
  const second = await signIn(t.app, user.email);
  assert.equal(second.twoFactor, 'required');
  assert.equal((await post(second, '/auth/two-factor/verify', { code: codeAt(secret, 0) })).statusCode, 204);
  const off = await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/two-factor', headers: second.headers, payload: { code: codeAt(secret, 1) } });
  assert.equal(off.statusCode, 204, off.body);
  assert.equal((await signIn(t.app, user.email)).twoFactor, 'not_required');
  assert.equal(await t.database.db.selectFrom('recovery_codes').select('id').where('user_id', '=', user.id).executeTakeFirst(), undefined);
});

test('a session pending its second factor cannot make an API token through another role', async () => {
  const user = await createUser(t.database.db, { roles: ['editor', 'coordinator_admin'] });
  const s = await signIn(t.app, user.email);
  assert.equal(s.twoFactor, 'enrol');
  const res = await post(s, '/me/tokens', { name: 'bypass', expiresInDays: 5 });
  assert.equal(res.statusCode, 403);
});
