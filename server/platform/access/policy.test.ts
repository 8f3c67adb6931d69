import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors.ts';
import { anonymous, type Grant, type UserActor } from './actor.ts';
import { authorize, authorizeRecord, can, reach } from './policy.ts';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';

function user(grants: Grant[], extra: Partial<UserActor> = {}): UserActor {
  return {
    kind: 'user',
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'u@example.org',
    organisationId: ORG_A,
    language: 'en',
    grants,
    via: 'session',
    sessionId: 's',
    tokenId: null,
    tokenPermissions: null,
    twoFactorSatisfied: true,
    ...extra,
  };
}

const focalPointBLR = user([{ role: 'state_focal_point', countryIso3: 'BLR', organisationId: null }]);
const agencyA = user([{ role: 'agency_focal_point', countryIso3: null, organisationId: ORG_A }]);
const admin = user([{ role: 'coordinator_admin', countryIso3: null, organisationId: null }]);

test('anonymous visitors can do nothing that needs a permission', () => {
  assert.equal(can(anonymous, 'state_reports.read'), false);
  assert.throws(() => authorize(anonymous, 'account.manage_own'), (e: unknown) => e instanceof AppError && e.code === 'UNAUTHENTICATED');
});

test("a State focal point reaches only that State's records", () => {
  assert.equal(can(focalPointBLR, 'state_reports.submit', { countryIso3: 'BLR' }), true);
  assert.equal(can(focalPointBLR, 'state_reports.submit', { countryIso3: 'UKR' }), false);
  assert.deepEqual(reach(focalPointBLR, 'state_reports.read'), { all: false, countries: ['BLR'], organisations: [] });
  assert.throws(() => authorizeRecord(focalPointBLR, 'state_reports.read', { countryIso3: 'UKR' }, 'Report 7'), (e: unknown) => e instanceof AppError && e.code === 'NOT_FOUND');
  assert.equal(can(focalPointBLR, 'users.manage'), false);
});

test("an agency focal point reaches only its organisation's records", () => {
  assert.equal(can(agencyA, 'activities.manage', { organisationId: ORG_A }), true);
  assert.equal(can(agencyA, 'activities.manage', { organisationId: ORG_B }), false);
  assert.equal(can(agencyA, 'state_reports.read'), false);
});

test('global roles reach everything they hold, and nothing else', () => {
  assert.deepEqual(reach(admin, 'cases.read_identified'), { all: true });
  const auditor = user([{ role: 'auditor', countryIso3: null, organisationId: null }]);
  assert.equal(can(auditor, 'audit.read'), true);
  assert.equal(can(auditor, 'state_reports.read'), false);
  assert.throws(() => authorize(auditor, 'users.read'), (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN');
});

test('until the second factor is passed, a role that requires it gives only the own account', () => {
  const pending = user(focalPointBLR.grants, { twoFactorSatisfied: false });
  assert.equal(can(pending, 'state_reports.read', { countryIso3: 'BLR' }), false);
  assert.equal(can(pending, 'account.manage_own'), true);
  assert.throws(() => authorize(pending, 'state_reports.read'), /two-factor/);
});

test('every signed-in user manages their own account without a role', () => {
  const roleless = user([]);
  assert.equal(can(roleless, 'account.manage_own'), true);
  assert.equal(can(roleless, 'tokens.manage_own'), true);
  assert.equal(can(roleless, 'users.read'), false);
});

test('a second factor the user chose is enforced like a required one', () => {
  const editorPending = user([{ role: 'editor', countryIso3: null, organisationId: null }], { twoFactorSatisfied: false });
  assert.equal(can(editorPending, 'content.edit'), false);
  assert.equal(can(editorPending, 'tokens.manage_own'), false);
  assert.equal(can(editorPending, 'account.manage_own'), true);
});

test('an API token is never wider than its owner, and may be narrower', () => {
  const narrow = user(admin.grants, { via: 'token', tokenPermissions: ['state_reports.read'] });
  assert.equal(can(narrow, 'state_reports.read'), true);
  assert.equal(can(narrow, 'users.manage'), false);
  const overreaching = user(agencyA.grants, { via: 'token', tokenPermissions: ['users.manage'] });
  assert.equal(can(overreaching, 'users.manage'), false);
});
