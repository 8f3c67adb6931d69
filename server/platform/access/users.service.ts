// User administration: users, role grants, invitations, sessions and API tokens, the mail
// outbox. Every change is authorised here and audited in the same transaction.
import type { AuditRequestContext } from '../audit/audit.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Language } from '../i18n.ts';
import type { AppSettings } from '../settings.ts';
import type { Actor } from './actor.ts';
import { sendMail } from './mail.ts';
import { invitationMail } from './mail.messages.ts';
import { MailRepository } from './mail.repository.ts';
import { INVITATION_TTL_MS, newOneTimeToken, tokenLink } from './one-time.ts';
import { auditActorOf } from './request-context.ts';
import { credentialsChanged } from './credential-cache.ts';
import { roleDefinitions } from './permissions.ts';
import { authorize } from './policy.ts';
import { UsersRepository, type ApiTokenRow, type GrantRow, type NewGrant, type UserListFilter, type UserRow } from './users.repository.ts';
import type { ApiTokenView, GrantInput, MailDelivery, UserDetail, UserSummary } from './users.schema.ts';

export interface CreateUserInput {
  email: string;
  displayName: string;
  organisationId: string;
  preferredLanguage: Language;
  grants: GrantInput[];
}

export interface UpdateUserInput {
  displayName?: string | undefined;
  preferredLanguage?: Language | undefined;
  status?: 'active' | 'suspended' | undefined;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** True for PostgreSQL's unique_violation. */
function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

/**
 * Checks a grant's scope against its role (a State for state_focal_point, an organisation for
 * the organisation-scoped roles, nothing for global ones) and that the scope exists.
 */
export async function validateGrant(repo: UsersRepository, input: GrantInput, field = 'grant'): Promise<NewGrant> {
  const scope = roleDefinitions[input.role].scope;
  const bad = (reason: string, at: string) => new AppError('VALIDATION_FAILED', `Role ${input.role}: ${reason}`, [{ field: `${field}.${at}`, reason }]);
  const country = input.countryIso3 ?? null;
  const organisation = input.organisationId ?? null;
  if (scope === 'country') {
    if (!country) throw bad('needs the State it is for (countryIso3)', 'countryIso3');
    if (organisation) throw bad('is scoped to a State, not an organisation', 'organisationId');
    if (!(await repo.countryExists(country))) throw bad(`unknown country ${country}`, 'countryIso3');
  } else if (scope === 'organisation') {
    if (!organisation) throw bad('needs the organisation it is for (organisationId)', 'organisationId');
    if (country) throw bad('is scoped to an organisation, not a State', 'countryIso3');
    if (!(await repo.findOrganisation(organisation))) throw bad('unknown organisation', 'organisationId');
  } else {
    if (country || organisation) throw bad('applies everywhere and takes no countryIso3 or organisationId', country ? 'countryIso3' : 'organisationId');
  }
  return { role: input.role, countryIso3: scope === 'country' ? country : null, organisationId: scope === 'organisation' ? organisation : null };
}

export class UserAdminService {
  constructor(
    private readonly database: Database,
    private readonly settings: Pick<AppSettings, 'publicUrl' | 'smtpUrl' | 'mailFrom'>,
  ) {}

  private get repo(): UsersRepository {
    return new UsersRepository(this.database.db);
  }

  async list(actor: Actor, filter: UserListFilter): Promise<{ items: UserSummary[]; total: number }> {
    authorize(actor, 'users.read');
    const { limit: _limit, offset: _offset, ...where } = filter;
    const [rows, total] = await Promise.all([this.repo.listUsers(filter), this.repo.countUsers(where)]);
    const items = await Promise.all(rows.map(async (r) => summary(r, await this.repo.grantsOf(r.id))));
    return { items, total };
  }

  async get(actor: Actor, id: string): Promise<UserDetail> {
    authorize(actor, 'users.read');
    return this.detail(id);
  }

  private async detail(id: string): Promise<UserDetail> {
    const repo = this.repo;
    const user = await repo.findUser(id);
    if (!user) throw AppError.notFound('User');
    const [grants, activeSessions, tokens] = await Promise.all([repo.grantsOf(id), repo.countActiveSessions(id), repo.listApiTokens({ userId: id, activeOnly: false, limit: 200, offset: 0 })]);
    return {
      ...summary(user, grants),
      grants: grants.map(grantView),
      activeSessions,
      tokens: tokens.map(tokenView),
    };
  }

  /** Creates an invited user with its grants and sends the invitation. */
  async create(actor: Actor, input: CreateUserInput, request: AuditRequestContext): Promise<{ user: UserDetail; invitation: MailDelivery }> {
    authorize(actor, 'users.manage');
    const email = input.email.toLowerCase();
    const { userId, token, organisationName } = await this.database
      .transaction(async (tx) => {
        const repo = new UsersRepository(tx.db);
        const organisation = await repo.findOrganisation(input.organisationId);
        if (!organisation) throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [{ field: 'organisationId', reason: 'unknown organisation' }]);
        const grants: NewGrant[] = [];
        for (const [i, g] of input.grants.entries()) grants.push(await validateGrant(repo, g, `grants.${i}`));
        if (await repo.findUserByEmail(email)) throw new AppError('CONFLICT', 'A user with this e-mail address exists');

        const id = await repo.insertUser({ email, displayName: input.displayName, organisationId: organisation.id, language: input.preferredLanguage, status: 'invited', passwordHash: null });
        const inserted: (NewGrant & { grantId: string })[] = [];
        for (const g of grants) {
          const grantId = await repo.insertGrant(id, g, actor.userId);
          if (grantId) inserted.push({ grantId, ...g }); // the same grant listed twice is kept once
        }
        const { token, hash } = newOneTimeToken();
        const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
        await repo.issueOneTimeToken(id, 'invitation', hash, expiresAt);

        const who = auditActorOf(actor);
        await recordAudit(tx.db, {
          action: 'user.create',
          actor: who,
          entityType: 'user',
          entityId: id,
          changes: { email, displayName: input.displayName, organisationId: organisation.id, preferredLanguage: input.preferredLanguage, status: 'invited' },
          request,
        });
        for (const g of inserted) await recordAudit(tx.db, { action: 'role.grant', actor: who, entityType: 'user', entityId: id, changes: g, request });
        await recordAudit(tx.db, { action: 'user.invite', actor: who, entityType: 'user', entityId: id, changes: { email, expiresAt: expiresAt.toISOString() }, request });
        return { userId: id, token, organisationName: organisation.name };
      })
      .catch((err: unknown) => {
        // Two administrators inviting the same address at once: the second one loses here.
        if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'A user with this e-mail address exists');
        throw err;
      });
    const invitation = await this.mailInvitation({ email, displayName: input.displayName, language: input.preferredLanguage, organisationName }, token);
    return { user: await this.detail(userId), invitation };
  }

  /** Sends a new invitation; earlier links of the user stop working. */
  async resendInvitation(actor: Actor, id: string, request: AuditRequestContext): Promise<MailDelivery> {
    authorize(actor, 'users.manage');
    const { user, token } = await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      if (!(await repo.lockUser(id))) throw AppError.notFound('User');
      const user = await repo.findUser(id);
      if (!user) throw AppError.notFound('User');
      if (user.status !== 'invited') throw new AppError('CONFLICT', 'This user has already accepted the invitation');
      const { token, hash } = newOneTimeToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
      await repo.issueOneTimeToken(id, 'invitation', hash, expiresAt);
      await recordAudit(tx.db, { action: 'user.invite', actor: auditActorOf(actor), entityType: 'user', entityId: id, changes: { email: user.email, expiresAt: expiresAt.toISOString(), resent: true }, request });
      return { user, token };
    });
    return this.mailInvitation({ email: user.email, displayName: user.display_name, language: user.preferred_language, organisationName: user.organisation_name }, token);
  }

  private async mailInvitation(to: { email: string; displayName: string; language: Language; organisationName: string }, token: string): Promise<MailDelivery> {
    const link = tokenLink(this.settings.publicUrl, 'accept-invitation', token);
    const mail = invitationMail(to.language, { displayName: to.displayName, organisationName: to.organisationName, link, days: Math.round(INVITATION_TTL_MS / 86_400_000) });
    const result = await sendMail(this.database.db, this.settings, { to: to.email, subject: mail.subject, text: mail.text, secrets: [encodeURIComponent(token), token] });
    return { transport: result.transport, sent: result.sent, error: result.error };
  }

  async update(actor: Actor, id: string, input: UpdateUserInput, request: AuditRequestContext): Promise<UserDetail> {
    authorize(actor, 'users.manage');
    if (input.status === 'suspended' && id === actor.userId) throw new AppError('CONFLICT', 'You cannot suspend your own account');
    await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      if (!(await repo.lockUser(id))) throw AppError.notFound('User');
      const user = await repo.findUser(id);
      if (!user) throw AppError.notFound('User');
      const who = auditActorOf(actor);

      const set: { display_name?: string; preferred_language?: Language; status?: 'active' | 'suspended' } = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (input.displayName !== undefined && input.displayName !== user.display_name) {
        set.display_name = input.displayName;
        changes.displayName = { from: user.display_name, to: input.displayName };
      }
      if (input.preferredLanguage !== undefined && input.preferredLanguage !== user.preferred_language) {
        set.preferred_language = input.preferredLanguage;
        changes.preferredLanguage = { from: user.preferred_language, to: input.preferredLanguage };
      }
      const statusChange = input.status !== undefined && input.status !== user.status ? input.status : undefined;
      if (statusChange === 'active' && !user.has_password) {
        throw new AppError('CONFLICT', 'This user has not accepted the invitation yet: resend it instead');
      }
      if (statusChange) set.status = statusChange;
      if (Object.keys(set).length === 0) return;

      await repo.updateUser(id, set);
      let revoked = { sessions: 0, tokens: 0 };
      if (statusChange === 'suspended') {
        // A suspended account must lose access at once, not when its cookies or tokens expire.
        revoked = { sessions: await repo.revokeSessions(id), tokens: await repo.revokeApiTokens(id) };
        await repo.invalidateTokens(id, 'invitation');
        await repo.invalidateTokens(id, 'password_reset');
      }
      // Audit events last: the chain's lock is taken after this transaction's other locks.
      if (Object.keys(changes).length > 0) await recordAudit(tx.db, { action: 'user.update', actor: who, entityType: 'user', entityId: id, changes, request });
      if (statusChange === 'suspended') {
        await recordAudit(tx.db, { action: 'user.suspend', actor: who, entityType: 'user', entityId: id, changes: { status: { from: user.status, to: 'suspended' }, sessionsRevoked: revoked.sessions, tokensRevoked: revoked.tokens }, request });
      } else if (statusChange === 'active') {
        await recordAudit(tx.db, { action: 'user.activate', actor: who, entityType: 'user', entityId: id, changes: { status: { from: user.status, to: 'active' } }, request });
      }
    });
    // Status changes reach cached sessions and tokens at once.
    credentialsChanged(id);
    return this.detail(id);
  }

  async addGrant(actor: Actor, userId: string, input: GrantInput, request: AuditRequestContext): Promise<UserDetail> {
    authorize(actor, 'users.manage');
    await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      if (!(await repo.lockUser(userId))) throw AppError.notFound('User');
      const grant = await validateGrant(repo, input);
      const grantId = await repo.insertGrant(userId, grant, actor.userId);
      if (!grantId) throw new AppError('CONFLICT', 'The user already has this role with this scope');
      await recordAudit(tx.db, { action: 'role.grant', actor: auditActorOf(actor), entityType: 'user', entityId: userId, changes: { grantId, ...grant }, request });
    });
    credentialsChanged(userId);
    return this.detail(userId);
  }

  async removeGrant(actor: Actor, userId: string, grantId: string, request: AuditRequestContext): Promise<UserDetail> {
    authorize(actor, 'users.manage');
    await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      if (!(await repo.lockUser(userId))) throw AppError.notFound('User');
      const grant = await repo.findGrant(userId, grantId);
      if (!grant) throw AppError.notFound('Role grant');
      if (userId === actor.userId && grant.role === 'coordinator_admin') {
        const own = await repo.grantsOf(userId);
        if (own.filter((g) => g.role === 'coordinator_admin').length <= 1) {
          throw new AppError('CONFLICT', 'You cannot remove your own last coordinator_admin role: ask another administrator');
        }
      }
      await repo.deleteGrant(grantId);
      await recordAudit(tx.db, {
        action: 'role.revoke',
        actor: auditActorOf(actor),
        entityType: 'user',
        entityId: userId,
        changes: { grantId, role: grant.role, countryIso3: grant.country_iso3, organisationId: grant.organisation_id },
        request,
      });
    });
    credentialsChanged(userId);
    return this.detail(userId);
  }

  /** Signs the user out everywhere. */
  async revokeSessions(actor: Actor, userId: string, request: AuditRequestContext): Promise<number> {
    authorize(actor, 'users.manage');
    const revoked = await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      if (!(await repo.lockUser(userId))) throw AppError.notFound('User');
      const revoked = await repo.revokeSessions(userId);
      await recordAudit(tx.db, { action: 'auth.session_revoked', actor: auditActorOf(actor), entityType: 'user', entityId: userId, changes: { all: true, revoked }, request });
      return revoked;
    });
    credentialsChanged(userId);
    return revoked;
  }

  async listTokens(actor: Actor, filter: { userId?: string | undefined; activeOnly: boolean; limit: number; offset: number }): Promise<ApiTokenView[]> {
    authorize(actor, 'users.manage');
    return (await this.repo.listApiTokens(filter)).map(tokenView);
  }

  async revokeToken(actor: Actor, tokenId: string, request: AuditRequestContext): Promise<void> {
    authorize(actor, 'users.manage');
    const ownerId = await this.database.transaction(async (tx) => {
      const repo = new UsersRepository(tx.db);
      const token = await repo.findApiToken(tokenId);
      if (!token) throw AppError.notFound('API token');
      if (!(await repo.revokeApiToken(tokenId))) return token.user_id; // already revoked: nothing to record
      await recordAudit(tx.db, { action: 'token.revoke', actor: auditActorOf(actor), entityType: 'api_token', entityId: tokenId, changes: { userId: token.user_id, name: token.name, prefix: token.prefix }, request });
      return token.user_id;
    });
    credentialsChanged(ownerId);
  }

  /** The mail outbox, newest first: where mail waits for an administrator when no SMTP server is set. */
  async outbox(actor: Actor, filter: { to?: string | undefined; limit: number; offset: number }) {
    authorize(actor, 'users.manage');
    const repo = new MailRepository(this.database.db);
    const [rows, total] = await Promise.all([repo.list(filter), repo.count(filter)]);
    return {
      items: rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body_text, transport: r.transport, sentAt: iso(r.sent_at), error: r.error, createdAt: r.created_at.toISOString() })),
      total,
    };
  }
}

function summary(r: UserRow, grants: GrantRow[]): UserSummary {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    preferredLanguage: r.preferred_language,
    status: r.status,
    twoFactorEnrolled: !!r.totp_enabled_at,
    lastSignInAt: iso(r.last_sign_in_at),
    createdAt: r.created_at.toISOString(),
    demo: r.is_demo,
    roles: [...new Set(grants.map((g) => g.role))],
  };
}

function grantView(g: GrantRow) {
  return { id: g.id, role: g.role, countryIso3: g.country_iso3?.trim() ?? null, organisationId: g.organisation_id, grantedBy: g.granted_by, createdAt: g.created_at.toISOString() };
}

function tokenView(t: ApiTokenRow): ApiTokenView {
  return {
    id: t.id,
    userId: t.user_id,
    userEmail: t.user_email,
    name: t.name,
    prefix: t.prefix,
    permissions: t.permissions,
    expiresAt: t.expires_at.toISOString(),
    revokedAt: iso(t.revoked_at),
    lastUsedAt: iso(t.last_used_at),
    createdAt: t.created_at.toISOString(),
  };
}

