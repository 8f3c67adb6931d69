import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Language } from '../i18n.ts';
import type { Grant } from './actor.ts';
import type { ThrottleState } from './throttle.ts';

/** The columns sign-in needs. */
export interface CredentialRow {
  id: string;
  email: string;
  password_hash: string | null;
  status: 'invited' | 'active' | 'suspended';
  organisation_id: string;
  totp_enabled_at: Date | null;
}

/** All SQL of authentication: users' credentials, sessions, second factor, throttling. */
export class AuthRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findCredentials(email: string): Promise<CredentialRow | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'status', 'organisation_id', 'totp_enabled_at'])
      .where('email', '=', email)
      .executeTakeFirst();
  }

  credentialsById(userId: string): Promise<CredentialRow | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'status', 'organisation_id', 'totp_enabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
  }

  /** The user with their organisation, as the profile shows them. */
  profile(userId: string) {
    return this.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'users.id',
        'users.email',
        'users.display_name',
        'users.preferred_language',
        'users.totp_enabled_at',
        'organisations.id as organisation_id',
        'organisations.name as organisation_name',
        'organisations.acronym as organisation_acronym',
        'organisations.type as organisation_type',
      ])
      .where('users.id', '=', userId)
      .executeTakeFirstOrThrow();
  }

  async grants(userId: string): Promise<Grant[]> {
    const rows = await this.db
      .selectFrom('role_grants')
      .select(['role', 'country_iso3', 'organisation_id'])
      .where('user_id', '=', userId)
      .orderBy('role')
      .orderBy('country_iso3')
      .orderBy('organisation_id')
      .execute();
    return rows.map((r) => ({ role: r.role, countryIso3: r.country_iso3, organisationId: r.organisation_id }));
  }

  async updateProfile(userId: string, changes: { display_name?: string; preferred_language?: Language }): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, updated_at: sql<Date>`now()` }).where('id', '=', userId).execute();
  }

  async recordSignIn(userId: string, at: Date): Promise<void> {
    await this.db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
  }

  // --- Sessions (ids are SHA-256 of the cookie value) ---

  async createSession(row: { id: string; user_id: string; csrf_token: string; ip: string | null; user_agent: string | null; created_at: Date; expires_at: Date }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ ...row, last_seen_at: row.created_at, two_factor_passed: false, revoked_at: null })
      .execute();
  }

  /** Revokes one session if still open; `userId` limits it to that user's own. Returns its owner, or null if it was not open. */
  async revokeSession(id: string, at: Date, userId?: string): Promise<string | null> {
    let q = this.db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null);
    if (userId) q = q.where('user_id', '=', userId);
    const row = await q.returning('user_id').executeTakeFirst();
    return row?.user_id ?? null;
  }

  /** Revokes every open session of the user, but `exceptId`; returns how many. */
  async revokeUserSessions(userId: string, at: Date, exceptId?: string | null): Promise<number> {
    let q = this.db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (exceptId) q = q.where('id', '<>', exceptId);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The user's sessions that still work (not revoked, not expired, not idle too long). */
  listOpenSessions(userId: string, now: Date, idleCutoff: Date) {
    return this.db
      .selectFrom('sessions')
      .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at', 'two_factor_passed'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .where('last_seen_at', '>', idleCutoff)
      .orderBy('last_seen_at', 'desc')
      .execute();
  }

  async sessionCsrfToken(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('sessions').select('csrf_token').where('id', '=', id).executeTakeFirst();
    return row?.csrf_token ?? null;
  }

  async markTwoFactorPassed(sessionId: string): Promise<void> {
    await this.db.updateTable('sessions').set({ two_factor_passed: true }).where('id', '=', sessionId).execute();
  }

  // --- Second factor ---

  totpState(userId: string) {
    return this.db
      .selectFrom('users')
      .select(['totp_secret_sealed', 'totp_enabled_at', 'totp_last_step'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
  }

  async setPendingTotp(userId: string, sealed: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ totp_secret_sealed: sealed, totp_enabled_at: null, totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
  }

  async enableTotp(userId: string, at: Date): Promise<void> {
    await this.db.updateTable('users').set({ totp_enabled_at: at, updated_at: sql<Date>`now()` }).where('id', '=', userId).execute();
  }

  async disableTotp(userId: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ totp_secret_sealed: null, totp_enabled_at: null, totp_last_step: null, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  }

  /**
   * Records that a code of `step` was used, unless that step or a later one already was.
   * Atomic, so two requests racing with the same code cannot both win.
   */
  async claimTotpStep(userId: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async replaceRecoveryCodes(userId: string, hashes: string[]): Promise<void> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await this.db
      .insertInto('recovery_codes')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
      .execute();
  }

  /** Marks an unused recovery code used; false if there is none with that hash. */
  async consumeRecoveryCode(userId: string, hash: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async remainingRecoveryCodes(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('recovery_codes')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  // --- Throttling ---

  async throttleStates(keys: string[]): Promise<Map<string, ThrottleState>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
    return new Map(rows.map((r) => [r.key, { failures: r.failures, windowStartedAt: r.window_started_at, lockedUntil: r.locked_until }]));
  }

  /** The key's row locked for this transaction (created if missing), so concurrent failures count one by one. */
  async lockThrottle(key: string, now: Date): Promise<ThrottleState | undefined> {
    await this.db
      .insertInto('sign_in_throttle')
      .values({ key, failures: 0, window_started_at: now, locked_until: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).forUpdate().executeTakeFirstOrThrow();
    // A row just made by the insert above has no failures yet: treat it as absent.
    if (row.failures === 0) return undefined;
    return { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
  }

  async saveThrottle(key: string, state: ThrottleState): Promise<void> {
    await this.db
      .updateTable('sign_in_throttle')
      .set({ failures: state.failures, window_started_at: state.windowStartedAt, locked_until: state.lockedUntil })
      .where('key', '=', key)
      .execute();
  }

  async clearThrottle(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
  }
}
