import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FingerprintSet } from './fingerprint-set.ts';

test('remembers every key added, through many resizes, and nothing else', () => {
  const set = new FingerprintSet(4);
  for (let i = 0; i < 50_000; i++) assert.equal(set.add(`KEN|police|case-${i}`), true);
  assert.equal(set.size, 50_000);
  for (let i = 0; i < 50_000; i += 7) assert.equal(set.has(`KEN|police|case-${i}`), true);
  for (let i = 50_000; i < 60_000; i++) assert.equal(set.has(`KEN|police|case-${i}`), false);
  assert.equal(set.add('KEN|police|case-123'), false, 'a key seen before is reported as such');
  assert.equal(set.size, 50_000);
});

test('keys that differ only slightly are different members', () => {
  const set = new FingerprintSet();
  set.add('KEN|police|A-1');
  assert.equal(set.has('KEN|police|A-1 '), false);
  assert.equal(set.has('ken|police|A-1'), false);
  assert.equal(set.has(''), false);
  assert.equal(set.add(''), true);
  assert.equal(set.has(''), true);
});
