import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/helpers/app.ts';
import { createUser, signIn } from '../../../test/helpers/users.ts';
import { demoContributors } from '../demo/contributors.ts';
import { removeDemo, seedDemo } from '../demo/demo.ts';
import { DEMO_PASSWORD, demoAccounts, demoEmail } from './access.demo.ts';
import { roleDefinitions, roles } from './permissions.ts';

let t: TestApp;

before(async () => {
  t = await testApp();
  await seedDemo(t.database, demoContributors);
});

after(() => t.close());

test('demo data has one active user per role, scoped to demo organisations, without two-factor enrolment', async () => {
  const rows = await t.database.db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.email', 'users.status', 'users.is_demo', 'users.totp_enabled_at', 'role_grants.role', 'role_grants.country_iso3', 'role_grants.organisation_id', 'role_grants.is_demo as grant_demo', 'organisations.type', 'organisations.acronym', 'organisations.country_iso3 as org_country', 'users.organisation_id as user_org'])
    .execute();
  assert.deepEqual(rows.map((r) => r.role).sort(), [...roles].sort(), 'exactly one user per role');
  for (const r of rows) {
    assert.match(r.email, /@demo\.tiphub\.invalid$/);
    assert.equal(r.status, 'active');
    assert.equal(r.is_demo && r.grant_demo, true);
    assert.equal(r.totp_enabled_at, null);
    const scope = roleDefinitions[r.role].scope;
    if (scope === 'country') {
      assert.equal(r.type, 'state_body');
      assert.equal(r.country_iso3, r.org_country, 'the State focal point is scoped to their State body’s country');
    } else if (scope === 'organisation') {
      assert.equal(r.organisation_id, r.user_org);
    } else {
      assert.equal(r.country_iso3, null);
      assert.equal(r.organisation_id, null);
    }
  }
  assert.equal(rows.find((r) => r.role === 'agency_focal_point')?.acronym, 'UNODC');
  assert.equal(rows.find((r) => r.role === 'ngo_contributor')?.type, 'ngo');
  assert.equal(rows.find((r) => r.role === 'coordinator_admin')?.type, 'secretariat');
});

test('demo users sign in with the documented password; roles that need a second factor are asked to enrol', async () => {
  const admin = await signIn(t.app, demoEmail('admin'), DEMO_PASSWORD);
  assert.equal(admin.twoFactor, 'enrol');
  const agency = await signIn(t.app, demoEmail('agency'), DEMO_PASSWORD);
  assert.equal(agency.twoFactor, 'not_required');
});

test('the README lists every demo account and its password, as demonstration-only', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Demonstration accounts'));
  assert.ok(readme.includes('## Demonstration accounts'), 'README has a "Demonstration accounts" section');
  assert.match(section, /never/i);
  assert.ok(section.includes(DEMO_PASSWORD));
  for (const account of demoAccounts) {
    assert.ok(section.includes(demoEmail(account.local)), account.local);
    assert.ok(section.includes(`\`${account.role}\``), account.role);
  }
});

test('removing demo data removes the demo users with their sessions, and keeps real users they invited', async () => {
  const admin = await t.database.db.selectFrom('users').select('id').where('email', '=', demoEmail('admin')).executeTakeFirstOrThrow();
  const realOrg = await t.database.db.insertInto('organisations').values({ type: 'ngo', name: 'A real NGO', country_iso3: 'BLR' }).returning('id').executeTakeFirstOrThrow();
  const real = await createUser(t.database.db, { organisationId: realOrg.id, roles: [] });
  await t.database.db.insertInto('role_grants').values({ user_id: real.id, role: 'ngo_contributor', organisation_id: realOrg.id, country_iso3: null, granted_by: admin.id }).execute();
  await signIn(t.app, demoEmail('editor'), DEMO_PASSWORD);

  await removeDemo(t.database, demoContributors);
  const left = await t.database.db.selectFrom('users').select('email').execute();
  assert.deepEqual(left, [{ email: real.email }]);
  assert.deepEqual(await t.database.db.selectFrom('sessions').select('id').execute(), [], 'the demo users’ sessions went with them');
  const grant = await t.database.db.selectFrom('role_grants').select(['role', 'granted_by']).where('user_id', '=', real.id).executeTakeFirstOrThrow();
  assert.deepEqual(grant, { role: 'ngo_contributor', granted_by: null });
});
