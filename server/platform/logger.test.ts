import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loggableUrl } from './logger.ts';

test('one-time tokens in URLs never reach the log', () => {
  assert.equal(loggableUrl('/api/v1/auth/invitation/abcDEF123-_x'), '/api/v1/auth/invitation/[redacted]');
  assert.equal(loggableUrl('/accept-invitation?token=s3cret&lang=ar'), '/accept-invitation?token=[redacted]&lang=ar');
  assert.equal(loggableUrl('/reset-password?lang=fr&token=s3cret'), '/reset-password?lang=fr&token=[redacted]');
  assert.equal(loggableUrl('/api/v1/reference/countries/BLR'), '/api/v1/reference/countries/BLR');
});
