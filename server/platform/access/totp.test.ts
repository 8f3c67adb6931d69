import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUrl, totpCode, totpStep } from './totp.ts';

const rfcKey = Buffer.from('12345678901234567890');

test('HOTP matches the RFC 4226 appendix D values', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => assert.equal(hotp(rfcKey, counter), code, `counter ${counter}`));
});

test('TOTP matches the RFC 6238 appendix B values (SHA-1, 8 digits)', () => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, code] of vectors) assert.equal(hotp(rfcKey, totpStep(new Date(seconds * 1000)), 8), code, `T=${seconds}`);
  // The same key through base32, 6 digits, as authenticator apps use it.
  assert.equal(totpCode(base32Encode(rfcKey), new Date(59_000)), '287082');
});

test('base32 round-trips and reads the RFC 4648 examples', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.equal(base32Decode('MZXW6YTBOI======').toString(), 'foobar');
  assert.equal(base32Decode('mzxw 6ytb oi').toString(), 'foobar');
  const secret = newTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(base32Encode(base32Decode(secret)), secret);
});

test('matching accepts ±1 step, refuses older steps and used steps', () => {
  const secret = newTotpSecret();
  const at = new Date(1_700_000_000_000);
  const step = totpStep(at);
  assert.equal(matchTotp(secret, totpCode(secret, at), at, null), step);
  assert.equal(matchTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at, null), step - 1);
  assert.equal(matchTotp(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at, null), step + 1);
  assert.equal(matchTotp(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at, null), null);
  // Replay: the step was used already.
  assert.equal(matchTotp(secret, totpCode(secret, at), at, step), null);
  assert.equal(matchTotp(secret, 'abcdef', at, null), null);
});

test('the otpauth URL carries the secret, issuer and parameters', () => {
  const url = new URL(otpauthUrl('JBSWY3DPEHPK3PXP', 'a@example.org'));
  assert.equal(url.protocol, 'otpauth:');
  assert.equal(url.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
  assert.equal(url.searchParams.get('issuer'), 'TIP Hub');
  assert.equal(url.searchParams.get('period'), '30');
});
