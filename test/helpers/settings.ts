import { randomBytes } from 'node:crypto';
import type { AppSettings } from '../../server/platform/settings.ts';

/**
 * The master key the demonstration data is sealed with in tests (templates and test servers):
 * fixed, so a server opens what the run's template sealed.
 */
export const demoTestMasterKey: Buffer = Buffer.alloc(32, 0x5d);

/** Settings for an app under test: a fresh master key, mail to the outbox, default session times. */
export function testSettings(overrides: Partial<AppSettings> = {}): AppSettings {
  return {
    masterKey: randomBytes(32),
    publicUrl: 'http://127.0.0.1:8080',
    trustProxy: false,
    // No credential cache by default: tests that change sessions in the database see it at once.
    session: { idleMinutes: 30, absoluteHours: 12, cacheSeconds: 0 },
    smtpUrl: undefined,
    mailFrom: 'TIP Hub <no-reply@tiphub.invalid>',
    // Off: a background sweep would race the tests that apply retention themselves.
    retentionSweepHours: 0,
    ...overrides,
  };
}
