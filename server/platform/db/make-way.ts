// Long background work (a bulk import's batches) on the embedded database, which has one
// session for everyone: before each of its transactions, wait until no one else has used the
// session for a moment, so a web request's several queries go through between two batches
// instead of one query per batch. PostgreSQL serves sessions side by side: no wait there.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from './database.ts';

/** The session must have been free this long... */
const QUIET_MS = 15;
/** ...but background work never waits longer than this per transaction (it must finish too). */
const MAX_WAIT_MS = 500;
const POLL_MS = 5;

const inUse = (pool: Database['pool']) => pool.waitingCount > 0 || pool.totalCount > pool.idleCount;

/** Resolves once the embedded database's session has been free for QUIET_MS (or after MAX_WAIT_MS). */
export async function makeWayForOthers(database: Pick<Database, 'kind' | 'pool'>): Promise<void> {
  if (database.kind !== 'pglite') return;
  const start = performance.now();
  let quietSince = start;
  for (;;) {
    const now = performance.now();
    if (inUse(database.pool)) quietSince = now;
    if (now - quietSince >= QUIET_MS || now - start >= MAX_WAIT_MS) return;
    await sleep(POLL_MS);
  }
}
