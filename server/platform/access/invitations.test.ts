import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createOrganisation, createUser, signIn, type TestOrganisation } from '../../../test/helpers/users.ts';
import { hashSecret } from './credentials.ts';
import { newOneTimeToken } from './one-time.ts';

let t: TestApp;
let org: TestOrganisation;

before(async () => {
  t = await testApp();
  org = await createOrganisation(t.database.db, { type: 'ngo', name: 'Lantern Network', countryIso3: 'KEN' });
});

after(() => t.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

/** An invited user with a live invitation token, made as the administration API makes them. */
async function invited(email: string, expiresInMs = 7 * 86_400_000): Promise<{ id: string; token: string }> {
  const user = await createUser(t.database.db, { email, organisationId: org.id, status: 'invited', password: null, roles: ['ngo_contributor'] });
  const { token, hash } = newOneTimeToken();
  await t.database.db.insertInto('one_time_tokens').values({ purpose: 'invitation', user_id: user.id, token_hash: hash, expires_at: new Date(Date.now() + expiresInMs) }).execute();
  return { id: user.id, token };
}

async function latestMailTo(email: string): Promise<{ subject: string; body_text: string } | undefined> {
  return t.database.db.selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', email).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

function tokenIn(body: string): string {
  const token = /token=([\w%-]+)/.exec(body)?.[1];
  assert.ok(token, body);
  return decodeURIComponent(token);
}

const invalidTokenAnswer = (res: { statusCode: number; json: <T>() => T }) => {
  assert.equal(res.statusCode, 400);
  const error = res.json<{ error: { code: string; details: { field: string; reason: string }[] } }>().error;
  assert.equal(error.code, 'BAD_REQUEST');
  assert.deepEqual(error.details, [{ field: 'token', reason: 'invalid_or_expired_token' }]);
};

test('accepting an invitation sets the password, activates the account and spends the token', async () => {
  const { id, token } = await invited('grace@example.org');
  const shown = await get(`/auth/invitation/${token}`);
  assert.equal(shown.statusCode, 200, shown.body);
  assert.equal(shown.json<{ organisationName: string }>().organisationName, 'Lantern Network');

  // Too short a password is refused before the token is spent.
  const short = await post('/auth/invitation/accept', { token, password: 'short' });
  assert.equal(short.statusCode, 400);
  assert.equal(short.json<{ error: { code: string } }>().error.code, 'VALIDATION_FAILED');

  const accepted = await post('/auth/invitation/accept', { token, password: 'twelve chars or more' });
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.deepEqual(accepted.json(), { email: 'grace@example.org' });
  const user = await t.database.db.selectFrom('users').select(['status', 'password_hash']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(user.status, 'active');
  assert.match(user.password_hash ?? '', /^\$argon2id\$/);
  await signIn(t.app, 'grace@example.org', 'twelve chars or more');

  const events = await t.database.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('entity_id', '=', id).where('action', '=', 'user.invitation_accepted').execute();
  assert.deepEqual(events, [{ action: 'user.invitation_accepted', actor_user_id: id }]);

  // Used: refused, and no longer shown.
  invalidTokenAnswer(await post('/auth/invitation/accept', { token, password: 'another long password' }));
  assert.equal((await get(`/auth/invitation/${token}`)).statusCode, 404);
});

test('expired and unknown invitation tokens are refused with the same answer', async () => {
  const expired = await invited('late@example.org', -1000);
  assert.equal((await get(`/auth/invitation/${expired.token}`)).statusCode, 404);
  invalidTokenAnswer(await post('/auth/invitation/accept', { token: expired.token, password: 'twelve chars or more' }));
  assert.equal((await t.database.db.selectFrom('users').select('status').where('id', '=', expired.id).executeTakeFirstOrThrow()).status, 'invited');

  const unknown = newOneTimeToken().token;
  assert.equal((await get(`/auth/invitation/${unknown}`)).statusCode, 404);
  invalidTokenAnswer(await post('/auth/invitation/accept', { token: unknown, password: 'twelve chars or more' }));

  // A password-reset token is not an invitation.
  const user = await createUser(t.database.db, { organisationId: org.id, roles: ['ngo_contributor'] });
  const reset = newOneTimeToken();
  await t.database.db.insertInto('one_time_tokens').values({ purpose: 'password_reset', user_id: user.id, token_hash: reset.hash, expires_at: new Date(Date.now() + 60_000) }).execute();
  invalidTokenAnswer(await post('/auth/invitation/accept', { token: reset.token, password: 'twelve chars or more' }));
});

test('a password-reset request answers the same for unknown, inactive and active accounts; only active ones get mail', async () => {
  const active = await createUser(t.database.db, { email: 'active@example.org', organisationId: org.id, language: 'ru', roles: ['ngo_contributor'] });
  await createUser(t.database.db, { email: 'suspended@example.org', organisationId: org.id, status: 'suspended', roles: ['ngo_contributor'] });

  const answers = [];
  for (const email of ['nobody@example.org', 'suspended@example.org', 'ACTIVE@example.org']) {
    const res = await post('/auth/password-reset/request', { email });
    answers.push({ status: res.statusCode, body: res.body });
  }
  assert.equal(answers[0]!.status, 202);
  assert.deepEqual(answers[1], answers[0]);
  assert.deepEqual(answers[2], answers[0]);

  assert.equal(await latestMailTo('nobody@example.org'), undefined);
  assert.equal(await latestMailTo('suspended@example.org'), undefined);
  const mail = await latestMailTo(active.email);
  assert.ok(mail);
  assert.equal(mail.subject, 'Сброс пароля TIP Hub', 'in the user’s language');
  assert.match(mail.body_text, /http:\/\/127\.0\.0\.1:8080\/reset-password\?token=/);

  // The token is stored only as its hash, expiring in an hour.
  const token = tokenIn(mail.body_text);
  const row = await t.database.db.selectFrom('one_time_tokens').selectAll().where('user_id', '=', active.id).where('purpose', '=', 'password_reset').executeTakeFirstOrThrow();
  assert.equal(row.token_hash, hashSecret(token));
  const minutes = (row.expires_at.getTime() - Date.now()) / 60_000;
  assert.ok(minutes > 58 && minutes <= 60, `expires in ${minutes} minutes`);
});

test('completing a reset sets the password, revokes every session, and the token works once', async () => {
  const user = await createUser(t.database.db, { email: 'reset-me@example.org', organisationId: org.id, roles: ['ngo_contributor'] });
  const first = await signIn(t.app, user.email);
  const second = await signIn(t.app, user.email);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: first.headers })).statusCode, 200);

  assert.equal((await post('/auth/password-reset/request', { email: user.email })).statusCode, 202);
  const token = tokenIn((await latestMailTo(user.email))!.body_text);

  const done = await post('/auth/password-reset/complete', { token, newPassword: 'a brand new passphrase' });
  assert.equal(done.statusCode, 200, done.body);
  for (const session of [first, second]) {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers })).statusCode, 401, 'signed out everywhere');
  }
  await assert.rejects(signIn(t.app, user.email), 'the old password no longer works');
  await signIn(t.app, user.email, 'a brand new passphrase');

  invalidTokenAnswer(await post('/auth/password-reset/complete', { token, newPassword: 'yet another passphrase' }));
  await signIn(t.app, user.email, 'a brand new passphrase');

  const actions = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', user.id).where('action', 'like', 'auth.password_reset%').orderBy('id').execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    ['auth.password_reset_requested', 'auth.password_reset'],
  );
});

test('expired and unknown reset tokens are refused; a suspended user cannot use a link sent before', async () => {
  const user = await createUser(t.database.db, { email: 'expired-reset@example.org', organisationId: org.id, roles: ['ngo_contributor'] });
  const expired = newOneTimeToken();
  await t.database.db.insertInto('one_time_tokens').values({ purpose: 'password_reset', user_id: user.id, token_hash: expired.hash, expires_at: new Date(Date.now() - 1000) }).execute();
  invalidTokenAnswer(await post('/auth/password-reset/complete', { token: expired.token, newPassword: 'twelve chars or more' }));
  invalidTokenAnswer(await post('/auth/password-reset/complete', { token: 'not-a-token', newPassword: 'twelve chars or more' }));

  const live = newOneTimeToken();
  await t.database.db.insertInto('one_time_tokens').values({ purpose: 'password_reset', user_id: user.id, token_hash: live.hash, expires_at: new Date(Date.now() + 60_000) }).execute();
  await t.database.db.updateTable('users').set({ status: 'suspended' }).where('id', '=', user.id).execute();
  invalidTokenAnswer(await post('/auth/password-reset/complete', { token: live.token, newPassword: 'twelve chars or more' }));
  await t.database.db.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute();
  await signIn(t.app, user.email);
});

test('repeated reset requests within a minute send one mail', async () => {
  const user = await createUser(t.database.db, { email: 'spam-me@example.org', organisationId: org.id, roles: ['ngo_contributor'] });
  for (let i = 0; i < 3; i++) assert.equal((await post('/auth/password-reset/request', { email: user.email })).statusCode, 202);
  const mails = await t.database.db.selectFrom('mail_outbox').select('id').where('to_address', '=', user.email).execute();
  assert.equal(mails.length, 1);
});
