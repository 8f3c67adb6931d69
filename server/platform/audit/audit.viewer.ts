// The audit viewer for auditors and administrators. Reading the log is itself audited.
import type { Database } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { auditActorOf } from '../access/request-context.ts';
import type { AuditAction } from './audit.actions.ts';
import { listAuditEvents, recordAudit, verifyAuditChain, type AuditEventView, type AuditListQuery, type AuditRequestContext, type AuditVerification } from './audit.service.ts';

export interface AuditViewerQuery {
  actor?: string | undefined;
  actions?: AuditAction[] | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  limit?: number | undefined;
}

export class AuditViewerService {
  constructor(private readonly database: Database) {}

  /** Events matching the filters, newest first; records who looked and for what. */
  async events(actor: Actor, query: AuditViewerQuery, request: AuditRequestContext): Promise<{ events: AuditEventView[]; nextBefore: number | null }> {
    authorize(actor, 'audit.read');
    const filters: AuditListQuery = {
      actorUserId: query.actor,
      actions: query.actions,
      entityType: query.entityType,
      entityId: query.entityId,
      from: query.from,
      to: query.to,
      beforeId: query.before,
      limit: query.limit,
    };
    const page = await listAuditEvents(this.database.db, filters);
    await this.database.transaction((tx) =>
      recordAudit(tx.db, {
        action: 'audit.read',
        actor: auditActorOf(actor),
        entityType: 'audit_log',
        changes: {
          filters: { ...query, from: query.from?.toISOString(), to: query.to?.toISOString() },
          returned: page.events.length,
          firstId: page.events[0]?.id ?? null,
          lastId: page.events.at(-1)?.id ?? null,
        },
        request,
      }),
    );
    return { events: page.events, nextBefore: page.nextBeforeId };
  }

  /** Recomputes the hash chain (as `tiphub audit verify`). */
  async verify(actor: Actor, request: AuditRequestContext): Promise<AuditVerification> {
    authorize(actor, 'audit.read');
    const result = await verifyAuditChain(this.database.db);
    await this.database.transaction((tx) =>
      recordAudit(tx.db, { action: 'audit.read', actor: auditActorOf(actor), entityType: 'audit_log', changes: { verify: result.ok ? 'intact' : `broken at ${result.brokenAt}` }, request }),
    );
    return result;
  }
}
