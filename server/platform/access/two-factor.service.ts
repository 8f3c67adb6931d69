// TOTP enrolment, verification, recovery codes and disabling.
import { createHmac, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { recordAudit } from '../audit/audit.service.ts';
import { deriveKey, open, seal } from '../crypto/secret-box.ts';
import { AppError } from '../errors.ts';
import type { UserActor } from './actor.ts';
import { AuthRepository } from './auth.repository.ts';
import { RateLimitedError } from './auth.errors.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { AuthDependencies } from './auth.service.ts';
import { roleDefinitions } from './permissions.ts';
import { auditActorOf, type RequestContext } from './request-context.ts';
import { base32Encode, matchTotp, newTotpSecret, otpauthUrl } from './totp.ts';
import { countFailure, throttleWaitMs, TOTP_RULE, totpKey, type ThrottleKey } from './throttle.ts';

const RECOVERY_CODE_COUNT = 10;

/** `XXXX-XXXX-XXXX-XXXX`: 80 random bits, in letters and digits that are hard to confuse. */
function newRecoveryCode(): string {
  return base32Encode(randomBytes(10)).match(/.{4}/g)!.join('-');
}

/** Compares typed codes however they were spaced or cased. */
function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z2-7]/g, '');
}

export class TwoFactorService {
  private readonly now: () => Date;
  private readonly totpKey: Buffer;
  private readonly recoveryKey: Buffer;

  constructor(private readonly deps: AuthDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.totpKey = deriveKey(deps.settings.masterKey, 'totp');
    this.recoveryKey = deriveKey(deps.settings.masterKey, 'recovery-codes');
  }

  /** Keyed hash: a copy of the table without the master key does not allow guessing codes offline. */
  private recoveryHash(userId: string, code: string): string {
    return createHmac('sha256', this.recoveryKey).update(`${userId}:${normaliseRecoveryCode(code)}`).digest('hex');
  }

  private sealSecret(userId: string, secret: string): string {
    return seal(this.totpKey, secret, `totp:${userId}`);
  }

  private openSecret(userId: string, sealed: string): string {
    return open(this.totpKey, sealed, `totp:${userId}`);
  }

  /** Starts (or restarts) enrolment: a new secret, kept sealed and pending until confirmed. */
  async enrol(actor: UserActor): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
    const repo = new AuthRepository(this.deps.database.db);
    const state = await repo.totpState(actor.userId);
    if (state.totp_enabled_at) throw new AppError('CONFLICT', 'Two-factor authentication is already enabled; disable it first to enrol again');
    const secret = newTotpSecret();
    await repo.setPendingTotp(actor.userId, this.sealSecret(actor.userId, secret));
    // Nothing is enabled until confirmed; confirming writes the audit event.
    const url = otpauthUrl(secret, actor.email);
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUrl: url, qrSvg };
  }

  /** Confirms enrolment with a first code: enables TOTP, passes this session, returns recovery codes once. */
  async confirm(actor: UserActor, code: string, ctx: RequestContext): Promise<{ recoveryCodes: string[] }> {
    const repo = new AuthRepository(this.deps.database.db);
    const state = await repo.totpState(actor.userId);
    if (state.totp_enabled_at) throw new AppError('CONFLICT', 'Two-factor authentication is already enabled');
    if (!state.totp_secret_sealed) throw new AppError('BAD_REQUEST', 'Start enrolment first');
    const secret = this.openSecret(actor.userId, state.totp_secret_sealed);
    await this.checkCode(actor, secret, state.totp_last_step, code, ctx);

    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.deps.database.transaction(async (tx) => {
      const txRepo = new AuthRepository(tx.db);
      await txRepo.replaceRecoveryCodes(actor.userId, recoveryCodes.map((c) => this.recoveryHash(actor.userId, c)));
      await txRepo.enableTotp(actor.userId, this.now());
      if (actor.sessionId) await txRepo.markTwoFactorPassed(actor.sessionId);
      await recordAudit(tx.db, { action: 'auth.totp_enrolled', actor: auditActorOf(actor), entityType: 'user', entityId: actor.userId, request: ctx });
    });
    credentialsChanged(actor.userId);
    return { recoveryCodes };
  }

  /** The second step of signing in: a TOTP code or an unused recovery code passes this session. */
  async verify(actor: UserActor, input: { code: string } | { recoveryCode: string }, ctx: RequestContext): Promise<void> {
    const repo = new AuthRepository(this.deps.database.db);
    const state = await repo.totpState(actor.userId);
    if (!state.totp_enabled_at || !state.totp_secret_sealed) throw new AppError('BAD_REQUEST', 'Two-factor authentication is not enabled; enrol first');
    if (!actor.sessionId) throw new AppError('BAD_REQUEST', 'Only a signed-in browser session passes a second factor');
    const sessionId = actor.sessionId;

    if ('code' in input) {
      await this.checkCode(actor, this.openSecret(actor.userId, state.totp_secret_sealed), state.totp_last_step, input.code, ctx);
      await this.deps.database.transaction(async (tx) => {
        await new AuthRepository(tx.db).markTwoFactorPassed(sessionId);
        await recordAudit(tx.db, { action: 'auth.two_factor_verified', actor: auditActorOf(actor), entityType: 'session', entityId: sessionId, changes: { method: 'totp' }, request: ctx });
      });
      credentialsChanged(actor.userId);
      return;
    }

    await this.refuseIfThrottled(actor, ctx);
    const hash = this.recoveryHash(actor.userId, input.recoveryCode);
    const used = await this.deps.database.transaction(async (tx) => {
      const txRepo = new AuthRepository(tx.db);
      if (!(await txRepo.consumeRecoveryCode(actor.userId, hash, this.now()))) return false;
      await txRepo.markTwoFactorPassed(sessionId);
      const remaining = await txRepo.remainingRecoveryCodes(actor.userId);
      await recordAudit(tx.db, { action: 'auth.recovery_code_used', actor: auditActorOf(actor), entityType: 'session', entityId: sessionId, changes: { remaining }, request: ctx });
      return true;
    });
    if (!used) await this.refuse(actor, ctx, 'recovery_code');
    credentialsChanged(actor.userId);
  }

  /** Turns TOTP off (with a current code), unless one of the user's roles requires it. */
  async disable(actor: UserActor, code: string, ctx: RequestContext): Promise<void> {
    const required = actor.grants.filter((g) => roleDefinitions[g.role].requiresTwoFactor).map((g) => g.role);
    if (required.length) throw new AppError('FORBIDDEN', `Your role requires two-factor authentication (${[...new Set(required)].join(', ')})`);
    const repo = new AuthRepository(this.deps.database.db);
    const state = await repo.totpState(actor.userId);
    if (!state.totp_enabled_at || !state.totp_secret_sealed) throw new AppError('BAD_REQUEST', 'Two-factor authentication is not enabled');
    await this.checkCode(actor, this.openSecret(actor.userId, state.totp_secret_sealed), state.totp_last_step, code, ctx);
    await this.deps.database.transaction(async (tx) => {
      await new AuthRepository(tx.db).disableTotp(actor.userId);
      await recordAudit(tx.db, { action: 'auth.totp_disabled', actor: auditActorOf(actor), entityType: 'user', entityId: actor.userId, request: ctx });
    });
    credentialsChanged(actor.userId);
  }

  /** Checks a TOTP code: throttled, within ±1 step, and never a step already used. */
  private async checkCode(actor: UserActor, secret: string, lastStep: number | null, code: string, ctx: RequestContext): Promise<void> {
    await this.refuseIfThrottled(actor, ctx);
    const step = matchTotp(secret, code, this.now(), lastStep);
    // Claimed atomically: two requests racing with the same code cannot both pass.
    if (step === null || !(await new AuthRepository(this.deps.database.db).claimTotpStep(actor.userId, step))) {
      await this.refuse(actor, ctx, 'totp');
    }
  }

  private throttleKeys(actor: UserActor): ThrottleKey[] {
    return [{ key: totpKey(actor.userId), rule: TOTP_RULE }];
  }

  private async refuseIfThrottled(actor: UserActor, ctx: RequestContext): Promise<void> {
    const waitMs = await throttleWaitMs(new AuthRepository(this.deps.database.db), this.throttleKeys(actor), this.now());
    if (waitMs <= 0) return;
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    await this.deps.database.transaction(async (tx) => {
      await recordAudit(tx.db, { action: 'auth.throttled', actor: auditActorOf(actor), entityType: 'two_factor', entityId: actor.userId, changes: { retryAfterSeconds }, request: ctx });
    });
    throw new RateLimitedError(retryAfterSeconds);
  }

  private async refuse(actor: UserActor, ctx: RequestContext, method: 'totp' | 'recovery_code'): Promise<never> {
    await this.deps.database.transaction(async (tx) => {
      await countFailure(new AuthRepository(tx.db), this.throttleKeys(actor), this.now());
      await recordAudit(tx.db, { action: 'auth.two_factor_failed', actor: auditActorOf(actor), entityType: 'user', entityId: actor.userId, changes: { method }, request: ctx });
    });
    throw new AppError('BAD_REQUEST', method === 'totp' ? 'The code is not correct or was already used' : 'The recovery code is not correct or was already used');
  }
}
