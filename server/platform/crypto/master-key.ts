import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The master key (32 bytes) that seals secrets at rest. Given in MASTER_KEY, or read from
 * its file; on first start the file is created with owner-only permissions. Losing it
 * makes sealed data unreadable: back it up apart from the database.
 */
export function loadMasterKey(options: { masterKey?: string | undefined; masterKeyFile: string }): { key: Buffer; created: boolean } {
  if (options.masterKey) return { key: Buffer.from(options.masterKey, 'base64'), created: false };
  if (fs.existsSync(options.masterKeyFile)) {
    const key = Buffer.from(fs.readFileSync(options.masterKeyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`The master key file ${options.masterKeyFile} does not hold 32 bytes in base64`);
    return { key, created: false };
  }
  fs.mkdirSync(path.dirname(options.masterKeyFile), { recursive: true });
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process just wrote.
  fs.writeFileSync(options.masterKeyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, created: true };
}
