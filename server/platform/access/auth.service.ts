// Signing in and out, and what the current session is.
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import type { AppSettings } from '../settings.ts';
import type { Actor, UserActor } from './actor.ts';
import { AuthRepository } from './auth.repository.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { Me, TwoFactorStatus } from './auth.schema.ts';
import { invalidCredentials, RateLimitedError } from './auth.errors.ts';
import { hashSecret, newSecret } from './credentials.ts';
import { describeMe, needsSecondFactor, twoFactorStatus } from './me.ts';
import { verifyPassword } from './passwords.ts';
import { auditActorOf, type RequestContext } from './request-context.ts';
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey, addressKey, countFailure, throttleWaitMs, type ThrottleKey } from './throttle.ts';

/** What the authentication services are built from. */
export interface AuthDependencies {
  database: Database;
  settings: Pick<AppSettings, 'masterKey' | 'session'>;
  /** The time; tests may move it. */
  now?: () => Date;
}

export interface SignInResult {
  user: Me;
  twoFactor: TwoFactorStatus;
  csrfToken: string;
  /** The new session cookie's value (only its hash is stored). */
  sessionToken: string;
}

export interface SessionInfo {
  user: Me | null;
  twoFactor: TwoFactorStatus;
  csrfToken: string | null;
}

export class AuthService {
  private readonly now: () => Date;

  constructor(private readonly deps: AuthDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Checks the password and opens a new session. Throttled keys are refused before the
   * password is looked at; any session the client presented is revoked (no fixation).
   */
  async signIn(input: { email: string; password: string }, ctx: RequestContext, presentedSession: string | undefined): Promise<SignInResult> {
    const { database } = this.deps;
    const email = input.email.trim().toLowerCase();
    const keys: ThrottleKey[] = [{ key: accountKey(email), rule: ACCOUNT_RULE }];
    if (ctx.ip) keys.push({ key: addressKey(ctx.ip), rule: ADDRESS_RULE });
    const repo = new AuthRepository(database.db);

    const started = this.now();
    const waitMs = await throttleWaitMs(repo, keys, started);
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      await database.transaction(async (tx) => {
        await recordAudit(tx.db, { action: 'auth.throttled', entityType: 'sign_in', changes: { email, retryAfterSeconds }, request: ctx });
      });
      throw new RateLimitedError(retryAfterSeconds);
    }

    const user = await repo.findCredentials(email);
    // Unknown accounts are checked against a dummy hash: the answer takes as long either way.
    const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
    if (!user || !passwordOk || user.status !== 'active') {
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : `status_${user.status}`;
      await database.transaction(async (tx) => {
        await countFailure(new AuthRepository(tx.db), keys, this.now());
        await recordAudit(tx.db, {
          action: 'auth.sign_in_failed',
          actor: null,
          entityType: user ? 'user' : 'sign_in',
          entityId: user?.id ?? null,
          changes: { email, reason },
          request: ctx,
        });
      });
      throw invalidCredentials();
    }

    const now = this.now();
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    const sessionId = hashSecret(sessionToken);
    const grants = await repo.grants(user.id);
    const actor: UserActor = {
      kind: 'user',
      userId: user.id,
      email: user.email,
      organisationId: user.organisation_id,
      language: 'en',
      grants,
      via: 'session',
      sessionId,
      tokenId: null,
      tokenPermissions: null,
      twoFactorSatisfied: !needsSecondFactor(grants, !!user.totp_enabled_at),
    };
    const fixatedOwner = await database.transaction(async (tx) => {
      const txRepo = new AuthRepository(tx.db);
      const fixated = presentedSession ? await txRepo.revokeSession(hashSecret(presentedSession), now) : null;
      await txRepo.clearThrottle(accountKey(email));
      await txRepo.createSession({
        id: sessionId,
        user_id: user.id,
        csrf_token: csrfToken,
        ip: ctx.ip,
        user_agent: ctx.userAgent,
        created_at: now,
        expires_at: new Date(now.getTime() + this.deps.settings.session.absoluteHours * 3_600_000),
      });
      await txRepo.recordSignIn(user.id, now);
      await recordAudit(tx.db, {
        action: 'auth.sign_in',
        actor: auditActorOf(actor),
        entityType: 'user',
        entityId: user.id,
        changes: { twoFactor: twoFactorStatus(actor, !!user.totp_enabled_at), ...(fixated ? { revokedPresentedSession: true } : {}) },
        request: ctx,
      });
      return fixated;
    });
    if (fixatedOwner) credentialsChanged(fixatedOwner);
    return {
      user: await describeMe(repo, actor),
      twoFactor: twoFactorStatus(actor, !!user.totp_enabled_at),
      csrfToken,
      sessionToken,
    };
  }

  /** Who the request is signed in as, if anyone, and the CSRF token its writes must carry. */
  async session(actor: Actor): Promise<SessionInfo> {
    if (actor.kind !== 'user') return { user: null, twoFactor: 'not_required', csrfToken: null };
    const repo = new AuthRepository(this.deps.database.db);
    const user = await describeMe(repo, actor);
    const csrfToken = actor.sessionId ? await repo.sessionCsrfToken(actor.sessionId) : null;
    return { user, twoFactor: twoFactorStatus(actor, user.twoFactorEnabled), csrfToken };
  }

  /** Revokes the session the request came with (a token-authenticated request has none). */
  async signOut(actor: UserActor, ctx: RequestContext): Promise<void> {
    const sessionId = actor.sessionId;
    if (!sessionId) return;
    await this.deps.database.transaction(async (tx) => {
      const revoked = await new AuthRepository(tx.db).revokeSession(sessionId, this.now(), actor.userId);
      if (!revoked) return;
      await recordAudit(tx.db, { action: 'auth.sign_out', actor: auditActorOf(actor), entityType: 'session', entityId: sessionId, request: ctx });
    });
    credentialsChanged(actor.userId);
  }
}
