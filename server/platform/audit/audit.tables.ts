import type { ColumnType } from 'kysely';

export interface AuditTables {
  /** Append-only, hash-chained. Written only through `recordAudit`; see audit.migration.ts. */
  audit_events: {
    /** Assigned under the chain lock: gapless, so a missing id is a deleted event. */
    id: number;
    occurred_at: ColumnType<Date, string, never>;
    actor_user_id: string | null;
    actor_role: string | null;
    actor_organisation_id: string | null;
    action: string;
    entity_type: string | null;
    entity_id: string | null;
    /** Read back as parsed JSON; written as JSON text. */
    changes: ColumnType<unknown, string | null, never>;
    ip: string | null;
    user_agent: string | null;
    correlation_id: string | null;
    prev_hash: string;
    hash: string;
  };
  /** One row: the last event's id and hash. Locking it serialises appends. */
  audit_head: {
    id: number;
    last_id: number;
    last_hash: string;
  };
}
