// Throttling of guesses (passwords, second-factor codes) per key: `account:<email>`,
// `address:<ip>`, `totp:<user id>`. The state lives in the database (sign_in_throttle), so
// every process of an installation sees the same counters.

/** One key's counters as stored. */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottleRule {
  /** Failures within `windowMs` that lock the key; the next attempt is refused unchecked. */
  maxFailures: number;
  windowMs: number;
  /** First lock; each further failure right after a lock doubles it, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
}

/** Per account: the 6th failure within a minute is refused; locks of 1, 2, 4 ... 60 minutes. */
export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 3_600_000 };
/**
 * Per client address: more lenient, because one office (or a proxy without trustProxy)
 * shows many people behind one address; still stops spraying passwords over many accounts.
 */
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 60_000, baseLockMs: 60_000, maxLockMs: 3_600_000 };
/** Second-factor codes: 5 wrong codes a minute per user, same back-off. */
export const TOTP_RULE: ThrottleRule = ACCOUNT_RULE;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;
export const totpKey = (userId: string) => `totp:${userId}`;

/** Milliseconds until the key may try again, or 0. */
export function lockRemainingMs(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/**
 * The counters after one more failure at `now`. A streak ends after a quiet window with no
 * lock, or once the last lock ended longer ago than the longest lock; a failure soon after
 * a lock ends locks again, for twice as long.
 */
export function afterFailure(state: ThrottleState | undefined, now: Date, rule: ThrottleRule): ThrottleState {
  const t = now.getTime();
  const stale =
    !state ||
    (state.lockedUntil === null ? state.windowStartedAt.getTime() <= t - rule.windowMs : state.lockedUntil.getTime() <= t - rule.maxLockMs);
  if (stale) return lockIfDue({ failures: 1, windowStartedAt: now, lockedUntil: null }, now, rule);
  return lockIfDue({ ...state, failures: state.failures + 1 }, now, rule);
}

function lockIfDue(state: ThrottleState, now: Date, rule: ThrottleRule): ThrottleState {
  if (state.failures < rule.maxFailures) return state;
  const doublings = Math.min(state.failures - rule.maxFailures, 30);
  const lockMs = Math.min(rule.baseLockMs * 2 ** doublings, rule.maxLockMs);
  return { ...state, lockedUntil: new Date(now.getTime() + lockMs) };
}

/** A key and the rule it counts under. */
export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/** What throttling needs from the database (AuthRepository provides it). */
export interface ThrottleStore {
  throttleStates(keys: string[]): Promise<Map<string, ThrottleState>>;
  lockThrottle(key: string, now: Date): Promise<ThrottleState | undefined>;
  saveThrottle(key: string, state: ThrottleState): Promise<void>;
}

/** Milliseconds until all keys may try again (0 when none is locked). Read before checking anything. */
export async function throttleWaitMs(store: ThrottleStore, keys: ThrottleKey[], now: Date): Promise<number> {
  const states = await store.throttleStates(keys.map((k) => k.key));
  return Math.max(0, ...keys.map((k) => lockRemainingMs(states.get(k.key), now)));
}

/** Counts one failure against every key; call inside the transaction that audits it. */
export async function countFailure(store: ThrottleStore, keys: ThrottleKey[], now: Date): Promise<void> {
  // Sorted, so two transactions lock the same rows in the same order and cannot deadlock.
  for (const k of [...keys].sort((a, b) => a.key.localeCompare(b.key))) {
    const state = await store.lockThrottle(k.key, now);
    await store.saveThrottle(k.key, afterFailure(state, now, k.rule));
  }
}
