// Factories for organisations and users written straight to the database, and sign-in
// helpers that go through the real HTTP API. Shared by every test that needs an actor.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/platform/db/schema.ts';
import type { App } from '../../server/platform/http/app-type.ts';
import { hashSecret, SESSION_COOKIE } from '../../server/platform/access/credentials.ts';
import { hashPassword } from '../../server/platform/access/passwords.ts';
import { roleDefinitions, type Role } from '../../server/platform/access/permissions.ts';
import type { UserStatus } from '../../server/platform/access/access.tables.ts';
import type { OrganisationType } from '../../server/modules/registry/registry.tables.ts';
import type { Language } from '../../server/platform/i18n.ts';

/** The password every factory user gets unless told otherwise (12+ characters). */
export const TEST_PASSWORD = 'correct horse battery staple';

const unique = () => randomBytes(4).toString('hex');

export interface OrganisationOptions {
  name?: string;
  acronym?: string | null;
  type?: OrganisationType;
  countryIso3?: string | null;
}

export interface TestOrganisation {
  id: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
}

/** A new organisation (a State body in Kenya unless told otherwise). */
export async function createOrganisation(db: Kysely<DB>, options: OrganisationOptions = {}): Promise<TestOrganisation> {
  const type = options.type ?? 'state_body';
  const name = options.name ?? `Test organisation ${unique()}`;
  const acronym = options.acronym === undefined ? null : options.acronym;
  const row = await db
    .insertInto('organisations')
    .values({ type, name, acronym, country_iso3: options.countryIso3 === undefined ? 'KEN' : options.countryIso3 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name, acronym, type };
}

/**
 * A role to grant: a bare role name takes a default scope (Kenya for `state_focal_point`,
 * the user's own organisation for organisation-scoped roles); or give the scope explicitly.
 */
export type GrantSpec = Role | { role: Role; countryIso3?: string | null; organisationId?: string | null };

export interface UserOptions {
  email?: string;
  displayName?: string;
  /** null: no password (e.g. an invited user). */
  password?: string | null;
  status?: UserStatus;
  language?: Language;
  /** An existing organisation; a new one is made when absent. */
  organisationId?: string;
  roles?: GrantSpec[];
}

export interface TestUser {
  id: string;
  email: string;
  password: string | null;
  displayName: string;
  organisationId: string;
}

/** A user with a password and role grants, written directly to the database. */
export async function createUser(db: Kysely<DB>, options: UserOptions = {}): Promise<TestUser> {
  const organisationId = options.organisationId ?? (await createOrganisation(db)).id;
  const email = (options.email ?? `user-${unique()}@example.org`).toLowerCase();
  const displayName = options.displayName ?? `Test user ${email.split('@')[0]}`;
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  const user = await db
    .insertInto('users')
    .values({
      email,
      display_name: displayName,
      organisation_id: organisationId,
      preferred_language: options.language ?? 'en',
      status: options.status ?? 'active',
      password_hash: password === null ? null : await hashPassword(password),
      totp_secret_sealed: null,
      totp_enabled_at: null,
      last_sign_in_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const spec of options.roles ?? []) await grantRole(db, user.id, spec, organisationId);
  return { id: user.id, email, password, displayName, organisationId };
}

/** Adds one role grant to a user (scoped by default as described for GrantSpec). */
export async function grantRole(db: Kysely<DB>, userId: string, spec: GrantSpec, defaultOrganisationId?: string): Promise<void> {
  const grant = typeof spec === 'string' ? { role: spec } : spec;
  const scope = roleDefinitions[grant.role].scope;
  let organisationId = grant.organisationId ?? null;
  if (scope === 'organisation' && !organisationId) {
    organisationId =
      defaultOrganisationId ?? (await db.selectFrom('users').select('organisation_id').where('id', '=', userId).executeTakeFirstOrThrow()).organisation_id;
  }
  await db
    .insertInto('role_grants')
    .values({
      user_id: userId,
      role: grant.role,
      country_iso3: scope === 'country' ? (grant.countryIso3 ?? 'KEN') : null,
      organisation_id: scope === 'organisation' ? organisationId : null,
      granted_by: null,
    })
    .execute();
}

export interface SignedIn {
  /** `tiphub_session=<value>`, ready for a `cookie` header. */
  cookie: string;
  /** The raw cookie value. */
  session: string;
  csrfToken: string;
  twoFactor: 'not_required' | 'required' | 'enrol';
  /** Headers for a cookie-authenticated request, including the CSRF token for writes. */
  headers: { cookie: string; 'x-csrf-token': string };
  user: { id: string; email: string; [key: string]: unknown };
}

/** Signs in through `POST /api/v1/auth/sign-in`; throws unless it answers 200. */
export async function signIn(app: App, email: string, password: string = TEST_PASSWORD): Promise<SignedIn> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} answered ${res.statusCode}: ${res.body}`);
  const session = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!session) throw new Error('sign-in set no session cookie');
  const body = res.json<{ csrfToken: string; twoFactor: SignedIn['twoFactor']; user: SignedIn['user'] }>();
  const cookie = `${SESSION_COOKIE}=${session}`;
  return { cookie, session, csrfToken: body.csrfToken, twoFactor: body.twoFactor, user: body.user, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

/**
 * Signs in and marks the session as having passed the second factor directly in the
 * database: for tests of features behind roles that require 2FA, not of 2FA itself.
 */
export async function signInPassed(app: App, db: Kysely<DB>, email: string, password: string = TEST_PASSWORD): Promise<SignedIn> {
  const signed = await signIn(app, email, password);
  await db.updateTable('sessions').set({ two_factor_passed: true }).where('id', '=', hashSecret(signed.session)).execute();
  return { ...signed, twoFactor: 'not_required' };
}

/** A user with the given roles, signed in (second factor passed): the usual test actor. */
export async function signedInUser(app: App, db: Kysely<DB>, options: UserOptions = {}): Promise<TestUser & { auth: SignedIn }> {
  const user = await createUser(db, options);
  if (user.password === null) throw new Error('signedInUser needs a user with a password');
  return { ...user, auth: await signInPassed(app, db, user.email, user.password) };
}
