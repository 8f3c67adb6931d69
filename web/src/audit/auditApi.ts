// The audit log endpoints of /api/v1 (permission audit.read).
import type { AuditEventView } from '../../../server/platform/audit/audit.service.ts';
import { request } from '../api.ts';

/** One event as the API answers it (the server's view type). */
export type AuditEvent = AuditEventView;

export interface AuditFilters {
  /** The acting user's id (a UUID; the server refuses anything else). */
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** yyyy-mm-dd, inclusive. */
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '' };

export type ChainCheck = { ok: true; count: number; lastId: number; headHash: string } | { ok: false; brokenAt: number; reason: string; checked: number };

/** Dates become whole UTC days: `from` at its start; `to` (exclusive on the server) at the next day's start. */
function toQuery(filters: AuditFilters, before: number | undefined, limit: number): string {
  const q = new URLSearchParams();
  if (filters.actor) q.set('actor', filters.actor);
  if (filters.action) q.set('action', filters.action);
  if (filters.entityType) q.set('entityType', filters.entityType);
  if (filters.entityId) q.set('entityId', filters.entityId);
  if (filters.from) q.set('from', new Date(`${filters.from}T00:00:00.000Z`).toISOString());
  if (filters.to) q.set('to', new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  if (before) q.set('before', String(before));
  q.set('limit', String(limit));
  return q.toString();
}

export const listAuditEvents = (filters: AuditFilters, before: number | undefined, limit = 50, signal?: AbortSignal) =>
  request<{ events: AuditEvent[]; nextBefore: number | null }>('GET', `/api/v1/audit/events?${toQuery(filters, before, limit)}`, undefined, signal);

export const verifyAuditChain = () => request<ChainCheck>('GET', '/api/v1/audit/verify');
