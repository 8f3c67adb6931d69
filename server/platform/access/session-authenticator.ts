import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AppSettings } from '../settings.ts';
import { anonymous, type Grant, type UserActor } from './actor.ts';
import type { Authentication, Authenticator } from './authenticator.ts';
import { CredentialCache } from './credential-cache.ts';
import { API_TOKEN_PREFIX, hashSecret, SESSION_COOKIE } from './credentials.ts';
import { isPermission, roleDefinitions } from './permissions.ts';

// Touching last_seen_at on every request would make every read a write; a minute is precise enough for idle expiry.
const TOUCH_AFTER_MS = 60_000;

/** Resolves the session cookie or the bearer token of a request to an actor. */
export class SessionAuthenticator implements Authenticator {
  private readonly cache: CredentialCache;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly settings: Pick<AppSettings, 'session'>,
  ) {
    this.cache = new CredentialCache(settings.session.cacheSeconds);
  }

  async authenticate(req: FastifyRequest): Promise<Authentication> {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const token = header.slice(7).trim();
      if (!token.startsWith(API_TOKEN_PREFIX)) return none;
      return this.cached(`token:${hashSecret(token)}`, Infinity, (hash) => this.fromToken(hash));
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (!cookie) return none;
    return this.cached(`session:${hashSecret(cookie)}`, this.settings.session.idleMinutes * 60_000, (hash) => this.fromSession(hash));
  }

  close(): void {
    this.cache.close();
  }

  private async cached(key: string, idleMs: number, load: (hash: string) => Promise<Resolved | null>): Promise<Authentication> {
    const now = Date.now();
    const hit = this.cache.get(key, idleMs, now);
    if (hit) {
      if (now - hit.touchedAt > TOUCH_AFTER_MS) {
        hit.touchedAt = now;
        await this.touch(key, new Date(now));
      }
      return hit.auth;
    }
    const found = await load(key.slice(key.indexOf(':') + 1));
    if (!found) return none;
    this.cache.set(key, { auth: found.auth, userId: found.userId, expiresAt: found.expiresAt.getTime(), lastSeenAt: now, touchedAt: found.touchedAt.getTime() }, now);
    if (now - found.touchedAt.getTime() > TOUCH_AFTER_MS) await this.touch(key, new Date(now));
    return found.auth;
  }

  private async touch(key: string, at: Date): Promise<void> {
    const hash = key.slice(key.indexOf(':') + 1);
    if (key.startsWith('session:')) await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', hash).execute();
    else await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('token_hash', '=', hash).execute();
  }

  private async fromSession(hash: string): Promise<Resolved | null> {
    const idleCutoff = new Date(Date.now() - this.settings.session.idleMinutes * 60_000);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.csrf_token', 'sessions.two_factor_passed', 'sessions.last_seen_at', 'sessions.expires_at', 'users.id as user_id', 'users.email', 'users.organisation_id', 'users.preferred_language', 'users.totp_enabled_at'])
      .where('sessions.id', '=', hash)
      .where('sessions.revoked_at', 'is', null)
      .where('sessions.expires_at', '>', sql<Date>`now()`)
      .where('sessions.last_seen_at', '>', idleCutoff)
      .where('users.status', '=', 'active')
      .executeTakeFirst();
    if (!row) return null;
    const grants = await this.grants(row.user_id);
    const needsSecondFactor = !!row.totp_enabled_at || grants.some((g) => roleDefinitions[g.role].requiresTwoFactor);
    const actor = userActor(row, grants, {
      via: 'session',
      sessionId: row.id,
      tokenId: null,
      tokenPermissions: null,
      twoFactorSatisfied: row.two_factor_passed || !needsSecondFactor,
    });
    return { auth: { actor, csrfToken: row.csrf_token }, userId: row.user_id, expiresAt: row.expires_at, touchedAt: row.last_seen_at };
  }

  private async fromToken(hash: string): Promise<Resolved | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id', 'api_tokens.permissions', 'api_tokens.last_used_at', 'api_tokens.expires_at', 'users.id as user_id', 'users.email', 'users.organisation_id', 'users.preferred_language'])
      .where('api_tokens.token_hash', '=', hash)
      .where('api_tokens.revoked_at', 'is', null)
      .where('api_tokens.expires_at', '>', sql<Date>`now()`)
      .where('users.status', '=', 'active')
      .executeTakeFirst();
    if (!row) return null;
    const actor = userActor(row, await this.grants(row.user_id), {
      via: 'token',
      sessionId: null,
      tokenId: row.id,
      tokenPermissions: row.permissions ? row.permissions.filter(isPermission) : null,
      // The token was made from a session that passed the second factor; it is the machine's credential.
      twoFactorSatisfied: true,
    });
    return { auth: { actor, csrfToken: null }, userId: row.user_id, expiresAt: row.expires_at, touchedAt: row.last_used_at ?? new Date(0) };
  }

  private async grants(userId: string): Promise<Grant[]> {
    const rows = await this.db.selectFrom('role_grants').select(['role', 'country_iso3', 'organisation_id']).where('user_id', '=', userId).execute();
    return rows.map((r) => ({ role: r.role, countryIso3: r.country_iso3, organisationId: r.organisation_id }));
  }
}

interface Resolved {
  auth: Authentication;
  userId: string;
  expiresAt: Date;
  touchedAt: Date;
}

const none: Authentication = { actor: anonymous, csrfToken: null };

type UserRow = { user_id: string; email: string; organisation_id: string; preferred_language: UserActor['language'] };

function userActor(row: UserRow, grants: Grant[], how: Pick<UserActor, 'via' | 'sessionId' | 'tokenId' | 'tokenPermissions' | 'twoFactorSatisfied'>): UserActor {
  return { kind: 'user', userId: row.user_id, email: row.email, organisationId: row.organisation_id, language: row.preferred_language, grants, ...how };
}
