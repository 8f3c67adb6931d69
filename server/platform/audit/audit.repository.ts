import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** A row as the chain check reads it: `occurred_at` as canonical UTC text, full precision. */
export interface ChainRow {
  id: number;
  occurred_at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  changes: unknown;
  ip: string | null;
  user_agent: string | null;
  correlation_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface NewAuditRow extends Omit<ChainRow, 'changes'> {
  /** JSON text, or null. */
  changes: string | null;
}

export interface AuditListFilter {
  actorUserId?: string | undefined;
  actions?: readonly string[] | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset paging: only events with a smaller id (the list is newest first). */
  beforeId?: number | undefined;
  limit: number;
}

// to_char with AT TIME ZONE 'UTC' does not depend on the session's TimeZone or DateStyle.
const canonicalOccurredAt = sql<string>`to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** All SQL of the audit log. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Locks the chain's head until the transaction ends and returns it, with the transaction's
   * id so that `append` can prove it runs in the same transaction.
   */
  async lockHead(): Promise<{ lastId: number; lastHash: string; xid: string }> {
    const { rows } = await sql<{ last_id: number; last_hash: string; xid: string }>`
      SELECT last_id, last_hash, pg_current_xact_id()::text AS xid FROM audit_head WHERE id = 1 FOR UPDATE`.execute(this.db);
    const row = rows[0];
    if (!row) throw new Error('audit_head has no row: the audit migration did not run');
    return { lastId: row.last_id, lastHash: row.last_hash, xid: row.xid };
  }

  /**
   * Inserts the event and moves the head, in one statement, only if still inside transaction
   * `xid`: outside a transaction the lock would already be gone and the chain could fork.
   */
  async append(row: NewAuditRow, xid: string): Promise<boolean> {
    const { rows } = await sql<{ last_id: number }>`
      WITH ins AS (
        INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_role, actor_organisation_id, action,
                                  entity_type, entity_id, changes, ip, user_agent, correlation_id, prev_hash, hash)
        SELECT ${row.id}::bigint, ${row.occurred_at}::timestamptz, ${row.actor_user_id}::uuid, ${row.actor_role}::text,
               ${row.actor_organisation_id}::uuid, ${row.action}::text, ${row.entity_type}::text, ${row.entity_id}::text,
               ${row.changes}::jsonb, ${row.ip}::text, ${row.user_agent}::text, ${row.correlation_id}::text,
               ${row.prev_hash}::text, ${row.hash}::text
        WHERE pg_current_xact_id()::text = ${xid}::text
        RETURNING id, hash
      )
      UPDATE audit_head SET last_id = ins.id, last_hash = ins.hash FROM ins WHERE audit_head.id = 1
      RETURNING audit_head.last_id`.execute(this.db);
    return rows.length === 1;
  }

  async head(): Promise<{ lastId: number; lastHash: string }> {
    const row = await this.db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { lastId: row.last_id, lastHash: row.last_hash };
  }

  /** Up to `limit` events after `afterId`, in id order, as hashed. */
  chainBatch(afterId: number, limit: number): Promise<ChainRow[]> {
    return this.db
      .selectFrom('audit_events')
      .select([
        'id',
        canonicalOccurredAt.as('occurred_at'),
        'actor_user_id',
        'actor_role',
        'actor_organisation_id',
        'action',
        'entity_type',
        'entity_id',
        'changes',
        'ip',
        'user_agent',
        'correlation_id',
        'prev_hash',
        'hash',
      ])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Newest first. */
  list(f: AuditListFilter) {
    let q = this.db.selectFrom('audit_events').selectAll();
    if (f.actorUserId !== undefined) q = q.where('actor_user_id', '=', f.actorUserId);
    if (f.actions !== undefined && f.actions.length > 0) q = q.where('action', 'in', f.actions);
    if (f.entityType !== undefined) q = q.where('entity_type', '=', f.entityType);
    if (f.entityId !== undefined) q = q.where('entity_id', '=', f.entityId);
    if (f.from !== undefined) q = q.where('occurred_at', '>=', f.from);
    if (f.to !== undefined) q = q.where('occurred_at', '<', f.to);
    if (f.beforeId !== undefined) q = q.where('id', '<', f.beforeId);
    return q.orderBy('id', 'desc').limit(f.limit).execute();
  }
}
