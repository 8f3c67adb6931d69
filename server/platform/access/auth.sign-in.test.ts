import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, signIn, TEST_PASSWORD } from '../../../test/helpers/users.ts';
import { hashSecret, SESSION_COOKIE } from './credentials.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(async () => {
  await t.close();
});

const signInRequest = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, headers });

const auditActions = async (action: string) =>
  t.database.db.selectFrom('audit_events').select(['action', 'entity_id', 'changes', 'ip']).where('action', '=', action).execute();

test('sign-in with the right password: profile, session cookie (httpOnly, Lax), CSRF token, audit event', async () => {
  const user = await createUser(t.database.db, { email: 'Editor@Example.org', roles: ['editor'] });
  const res = await signInRequest('  EDITOR@example.org ', TEST_PASSWORD);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.user.id, user.id);
  assert.equal(body.user.email, 'editor@example.org');
  assert.equal(body.twoFactor, 'not_required');
  assert.deepEqual(body.user.roles, [{ role: 'editor', countryIso3: null, organisationId: null }]);
  assert.ok(body.user.permissions.includes('content.edit'));
  assert.equal(typeof body.csrfToken, 'string');
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/');
  assert.ok(!cookie.secure, 'plain HTTP: not Secure');
  // Only the hash of the cookie is stored.
  const row = await t.database.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
  assert.equal(row.id, hashSecret(cookie.value));
  assert.notEqual(row.id, cookie.value);
  const events = await auditActions('auth.sign_in');
  assert.ok(events.some((e) => e.entity_id === user.id));

  const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
  assert.equal(session.json().user.id, user.id);
  assert.equal(session.json().csrfToken, body.csrfToken);
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().organisation.id, user.organisationId);
});

test('the session cookie is Secure when the request came over HTTPS through a trusted proxy', async () => {
  const { testSettings } = await import('../../../test/helpers/settings.ts');
  const { buildApp } = await import('../../app.ts');
  const { createLogger } = await import('../logger.ts');
  const app = await buildApp({ database: t.database, logger: createLogger('silent'), settings: testSettings({ trustProxy: true }) });
  try {
    const user = await createUser(t.database.db);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: user.email, password: TEST_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure, true);
  } finally {
    await app.close();
  }
});

test('wrong password and unknown account get the same answer; both are audited', async () => {
  const user = await createUser(t.database.db, { email: 'known@example.org' });
  const wrong = await signInRequest(user.email, 'not the password at all');
  const unknown = await signInRequest('nobody@example.org', 'not the password at all');
  assert.equal(wrong.statusCode, 401);
  assert.equal(unknown.statusCode, 401);
  const strip = (body: string) => {
    const parsed = JSON.parse(body) as { error: Record<string, unknown> };
    delete parsed.error.correlationId;
    return parsed;
  };
  assert.deepEqual(strip(wrong.body), strip(unknown.body));
  assert.equal(strip(wrong.body).error.code, 'INVALID_CREDENTIALS');
  assert.equal(wrong.cookies.length, 0);
  const failed = await auditActions('auth.sign_in_failed');
  assert.ok(failed.some((e) => e.entity_id === user.id && (e.changes as { reason: string }).reason === 'wrong_password'));
  assert.ok(failed.some((e) => (e.changes as { email: string }).email === 'nobody@example.org'));
});

test('timing: an unknown account costs a password check too', async () => {
  const user = await createUser(t.database.db);
  const time = async (work: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await work();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // Warm up the dummy hash, then compare medians. The reference is one password check alone:
  // a known account's request also writes an audit event and the throttle, which on a
  // PostgreSQL server can take as long as the check itself, so it made a shaky yardstick.
  const hash = await hashPassword('correct horse battery staple');
  await time(() => signInRequest('warm-up@example.org', 'not the password at all'));
  const check: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 3; i++) {
    check.push(await time(() => verifyPassword(hash, 'not the password at all')));
    unknown.push(await time(() => signInRequest(`ghost${i}@example.org`, 'not the password at all')));
  }
  assert.equal((await signInRequest(user.email, 'not the password at all')).statusCode, 401);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
  // Without the dummy check an unknown account answers in a few ms; argon2 takes tens.
  assert.ok(median(unknown) > median(check) * 0.8, `unknown ${median(unknown)} ms vs one password check ${median(check)} ms`);
});

test('suspended and invited users cannot sign in, with the same answer', async () => {
  const suspended = await createUser(t.database.db, { status: 'suspended' });
  const invited = await createUser(t.database.db, { status: 'invited' });
  for (const u of [suspended, invited]) {
    const res = await signInRequest(u.email, TEST_PASSWORD);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'INVALID_CREDENTIALS');
  }
});

test('session fixation: a cookie planted before sign-in is replaced and revoked', async () => {
  const victim = await createUser(t.database.db);
  // The attacker's own session, planted in the victim's browser.
  const attacker = await createUser(t.database.db);
  const planted = await signIn(t.app, attacker.email);
  // The access hook checks CSRF on every write that carries a live session cookie, so the
  // client sends the token it got from GET /auth/session for that cookie.
  const res = await signInRequest(victim.email, TEST_PASSWORD, planted.headers);
  assert.equal(res.statusCode, 200);
  const fresh = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  assert.ok(fresh);
  assert.notEqual(fresh, planted.session);
  const old = await t.database.db.selectFrom('sessions').select('revoked_at').where('id', '=', hashSecret(planted.session)).executeTakeFirstOrThrow();
  assert.ok(old.revoked_at, 'the planted session is revoked');
  const withOld = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: planted.cookie } });
  assert.equal(withOld.statusCode, 401);
  const withNew = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=${fresh}` } });
  assert.equal(withNew.json().id, victim.id);

  // A cookie that names no session changes nothing and is not reused either.
  const made = await signInRequest(victim.email, TEST_PASSWORD, { cookie: `${SESSION_COOKIE}=chosen-by-the-attacker` });
  assert.notEqual(made.cookies.find((c) => c.name === SESSION_COOKIE)?.value, 'chosen-by-the-attacker');
  assert.equal(await t.database.db.selectFrom('sessions').select('id').where('id', '=', hashSecret('chosen-by-the-attacker')).executeTakeFirst(), undefined);
});

test('sign-out revokes the session and clears the cookie; the session endpoint then shows nobody', async () => {
  const user = await createUser(t.database.db);
  const s = await signIn(t.app, user.email);
  const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: s.cookie } });
  assert.equal(noCsrf.statusCode, 403);
  const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: s.headers });
  assert.equal(out.statusCode, 204);
  const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.equal(cleared?.value, '');
  const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: s.cookie } });
  assert.deepEqual(session.json(), { user: null, twoFactor: 'not_required', csrfToken: null });
  assert.ok((await auditActions('auth.sign_out')).length >= 1);
});
