import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'tiphub_session';
/** API tokens look like `tph_<43 characters>`; the prefix makes leaked ones easy to find by scanners. */
export const API_TOKEN_PREFIX = 'tph_';

/** A new random secret (256 bits), URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256: high-entropy, so no slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newApiToken(): { token: string; prefix: string; hash: string } {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), hash: hashSecret(token) };
}
