// API tokens for machine clients: the owner's permissions or fewer, hashed, shown once, expiring.
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../errors.ts';
import type { UserActor } from './actor.ts';
import type { AuthDependencies } from './auth.service.ts';
import { credentialsChanged } from './credential-cache.ts';
import { newApiToken } from './credentials.ts';
import type { Permission } from './permissions.ts';
import { authorize, can } from './policy.ts';
import { auditActorOf, type RequestContext } from './request-context.ts';
import { TokensRepository } from './tokens.repository.ts';

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  permissions: Permission[] | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type TokenRow = Awaited<ReturnType<TokensRepository['listOwn']>>[number];

const view = (r: TokenRow): TokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  permissions: r.permissions,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

export class TokensService {
  private readonly now: () => Date;

  constructor(private readonly deps: AuthDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  async list(actor: UserActor): Promise<TokenView[]> {
    authorize(actor, 'tokens.manage_own');
    return (await new TokensRepository(this.deps.database.db).listOwn(actor.userId)).map(view);
  }

  /** Makes a token; the secret is in the answer only, the database keeps its hash. */
  async create(actor: UserActor, input: { name: string; expiresInDays: number; permissions?: Permission[] | undefined }, ctx: RequestContext): Promise<TokenView & { token: string }> {
    authorize(actor, 'tokens.manage_own');
    // A token must not outlive or outreach the credential that made it: no tokens from tokens.
    if (actor.via !== 'session') throw new AppError('FORBIDDEN', 'API tokens are created from a signed-in session, not with another token');
    // Tokens count as having passed the second factor: only a session that passed it may make one.
    if (!actor.twoFactorSatisfied) throw new AppError('FORBIDDEN', 'Complete two-factor authentication to do this');
    const requested = input.permissions ? [...new Set(input.permissions)] : null;
    const beyond = requested?.filter((p) => !can(actor, p)) ?? [];
    if (beyond.length) {
      throw new AppError(
        'FORBIDDEN',
        'A token may only have permissions you hold',
        beyond.map((p) => ({ field: 'body.permissions', value: p, reason: 'you do not hold this permission' })),
      );
    }
    const { token, prefix, hash } = newApiToken();
    const expiresAt = new Date(this.now().getTime() + input.expiresInDays * 86_400_000);
    const row = await this.deps.database.transaction(async (tx) => {
      const created = await new TokensRepository(tx.db).create({ user_id: actor.userId, name: input.name, prefix, token_hash: hash, permissions: requested, expires_at: expiresAt });
      await recordAudit(tx.db, {
        action: 'token.create',
        actor: auditActorOf(actor),
        entityType: 'api_token',
        entityId: created.id,
        changes: { name: input.name, prefix, permissions: requested, expiresAt: expiresAt.toISOString() },
        request: ctx,
      });
      return created;
    });
    return { ...view(row), token };
  }

  async revoke(actor: UserActor, id: string, ctx: RequestContext): Promise<void> {
    authorize(actor, 'tokens.manage_own');
    await this.deps.database.transaction(async (tx) => {
      if (!(await new TokensRepository(tx.db).revoke(actor.userId, id, this.now()))) throw AppError.notFound('The token');
      await recordAudit(tx.db, { action: 'token.revoke', actor: auditActorOf(actor), entityType: 'api_token', entityId: id, request: ctx });
    });
    credentialsChanged(actor.userId);
  }
}
