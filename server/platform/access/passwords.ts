// Password hashing: argon2id with the library's defaults (19 MiB, 2 passes, 1 lane), which
// match OWASP's minimum recommendation for argon2id.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but a megabyte "password" would be a cheap way to burn CPU. */
export const MAX_PASSWORD_LENGTH = 256;

/** An argon2id hash (PHC string) of the password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the account is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Does the password match the hash? With no hash (unknown account, or one without a
 * password yet) it still spends the time of a real check and answers false.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash('not-a-real-password: timing equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed check, not a 500.
    return false;
  }
}
