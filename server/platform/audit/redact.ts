/** What a sensitive value is replaced with in the audit log. */
export const REDACTED = '[redacted]';

/**
 * Field names whose values never reach the audit log, in snake_case. A key is sensitive when
 * it, or any run of its words, is listed: `passwordHash`, `access_token`, `victim_birth_date`
 * all match. Add victim and credential fields here; over-redacting is the safe mistake.
 */
export const SENSITIVE_FIELDS: ReadonlySet<string> = new Set([
  // Credentials
  'password',
  'passphrase',
  'token',
  'secret',
  'totp',
  'otp',
  'recovery_code',
  'recovery_codes',
  'api_key',
  'authorization',
  'cookie',
  'session_id',
  'csrf',
  // Victims' identities
  'identifiers',
  'person_key',
  'given_name',
  'given_names',
  'other_names',
  'family_name',
  'first_name',
  'last_name',
  'middle_name',
  'full_name',
  'maiden_name',
  'alias',
  'aliases',
  'identity_number',
  'passport_number',
  'national_id',
  'document_number',
  'contact',
  'phone',
  'address',
  'birth_date',
  'date_of_birth',
  'photo',
  'biometrics',
]);

/** `passwordHash`, `password-hash`, `PASSWORD_HASH` -> ['password', 'hash']. */
function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when the key, or any run of consecutive words in it, is in `SENSITIVE_FIELDS`. */
export function isSensitiveKey(key: string, fields: ReadonlySet<string> = SENSITIVE_FIELDS): boolean {
  const w = words(key);
  for (let start = 0; start < w.length; start++) {
    for (let end = start + 1; end <= w.length; end++) {
      if (fields.has(w.slice(start, end).join('_'))) return true;
    }
  }
  return false;
}

/** A copy of `value` with every sensitive key's value, at any depth, replaced by "[redacted]". */
export function redact(value: unknown, fields: ReadonlySet<string> = SENSITIVE_FIELDS): unknown {
  if (Array.isArray(value)) return value.map((v) => redact(v, fields));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSensitiveKey(k, fields) ? REDACTED : redact(v, fields);
    return out;
  }
  return value;
}
