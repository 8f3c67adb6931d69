// Accepting an invitation and resetting a forgotten password: public, by one-time token.
import type { AuditRequestContext } from '../audit/audit.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Language } from '../i18n.ts';
import type { AppSettings } from '../settings.ts';
import { hashSecret } from './credentials.ts';
import { sendMail } from './mail.ts';
import { passwordResetMail } from './mail.messages.ts';
import { newOneTimeToken, PASSWORD_RESET_TTL_MS, tokenLink } from './one-time.ts';
import { hashPassword } from './passwords.ts';
import { UsersRepository } from './users.repository.ts';
import { credentialsChanged } from './credential-cache.ts';

/** The one answer to a reset request, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED = 'If an active account has this e-mail address, a message with a link to reset its password is on its way.';

// At most one reset mail a minute per account: the request is public, the mailbox is someone's.
const RESEND_AFTER_MS = 60_000;

/** Every refused token gets this one answer: unknown, expired and used are not told apart. */
function invalidToken(): AppError {
  return new AppError('BAD_REQUEST', 'This link is not valid: it may have expired or been used already', [{ field: 'token', reason: 'invalid_or_expired_token' }]);
}

export class InvitationService {
  constructor(private readonly database: Database) {}

  /** Who the invitation is for, to greet them on the acceptance page; 404 when not live. */
  async describe(token: string): Promise<{ email: string; displayName: string; organisationName: string; preferredLanguage: Language }> {
    const repo = new UsersRepository(this.database.db);
    const live = await repo.findLiveToken('invitation', hashSecret(token));
    const user = live && (await repo.findUser(live.user_id));
    if (!user || user.status !== 'invited') throw AppError.notFound('Invitation');
    return { email: user.email, displayName: user.display_name, organisationName: user.organisation_name, preferredLanguage: user.preferred_language };
  }

  /** Sets the password and activates the account; the token is spent. */
  async accept(token: string, password: string, request: AuditRequestContext): Promise<{ email: string }> {
    const hash = hashSecret(token);
    // Cheap check first, so that a made-up token costs no password hashing.
    if (!(await new UsersRepository(this.database.db).findLiveToken('invitation', hash))) throw invalidToken();
    const passwordHash = await hashPassword(password);
    const done = await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      const spent = await repo.consumeToken('invitation', hash);
      if (!spent) throw invalidToken();
      await repo.lockUser(spent.user_id);
      const user = await repo.findUser(spent.user_id);
      if (!user || user.status !== 'invited') throw invalidToken();
      await repo.updateUser(user.id, { status: 'active', password_hash: passwordHash });
      await recordAudit(tx.db, {
        action: 'user.invitation_accepted',
        actor: { userId: user.id, organisationId: user.organisation_id },
        entityType: 'user',
        entityId: user.id,
        changes: { status: { from: 'invited', to: 'active' } },
        request,
      });
      return { userId: user.id, email: user.email };
    });
    credentialsChanged(done.userId);
    return { email: done.email };
  }
}

export class PasswordResetService {
  constructor(
    private readonly database: Database,
    private readonly settings: Pick<AppSettings, 'publicUrl' | 'smtpUrl' | 'mailFrom'>,
  ) {}

  /**
   * Mails a reset link when the address has an active account; the caller answers the same
   * either way. With SMTP, delivery is not awaited: its latency would tell accounts apart.
   */
  async request(email: string, request: AuditRequestContext): Promise<void> {
    const repo = new UsersRepository(this.database.db);
    const user = await repo.findUserByEmail(email.trim().toLowerCase());
    if (!user || user.status !== 'active') return;
    const latest = await repo.latestLiveTokenAt(user.id, 'password_reset');
    if (latest && Date.now() - latest.getTime() < RESEND_AFTER_MS) return;

    const { token, hash } = newOneTimeToken();
    await this.database.transaction(async (tx) => {
      await new UsersRepository(tx.db).issueOneTimeToken(user.id, 'password_reset', hash, new Date(Date.now() + PASSWORD_RESET_TTL_MS));
      await recordAudit(tx.db, { action: 'auth.password_reset_requested', actor: null, entityType: 'user', entityId: user.id, request });
    });
    const link = tokenLink(this.settings.publicUrl, 'reset-password', token);
    const mail = passwordResetMail(user.preferred_language, { displayName: user.display_name, link, minutes: Math.round(PASSWORD_RESET_TTL_MS / 60_000) });
    const delivery = sendMail(this.database.db, this.settings, { to: user.email, subject: mail.subject, text: mail.text, secrets: [encodeURIComponent(token), token] });
    if (this.settings.smtpUrl) {
      // sendMail records delivery errors itself; this catches only a database failure while recording.
      delivery.catch(() => {});
    } else {
      await delivery;
    }
  }

  /** Sets the new password, spends the token and signs the user out everywhere. */
  async complete(token: string, newPassword: string, request: AuditRequestContext): Promise<{ email: string }> {
    const hash = hashSecret(token);
    if (!(await new UsersRepository(this.database.db).findLiveToken('password_reset', hash))) throw invalidToken();
    const passwordHash = await hashPassword(newPassword);
    const done = await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      const spent = await repo.consumeToken('password_reset', hash);
      if (!spent) throw invalidToken();
      await repo.lockUser(spent.user_id);
      const user = await repo.findUser(spent.user_id);
      // Suspended since the mail was sent: the link no longer helps.
      if (!user || user.status !== 'active') throw invalidToken();
      await repo.updateUser(user.id, { password_hash: passwordHash });
      const sessionsRevoked = await repo.revokeSessions(user.id);
      await repo.invalidateTokens(user.id, 'password_reset');
      await recordAudit(tx.db, {
        action: 'auth.password_reset',
        actor: { userId: user.id, organisationId: user.organisation_id },
        entityType: 'user',
        entityId: user.id,
        changes: { sessionsRevoked },
        request,
      });
      return { userId: user.id, email: user.email };
    });
    credentialsChanged(done.userId);
    return { email: done.email };
  }
}
