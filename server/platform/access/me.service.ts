// The own account: profile, password, sessions.
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { Language } from '../i18n.ts';
import type { UserActor } from './actor.ts';
import { AuthRepository } from './auth.repository.ts';
import type { Me } from './auth.schema.ts';
import { RateLimitedError } from './auth.errors.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { AuthDependencies } from './auth.service.ts';
import { describeMe } from './me.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { authorize } from './policy.ts';
import { auditActorOf, type RequestContext } from './request-context.ts';
import { ACCOUNT_RULE, accountKey, countFailure, throttleWaitMs } from './throttle.ts';

export interface SessionView {
  id: string;
  current: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export class MeService {
  private readonly now: () => Date;

  constructor(private readonly deps: AuthDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  private get repo(): AuthRepository {
    return new AuthRepository(this.deps.database.db);
  }

  me(actor: UserActor): Promise<Me> {
    return describeMe(this.repo, actor);
  }

  async update(actor: UserActor, input: { displayName?: string | undefined; preferredLanguage?: Language | undefined }, ctx: RequestContext): Promise<Me> {
    authorize(actor, 'account.manage_own');
    const before = await this.repo.profile(actor.userId);
    const changes: Record<string, { from: string; to: string }> = {};
    const set: { display_name?: string; preferred_language?: Language } = {};
    if (input.displayName !== undefined && input.displayName !== before.display_name) {
      set.display_name = input.displayName;
      changes.displayName = { from: before.display_name, to: input.displayName };
    }
    if (input.preferredLanguage !== undefined && input.preferredLanguage !== before.preferred_language) {
      set.preferred_language = input.preferredLanguage;
      changes.preferredLanguage = { from: before.preferred_language, to: input.preferredLanguage };
    }
    if (Object.keys(set).length) {
      await this.deps.database.transaction(async (tx) => {
        await new AuthRepository(tx.db).updateProfile(actor.userId, set);
        await recordAudit(tx.db, { action: 'user.update', actor: auditActorOf(actor), entityType: 'user', entityId: actor.userId, changes, request: ctx });
      });
      // The cached actor carries the language.
      credentialsChanged(actor.userId);
    }
    return describeMe(this.repo, actor);
  }

  /** Changes the password after checking the current one (throttled like sign-in); other sessions end. */
  async changePassword(actor: UserActor, input: { currentPassword: string; newPassword: string }, ctx: RequestContext): Promise<void> {
    authorize(actor, 'account.manage_own');
    const keys = [{ key: accountKey(actor.email), rule: ACCOUNT_RULE }];
    const waitMs = await throttleWaitMs(this.repo, keys, this.now());
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
    const user = await this.repo.credentialsById(actor.userId);
    if (!(await verifyPassword(user?.password_hash ?? null, input.currentPassword))) {
      await this.deps.database.transaction(async (tx) => {
        await countFailure(new AuthRepository(tx.db), keys, this.now());
        await recordAudit(tx.db, { action: 'auth.sign_in_failed', actor: auditActorOf(actor), entityType: 'user', entityId: actor.userId, changes: { reason: 'wrong_current_password' }, request: ctx });
      });
      throw new AppError('VALIDATION_FAILED', 'The current password is not correct', [{ field: 'body.currentPassword', reason: 'is not correct' }]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.deps.database.transaction(async (tx) => {
      const repo = new AuthRepository(tx.db);
      await repo.setPasswordHash(actor.userId, passwordHash);
      const revoked = await repo.revokeUserSessions(actor.userId, this.now(), actor.sessionId);
      await recordAudit(tx.db, { action: 'auth.password_changed', actor: auditActorOf(actor), entityType: 'user', entityId: actor.userId, changes: { otherSessionsRevoked: revoked }, request: ctx });
    });
    credentialsChanged(actor.userId);
  }

  async sessions(actor: UserActor): Promise<SessionView[]> {
    const now = this.now();
    const idleCutoff = new Date(now.getTime() - this.deps.settings.session.idleMinutes * 60_000);
    const rows = await this.repo.listOpenSessions(actor.userId, now, idleCutoff);
    return rows.map((r) => ({
      id: r.id,
      current: r.id === actor.sessionId,
      ip: r.ip,
      userAgent: r.user_agent,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
    }));
  }

  /** Ends one of the user's own sessions; returns whether it was the current one. */
  async revokeSession(actor: UserActor, sessionId: string, ctx: RequestContext): Promise<{ current: boolean }> {
    await this.deps.database.transaction(async (tx) => {
      if (!(await new AuthRepository(tx.db).revokeSession(sessionId, this.now(), actor.userId))) throw AppError.notFound('The session');
      await recordAudit(tx.db, { action: 'auth.session_revoked', actor: auditActorOf(actor), entityType: 'session', entityId: sessionId, request: ctx });
    });
    credentialsChanged(actor.userId);
    return { current: sessionId === actor.sessionId };
  }

  /** Ends every session of the user, the current one included. */
  async revokeAllSessions(actor: UserActor, ctx: RequestContext): Promise<number> {
    const count = await this.deps.database.transaction(async (tx) => {
      const count = await new AuthRepository(tx.db).revokeUserSessions(actor.userId, this.now());
      await recordAudit(tx.db, { action: 'auth.session_revoked', actor: auditActorOf(actor), entityType: 'user', entityId: actor.userId, changes: { all: true, count }, request: ctx });
      return count;
    });
    credentialsChanged(actor.userId);
    return count;
  }
}
