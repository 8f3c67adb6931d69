import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/audit.service.ts';
import type { UserActor } from './actor.ts';

/** Where a request came from, for audit events and session records. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
  correlationId: string;
}

export function requestContext(req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  return { ip: req.ip || null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null, correlationId: req.id };
}

/** The audit log's view of a signed-in user: their roles, comma-separated, and organisation. */
export function auditActorOf(actor: Pick<UserActor, 'userId' | 'grants' | 'organisationId'>): AuditActor {
  const roles = [...new Set(actor.grants.map((g) => g.role))].join(',');
  return { userId: actor.userId, role: roles || null, organisationId: actor.organisationId };
}
