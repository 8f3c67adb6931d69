// One-time tokens for invitations and password resets: random, stored only as their hash,
// expiring, single use (see UsersRepository.consumeToken).
import { hashSecret, newSecret } from './credentials.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 3600_000;

export function newOneTimeToken(): { token: string; hash: string } {
  const token = newSecret();
  return { token, hash: hashSecret(token) };
}

/** `${publicUrl}/path?token=...`, whatever trailing slash the configured URL has. */
export function tokenLink(publicUrl: string, path: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path}?token=${encodeURIComponent(token)}`;
}

