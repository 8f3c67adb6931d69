import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT_RULE, afterFailure, lockRemainingMs, type ThrottleState } from './throttle.ts';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, state: ThrottleState | undefined, start: number, gap = 1000): ThrottleState | undefined {
  let s = state;
  for (let i = 0; i < times; i++) s = afterFailure(s, at(start + i * gap), ACCOUNT_RULE);
  return s;
}

test('five failures within a minute lock for a minute', () => {
  const four = fail(4, undefined, 0);
  assert.equal(lockRemainingMs(four, at(4000)), 0);
  const five = fail(1, four, 4000);
  assert.equal(lockRemainingMs(five, at(4000)), 60_000);
});

test('slow failures never lock', () => {
  const s = fail(20, undefined, 0, 61_000);
  assert.equal(s?.failures, 1);
  assert.equal(s?.lockedUntil, null);
});

test('failures right after a lock double it, up to an hour', () => {
  let s = fail(5, undefined, 0);
  let now = 4000;
  const locks: number[] = [];
  for (let i = 0; i < 8; i++) {
    now = s!.lockedUntil!.getTime() - t0.getTime() + 1000;
    s = afterFailure(s, at(now), ACCOUNT_RULE);
    locks.push(lockRemainingMs(s, at(now)) / 60_000);
  }
  assert.deepEqual(locks, [2, 4, 8, 16, 32, 60, 60, 60]);
});

test('a streak ends once the last lock ended longer ago than the longest lock', () => {
  const locked = fail(5, undefined, 0);
  const later = afterFailure(locked, at(4000 + 60_000 + 3_600_000 + 1), ACCOUNT_RULE);
  assert.equal(later.failures, 1);
  assert.equal(later.lockedUntil, null);
});
