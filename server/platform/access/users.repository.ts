import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Language } from '../i18n.ts';
import type { OneTimePurpose, UserStatus } from './access.tables.ts';
import { AuthRepository } from './auth.repository.ts';
import type { Role } from './permissions.ts';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  preferred_language: Language;
  status: UserStatus;
  has_password: boolean;
  totp_enabled_at: Date | null;
  last_sign_in_at: Date | null;
  is_demo: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface GrantRow {
  id: string;
  user_id: string;
  role: Role;
  country_iso3: string | null;
  organisation_id: string | null;
  granted_by: string | null;
  created_at: Date;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  user_email: string;
  name: string;
  prefix: string;
  permissions: string[] | null;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
}

export interface UserListFilter {
  q?: string | undefined;
  status?: UserStatus | undefined;
  organisationId?: string | undefined;
  role?: Role | undefined;
  limit: number;
  offset: number;
}

export interface NewGrant {
  role: Role;
  countryIso3: string | null;
  organisationId: string | null;
}

/** All SQL of user administration, invitations and password resets. */
export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private users() {
    return this.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select([
        'users.id',
        'users.email',
        'users.display_name',
        'users.organisation_id',
        'organisations.name as organisation_name',
        'users.preferred_language',
        'users.status',
        sql<boolean>`users.password_hash is not null`.as('has_password'),
        'users.totp_enabled_at',
        'users.last_sign_in_at',
        'users.is_demo',
        'users.created_at',
        'users.updated_at',
      ]);
  }

  findUser(id: string): Promise<UserRow | undefined> {
    return this.users().where('users.id', '=', id).executeTakeFirst();
  }

  findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.users().where('users.email', '=', email.toLowerCase()).executeTakeFirst();
  }

  /** Locks the user's row until the transaction ends (concurrent changes to one user queue). */
  async lockUser(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return !!row;
  }

  private filtered(f: Omit<UserListFilter, 'limit' | 'offset'>) {
    let q = this.users();
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('users.email', 'ilike', like), eb('users.display_name', 'ilike', like), eb('organisations.name', 'ilike', like)]));
    }
    if (f.status) q = q.where('users.status', '=', f.status);
    if (f.organisationId) q = q.where('users.organisation_id', '=', f.organisationId);
    if (f.role) {
      const role = f.role;
      q = q.where((eb) => eb.exists(eb.selectFrom('role_grants').select('role_grants.id').whereRef('role_grants.user_id', '=', 'users.id').where('role_grants.role', '=', role)));
    }
    return q;
  }

  listUsers(f: UserListFilter): Promise<UserRow[]> {
    return this.filtered(f).orderBy('users.email').limit(f.limit).offset(f.offset).execute();
  }

  async countUsers(f: Omit<UserListFilter, 'limit' | 'offset'>): Promise<number> {
    const row = await this.filtered(f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertUser(u: { email: string; displayName: string; organisationId: string; language: Language; status: UserStatus; passwordHash: string | null; isDemo?: boolean }): Promise<string> {
    const { id } = await this.db
      .insertInto('users')
      .values({
        email: u.email.toLowerCase(),
        display_name: u.displayName,
        organisation_id: u.organisationId,
        preferred_language: u.language,
        status: u.status,
        password_hash: u.passwordHash,
        ...(u.isDemo ? { is_demo: true } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async updateUser(id: string, set: { display_name?: string; preferred_language?: Language; status?: UserStatus; password_hash?: string }): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  grantsOf(userId: string): Promise<GrantRow[]> {
    return this.db
      .selectFrom('role_grants')
      .select(['id', 'user_id', 'role', 'country_iso3', 'organisation_id', 'granted_by', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  findGrant(userId: string, grantId: string): Promise<GrantRow | undefined> {
    return this.db
      .selectFrom('role_grants')
      .select(['id', 'user_id', 'role', 'country_iso3', 'organisation_id', 'granted_by', 'created_at'])
      .where('user_id', '=', userId)
      .where('id', '=', grantId)
      .executeTakeFirst();
  }

  /** Inserts the grant unless the same one exists; null when it did. */
  async insertGrant(userId: string, g: NewGrant, grantedBy: string | null, isDemo = false): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO role_grants (user_id, role, country_iso3, organisation_id, granted_by, is_demo)
      VALUES (${userId}, ${g.role}, ${g.countryIso3}, ${g.organisationId}, ${grantedBy}, ${isDemo})
      ON CONFLICT DO NOTHING
      RETURNING id`.execute(this.db);
    return rows[0]?.id ?? null;
  }

  async deleteGrant(grantId: string): Promise<void> {
    await this.db.deleteFrom('role_grants').where('id', '=', grantId).execute();
  }

  async countRole(role: Role): Promise<number> {
    const row = await this.db
      .selectFrom('role_grants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', role)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countryExists(iso3: string): Promise<boolean> {
    return !!(await this.db.selectFrom('countries').select('iso3').where('iso3', '=', iso3).executeTakeFirst());
  }

  // The users table references organisations; reading a name or an id here is the FK's other end.
  findOrganisation(id: string): Promise<{ id: string; name: string; type: string } | undefined> {
    return this.db.selectFrom('organisations').select(['id', 'name', 'type']).where('id', '=', id).executeTakeFirst();
  }

  findSecretariat(name: string | undefined): Promise<{ id: string; name: string } | undefined> {
    let q = this.db.selectFrom('organisations').select(['id', 'name']).where('type', '=', 'secretariat');
    if (name) q = q.where('name', '=', name);
    return q.orderBy('created_at').limit(1).executeTakeFirst();
  }

  async insertSecretariat(name: string): Promise<string> {
    const { id } = await this.db.insertInto('organisations').values({ type: 'secretariat', name, acronym: null, country_iso3: null }).returning('id').executeTakeFirstOrThrow();
    return id;
  }

  // --- Sessions and API tokens (revocation and listing for administrators) ---

  async countActiveSessions(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Ends every live session of the user (the same statement sign-out-everywhere uses). */
  revokeSessions(userId: string): Promise<number> {
    return new AuthRepository(this.db).revokeUserSessions(userId, new Date());
  }


  /** Revokes every live API token of the user; returns how many. */
  async revokeApiTokens(userId: string): Promise<number> {
    const result = await this.db.updateTable('api_tokens').set({ revoked_at: sql<Date>`now()` }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private apiTokens() {
    return this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([
        'api_tokens.id',
        'api_tokens.user_id',
        'users.email as user_email',
        'api_tokens.name',
        'api_tokens.prefix',
        'api_tokens.permissions',
        'api_tokens.expires_at',
        'api_tokens.revoked_at',
        'api_tokens.last_used_at',
        'api_tokens.created_at',
      ]);
  }

  listApiTokens(f: { userId?: string | undefined; activeOnly: boolean; limit: number; offset: number }): Promise<ApiTokenRow[]> {
    let q = this.apiTokens();
    if (f.userId) q = q.where('api_tokens.user_id', '=', f.userId);
    if (f.activeOnly) q = q.where('api_tokens.revoked_at', 'is', null).where('api_tokens.expires_at', '>', sql<Date>`now()`);
    return q.orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').limit(f.limit).offset(f.offset).execute();
  }

  findApiToken(id: string): Promise<ApiTokenRow | undefined> {
    return this.apiTokens().where('api_tokens.id', '=', id).executeTakeFirst();
  }

  async revokeApiToken(id: string): Promise<boolean> {
    const result = await this.db.updateTable('api_tokens').set({ revoked_at: sql<Date>`now()` }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  // --- One-time tokens (invitations, password resets) ---

  /** Stores a new token's hash; earlier unused tokens of the same purpose stop working. */
  async issueOneTimeToken(userId: string, purpose: OneTimePurpose, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.deleteFrom('one_time_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
    await this.db.insertInto('one_time_tokens').values({ user_id: userId, purpose, token_hash: tokenHash, expires_at: expiresAt }).execute();
  }

  /** The user whose unused, unexpired token this is, or undefined. */
  async findLiveToken(purpose: OneTimePurpose, tokenHash: string): Promise<{ id: string; user_id: string } | undefined> {
    return this.db
      .selectFrom('one_time_tokens')
      .select(['id', 'user_id'])
      .where('purpose', '=', purpose)
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
  }

  /** Marks the token used if it still is live; the one statement makes it single-use under concurrency. */
  async consumeToken(purpose: OneTimePurpose, tokenHash: string): Promise<{ id: string; user_id: string } | undefined> {
    return this.db
      .updateTable('one_time_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where('purpose', '=', purpose)
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['id', 'user_id'])
      .executeTakeFirst();
  }

  /** When the user's newest unused token of this purpose was made (to limit resends). */
  async latestLiveTokenAt(userId: string, purpose: OneTimePurpose): Promise<Date | null> {
    const row = await this.db
      .selectFrom('one_time_tokens')
      .select('created_at')
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.created_at ?? null;
  }

  async invalidateTokens(userId: string, purpose: OneTimePurpose): Promise<void> {
    await this.db.deleteFrom('one_time_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
  }
}
