import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSensitiveKey, redact, REDACTED, SENSITIVE_FIELDS } from './redact.ts';

test('sensitive keys match in any case style and as part of a longer name', () => {
  for (const key of ['password', 'passwordHash', 'new_password', 'PASSWORD', 'totp_secret', 'totpSecret', 'access-token', 'givenName', 'family_name', 'victimBirthDate', 'identity_number', 'contact', 'recoveryCodes']) {
    assert.equal(isSensitiveKey(key), true, key);
  }
  for (const key of ['email', 'status', 'role', 'nationality', 'country']) {
    assert.equal(isSensitiveKey(key), false, key);
  }
});

test('redaction replaces sensitive values at any depth, in objects and arrays, and leaves the input alone', () => {
  const input = {
    status: { from: 'invited', to: 'active' },
    victim: { given_name: 'Ana', familyName: 'Silva', details: { birth_date: '2001-02-03', sex: 'F' } },
    victims: [{ identity_number: 'X1', age: 19 }, [{ contact: { phone: '+1' } }]],
    credentials: { password: { from: 'a', to: 'b' }, token: null },
    count: 3,
  };
  const copy = structuredClone(input);
  assert.deepEqual(redact(input), {
    status: { from: 'invited', to: 'active' },
    victim: { given_name: REDACTED, familyName: REDACTED, details: { birth_date: REDACTED, sex: 'F' } },
    victims: [{ identity_number: REDACTED, age: 19 }, [{ contact: REDACTED }]],
    credentials: { password: REDACTED, token: REDACTED },
    count: 3,
  });
  assert.deepEqual(input, copy, 'the input is not changed');
  assert.equal(redact('plain'), 'plain');
  assert.equal(redact(null), null);
});

test('the one exported set decides, and a narrower set can be passed', () => {
  assert.ok(SENSITIVE_FIELDS.has('given_name'));
  assert.deepEqual(redact({ given_name: 'x', note: 'y' }, new Set(['note'])), { given_name: 'x', note: REDACTED });
});
