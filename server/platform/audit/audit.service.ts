import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { isAuditAction, type AuditAction } from './audit.actions.ts';
import { canonicalTime, eventHash, GENESIS_HASH, type ChainedEvent } from './audit.hash.ts';
import { AuditRepository, type ChainRow } from './audit.repository.ts';
import { redact } from './redact.ts';

/** Who did it; absent or null for anonymous visitors and the system itself. */
export interface AuditActor {
  userId: string;
  role?: string | null | undefined;
  organisationId?: string | null | undefined;
}

/** Where the request came from. */
export interface AuditRequestContext {
  ip?: string | null | undefined;
  userAgent?: string | null | undefined;
  correlationId?: string | null | undefined;
}

/** One audit event as a caller describes it. */
export interface AuditEvent {
  action: AuditAction;
  actor?: AuditActor | null | undefined;
  entityType?: string | null | undefined;
  entityId?: string | number | null | undefined;
  /** Any JSON-able value (e.g. `{ field: { from, to } }`); sensitive keys are redacted. */
  changes?: unknown;
  request?: AuditRequestContext | null | undefined;
  /** Defaults to now. */
  occurredAt?: Date | undefined;
}

export interface RecordedAuditEvent {
  id: number;
  hash: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 1000;

/**
 * Appends one event to the hash chain inside the caller's transaction (`tx.db`), so the
 * event commits or rolls back with the change it records. Appends are serialised on the
 * chain's head row until that transaction ends: record the event as the transaction's last
 * step, so the lock is held briefly and is always taken after the caller's own locks.
 */
export async function recordAudit(txDb: Kysely<DB>, event: AuditEvent): Promise<RecordedAuditEvent> {
  if (!isAuditAction(event.action)) throw new TypeError(`Unknown audit action "${String(event.action)}"`);
  const occurredAt = event.occurredAt ?? new Date();
  if (Number.isNaN(occurredAt.getTime())) throw new TypeError('occurredAt is not a valid date');
  const changes = event.changes === undefined || event.changes === null ? null : toStoredJson(redact(event.changes));

  const repo = new AuditRepository(txDb);
  const head = await repo.lockHead();
  const chained: ChainedEvent = {
    id: head.lastId + 1,
    occurredAt: canonicalTime(occurredAt),
    actorUserId: uuidOrNull(event.actor?.userId, 'actor.userId'),
    actorRole: text(event.actor?.role),
    actorOrganisationId: uuidOrNull(event.actor?.organisationId, 'actor.organisationId'),
    action: event.action,
    entityType: text(event.entityType),
    entityId: event.entityId === undefined || event.entityId === null ? null : text(String(event.entityId)),
    changes,
    ip: text(event.request?.ip),
    userAgent: text(event.request?.userAgent),
    correlationId: text(event.request?.correlationId),
    prevHash: head.lastHash,
  };
  const hash = eventHash(chained);
  const appended = await repo.append(
    {
      id: chained.id,
      occurred_at: chained.occurredAt,
      actor_user_id: chained.actorUserId,
      actor_role: chained.actorRole,
      actor_organisation_id: chained.actorOrganisationId,
      action: chained.action,
      entity_type: chained.entityType,
      entity_id: chained.entityId,
      changes: changes === null ? null : JSON.stringify(changes),
      ip: chained.ip,
      user_agent: chained.userAgent,
      correlation_id: chained.correlationId,
      prev_hash: chained.prevHash,
      hash,
    },
    head.xid,
  );
  if (!appended) throw new Error('recordAudit must run inside a transaction: pass tx.db from database.transaction()');
  return { id: chained.id, hash };
}

/** The outcome of checking the whole chain. */
export type AuditVerification =
  | { ok: true; count: number; lastId: number; headHash: string }
  | { ok: false; brokenAt: number; reason: string; checked: number };

export interface VerifyOptions {
  batchSize?: number;
  /** A previously printed anchor: event `count` must still have hash `headHash`. */
  anchor?: { count: number; headHash: string } | undefined;
}

/**
 * Recomputes every event's hash in id order, in batches, from one consistent snapshot, and
 * checks each link, the ids' continuity and the head row. Reports the first broken event.
 */
export async function verifyAuditChain(db: Kysely<DB>, options: VerifyOptions = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5000;
  const anchor = options.anchor;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const repo = new AuditRepository(trx);
      const head = await repo.head();
      let prevId = 0;
      let prevHash = GENESIS_HASH;
      let count = 0;
      let anchorHash: string | undefined = anchor?.count === 0 ? GENESIS_HASH : undefined;
      const broken = (brokenAt: number, reason: string): AuditVerification => ({ ok: false, brokenAt, reason, checked: count });

      for (;;) {
        const batch = await repo.chainBatch(prevId, batchSize);
        for (const row of batch) {
          if (row.id !== prevId + 1) {
            const missing = row.id - 1 === prevId + 1 ? `event ${prevId + 1} is missing` : `events ${prevId + 1} to ${row.id - 1} are missing`;
            return broken(row.id, `${missing} before event ${row.id} (deleted)`);
          }
          if (row.prev_hash !== prevHash) {
            return broken(row.id, `prev_hash of event ${row.id} does not match the hash of ${prevId === 0 ? 'the chain start' : `event ${prevId}`} (rows altered, swapped or reordered)`);
          }
          if (eventHash(fromRow(row)) !== row.hash) {
            return broken(row.id, `hash of event ${row.id} does not match its content (row altered)`);
          }
          prevId = row.id;
          prevHash = row.hash;
          count++;
          if (anchor && row.id === anchor.count) anchorHash = row.hash;
        }
        if (batch.length < batchSize) break;
      }

      if (head.lastId > prevId) {
        return broken(prevId + 1, `the log ends at event ${prevId} but audit_head records ${head.lastId} events: the last ones were deleted`);
      }
      if (head.lastId < prevId) {
        return broken(head.lastId + 1, `events after ${head.lastId} were not appended through the chain (audit_head ends at ${head.lastId})`);
      }
      if (head.lastHash !== prevHash) {
        return broken(prevId, `audit_head's hash differs from the hash of event ${prevId}`);
      }
      if (anchor) {
        if (anchor.count > prevId) return broken(prevId + 1, `the anchor counts ${anchor.count} events but the log has only ${prevId}`);
        if (anchorHash !== anchor.headHash.toLowerCase()) {
          return broken(Math.max(anchor.count, 1), `event ${anchor.count}'s hash differs from the anchor: history before the anchor was rewritten`);
        }
      }
      return { ok: true, count, lastId: prevId, headHash: prevHash };
    });
}

function fromRow(r: ChainRow): ChainedEvent {
  return {
    id: r.id,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    actorOrganisationId: r.actor_organisation_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changes: r.changes,
    ip: r.ip,
    userAgent: r.user_agent,
    correlationId: r.correlation_id,
    prevHash: r.prev_hash,
  };
}

/** Filters of the audit viewer. */
export interface AuditListQuery {
  actorUserId?: string | undefined;
  actions?: readonly AuditAction[] | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** Keyset paging: pass the previous page's `nextBeforeId`. */
  beforeId?: number | undefined;
  /** 1 to 500; 50 by default. */
  limit?: number | undefined;
}

/** One event as the audit viewer shows it: what was hashed, with its own hash instead of its predecessor's. */
export type AuditEventView = Omit<ChainedEvent, 'prevHash'> & { hash: string };

/**
 * Events matching the filters, newest first. No permission check here: the caller (the
 * future audit viewer's service) must allow only auditors and administrators.
 */
export async function listAuditEvents(db: Kysely<DB>, query: AuditListQuery = {}): Promise<{ events: AuditEventView[]; nextBeforeId: number | null }> {
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new AppError('VALIDATION_FAILED', 'limit must be a whole number from 1 to 500', [{ field: 'limit', value: limit, reason: 'out of range' }]);
  }
  if (query.actorUserId !== undefined && !UUID.test(query.actorUserId)) {
    throw new AppError('VALIDATION_FAILED', 'actorUserId must be a UUID', [{ field: 'actorUserId', value: query.actorUserId, reason: 'not a UUID' }]);
  }
  const rows = await new AuditRepository(db).list({
    ...query,
    actorUserId: query.actorUserId?.toLowerCase(),
    // One extra row tells whether there is a next page.
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      actorOrganisationId: r.actor_organisation_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      changes: r.changes,
      ip: r.ip,
      userAgent: r.user_agent,
      correlationId: r.correlation_id,
      hash: r.hash,
    })),
    nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

// --- Normalisation: make every value exactly what the database will give back. ---

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL text refuses NUL and UTF-8 refuses lone surrogates; replace both. */
function cleanString(s: string): string {
  return s.replace(/\0/g, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}

function text(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  return cleanString(value).slice(0, MAX_TEXT);
}

function uuidOrNull(value: string | null | undefined, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (!UUID.test(value)) throw new TypeError(`${field} must be a UUID, got ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

/** The JSON value as jsonb will return it (Dates as strings, undefined dropped, clean strings). */
function toStoredJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  return clean(JSON.parse(text) as unknown);
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return cleanString(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[cleanString(k)] = clean(v);
    return out;
  }
  return value;
}
