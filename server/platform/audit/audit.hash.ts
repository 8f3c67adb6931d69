import { createHash } from 'node:crypto';

/** The predecessor of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** One event exactly as hashed: the values as they read back from the database. */
export interface ChainedEvent {
  id: number;
  /** UTC, microsecond precision: `2026-11-29T10:00:00.123000Z` (the column's full precision). */
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorOrganisationId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  changes: unknown;
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  prevHash: string;
}

/** A Date as the canonical timestamp; Dates carry milliseconds, the column microseconds. */
export function canonicalTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code unit), no whitespace. jsonb keeps
 * neither key order nor number spelling, so the hash must not depend on either.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`Cannot canonicalise a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** The event's text that is hashed: every field, including its id and its predecessor's hash. */
export function canonicalForm(e: ChainedEvent): string {
  return canonicalJson({
    id: e.id,
    occurred_at: e.occurredAt,
    actor_user_id: e.actorUserId,
    actor_role: e.actorRole,
    actor_organisation_id: e.actorOrganisationId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    changes: e.changes,
    ip: e.ip,
    user_agent: e.userAgent,
    correlation_id: e.correlationId,
    prev_hash: e.prevHash,
  });
}

/** SHA-256 (hex) of the canonical form. */
export function eventHash(e: ChainedEvent): string {
  return createHash('sha256').update(canonicalForm(e), 'utf8').digest('hex');
}
