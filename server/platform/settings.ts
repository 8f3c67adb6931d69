import type { Config } from './config.ts';
import { loadMasterKey } from './crypto/master-key.ts';

/** What the running application needs from the configuration (no database or port choice). */
export interface AppSettings {
  masterKey: Buffer;
  publicUrl: string;
  trustProxy: boolean;
  /** cacheSeconds: how long a resolved session or token is trusted without asking the database. */
  session: { idleMinutes: number; absoluteHours: number; cacheSeconds: number };
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Hours between retention sweeps (erasing identifiers past a State's period); 0: off. */
  retentionSweepHours: number;
}

export function settingsFrom(config: Config): { settings: AppSettings; masterKeyCreated: boolean } {
  const { key, created } = loadMasterKey(config);
  return {
    settings: {
      masterKey: key,
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      session: config.session,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      retentionSweepHours: config.retentionSweepHours,
    },
    masterKeyCreated: created,
  };
}
